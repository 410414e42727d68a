//! Expressions (CPython's `compiler_visit_expr1`), calls, conditional jumps, displays and
//! f-strings.
//!
//! What must hold: an expression leaves exactly one value on the stack; `jump_if` leaves
//! none on either branch. Calls use `[callable, self_or_null, args...]`: a plain call
//! pushes the callable then PUSH_NULL; a method call uses LOAD_METHOD, which pushes both.

use super::consts::{const_value, truthy};
use super::stmt::binop_arg;
use super::{Compiler, Ctx, Label};
use crate::compiler::code::Const;
use crate::compiler::error::R;
use crate::compiler::symtable::BlockKind;
use crate::spec::Op;
use ruff_python_ast::{self as ast, BoolOp, CmpOp, ConversionFlag, Expr, ExprContext, UnaryOp};
use ruff_python_ast::{FStringPart, InterpolatedStringElement as FElem};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashSet;

/// CPython's STACK_USE_GUIDELINE: displays longer than this are built incrementally.
const STACK_USE_GUIDELINE: usize = 30;

fn cmp_op(op: CmpOp) -> (Op, u32) {
    match op {
        CmpOp::Lt => (Op::COMPARE_OP, 0),
        CmpOp::LtE => (Op::COMPARE_OP, 1),
        CmpOp::Eq => (Op::COMPARE_OP, 2),
        CmpOp::NotEq => (Op::COMPARE_OP, 3),
        CmpOp::Gt => (Op::COMPARE_OP, 4),
        CmpOp::GtE => (Op::COMPARE_OP, 5),
        CmpOp::Is => (Op::IS_OP, 0),
        CmpOp::IsNot => (Op::IS_OP, 1),
        CmpOp::In => (Op::CONTAINS_OP, 0),
        CmpOp::NotIn => (Op::CONTAINS_OP, 1),
    }
}

/// One piece of an f-string after merging adjacent literal text.
enum Piece<'a> {
    Text(String),
    Value(&'a ast::InterpolatedElement),
}

fn push_text(pieces: &mut Vec<Piece<'_>>, s: &str) {
    if s.is_empty() {
        return;
    }
    if let Some(Piece::Text(t)) = pieces.last_mut() {
        t.push_str(s);
    } else {
        pieces.push(Piece::Text(s.to_string()));
    }
}

fn elements<'a>(pieces: &mut Vec<Piece<'a>>, elems: impl Iterator<Item = &'a FElem>) {
    for el in elems {
        match el {
            FElem::Literal(l) => push_text(pieces, &l.value),
            FElem::Interpolation(i) => {
                if let Some(d) = &i.debug_text {
                    push_text(pieces, d.as_str());
                }
                pieces.push(Piece::Value(i));
            }
        }
    }
}

impl<'a> Compiler<'a> {
    pub fn expr(&mut self, e: &'a Expr) -> R<()> {
        let saved = self.unit().line;
        self.set_line(e.range());
        let r = self.expr_inner(e);
        self.u().line = saved;
        r
    }

    fn expr_inner(&mut self, e: &'a Expr) -> R<()> {
        if let Some(c) = const_value(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let op = if b.op == BoolOp::And {
                    Op::JUMP_IF_FALSE_OR_POP
                } else {
                    Op::JUMP_IF_TRUE_OR_POP
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.jump(op, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Op::COPY, 1);
                self.store_target(&n.target)?;
            }
            Expr::BinOp(_) => {
                let mut chain = Vec::new();
                let mut cur = e;
                while let Expr::BinOp(b) = cur {
                    chain.push(b);
                    cur = &b.left;
                }
                self.expr(cur)?;
                for b in chain.into_iter().rev() {
                    self.expr(&b.right)?;
                    self.set_line(b.range);
                    self.emit(Op::BINARY_OP, binop_arg(b.op));
                }
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                self.emit0(match u.op {
                    UnaryOp::Invert => Op::UNARY_INVERT,
                    UnaryOp::Not => Op::UNARY_NOT,
                    UnaryOp::UAdd => Op::UNARY_POSITIVE,
                    UnaryOp::USub => Op::UNARY_NEGATIVE,
                });
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.expr(&i.body)?;
                self.jump_to(end);
                self.bind(next);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict(d)?,
            Expr::Set(s) => self.starunpack(
                &s.elts,
                0,
                Op::BUILD_SET,
                Op::SET_ADD,
                Op::SET_UPDATE,
                false,
            )?,
            Expr::ListComp(c) => self.comprehension(e, &c.generators, &c.elt, None)?,
            Expr::SetComp(c) => self.comprehension(e, &c.generators, &c.elt, None)?,
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, &c.generators, k, Some(&c.value))?,
                None => {
                    return self.err(
                        "dict unpacking cannot be used in dict comprehension",
                        c.range,
                    )
                }
            },
            Expr::Generator(g) => self.comprehension(e, &g.generators, &g.elt, None)?,
            Expr::Await(a) => {
                let kind = self.unit().kind;
                if !kind.is_function() {
                    return self.err("'await' outside function", a.range);
                }
                let is_async =
                    self.scope().is_async_def || matches!(kind, BlockKind::Comprehension(_));
                if !is_async {
                    return self.err("'await' outside async function", a.range);
                }
                self.expr(&a.value)?;
                self.emit(Op::GET_AWAITABLE, 0);
                self.load_const(Const::None);
                self.yield_from_loop();
            }
            Expr::Yield(y) => {
                if !self.unit().kind.is_function() {
                    return self.err("'yield' outside function", y.range);
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Const::None),
                }
                self.emit(Op::YIELD_VALUE, 0);
            }
            Expr::YieldFrom(y) => {
                if !self.unit().kind.is_function() {
                    return self.err("'yield' outside function", y.range);
                }
                if self.scope().is_async_def {
                    return self.err("'yield from' inside async function", y.range);
                }
                self.expr(&y.value)?;
                self.emit0(Op::GET_YIELD_FROM_ITER);
                self.load_const(Const::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_line(a.range);
                self.emit_name(Op::LOAD_ATTR, &a.attr.id);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_line(s.range);
                self.emit0(Op::BINARY_SUBSCR);
            }
            Expr::Starred(s) => return self.err("can't use starred expression here", s.range),
            Expr::Name(n) => {
                let ctx = match n.ctx {
                    ExprContext::Store => Ctx::Store,
                    ExprContext::Del => Ctx::Del,
                    _ => Ctx::Load,
                };
                self.name_op(&n.id, ctx, n.range)?;
            }
            Expr::List(l) => self.starunpack(
                &l.elts,
                0,
                Op::BUILD_LIST,
                Op::LIST_APPEND,
                Op::LIST_EXTEND,
                false,
            )?,
            Expr::Tuple(t) => self.starunpack(
                &t.elts,
                0,
                Op::BUILD_LIST,
                Op::LIST_APPEND,
                Op::LIST_EXTEND,
                true,
            )?,
            Expr::Slice(s) => {
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Const::None),
                    }
                }
                match &s.step {
                    Some(p) => {
                        self.expr(p)?;
                        self.emit(Op::BUILD_SLICE, 3);
                    }
                    None => self.emit(Op::BUILD_SLICE, 2),
                }
            }
            Expr::TString(t) => return self.err("invalid syntax", t.range),
            Expr::IpyEscapeCommand(i) => return self.err("invalid syntax", i.range),
            // Literals are handled by `const_value` above.
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {}
        }
        Ok(())
    }

    /// `yield from` / `await` loop: `[receiver, value]` to `[result]`.
    pub fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.jump(Op::SEND, exit);
        self.emit(Op::YIELD_VALUE, 1);
        self.jump_to(start);
        self.bind(exit);
    }

    /// Jumps to `target` when the truth of `e` equals `cond` (CPython's
    /// `compiler_jump_if`), without materialising boolean values where possible.
    pub fn jump_if(&mut self, e: &'a Expr, target: Label, cond: bool) -> R<()> {
        if let Some(c) = const_value(e) {
            if truthy(&c) == cond {
                self.jump_to(target);
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, target, !cond)
            }
            Expr::BoolOp(b) => {
                let cond2 = b.op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    target
                };
                let n = b.values.len();
                for v in &b.values[..n.saturating_sub(1)] {
                    self.jump_if(v, next2, cond2)?;
                }
                if let Some(last) = b.values.last() {
                    self.jump_if(last, target, cond)?;
                }
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, next2, false)?;
                self.jump_if(&i.body, target, cond)?;
                self.jump_to(end);
                self.bind(next2);
                self.jump_if(&i.orelse, target, cond)?;
                self.bind(end);
                return Ok(());
            }
            Expr::Compare(c) if c.ops.len() > 1 => {
                let saved = self.unit().line;
                self.set_line(c.range);
                let cleanup = self.new_label();
                self.expr(&c.left)?;
                let n = c.ops.len() - 1;
                for i in 0..n {
                    self.expr(&c.comparators[i])?;
                    self.emit(Op::SWAP, 2);
                    self.emit(Op::COPY, 2);
                    let (op, arg) = cmp_op(c.ops[i]);
                    self.emit(op, arg);
                    self.jump(Op::POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&c.comparators[n])?;
                let (op, arg) = cmp_op(c.ops[n]);
                self.emit(op, arg);
                self.jump(
                    if cond {
                        Op::POP_JUMP_IF_TRUE
                    } else {
                        Op::POP_JUMP_IF_FALSE
                    },
                    target,
                );
                let end = self.new_label();
                self.jump_to(end);
                self.bind(cleanup);
                self.emit0(Op::POP_TOP);
                if !cond {
                    self.jump_to(target);
                }
                self.bind(end);
                self.u().line = saved;
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.jump(
            if cond {
                Op::POP_JUMP_IF_TRUE
            } else {
                Op::POP_JUMP_IF_FALSE
            },
            target,
        );
        Ok(())
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_line(c.range);
            let (op, arg) = cmp_op(c.ops[0]);
            self.emit(op, arg);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.set_line(c.range);
            self.emit(Op::SWAP, 2);
            self.emit(Op::COPY, 2);
            let (op, arg) = cmp_op(c.ops[i]);
            self.emit(op, arg);
            self.jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
        }
        self.expr(&c.comparators[n - 1])?;
        self.set_line(c.range);
        let (op, arg) = cmp_op(c.ops[n - 1]);
        self.emit(op, arg);
        let end = self.new_label();
        self.jump_to(end);
        self.bind(cleanup);
        self.emit(Op::SWAP, 2);
        self.emit0(Op::POP_TOP);
        self.bind(end);
        Ok(())
    }

    /// Builds a list/set/tuple from items that may be starred (CPython's
    /// `starunpack_helper`); `pushed` items are already on the stack.
    pub fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Op,
        add: Op,
        extend: Op,
        tuple: bool,
    ) -> R<()> {
        let n = elts.len();
        if n > 2 {
            let consts: Option<Vec<Const>> = elts.iter().map(const_value).collect();
            if let Some(items) = consts {
                if tuple && pushed == 0 {
                    self.load_const(Const::Tuple(items));
                } else {
                    let folded = if add == Op::SET_ADD {
                        Const::FrozenSet(items)
                    } else {
                        Const::Tuple(items)
                    };
                    self.emit(build, pushed);
                    self.load_const(folded);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit0(Op::LIST_TO_TUPLE);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(
                if tuple { Op::BUILD_TUPLE } else { build },
                n as u32 + pushed,
            );
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let Expr::Starred(s) = e {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.expr(&s.value)?;
                self.emit(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit0(Op::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> R<()> {
        let items = &d.items;
        let mut have_dict = false;
        let mut elements = 0;
        for (i, item) in items.iter().enumerate() {
            if item.key.is_none() {
                if elements > 0 {
                    self.subdict(&items[i - elements..i])?;
                    if have_dict {
                        self.emit(Op::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Op::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&item.value)?;
                self.emit(Op::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&items[i - elements..=i])?;
                if have_dict {
                    self.emit(Op::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&items[items.len() - elements..])?;
            if have_dict {
                self.emit(Op::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Op::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, items: &'a [ast::DictItem]) -> R<()> {
        let n = items.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let keys: Option<Vec<Const>> = items
                .iter()
                .map(|i| i.key.as_ref().and_then(const_value))
                .collect();
            if let Some(keys) = keys {
                for i in items {
                    self.expr(&i.value)?;
                }
                self.load_const(Const::Tuple(keys));
                self.emit(Op::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Op::BUILD_MAP, 0);
        }
        for i in items {
            if let Some(k) = &i.key {
                self.expr(k)?;
            }
            self.expr(&i.value)?;
            if big {
                self.emit(Op::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Op::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R<()> {
        let args = &c.arguments;
        let mut seen = HashSet::new();
        for k in args.keywords.iter() {
            if let Some(name) = &k.arg {
                if name.id.as_str() == "__debug__" {
                    return self.err("cannot assign to __debug__", k.range);
                }
                if !seen.insert(name.id.as_str()) {
                    return self.err(format!("keyword argument repeated: {}", name.id), k.range);
                }
            }
        }
        let gen_line = match (&args.args[..], args.keywords.is_empty()) {
            ([Expr::Generator(g)], true) if !g.parenthesized => {
                Some(self.line_of(args.range.start()))
            }
            _ => None,
        };
        let simple = !args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && args.keywords.iter().all(|k| k.arg.is_some());
        if let (Expr::Attribute(a), true) = (c.func.as_ref(), simple) {
            if a.ctx == ExprContext::Load {
                self.expr(&a.value)?;
                self.set_line(a.range);
                self.emit_name(Op::LOAD_METHOD, &a.attr.id);
                self.genexpr_line = gen_line;
                return self.call_helper(0, &args.args, &args.keywords, c.range());
            }
        }
        self.expr(&c.func)?;
        self.emit0(Op::PUSH_NULL);
        self.genexpr_line = gen_line;
        self.call_helper(0, &args.args, &args.keywords, c.range())
    }

    /// Pushes the arguments and emits the call; `pushed` positional arguments are already
    /// on the stack above `[callable, self_or_null]`.
    pub fn call_helper(
        &mut self,
        pushed: u32,
        args: &'a [Expr],
        kws: &'a [ast::Keyword],
        range: TextRange,
    ) -> R<()> {
        let starred = args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || kws.iter().any(|k| k.arg.is_none());
        if !starred {
            for a in args {
                self.expr(a)?;
            }
            for k in kws {
                self.expr(&k.value)?;
            }
            self.set_line(range);
            if !kws.is_empty() {
                let names = kws
                    .iter()
                    .map(|k| Const::Str(k.arg.as_ref().map_or("", |n| n.id.as_str()).to_string()));
                let i = self.add_const(Const::Tuple(names.collect()));
                self.emit(Op::KW_NAMES, i);
            }
            self.emit(Op::CALL, pushed + (args.len() + kws.len()) as u32);
            return Ok(());
        }
        self.starunpack(
            args,
            pushed,
            Op::BUILD_LIST,
            Op::LIST_APPEND,
            Op::LIST_EXTEND,
            true,
        )?;
        let mut have_dict = false;
        if !kws.is_empty() {
            let mut nseen = 0;
            for (i, k) in kws.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&kws[i - nseen..i])?;
                        if have_dict {
                            self.emit(Op::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Op::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Op::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&kws[kws.len() - nseen..])?;
                if have_dict {
                    self.emit(Op::DICT_MERGE, 1);
                }
                have_dict = true;
            }
        }
        self.set_line(range);
        self.emit(Op::CALL_FUNCTION_EX, u32::from(have_dict));
        Ok(())
    }

    fn subkwargs(&mut self, kws: &'a [ast::Keyword]) -> R<()> {
        let n = kws.len();
        let name =
            |k: &ast::Keyword| Const::Str(k.arg.as_ref().map_or("", |n| n.id.as_str()).to_string());
        if n > 1 {
            for k in kws {
                self.expr(&k.value)?;
            }
            self.load_const(Const::Tuple(kws.iter().map(name).collect()));
            self.emit(Op::BUILD_CONST_KEY_MAP, n as u32);
        } else {
            for k in kws {
                self.load_const(name(k));
                self.expr(&k.value)?;
            }
            self.emit(Op::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    fn fstring(&mut self, f: &'a ast::ExprFString) -> R<()> {
        let mut pieces = Vec::new();
        for part in f.value.iter() {
            match part {
                FStringPart::Literal(s) => push_text(&mut pieces, &s.value),
                FStringPart::FString(fs) => elements(&mut pieces, fs.elements.iter()),
            }
        }
        self.pieces(pieces)
    }

    fn pieces(&mut self, pieces: Vec<Piece<'a>>) -> R<()> {
        let n = pieces.len();
        if n == 0 {
            self.load_const(Const::Str(String::new()));
            return Ok(());
        }
        for p in pieces {
            match p {
                Piece::Text(t) => self.load_const(Const::Str(t)),
                Piece::Value(v) => self.formatted_value(v)?,
            }
        }
        if n != 1 {
            self.emit(Op::BUILD_STRING, n as u32);
        }
        Ok(())
    }

    fn formatted_value(&mut self, v: &'a ast::InterpolatedElement) -> R<()> {
        self.expr(&v.expression)?;
        let mut conv = match v.conversion {
            ConversionFlag::None => 0,
            ConversionFlag::Str => 1,
            ConversionFlag::Repr => 2,
            ConversionFlag::Ascii => 3,
        };
        let spec = v.format_spec.as_deref().filter(|s| !s.elements.is_empty());
        if v.debug_text.is_some() && conv == 0 && spec.is_none() {
            conv = 2;
        }
        if let Some(spec) = spec {
            let mut pieces = Vec::new();
            elements(&mut pieces, spec.elements.iter());
            self.pieces(pieces)?;
            conv |= 4;
        }
        self.emit(Op::FORMAT_VALUE, conv);
        Ok(())
    }
}
