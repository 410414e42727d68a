//! Quickening: the instruction stream the interpreter runs, with superinstructions.
//!
//! A code object keeps the compiler's instructions (`CodeUnit::instrs`: what `--dis`
//! shows and what generator introspection reads) and a quickened copy that `run` executes.
//! The copy differs only in that the first of some frequent pairs is replaced by one
//! superinstruction doing the work of both (one dispatch instead of two). The second
//! instruction stays in place, unchanged: a jump or a resumed generator may land on it.
//!
//! What must hold: a superinstruction's handler does exactly what its two parts do, in
//! order, and advances `ip` past the second part *before* running it, so that an exception
//! or a call inside the second part sees the same `ip` as the unfused code would (line
//! numbers, exception handlers and the second part's inline cache are all keyed by it).
//! Arguments are packed (`ArgKind::Pair`, `ArgKind::CmpJump`); a pair whose arguments do
//! not fit is left alone.

use crate::compiler::code::Instr;
use crate::spec::Op;

/// The quickened copy of `instrs`.
pub fn quicken(instrs: &[Instr]) -> Vec<Instr> {
    let mut out = instrs.to_vec();
    let mut i = 0;
    while i + 1 < instrs.len() {
        let (a, b) = (instrs[i], instrs[i + 1]);

        if let Some(fused) = fuse(a, b) {
            out[i] = fused;
            // Do not start another pair on the instruction just absorbed: it is skipped
            // when the superinstruction runs.
            i += 2;
        } else {
            i += 1;
        }
    }
    out
}

/// Replaces, in the quickened copy `quick`, each STORE_ATTR that stores into local 0
/// (`self`) at the start of a function, before `self` can have been given to anyone,
/// by STORE_ATTR_FRESH (`self.x = x; self.y = []` at the top of an `__init__`).
///
/// The start is the straight run of instructions from the entry up to the first one
/// that is not NOP, LOAD_FAST, LOAD_CONST, BUILD_LIST, BUILD_TUPLE or such a
/// STORE_ATTR, and before the first jump or handler target (so no later code can come
/// back into it). None of these run Python code or store a value anywhere but in
/// `self`; STORE_ATTR itself might (a property setter, `__setattr__`), which is why the
/// handler checks at run time too (`Vm::fresh_obj`). A small abstract stack tells which
/// operands are `self`.
pub fn mark_fresh_self_stores(
    instrs: &[Instr],
    handler_targets: impl IntoIterator<Item = u32>,
    quick: &mut [Instr],
) {
    use crate::spec::ArgKind;
    let first_target = instrs
        .iter()
        .filter(|i| i.op.arg_kind() == ArgKind::Jump)
        .map(|i| i.arg)
        .chain(handler_targets)
        .min()
        .unwrap_or(u32::MAX) as usize;
    // true: the value is local 0.
    let mut stack: Vec<bool> = Vec::new();
    for (i, ins) in instrs.iter().enumerate().take(first_target) {
        match ins.op {
            Op::NOP => {}
            Op::LOAD_FAST => stack.push(ins.arg == 0),
            Op::LOAD_CONST => stack.push(false),
            Op::BUILD_LIST | Op::BUILD_TUPLE => {
                let n = ins.arg as usize;
                if n > stack.len() {
                    return;
                }
                stack.truncate(stack.len() - n);
                stack.push(false);
            }
            Op::STORE_ATTR => {
                let (Some(true), Some(_)) = (stack.pop(), stack.pop()) else {
                    return;
                };
                // Never the second part of a superinstruction (none ends in STORE_ATTR),
                // so the quickened copy holds the STORE_ATTR itself here.
                if quick[i].op == Op::STORE_ATTR {
                    quick[i].op = Op::STORE_ATTR_FRESH;
                }
            }
            _ => return,
        }
    }
}

fn pair(op: Op, first: u32, second: u32) -> Option<Instr> {
    (first <= 0xffff && second <= 0xffff).then_some(Instr {
        op,
        arg: first | second << 16,
    })
}

fn fuse(a: Instr, b: Instr) -> Option<Instr> {
    use Op::*;
    match (a.op, b.op) {
        (LOAD_FAST, LOAD_FAST) => pair(LOAD_FAST__LOAD_FAST, a.arg, b.arg),
        (LOAD_FAST, LOAD_CONST) => pair(LOAD_FAST__LOAD_CONST, a.arg, b.arg),
        (STORE_FAST, LOAD_FAST) => pair(STORE_FAST__LOAD_FAST, a.arg, b.arg),
        (LOAD_FAST, LOAD_ATTR) => pair(LOAD_FAST__LOAD_ATTR, a.arg, b.arg),
        (LOAD_FAST, LOAD_METHOD) => pair(LOAD_FAST__LOAD_METHOD, a.arg, b.arg),
        (LOAD_GLOBAL, PUSH_NULL) => Some(Instr {
            op: LOAD_GLOBAL__PUSH_NULL,
            arg: a.arg,
        }),
        (COMPARE_OP, POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE) if a.arg < 16 && b.arg < 1 << 28 => {
            let op = if b.op == POP_JUMP_IF_FALSE {
                COMPARE_OP__POP_JUMP_IF_FALSE
            } else {
                COMPARE_OP__POP_JUMP_IF_TRUE
            };
            Some(Instr {
                op,
                arg: a.arg | b.arg << 4,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: Op, arg: u32) -> Instr {
        Instr { op, arg }
    }

    #[test]
    fn pairs_fuse_and_the_second_instruction_stays() {
        let code = [
            ins(Op::LOAD_FAST, 1),
            ins(Op::LOAD_FAST, 2),
            ins(Op::LOAD_FAST, 3),
            ins(Op::COMPARE_OP, 2),
            ins(Op::POP_JUMP_IF_FALSE, 9),
            ins(Op::RETURN_VALUE, 0),
        ];
        let q = quicken(&code);
        assert_eq!(q.len(), code.len());
        assert_eq!(q[0].op, Op::LOAD_FAST__LOAD_FAST);
        assert_eq!(q[0].arg, 1 | 2 << 16);
        assert_eq!(q[1], code[1]);
        // The third LOAD_FAST was not absorbed: it starts no pair with COMPARE_OP.
        assert_eq!(q[2], code[2]);
        assert_eq!(q[3].op, Op::COMPARE_OP__POP_JUMP_IF_FALSE);
        assert_eq!(q[3].arg, 2 | 9 << 4);
        assert_eq!(q[4], code[4]);
    }

    #[test]
    fn stores_into_self_before_it_escapes_are_fresh() {
        use Op::*;
        // self.a = x; self.b = []; self.c = self; f(self); self.d = 1
        let code = [
            ins(NOP, 0),
            ins(LOAD_FAST, 1),
            ins(LOAD_FAST, 0),
            ins(STORE_ATTR, 0),
            ins(BUILD_LIST, 0),
            ins(LOAD_FAST, 0),
            ins(STORE_ATTR, 1),
            ins(LOAD_FAST, 0),
            ins(LOAD_FAST, 0),
            ins(STORE_ATTR, 2),
            ins(LOAD_GLOBAL, 1),
            ins(LOAD_FAST, 0),
            ins(CALL, 1),
            ins(POP_TOP, 0),
            ins(LOAD_CONST, 1),
            ins(LOAD_FAST, 0),
            ins(STORE_ATTR, 3),
            ins(LOAD_CONST, 0),
            ins(RETURN_VALUE, 0),
        ];
        let mut q = quicken(&code);
        mark_fresh_self_stores(&code, [], &mut q);
        let fresh: Vec<usize> = (0..q.len())
            .filter(|&i| q[i].op == STORE_ATTR_FRESH)
            .collect();
        assert_eq!(fresh, vec![3, 6, 9]);
        // A store into another object ends the start; so does a jump target.
        let other = [ins(LOAD_FAST, 0), ins(LOAD_FAST, 1), ins(STORE_ATTR, 0)];
        let mut q = quicken(&other);
        mark_fresh_self_stores(&other, [], &mut q);
        assert!(q.iter().all(|i| i.op != STORE_ATTR_FRESH));
        let mut q = quicken(&code);
        mark_fresh_self_stores(&code, [5], &mut q);
        let fresh: Vec<usize> = (0..q.len())
            .filter(|&i| q[i].op == STORE_ATTR_FRESH)
            .collect();
        assert_eq!(fresh, vec![3]);
    }

    #[test]
    fn a_superinstruction_has_the_stack_effect_of_its_parts() {
        use Op::*;
        let firsts = [
            (LOAD_FAST, 3),
            (LOAD_CONST, 2),
            (STORE_FAST, 1),
            (LOAD_GLOBAL, 4),
            (COMPARE_OP, 2),
            (IS_OP, 1),
            (BINARY_OP, 5),
        ];
        let seconds = [
            (LOAD_FAST, 7),
            (LOAD_CONST, 1),
            (LOAD_ATTR, 2),
            (LOAD_METHOD, 3),
            (PUSH_NULL, 0),
            (POP_JUMP_IF_FALSE, 40),
            (POP_JUMP_IF_TRUE, 41),
            (BINARY_OP, 10),
            (STORE_FAST, 2),
            (STORE_ATTR, 6),
            (CALL, 3),
            (RETURN_VALUE, 0),
        ];
        let mut fused = 0;
        for (op1, arg1) in firsts {
            for (op2, arg2) in seconds {
                let (a, b) = (ins(op1, arg1), ins(op2, arg2));
                let Some(f) = fuse(a, b) else { continue };
                fused += 1;
                for jump in [false, true] {
                    let parts = a.op.stack_effect(a.arg, false) + b.op.stack_effect(b.arg, jump);
                    assert_eq!(f.op.stack_effect(f.arg, jump), parts, "{:?}", f.op);
                }
            }
        }
        assert_eq!(fused, 8);
    }

    #[test]
    fn arguments_that_do_not_fit_are_not_fused() {
        let code = [ins(Op::LOAD_FAST, 70_000), ins(Op::LOAD_FAST, 1)];
        assert_eq!(quicken(&code), code.to_vec());
    }
}
