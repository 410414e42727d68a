//! `match` statements, following CPython 3.11's `compiler_match` and `compiler_pattern_*`.
//!
//! How it works: the subject stays on the stack while the cases are tried (a copy is made
//! for every case but the last). A pattern consumes the value on top of the stack. Values
//! captured by name patterns are rotated under the items still in use (`on_top`) and stored
//! only once the whole pattern has matched, so a failed match binds nothing. On failure a
//! pattern jumps to `fail_pop[n]`, where `n` is the number of items to pop (`on_top` plus
//! the captures so far); the fail-pop blocks are a chain of POP_TOPs.
//!
//! What must hold: at every jump to `fail_pop[n]` exactly `n` items are above the copy of
//! the subject the case started with; or-pattern alternatives leave their captures in
//! the same order.

use super::consts::const_value;
use super::{Compiler, Ctx, Label};
use crate::compiler::code::Const;
use crate::compiler::codegen::ConstKey;
use crate::compiler::error::R;
use crate::spec::{BinOp, Op};
use ruff_python_ast::{self as ast, Expr, Pattern, Singleton};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashSet;

#[derive(Default, Clone)]
struct PatCtx {
    stores: Vec<String>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        p,
        Pattern::MatchAs(ast::PatternMatchAs {
            pattern: None,
            name: None,
            ..
        })
    )
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(
        p,
        Pattern::MatchStar(ast::PatternMatchStar { name: None, .. })
    )
}

/// Python repr of a constant, for error messages.
fn short_repr(c: &Const) -> String {
    crate::compiler::dis::const_repr(c)
}

impl<'a> Compiler<'a> {
    pub fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R<()> {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        let Some(last) = m.cases.last() else {
            return self.err("invalid syntax", m.range);
        };
        let has_default = is_wildcard(&last.pattern) && n > 1;
        let upto = n - usize::from(has_default);
        for (i, case) in m.cases[..upto].iter().enumerate() {
            self.set_line(case.pattern.range());
            let not_last = i + 1 != upto;
            if not_last {
                self.emit(Op::COPY, 1);
            }
            let mut pc = PatCtx {
                allow_irrefutable: case.guard.is_some() || i + 1 == n,
                ..PatCtx::default()
            };
            self.pattern(&case.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.name_op(&name, Ctx::Store, case.pattern.range())?;
            }
            if let Some(g) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(g, target, false)?;
            }
            if not_last {
                self.emit0(Op::POP_TOP);
            }
            self.stmts(&case.body)?;
            self.jump_to(end);
            self.set_line(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default {
            self.set_line(last.pattern.range());
            if n == 1 {
                self.emit0(Op::POP_TOP);
            }
            if let Some(g) = &last.guard {
                self.jump_if(g, end, false)?;
            }
            self.stmts(&last.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatCtx, n: u32) {
        while pc.fail_pop.len() <= n as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatCtx, op: Op) {
        let pops = pc.on_top + pc.stores.len() as u32;
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops as usize]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatCtx) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (i, l) in labels.iter().enumerate().rev() {
            self.bind(*l);
            if i > 0 {
                self.emit0(Op::POP_TOP);
            }
        }
    }

    fn rotate(&mut self, mut count: u32) {
        while count > 1 {
            self.emit(Op::SWAP, count);
            count -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatCtx,
        range: TextRange,
    ) -> R<()> {
        let Some(n) = name else {
            self.emit0(Op::POP_TOP);
            return Ok(());
        };
        if n.id.as_str() == "__debug__" {
            return self.err("cannot assign to __debug__", n.range);
        }
        if pc.stores.iter().any(|s| s == n.id.as_str()) {
            return self.err(
                format!("multiple assignments to name '{}' in pattern", n.id),
                range,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() as u32 + 1);
        pc.stores.push(n.id.to_string());
        Ok(())
    }

    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> R<()> {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.pattern(p, pc);
        pc.allow_irrefutable = saved;
        r
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatCtx) -> R<()> {
        self.set_line(p.range());
        match p {
            Pattern::MatchValue(v) => {
                if !matches!(v.value.as_ref(), Expr::Attribute(_))
                    && const_value(&v.value).is_none()
                {
                    return self.err(
                        "patterns may only match literals and attribute lookups",
                        v.range,
                    );
                }
                self.expr(&v.value)?;
                self.emit(Op::COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    Singleton::None => Const::None,
                    Singleton::True => Const::True,
                    Singleton::False => Const::False,
                });
                self.emit(Op::IS_OP, 0);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Pattern::MatchSequence(s) => self.pattern_sequence(&s.patterns, pc, s.range)?,
            Pattern::MatchMapping(m) => self.pattern_mapping(m, pc)?,
            Pattern::MatchClass(c) => self.pattern_class(c, pc)?,
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc, s.range)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match &a.name {
                            Some(n) => self.err(
                                format!(
                                    "name capture '{}' makes remaining patterns unreachable",
                                    n.id
                                ),
                                a.range,
                            ),
                            None => {
                                self.err("wildcard makes remaining patterns unreachable", a.range)
                            }
                        };
                    }
                    self.store_capture(a.name.as_ref(), pc, a.range)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Op::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc, a.range)?;
                }
            },
            Pattern::MatchOr(o) => self.pattern_or(o, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        pats: &'a [Pattern],
        pc: &mut PatCtx,
        range: TextRange,
    ) -> R<()> {
        let size = pats.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in pats.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return self.err("multiple starred names in sequence pattern", p.range());
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit0(Op::MATCH_SEQUENCE);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit0(Op::GET_LEN);
                self.load_const(Const::Int(size as i64));
                self.emit(Op::COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit0(Op::GET_LEN);
                self.load_const(Const::Int(size as i64 - 1));
                self.emit(Op::COMPARE_OP, 5);
                self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit0(Op::POP_TOP);
        } else if star_wildcard {
            // [first, *_, last]: index instead of unpacking.
            let star = star.unwrap_or(0);
            pc.on_top += 1;
            for (i, p) in pats.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Op::COPY, 1);
                if i < star {
                    self.load_const(Const::Int(i as i64));
                } else {
                    self.emit0(Op::GET_LEN);
                    self.load_const(Const::Int((size - i) as i64));
                    self.emit(Op::BINARY_OP, BinOp::Sub as u32);
                }
                self.emit0(Op::BINARY_SUBSCR);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit0(Op::POP_TOP);
        } else {
            match star {
                Some(i) => {
                    if i >= 256 || size - i > (1 << 23) {
                        return self.err(
                            "too many expressions in star-unpacking sequence pattern",
                            range,
                        );
                    }
                    self.emit(Op::UNPACK_EX, i as u32 | (((size - i - 1) as u32) << 8));
                }
                None => self.emit(Op::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size as u32;
            for p in pats {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn pattern_mapping(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatCtx) -> R<()> {
        let size = m.keys.len();
        if size != m.patterns.len() {
            return self.err(
                "keys / patterns length mismatch in mapping pattern",
                m.range,
            );
        }
        pc.on_top += 1;
        self.emit0(Op::MATCH_MAPPING);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit0(Op::POP_TOP);
            return Ok(());
        }
        if size > 0 {
            self.emit0(Op::GET_LEN);
            self.load_const(Const::Int(size as i64));
            self.emit(Op::COMPARE_OP, 5);
            self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
        }
        let mut seen = HashSet::new();
        for k in m.keys.iter() {
            match const_value(k) {
                Some(c) => {
                    if !seen.insert(ConstKey::of(&c)) {
                        return self.err(
                            format!("mapping pattern checks duplicate key ({})", short_repr(&c)),
                            m.range,
                        );
                    }
                }
                None if matches!(k, Expr::Attribute(_)) => {}
                None => {
                    return self.err(
                        "mapping pattern keys may only match literals and attribute lookups",
                        k.range(),
                    )
                }
            }
            self.expr(k)?;
        }
        self.emit(Op::BUILD_TUPLE, size as u32);
        self.emit0(Op::MATCH_KEYS);
        pc.on_top += 2;
        self.emit(Op::COPY, 1);
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_NONE);
        self.emit(Op::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size as u32;
        pc.on_top -= 1;
        for p in m.patterns.iter() {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        // [subject, keys] remain.
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                // rest = dict(subject) without the matched keys.
                self.emit(Op::BUILD_MAP, 0);
                self.emit(Op::SWAP, 3);
                self.emit(Op::DICT_UPDATE, 2);
                self.emit(Op::UNPACK_SEQUENCE, size as u32);
                let mut left = size as u32;
                while left > 0 {
                    self.emit(Op::COPY, 1 + left);
                    left -= 1;
                    self.emit(Op::SWAP, 2);
                    self.emit0(Op::DELETE_SUBSCR);
                }
                self.store_capture(Some(rest), pc, m.range)?;
            }
            None => {
                self.emit0(Op::POP_TOP);
                self.emit0(Op::POP_TOP);
            }
        }
        Ok(())
    }

    fn pattern_class(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatCtx) -> R<()> {
        let pos = &c.arguments.patterns;
        let kws = &c.arguments.keywords;
        for (i, k) in kws.iter().enumerate() {
            if k.attr.id.as_str() == "__debug__" {
                return self.err("cannot assign to __debug__", k.attr.range);
            }
            if kws[..i].iter().any(|o| o.attr.id == k.attr.id) {
                return self.err(
                    format!("attribute name repeated in class pattern: {}", k.attr.id),
                    k.pattern.range(),
                );
            }
        }
        self.expr(&c.cls)?;
        let names = kws
            .iter()
            .map(|k| Const::Str(k.attr.id.to_string()))
            .collect();
        self.load_const(Const::Tuple(names));
        let nargs = pos.len() as u32;
        let total = nargs + kws.len() as u32;
        self.emit(Op::MATCH_CLASS, nargs);
        self.emit(Op::COPY, 1);
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Op::POP_JUMP_IF_NONE);
        self.emit(Op::UNPACK_SEQUENCE, total);
        pc.on_top += total;
        pc.on_top -= 1;
        let all = pos.iter().chain(kws.iter().map(|k| &k.pattern));
        for p in all {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit0(Op::POP_TOP);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn pattern_or(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatCtx) -> R<()> {
        let end = self.new_label();
        let size = o.patterns.len();
        let old = pc.clone();
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            self.set_line(alt.range());
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == size && old.allow_irrefutable;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Op::COPY, 1);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != pc.stores.len() {
                        return self.err("alternative patterns bind different names", alt.range());
                    }
                    let mut icontrol = ctl.len();
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return self
                                .err("alternative patterns bind different names", alt.range());
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.jump_to(end);
            self.emit_and_reset_fail_pop(pc);
        }
        let control = control.unwrap_or_default();
        let stores_before = old.stores.len() as u32;
        *pc = old;
        // The last alternative fell through: pop the remaining subject copy and fail.
        self.emit0(Op::POP_TOP);
        self.jump_to_fail_pop(pc, Op::JUMP_FORWARD);
        self.bind(end);
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + stores_before;
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return self.err(
                    format!("multiple assignments to name '{name}' in pattern"),
                    o.range,
                );
            }
            pc.stores.push(name);
        }
        self.emit0(Op::POP_TOP);
        Ok(())
    }
}
