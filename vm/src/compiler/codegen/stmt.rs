//! Simple statements and assignment targets (CPython's `compiler_visit_stmt` and friends).
//!
//! Compound statements with control flow live in `flow.rs`, definitions in `func.rs`,
//! `match` in `pattern.rs`. What must hold: each statement leaves the value stack as it
//! found it.

use super::consts::const_value;
use super::{Compiler, Ctx};
use crate::compiler::code::Const;
use crate::compiler::error::R;
use crate::spec::{BinOp, Op, INPLACE};
use ruff_python_ast::{self as ast, Expr, Operator, Stmt};
use ruff_text_size::{Ranged, TextRange};

/// Does a block contain an annotated assignment (outside nested definitions)?
pub fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_ann(&f.body) || find_ann(&f.orelse),
        Stmt::While(w) => find_ann(&w.body) || find_ann(&w.orelse),
        Stmt::If(i) => find_ann(&i.body) || i.elif_else_clauses.iter().any(|c| find_ann(&c.body)),
        Stmt::With(w) => find_ann(&w.body),
        Stmt::Try(t) => {
            find_ann(&t.body)
                || find_ann(&t.orelse)
                || find_ann(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    find_ann(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

pub fn binop_arg(op: Operator) -> u32 {
    (match op {
        Operator::Add => BinOp::Add,
        Operator::Sub => BinOp::Sub,
        Operator::Mult => BinOp::Mul,
        Operator::MatMult => BinOp::MatMul,
        Operator::Div => BinOp::TrueDiv,
        Operator::Mod => BinOp::Mod,
        Operator::Pow => BinOp::Pow,
        Operator::LShift => BinOp::LShift,
        Operator::RShift => BinOp::RShift,
        Operator::BitOr => BinOp::Or,
        Operator::BitXor => BinOp::Xor,
        Operator::BitAnd => BinOp::And,
        Operator::FloorDiv => BinOp::FloorDiv,
    }) as u32
}

impl<'a> Compiler<'a> {
    pub fn stmt(&mut self, s: &'a Stmt) -> R<()> {
        self.set_line(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => d.targets.iter().try_for_each(|t| self.delete_target(t)),
            Stmt::Assign(a) => self.assign(a),
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => self.for_stmt(f),
            Stmt::While(w) => self.while_stmt(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => self.with_stmt(w, 0),
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RAISE_VARARGS, n);
                Ok(())
            }
            Stmt::Try(t) => self.try_stmt(t),
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                self.emit0(Op::LOAD_ASSERTION_ERROR);
                if let Some(m) = &a.msg {
                    self.emit0(Op::PUSH_NULL);
                    self.expr(m)?;
                    self.emit(Op::CALL, 1);
                }
                self.emit(Op::RAISE_VARARGS, 1);
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit0(Op::PRINT_EXPR);
                } else if const_value(&e.value).is_none() {
                    self.expr(&e.value)?;
                    self.emit0(Op::POP_TOP);
                }
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
            Stmt::TypeAlias(t) => self.err("invalid syntax", t.range),
            Stmt::IpyEscapeCommand(e) => self.err("invalid syntax", e.range),
        }
    }

    fn assign(&mut self, a: &'a ast::StmtAssign) -> R<()> {
        // `a, b = b, a`: evaluate the items and permute with SWAP instead of building a
        // tuple (CPython's peephole result).
        let telts = match a.targets.as_slice() {
            [Expr::Tuple(t)] => Some(&t.elts),
            [Expr::List(l)] => Some(&l.elts),
            _ => None,
        };
        if let (Some(telts), Expr::Tuple(v)) = (telts, a.value.as_ref()) {
            let n = v.elts.len();
            let no_star = |es: &[Expr]| !es.iter().any(|e| matches!(e, Expr::Starred(_)));
            if (n == 2 || n == 3) && telts.len() == n && no_star(&v.elts) && no_star(telts) {
                for e in &v.elts {
                    self.expr(e)?;
                }
                self.set_line(a.range);
                self.emit(Op::SWAP, n as u32);
                for t in telts {
                    self.store_target(t)?;
                }
                return Ok(());
            }
        }
        self.expr(&a.value)?;
        let n = a.targets.len();
        for (i, t) in a.targets.iter().enumerate() {
            if i + 1 < n {
                self.emit(Op::COPY, 1);
            }
            self.store_target(t)?;
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R<()> {
        let op = binop_arg(a.op) + INPLACE;
        match a.target.as_ref() {
            Expr::Name(n) => {
                self.name_op(&n.id, Ctx::Load, n.range)?;
                self.expr(&a.value)?;
                self.set_line(a.range);
                self.emit(Op::BINARY_OP, op);
                self.name_op(&n.id, Ctx::Store, n.range)
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Op::COPY, 1);
                self.emit_name(Op::LOAD_ATTR, &at.attr.id);
                self.expr(&a.value)?;
                self.set_line(a.range);
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 2);
                self.emit_name(Op::STORE_ATTR, &at.attr.id);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Op::COPY, 2);
                self.emit(Op::COPY, 2);
                self.emit0(Op::BINARY_SUBSCR);
                self.expr(&a.value)?;
                self.set_line(a.range);
                self.emit(Op::BINARY_OP, op);
                self.emit(Op::SWAP, 3);
                self.emit(Op::SWAP, 2);
                self.emit0(Op::STORE_SUBSCR);
                Ok(())
            }
            other => self.err(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    crate::compiler::error::expr_kind_name(other)
                ),
                other.range(),
            ),
        }
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> R<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let at_top = matches!(
            self.unit().kind,
            crate::compiler::symtable::BlockKind::Module
                | crate::compiler::symtable::BlockKind::Class
        );
        match a.target.as_ref() {
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    return self.err("cannot assign to __debug__", n.range);
                }
                if a.simple && at_top {
                    self.annotation_value(&a.annotation)?;
                    self.emit_name(Op::LOAD_NAME, "__annotations__");
                    let mangled =
                        crate::compiler::symtable::mangle(self.unit().private.as_deref(), &n.id)
                            .into_owned();
                    self.load_const(Const::Str(mangled));
                    self.emit0(Op::STORE_SUBSCR);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.expr(&at.value)?;
                    self.emit0(Op::POP_TOP);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.expr(&s.value)?;
                    self.emit0(Op::POP_TOP);
                    self.expr(&s.slice)?;
                    self.emit0(Op::POP_TOP);
                }
            }
            other => return self.err("illegal target for annotation", other.range()),
        }
        if !a.simple && at_top && !self.st.future_annotations {
            self.expr(&a.annotation)?;
            self.emit0(Op::POP_TOP);
        }
        Ok(())
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    pub fn annotation_value(&mut self, e: &'a Expr) -> R<()> {
        if self.st.future_annotations {
            let r = e.range();
            let text = self
                .source
                .get(usize::from(r.start())..usize::from(r.end()))
                .unwrap_or("");
            self.load_const(Const::Str(text.to_string()));
            Ok(())
        } else {
            self.expr(e)
        }
    }

    /// Stores the value on top of the stack into an assignment target.
    pub fn store_target(&mut self, t: &'a Expr) -> R<()> {
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store, n.range),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_line(a.range);
                self.emit_name(Op::STORE_ATTR, &a.attr.id);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_line(s.range);
                self.emit0(Op::STORE_SUBSCR);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                self.unpack(elts, t.range())?;
                for e in elts {
                    match e {
                        Expr::Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
                Ok(())
            }
            Expr::Starred(s) => self.err(
                "starred assignment target must be in a list or tuple",
                s.range,
            ),
            other => self.err(
                format!(
                    "cannot assign to {}",
                    crate::compiler::error::expr_kind_name(other)
                ),
                other.range(),
            ),
        }
    }

    /// UNPACK_SEQUENCE or UNPACK_EX for a target list.
    pub fn unpack(&mut self, elts: &[Expr], range: TextRange) -> R<()> {
        let mut star = None;
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if star.is_some() {
                    return self.err("multiple starred expressions in assignment", range);
                }
                let after = elts.len() - i - 1;
                if i >= 256 || after >= (1 << 23) {
                    return self.err("too many expressions in star-unpacking assignment", s.range);
                }
                star = Some(i);
            }
        }
        match star {
            Some(i) => {
                let after = (elts.len() - i - 1) as u32;
                self.emit(Op::UNPACK_EX, i as u32 | (after << 8));
            }
            None => self.emit(Op::UNPACK_SEQUENCE, elts.len() as u32),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> R<()> {
        match t {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del, n.range),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.emit_name(Op::DELETE_ATTR, &a.attr.id);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit0(Op::DELETE_SUBSCR);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            other => self.err(
                format!(
                    "cannot delete {}",
                    crate::compiler::error::expr_kind_name(other)
                ),
                other.range(),
            ),
        }
    }

    fn import(&mut self, i: &'a ast::StmtImport) -> R<()> {
        for a in &i.names {
            self.load_const(Const::Int(0));
            self.load_const(Const::None);
            let name = a.name.id.as_str();
            let idx = self.add_name(name);
            self.emit(Op::IMPORT_NAME, idx);
            match &a.asname {
                Some(asname) => {
                    let mut parts = name.split('.').skip(1).peekable();
                    if parts.peek().is_some() {
                        while let Some(attr) = parts.next() {
                            let idx = self.add_name(attr);
                            self.emit(Op::IMPORT_FROM, idx);
                            if parts.peek().is_some() {
                                self.emit(Op::SWAP, 2);
                                self.emit0(Op::POP_TOP);
                            }
                        }
                        self.name_op(&asname.id, Ctx::Store, asname.range)?;
                        self.emit0(Op::POP_TOP);
                    } else {
                        self.name_op(&asname.id, Ctx::Store, asname.range)?;
                    }
                }
                None => {
                    let first = name.split('.').next().unwrap_or(name);
                    self.name_op(first, Ctx::Store, a.range)?;
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> R<()> {
        self.load_const(Const::Int(i.level as i64));
        let names: Vec<Const> = i
            .names
            .iter()
            .map(|a| Const::Str(a.name.id.to_string()))
            .collect();
        self.load_const(Const::Tuple(names));
        let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
        let idx = self.add_name(module);
        self.emit(Op::IMPORT_NAME, idx);
        for a in &i.names {
            if a.name.id.as_str() == "*" {
                self.emit0(Op::IMPORT_STAR);
                return Ok(());
            }
            let idx = self.add_name(&a.name.id);
            self.emit(Op::IMPORT_FROM, idx);
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(&store.id, Ctx::Store, store.range)?;
        }
        self.emit0(Op::POP_TOP);
        Ok(())
    }

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> R<()> {
        let end = self.new_label();
        self.if_chain(&i.test, &i.body, &i.elif_else_clauses, end)?;
        self.bind(end);
        Ok(())
    }

    fn if_chain(
        &mut self,
        test: &'a Expr,
        body: &'a [Stmt],
        rest: &'a [ast::ElifElseClause],
        end: super::Label,
    ) -> R<()> {
        let next = if rest.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(test, next, false)?;
        self.stmts(body)?;
        if let Some((clause, more)) = rest.split_first() {
            self.jump_to(end);
            self.bind(next);
            self.set_line(clause.range);
            match &clause.test {
                Some(t) => self.if_chain(t, &clause.body, more, end)?,
                None => self.stmts(&clause.body)?,
            }
        }
        Ok(())
    }
}
