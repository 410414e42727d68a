//! Functions, lambdas, classes and comprehensions: each compiles its body into a nested
//! [`CodeUnit`] and emits the code that builds the function object in the enclosing block.
//!
//! Conventions (besides spec.rs): MAKE_FUNCTION's optional operands are pushed in the
//! order defaults tuple, kwdefaults dict, annotations tuple `(name, value, ...)`, closure
//! tuple of cells (one LOAD_CLOSURE per free variable of the new code, in its `freevars`
//! order). Decorators are evaluated first, each followed by PUSH_NULL, and applied with
//! `CALL 1` innermost first. A class is built by calling `__build_class__` with the body
//! function, the name, the bases and keywords. A comprehension is a function of one
//! parameter `.0`, called with the iterator of the outermost iterable:
//! `MAKE_FUNCTION; PUSH_NULL; <iterable>; GET_ITER (GET_AITER if async); CALL 1`.
//!
//! What must hold: the closure built here lists exactly the child's `freevars`, each
//! found among this unit's cellvars or freevars.

use super::consts::const_value;
use super::{Compiler, Ctx, FBlock};
use crate::compiler::code::{CodeUnit, Const};
use crate::compiler::error::{docstring, R};
use crate::compiler::symtable::{mangle, BlockKind, CompKind};
use crate::spec::Op;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};

impl<'a> Compiler<'a> {
    fn scope_for<T>(&self, node: &T, range: TextRange) -> R<usize> {
        match self.st.scope_of(node) {
            Some(s) => Ok(s),
            None => self.err("internal compiler error: block without a scope", range),
        }
    }

    /// Defaults and keyword-only defaults; returns MAKE_FUNCTION flags 1 | 2.
    fn defaults(&mut self, p: &'a ast::Parameters) -> R<u32> {
        let mut flags = 0;
        let defs: Vec<&'a Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !defs.is_empty() {
            let consts: Option<Vec<Const>> = defs.iter().map(|d| const_value(d)).collect();
            match consts {
                Some(items) => self.load_const(Const::Tuple(items)),
                None => {
                    for d in &defs {
                        self.expr(d)?;
                    }
                    self.emit(Op::BUILD_TUPLE, defs.len() as u32);
                }
            }
            flags |= 1;
        }
        let mut n = 0;
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                let name =
                    mangle(self.unit().private.as_deref(), &a.parameter.name.id).into_owned();
                self.load_const(Const::Str(name));
                self.expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Op::BUILD_MAP, n);
            flags |= 2;
        }
        Ok(flags)
    }

    /// Parameter and return annotations as a tuple `(name, value, ...)`; returns flag 4 or 0.
    fn annotations(&mut self, p: &'a ast::Parameters, returns: Option<&'a Expr>) -> R<u32> {
        let mut n = 0;
        let params = p
            .args
            .iter()
            .chain(p.posonlyargs.iter())
            .map(|a| &a.parameter);
        let params = params
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter));
        let params: Vec<&'a ast::Parameter> = params.chain(p.kwarg.as_deref()).collect();
        for a in params {
            if let Some(ann) = &a.annotation {
                let name = mangle(self.unit().private.as_deref(), &a.name.id).into_owned();
                self.load_const(Const::Str(name));
                match ann.as_ref() {
                    // `*args: *Ts` (PEP 646): the annotation is the single item of Ts.
                    Expr::Starred(s) if !self.st.future_annotations => {
                        self.expr(&s.value)?;
                        self.emit(Op::UNPACK_SEQUENCE, 1);
                    }
                    _ => self.annotation_value(ann)?,
                }
                n += 2;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str("return".to_string()));
            self.annotation_value(r)?;
            n += 2;
        }
        if n == 0 {
            return Ok(0);
        }
        self.emit(Op::BUILD_TUPLE, n);
        Ok(4)
    }

    /// Builds the closure tuple (if any) and the function object for `code`.
    fn make_closure(&mut self, code: CodeUnit, mut flags: u32, range: TextRange) -> R<()> {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let Some(i) = self.deref_index(name) else {
                    return self.err(
                        format!("internal compiler error: no cell for free variable '{name}'"),
                        range,
                    );
                };
                self.emit(Op::LOAD_CLOSURE, i);
            }
            self.emit(Op::BUILD_TUPLE, code.freevars.len() as u32);
            flags |= 8;
        }
        self.load_const(Const::Code(Box::new(code)));
        self.emit(Op::MAKE_FUNCTION, flags);
        Ok(())
    }

    fn set_args(&mut self, p: Option<&'a ast::Parameters>) {
        if let Some(p) = p {
            let u = self.u();
            u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
            u.posonlyargcount = p.posonlyargs.len() as u32;
            u.kwonlyargcount = p.kwonlyargs.len() as u32;
        }
    }

    fn decorators(&mut self, decos: &'a [ast::Decorator]) -> R<()> {
        for d in decos {
            self.expr(&d.expression)?;
            self.emit0(Op::PUSH_NULL);
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decos: &'a [ast::Decorator], line: u32) {
        for _ in decos {
            self.u().line = line;
            self.emit(Op::CALL, 1);
        }
    }

    pub fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R<()> {
        let scope = self.scope_for(f, f.range)?;
        let firstlineno = self.line_of(f.range.start());
        self.decorators(&f.decorator_list)?;
        self.set_line(f.name.range);
        let def_line = self.unit().line;
        let mut flags = self.defaults(&f.parameters)?;
        flags |= self.annotations(&f.parameters, f.returns.as_deref())?;
        self.enter_unit(scope, &f.name.id, firstlineno);
        self.set_args(Some(&f.parameters));
        let mut body: &'a [ast::Stmt] = &f.body;
        if let Some(doc) = docstring(body) {
            self.u().doc = Some(doc.to_string());
            body = &body[1..];
        }
        let r = self.stmts(body);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        self.return_none();
        let code = self.exit_unit()?;
        self.u().line = def_line;
        self.make_closure(code, flags, f.range)?;
        self.apply_decorators(&f.decorator_list, def_line);
        self.name_op(&f.name.id, Ctx::Store, f.name.range)
    }

    pub fn lambda(&mut self, l: &'a ast::ExprLambda) -> R<()> {
        let scope = self.scope_for(l, l.range)?;
        let flags = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let line = self.unit().line;
        self.enter_unit(scope, "<lambda>", line);
        self.set_args(l.parameters.as_deref());
        if let Err(e) = self.expr(&l.body) {
            self.units.pop();
            return Err(e);
        }
        // A generator lambda returns its body's value too, as in CPython.
        self.emit0(Op::RETURN_VALUE);
        let code = self.exit_unit()?;
        self.make_closure(code, flags, l.range)
    }

    pub fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R<()> {
        let scope = self.scope_for(c, c.range)?;
        let firstlineno = self.line_of(c.range.start());
        self.decorators(&c.decorator_list)?;
        self.set_line(c.name.range);
        let class_line = self.unit().line;
        self.enter_unit(scope, &c.name.id, firstlineno);
        let r = self.class_body(c);
        if let Err(e) = r {
            self.units.pop();
            return Err(e);
        }
        let code = self.exit_unit()?;
        self.u().line = class_line;
        self.emit0(Op::LOAD_BUILD_CLASS);
        self.emit0(Op::PUSH_NULL);
        self.make_closure(code, 0, c.range)?;
        self.load_const(Const::Str(c.name.id.to_string()));
        match &c.arguments {
            Some(args) => self.call_helper(2, &args.args, &args.keywords, c.range)?,
            None => self.emit(Op::CALL, 2),
        }
        self.apply_decorators(&c.decorator_list, class_line);
        self.name_op(&c.name.id, Ctx::Store, c.name.range)
    }

    fn class_body(&mut self, c: &'a ast::StmtClassDef) -> R<()> {
        self.set_line(c.name.range);
        self.name_op("__name__", Ctx::Load, c.range)?;
        self.name_op("__module__", Ctx::Store, c.range)?;
        let q = self.unit().qualname.clone();
        self.load_const(Const::Str(q));
        self.name_op("__qualname__", Ctx::Store, c.range)?;
        self.body_with_doc(&c.body)?;
        if self.scope().needs_class_closure {
            let Some(i) = self.deref_index("__class__") else {
                return self.err("internal compiler error: no __class__ cell", c.range);
            };
            self.emit(Op::LOAD_CLOSURE, i);
            self.name_op("__classcell__", Ctx::Store, c.range)?;
        }
        self.return_none();
        Ok(())
    }

    pub fn comprehension(
        &mut self,
        e: &'a Expr,
        gens: &'a [ast::Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> R<()> {
        let scope = self.scope_for(e, e.range())?;
        let kind = match self.st.scopes[scope].kind {
            BlockKind::Comprehension(k) => k,
            _ => return self.err("internal compiler error: comprehension scope", e.range()),
        };
        let Some(outer) = gens.first() else {
            return self.err("invalid syntax", e.range());
        };
        let outer_kind = self.unit().kind;
        let outer_async = self.scope().is_async_def;
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        };
        let line = self.genexpr_line.take().unwrap_or(self.unit().line);
        self.enter_unit(scope, name, line);
        self.u().argcount = 1;
        let is_async = self.scope().is_coroutine;
        let r = (|| {
            if is_async
                && kind != CompKind::Generator
                && !outer_async
                && !matches!(outer_kind, BlockKind::Comprehension(_))
            {
                return self.err(
                    "asynchronous comprehension outside of an asynchronous function",
                    e.range(),
                );
            }
            match kind {
                CompKind::List => self.emit(Op::BUILD_LIST, 0),
                CompKind::Set => self.emit(Op::BUILD_SET, 0),
                CompKind::Dict => self.emit(Op::BUILD_MAP, 0),
                CompKind::Generator => {}
            }
            self.comp_generator(gens, 0, 0, elt, value, kind)?;
            if kind == CompKind::Generator {
                self.load_const(Const::None);
            }
            self.emit0(Op::RETURN_VALUE);
            Ok(())
        })();
        if let Err(err) = r {
            self.units.pop();
            return Err(err);
        }
        let code = self.exit_unit()?;
        self.make_closure(code, 0, e.range())?;
        self.emit0(Op::PUSH_NULL);
        self.expr(&outer.iter)?;
        self.emit0(if outer.is_async {
            Op::GET_AITER
        } else {
            Op::GET_ITER
        });
        self.emit(Op::CALL, 1);
        if is_async && kind != CompKind::Generator {
            self.emit(Op::GET_AWAITABLE, 0);
            self.load_const(Const::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comp_element(
        &mut self,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
        depth: u32,
    ) -> R<()> {
        match kind {
            CompKind::Generator => {
                self.expr(elt)?;
                self.emit(Op::YIELD_VALUE, 0);
                self.emit0(Op::POP_TOP);
            }
            CompKind::List => {
                self.expr(elt)?;
                self.emit(Op::LIST_APPEND, depth + 1);
            }
            CompKind::Set => {
                self.expr(elt)?;
                self.emit(Op::SET_ADD, depth + 1);
            }
            CompKind::Dict => {
                self.expr(elt)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.emit(Op::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    /// One `for` clause of a comprehension; `depth` counts the iterators on the stack.
    fn comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R<()> {
        let g = &gens[index];
        if g.is_async {
            return self.async_comp_generator(gens, index, depth, elt, value, kind);
        }
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        let mut start = None;
        if index == 0 {
            self.emit(Op::LOAD_FAST, 0);
        } else {
            // `for y in [f(x)]`: a one-item list or tuple is just an assignment.
            let single = match &g.iter {
                Expr::List(l) if l.elts.len() == 1 => Some(&l.elts[0]),
                Expr::Tuple(t) if t.elts.len() == 1 => Some(&t.elts[0]),
                _ => None,
            };
            match single {
                Some(one) if !matches!(one, Expr::Starred(_)) => self.expr(one)?,
                _ => {
                    self.expr(&g.iter)?;
                    self.emit0(Op::GET_ITER);
                    start = Some(self.new_label());
                }
            }
        }
        if index == 0 {
            start = Some(self.new_label());
        }
        if let Some(s) = start {
            depth += 1;
            self.bind(s);
            self.jump(Op::FOR_ITER, anchor);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comp_generator(gens, index + 1, depth, elt, value, kind)?;
        } else {
            self.comp_element(elt, value, kind, depth)?;
        }
        self.bind(if_cleanup);
        if let Some(s) = start {
            self.jump_to(s);
            self.bind(anchor);
        }
        Ok(())
    }

    /// An `async for` clause: `[aiter]`; the handler around `__anext__` sees
    /// `[aiter, exc]` and ends the loop with END_ASYNC_FOR.
    fn async_comp_generator(
        &mut self,
        gens: &'a [ast::Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> R<()> {
        let g = &gens[index];
        let start = self.new_label();
        let except = self.new_label();
        let if_cleanup = self.new_label();
        if index == 0 {
            self.emit(Op::LOAD_FAST, 0);
        } else {
            self.expr(&g.iter)?;
            self.emit0(Op::GET_AITER);
        }
        self.bind(start);
        self.push_fblock(FBlock::AsyncComprehensionGenerator, g.range)?;
        let h = self.new_handler(except, false, 0);
        self.push_handler(h);
        self.emit0(Op::GET_ANEXT);
        self.load_const(Const::None);
        self.yield_from_loop();
        self.pop_handler();
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comp_generator(gens, index + 1, depth, elt, value, kind)?;
        } else {
            self.comp_element(elt, value, kind, depth)?;
        }
        self.bind(if_cleanup);
        self.jump_to(start);
        self.pop_fblock();
        self.bind(except);
        self.emit0(Op::END_ASYNC_FOR);
        Ok(())
    }
}
