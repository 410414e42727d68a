//! The symbol-table builder: one walk over the AST recording how each block uses each name
//! (CPython's `symtable_visit_*`). Semantic errors found here use CPython's messages.
//!
//! What must hold: the walk visits nodes in the same blocks as the code generator compiles
//! them (defaults, annotations and decorators in the enclosing block; the first iterable of
//! a comprehension in the enclosing block, the rest inside it).

use super::{flag, mangle, node_key, BlockKind, CompKind, Scope, ScopeId, SymTable};
use crate::compiler::error::{docstring, SynErr, R};
use ruff_python_ast::{self as ast, Expr, ExprContext, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::{HashMap, HashSet};

struct Builder {
    st: SymTable,
    cur: ScopeId,
    private: Option<String>,
    /// Addresses of the `from __future__ import` statements that are correctly placed.
    futures: HashSet<usize>,
}

pub(super) fn build_module(body: &[Stmt], _source: &str) -> R<SymTable> {
    let mut b = Builder::new(TextRange::default());
    b.check_future(body)?;
    b.body(body)?;
    Ok(b.st)
}

pub(super) fn build_expression(e: &Expr, _source: &str) -> R<SymTable> {
    let mut b = Builder::new(e.range());
    b.expr(e)?;
    Ok(b.st)
}

const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl Builder {
    fn new(range: TextRange) -> Builder {
        let st = SymTable {
            scopes: vec![Scope::new(BlockKind::Module, "top", None, range)],
            by_node: HashMap::new(),
            future_annotations: false,
        };
        Builder {
            st,
            cur: 0,
            private: None,
            futures: HashSet::new(),
        }
    }

    fn scope(&mut self) -> &mut Scope {
        &mut self.st.scopes[self.cur]
    }

    fn check_future(&mut self, body: &[Stmt]) -> R<()> {
        let skip = usize::from(docstring(body).is_some());
        for s in &body[skip..] {
            let Stmt::ImportFrom(f) = s else { break };
            if f.level != 0 || f.module.as_ref().map(|m| m.id.as_str()) != Some("__future__") {
                break;
            }
            for a in &f.names {
                let name = a.name.id.as_str();
                if name == "braces" {
                    return Err(SynErr::new("not a chance", f.range));
                }
                if !FEATURES.contains(&name) {
                    return Err(SynErr::new(
                        format!("future feature {name} is not defined"),
                        f.range,
                    ));
                }
                if name == "annotations" {
                    self.st.future_annotations = true;
                }
            }
            self.futures.insert(node_key(f));
        }
        Ok(())
    }

    fn enter(&mut self, kind: BlockKind, name: &str, key: usize, range: TextRange) {
        let parent = &self.st.scopes[self.cur];
        let nested = parent.nested || parent.kind.is_function();
        let mut s = Scope::new(kind, name, Some(self.cur), range);
        s.nested = nested;
        let id = self.st.scopes.len();
        self.st.scopes.push(s);
        self.st.scopes[self.cur].children.push(id);
        self.st.by_node.insert(key, id);
        self.cur = id;
    }

    fn exit(&mut self) {
        self.cur = self.st.scopes[self.cur].parent.unwrap_or(0);
    }

    fn add_def(&mut self, name: &str, fl: u32, range: TextRange) -> R<()> {
        self.add_def_in(self.cur, name, fl, range)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, fl: u32, range: TextRange) -> R<()> {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let s = &mut self.st.scopes[id];
        let mut val = s.flags(&mangled);
        if fl & flag::PARAM != 0 && val & flag::PARAM != 0 {
            return Err(SynErr::new(
                format!("duplicate argument '{name}' in function definition"),
                range,
            ));
        }
        val |= fl;
        if s.comp_iter_target {
            if val & (flag::GLOBAL | flag::NONLOCAL) != 0 {
                return Err(SynErr::new(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= flag::COMP_ITER;
        }
        s.set_flags(&mangled, val);
        if fl & flag::PARAM != 0 {
            s.params.push(mangled);
        } else if fl & flag::GLOBAL != 0 {
            let top = &mut self.st.scopes[0];
            let v = fl | top.flags(&mangled);
            top.set_flags(&mangled, v);
        }
        Ok(())
    }

    fn body(&mut self, body: &[Stmt]) -> R<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> R<()> {
        es.iter().try_for_each(|e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> R<()> {
        match s {
            Stmt::FunctionDef(f) => {
                self.add_def(&f.name.id, flag::LOCAL, f.name.range)?;
                self.defaults(&f.parameters)?;
                self.param_annotations(&f.parameters)?;
                if let Some(r) = &f.returns {
                    self.annotation(r)?;
                }
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(BlockKind::Function, &f.name.id, node_key(f), f.range);
                if f.is_async {
                    self.scope().is_coroutine = true;
                    self.scope().is_async_def = true;
                }
                self.params(&f.parameters)?;
                self.body(&f.body)?;
                self.exit();
            }
            Stmt::ClassDef(c) => {
                self.add_def(&c.name.id, flag::LOCAL, c.name.range)?;
                if let Some(args) = &c.arguments {
                    self.exprs(&args.args)?;
                    for k in &args.keywords {
                        self.expr(&k.value)?;
                    }
                }
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.enter(BlockKind::Class, &c.name.id, node_key(c), c.range);
                let saved = self.private.replace(c.name.id.to_string());
                self.body(&c.body)?;
                self.private = saved;
                self.exit();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => self.exprs(&d.targets)?,
            Stmt::TypeAlias(t) => return Err(SynErr::new("invalid syntax", t.range)),
            Stmt::Assign(a) => {
                self.exprs(&a.targets)?;
                self.expr(&a.value)?;
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.target)?;
                self.expr(&a.value)?;
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(n) = a.target.as_ref() {
                    let mangled = mangle(self.private.as_deref(), &n.id).into_owned();
                    let cur = self.scope().flags(&mangled);
                    if cur & (flag::GLOBAL | flag::NONLOCAL) != 0 && self.cur != 0 && a.simple {
                        let what = if cur & flag::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return Err(SynErr::new(
                            format!("annotated name '{}' can't be {what}", n.id),
                            n.range,
                        ));
                    }
                    if a.simple {
                        self.add_def(&n.id, flag::ANNOT | flag::LOCAL, n.range)?;
                    } else if a.value.is_some() {
                        self.add_def(&n.id, flag::LOCAL, n.range)?;
                    }
                } else {
                    self.expr(&a.target)?;
                }
                self.annotation(&a.annotation)?;
                if let Some(v) = &a.value {
                    self.expr(v)?;
                }
            }
            Stmt::For(f) => {
                self.expr(&f.target)?;
                self.expr(&f.iter)?;
                self.body(&f.body)?;
                self.body(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.body(&w.body)?;
                self.body(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.body(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.body(&w.body)?;
            }
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.body(&c.body)?;
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.body(&t.body)?;
                self.body(&t.orelse)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(&n.id, flag::LOCAL, n.range)?;
                    }
                    self.body(&h.body)?;
                }
                self.body(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let name = match &a.asname {
                        Some(n) => n.id.as_str(),
                        None => a.name.id.split('.').next().unwrap_or(""),
                    };
                    self.add_def(name, flag::IMPORT, a.range)?;
                }
            }
            Stmt::ImportFrom(f) => {
                if f.level == 0
                    && f.module.as_ref().map(|m| m.id.as_str()) == Some("__future__")
                    && !self.futures.contains(&node_key(f))
                {
                    return Err(SynErr::new(
                        "from __future__ imports must occur at the beginning of the file",
                        f.range,
                    ));
                }
                for a in &f.names {
                    if a.name.id.as_str() == "*" {
                        if self.scope().kind != BlockKind::Module {
                            return Err(SynErr::new(
                                "import * only allowed at module level",
                                a.range,
                            ));
                        }
                        continue;
                    }
                    let name = a.asname.as_ref().unwrap_or(&a.name);
                    self.add_def(&name.id, flag::IMPORT, a.range)?;
                }
            }
            Stmt::Global(g) => self.declare(&g.names, flag::GLOBAL, "global", g.range)?,
            Stmt::Nonlocal(n) => self.declare(&n.names, flag::NONLOCAL, "nonlocal", n.range)?,
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::IpyEscapeCommand(e) => return Err(SynErr::new("invalid syntax", e.range)),
        }
        Ok(())
    }

    fn declare(
        &mut self,
        names: &[ast::Identifier],
        fl: u32,
        what: &str,
        range: TextRange,
    ) -> R<()> {
        for n in names {
            let mangled = mangle(self.private.as_deref(), &n.id).into_owned();
            let cur = self.scope().flags(&mangled);
            if cur & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                let name = &n.id;
                let msg = if cur & flag::PARAM != 0 {
                    format!("name '{name}' is parameter and {what}")
                } else if cur & flag::USE != 0 {
                    format!("name '{name}' is used prior to {what} declaration")
                } else if cur & flag::ANNOT != 0 {
                    format!("annotated name '{name}' can't be {what}")
                } else {
                    format!("name '{name}' is assigned to before {what} declaration")
                };
                return Err(SynErr::new(msg, range));
            }
            self.add_def(&n.id, fl, range)?;
            self.scope().directives.entry(mangled).or_insert(range);
        }
        Ok(())
    }

    fn annotation(&mut self, e: &Expr) -> R<()> {
        if self.st.future_annotations {
            Ok(())
        } else {
            self.expr(e)
        }
    }

    fn defaults(&mut self, p: &ast::Parameters) -> R<()> {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        for a in &p.kwonlyargs {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
        }
        Ok(())
    }

    fn param_annotations(&mut self, p: &ast::Parameters) -> R<()> {
        let all = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|a| &a.parameter);
        let all = all
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|a| &a.parameter));
        for a in all.chain(p.kwarg.as_deref()) {
            if let Some(ann) = &a.annotation {
                self.annotation(ann)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> R<()> {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            self.add_def(&a.parameter.name.id, flag::PARAM, a.parameter.name.range)?;
        }
        if let Some(v) = &p.vararg {
            self.add_def(&v.name.id, flag::PARAM, v.name.range)?;
            self.scope().varargs = true;
        }
        if let Some(k) = &p.kwarg {
            self.add_def(&k.name.id, flag::PARAM, k.name.range)?;
            self.scope().varkeywords = true;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R<()> {
        match e {
            Expr::BoolOp(b) => self.exprs(&b.values)?,
            Expr::Named(n) => {
                if self.scope().comp_iter_expr > 0 {
                    return Err(SynErr::new(
                        "assignment expression cannot be used in a comprehension iterable expression",
                        n.range,
                    ));
                }
                if matches!(self.scope().kind, BlockKind::Comprehension(_)) {
                    self.extend_namedexpr_scope(&n.target)?;
                }
                self.expr(&n.value)?;
                self.expr(&n.target)?;
            }
            Expr::BinOp(_) => {
                // Left-nested chains are walked iteratively (see `limits`).
                let mut rights = Vec::new();
                let mut cur = e;
                while let Expr::BinOp(b) = cur {
                    rights.push(&*b.right);
                    cur = &b.left;
                }
                self.expr(cur)?;
                for r in rights.into_iter().rev() {
                    self.expr(r)?;
                }
            }
            Expr::UnaryOp(u) => self.expr(&u.operand)?,
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.defaults(p)?;
                }
                self.enter(BlockKind::Lambda, "lambda", node_key(l), l.range);
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                self.expr(&l.body)?;
                self.exit();
            }
            Expr::If(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k)?;
                    }
                    self.expr(&item.value)?;
                }
            }
            Expr::Set(s) => self.exprs(&s.elts)?,
            Expr::ListComp(c) => {
                self.comprehension(e, CompKind::List, &c.generators, &c.elt, None)?
            }
            Expr::SetComp(c) => {
                self.comprehension(e, CompKind::Set, &c.generators, &c.elt, None)?
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => {
                    self.comprehension(e, CompKind::Dict, &c.generators, k, Some(&c.value))?
                }
                None => {
                    return Err(SynErr::new(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    ))
                }
            },
            Expr::Generator(g) => {
                self.comprehension(e, CompKind::Generator, &g.generators, &g.elt, None)?
            }
            Expr::Await(a) => {
                self.expr(&a.value)?;
                self.scope().is_coroutine = true;
            }
            Expr::Yield(y) => {
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
                self.yield_in(y.range)?;
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.yield_in(y.range)?;
            }
            Expr::Compare(c) => {
                self.expr(&c.left)?;
                self.exprs(&c.comparators)?;
            }
            Expr::Call(c) => {
                self.expr(&c.func)?;
                self.exprs(&c.arguments.args)?;
                for k in &c.arguments.keywords {
                    self.expr(&k.value)?;
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.fstring_element(el)?;
                }
            }
            Expr::TString(t) => return Err(SynErr::new("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value)?,
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            Expr::Starred(s) => self.expr(&s.value)?,
            Expr::Name(n) => {
                let fl = match n.ctx {
                    ExprContext::Store | ExprContext::Del => flag::LOCAL,
                    _ => flag::USE,
                };
                self.add_def(&n.id, fl, n.range)?;
                if n.ctx == ExprContext::Load
                    && self.scope().kind.is_function()
                    && n.id.as_str() == "super"
                {
                    self.add_def("__class__", flag::USE, n.range)?;
                }
            }
            Expr::List(l) => self.exprs(&l.elts)?,
            Expr::Tuple(t) => self.exprs(&t.elts)?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
        }
        Ok(())
    }

    fn fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> R<()> {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.expr(&i.expression)?;
            if let Some(spec) = &i.format_spec {
                for el in spec.elements.iter() {
                    self.fstring_element(el)?;
                }
            }
        }
        Ok(())
    }

    fn yield_in(&mut self, range: TextRange) -> R<()> {
        let s = self.scope();
        s.is_generator = true;
        if let BlockKind::Comprehension(k) = s.kind {
            let what = match k {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Generator => "generator expression",
            };
            return Err(SynErr::new(format!("'yield' inside {what}"), range));
        }
        Ok(())
    }

    /// A walrus inside a comprehension binds in the nearest enclosing non-comprehension
    /// block (PEP 572).
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R<()> {
        let Expr::Name(n) = target else { return Ok(()) };
        let name = n.id.as_str();
        let mut id = self.cur;
        loop {
            let s = &self.st.scopes[id];
            match s.kind {
                BlockKind::Comprehension(_) => {
                    if s.flags(name) & flag::COMP_ITER != 0 {
                        return Err(SynErr::new(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            n.range,
                        ));
                    }
                }
                BlockKind::Function | BlockKind::Lambda => {
                    let outer = if s.flags(name) & flag::GLOBAL != 0 {
                        flag::GLOBAL
                    } else {
                        flag::NONLOCAL
                    };
                    self.add_def(name, outer, n.range)?;
                    self.scope()
                        .directives
                        .entry(name.to_string())
                        .or_insert(n.range);
                    return self.add_def_in(id, name, flag::LOCAL, n.range);
                }
                BlockKind::Module => {
                    self.add_def(name, flag::GLOBAL, n.range)?;
                    self.scope()
                        .directives
                        .entry(name.to_string())
                        .or_insert(n.range);
                    return self.add_def_in(id, name, flag::GLOBAL, n.range);
                }
                BlockKind::Class => {
                    return Err(SynErr::new(
                        "assignment expression within a comprehension cannot be used in a class body",
                        n.range,
                    ));
                }
            }
            match s.parent {
                Some(p) => id = p,
                None => return Ok(()),
            }
        }
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        gens: &[ast::Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R<()> {
        let Some(outer) = gens.first() else {
            return Ok(());
        };
        self.scope().comp_iter_expr += 1;
        let r = self.expr(&outer.iter);
        self.scope().comp_iter_expr -= 1;
        r?;
        let name = match kind {
            CompKind::List => "listcomp",
            CompKind::Set => "setcomp",
            CompKind::Dict => "dictcomp",
            CompKind::Generator => "genexpr",
        };
        self.enter(BlockKind::Comprehension(kind), name, node_key(e), e.range());
        if outer.is_async {
            self.scope().is_coroutine = true;
        }
        self.add_def(".0", flag::PARAM, e.range())?;
        self.comp_target(&outer.target)?;
        self.exprs(&outer.ifs)?;
        for g in &gens[1..] {
            self.comp_target(&g.target)?;
            self.scope().comp_iter_expr += 1;
            let r = self.expr(&g.iter);
            self.scope().comp_iter_expr -= 1;
            r?;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.scope().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        let s = self.scope();
        s.is_generator = kind == CompKind::Generator;
        let is_async = s.is_coroutine && kind != CompKind::Generator;
        self.exit();
        if is_async {
            self.scope().is_coroutine = true;
        }
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> R<()> {
        self.scope().comp_iter_target = true;
        let r = self.expr(t);
        self.scope().comp_iter_target = false;
        r
    }

    fn pattern(&mut self, p: &Pattern) -> R<()> {
        match p {
            Pattern::MatchValue(v) => self.expr(&v.value)?,
            Pattern::MatchSingleton(_) => {}
            Pattern::MatchSequence(s) => s.patterns.iter().try_for_each(|p| self.pattern(p))?,
            Pattern::MatchMapping(m) => {
                self.exprs(&m.keys)?;
                m.patterns.iter().try_for_each(|p| self.pattern(p))?;
                if let Some(r) = &m.rest {
                    self.add_def(&r.id, flag::LOCAL, r.range)?;
                }
            }
            Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                c.arguments
                    .patterns
                    .iter()
                    .try_for_each(|p| self.pattern(p))?;
                c.arguments
                    .keywords
                    .iter()
                    .try_for_each(|k| self.pattern(&k.pattern))?;
            }
            Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.add_def(&n.id, flag::LOCAL, n.range)?;
                }
            }
            Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.add_def(&n.id, flag::LOCAL, n.range)?;
                }
            }
            Pattern::MatchOr(o) => o.patterns.iter().try_for_each(|p| self.pattern(p))?,
        }
        Ok(())
    }
}
