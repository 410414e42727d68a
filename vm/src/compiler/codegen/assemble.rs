//! The assembler: from a [`Unit`]'s symbolic instructions to a finished [`CodeUnit`].
//!
//! How it works:
//! 1. Flow analysis from instruction 0 computes the stack depth before every reachable
//!    instruction, following both outcomes of every branch (`Op::stack_effect` with
//!    `jump` true/false) and, at the point where each exception handler was first pushed,
//!    an edge to the handler with depth `depth + adjust + lasti + 1`.
//! 2. Unreachable instructions and unconditional jumps to the next kept instruction are
//!    dropped; labels then resolve to the first kept instruction at or after them.
//! 3. Unconditional jumps become JUMP_BACKWARD when the target index is not greater than
//!    their own, JUMP_FORWARD otherwise.
//! 4. Runs of consecutive instructions covered by the same handler become exception
//!    table entries.
//!
//! What must hold (checked here; a violation is reported as an internal compiler error,
//! never emitted): depths agree wherever paths join, never go negative, control never
//! falls off the end, every covered instruction's depth is at least its handler's depth.

use super::{Unit, NO_HANDLER};
use crate::compiler::code::{CodeUnit, ExcEntry, Instr};
use crate::compiler::error::{SynErr, R};
use crate::spec::{ArgKind, Op};
use ruff_text_size::TextRange;

fn internal<T>(msg: String) -> R<T> {
    Err(SynErr::new(
        format!("internal compiler error: {msg}"),
        TextRange::default(),
    ))
}

fn is_terminator(op: Op) -> bool {
    matches!(
        op,
        Op::RETURN_VALUE | Op::RAISE_VARARGS | Op::RERAISE | Op::JUMP_FORWARD | Op::JUMP_BACKWARD
    )
}

pub fn assemble(u: Unit, flags: u32, filename: &str) -> R<CodeUnit> {
    let n = u.instrs.len();
    let name = &u.qualname;
    let label_pos = |l: u32| -> R<usize> {
        match u.labels.get(l as usize) {
            Some(&p) if (p as usize) < n => Ok(p as usize),
            _ => internal(format!("unbound or dangling label {l} in {name}")),
        }
    };

    // 1. Stack depths.
    let mut depth: Vec<i32> = vec![-1; n];
    let mut hdepth: Vec<Option<i32>> = vec![None; u.handlers.len()];
    let mut setups: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (h, handler) in u.handlers.iter().enumerate() {
        if let Some(at) = handler.setup_at {
            if at < n {
                setups[at].push(h);
            }
        }
    }
    let mut work = Vec::new();
    let mut maxdepth = 0;
    let visit = |i: usize, d: i32, depth: &mut Vec<i32>, work: &mut Vec<usize>| -> R<()> {
        if d < 0 {
            return internal(format!("negative stack depth at {i} in {name}"));
        }
        if depth[i] < 0 {
            depth[i] = d;
            work.push(i);
        } else if depth[i] != d {
            return internal(format!(
                "inconsistent stack depth at {i} in {name}: {} vs {d}",
                depth[i]
            ));
        }
        Ok(())
    };
    if n == 0 {
        return internal(format!("empty code for {name}"));
    }
    visit(0, 0, &mut depth, &mut work)?;
    while let Some(i) = work.pop() {
        let d = depth[i];
        maxdepth = maxdepth.max(d);
        for &h in &setups[i] {
            let handler = &u.handlers[h];
            let hd = d + handler.adjust;
            if hd < 0 {
                return internal(format!("negative handler depth in {name}"));
            }
            match hdepth[h] {
                Some(x) if x != hd => {
                    return internal(format!("inconsistent handler depth in {name}"))
                }
                _ => hdepth[h] = Some(hd),
            }
            let entry = hd + i32::from(handler.lasti) + 1;
            maxdepth = maxdepth.max(entry);
            visit(label_pos(handler.target.0)?, entry, &mut depth, &mut work)?;
        }
        let ins = u.instrs[i];
        if ins.op.arg_kind() == ArgKind::Jump {
            let td = d + ins.op.stack_effect(ins.arg, true);
            maxdepth = maxdepth.max(td);
            visit(label_pos(ins.arg)?, td, &mut depth, &mut work)?;
        }
        if !is_terminator(ins.op) {
            let nd = d + ins.op.stack_effect(ins.arg, false);
            maxdepth = maxdepth.max(nd);
            if i + 1 >= n {
                return internal(format!("control falls off the end of {name}"));
            }
            visit(i + 1, nd, &mut depth, &mut work)?;
        }
    }

    // 2. Dead code, redundant jumps, and `SWAP n; SWAP n` pairs (left by pattern
    // captures) when no jump lands between them.
    let mut keep: Vec<bool> = depth.iter().map(|&d| d >= 0).collect();
    let mut is_target = vec![false; n];
    for ins in &u.instrs {
        if ins.op.arg_kind() == ArgKind::Jump {
            if let Ok(t) = label_pos(ins.arg) {
                is_target[t] = true;
            }
        }
    }
    for h in &u.handlers {
        if let Ok(t) = label_pos(h.target.0) {
            is_target[t] = true;
        }
    }
    let mut i = 0;
    while i + 1 < n {
        let (a, b) = (u.instrs[i], u.instrs[i + 1]);
        if a.op == Op::SWAP
            && b.op == Op::SWAP
            && a.arg == b.arg
            && keep[i]
            && keep[i + 1]
            && !is_target[i + 1]
        {
            keep[i] = false;
            keep[i + 1] = false;
            i += 2;
        } else {
            i += 1;
        }
    }
    let first_kept_from = |keep: &[bool]| -> Vec<usize> {
        let mut v = vec![n; n + 1];
        for i in (0..n).rev() {
            v[i] = if keep[i] { i } else { v[i + 1] };
        }
        v
    };
    loop {
        let next = first_kept_from(&keep);
        let mut changed = false;
        for i in 0..n {
            if keep[i] && u.instrs[i].op == Op::JUMP_FORWARD {
                let target = next[label_pos(u.instrs[i].arg)?];
                if target == next[i + 1] {
                    // Safe to drop several at once: each jumps to the next kept
                    // instruction, which is where control then falls through.
                    keep[i] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let next = first_kept_from(&keep);
    let mut newidx = vec![u32::MAX; n + 1];
    let mut count = 0u32;
    for i in 0..n {
        if keep[i] {
            newidx[i] = count;
            count += 1;
        }
    }
    newidx[n] = count;
    let resolve = |l: u32| -> R<u32> {
        let t = next[label_pos(l)?];
        if t >= n {
            return internal(format!("jump past the end of {name}"));
        }
        Ok(newidx[t])
    };

    // 3. Final instructions.
    let mut instrs = Vec::with_capacity(count as usize);
    let mut lines = Vec::with_capacity(count as usize);
    let mut covered: Vec<(u32, u32)> = Vec::new();
    for i in 0..n {
        if !keep[i] {
            continue;
        }
        let ins = u.instrs[i];
        let me = newidx[i];
        let (mut op, mut arg) = (ins.op, ins.arg);
        if op.arg_kind() == ArgKind::Jump {
            arg = resolve(arg)?;
            if op == Op::JUMP_FORWARD && arg <= me {
                op = Op::JUMP_BACKWARD;
            }
        }
        instrs.push(Instr { op, arg });
        lines.push(ins.line);
        if ins.handler != NO_HANDLER {
            let h = ins.handler as usize;
            let Some(hd) = hdepth.get(h).copied().flatten() else {
                return internal(format!("handler without a reachable setup in {name}"));
            };
            if hd > depth[i] {
                return internal(format!("handler depth above stack depth at {i} in {name}"));
            }
            covered.push((me, ins.handler));
        }
    }

    // 4. Exception table.
    let mut exc_table: Vec<ExcEntry> = Vec::new();
    let mut run: Option<(u32, u32, u32)> = None; // (start, end, handler)
    let flush = |run: Option<(u32, u32, u32)>, table: &mut Vec<ExcEntry>| -> R<()> {
        if let Some((start, end, h)) = run {
            let handler = &u.handlers[h as usize];
            table.push(ExcEntry {
                start,
                end,
                target: resolve(handler.target.0)?,
                depth: hdepth[h as usize].unwrap_or(0) as u32,
                lasti: handler.lasti,
            });
        }
        Ok(())
    };
    for (idx, h) in covered {
        run = match run {
            Some((s, e, rh)) if rh == h && e == idx => Some((s, idx + 1, h)),
            other => {
                flush(other, &mut exc_table)?;
                Some((idx, idx + 1, h))
            }
        };
    }
    flush(run, &mut exc_table)?;

    Ok(CodeUnit {
        name: u.name,
        qualname: u.qualname,
        filename: filename.to_string(),
        firstlineno: u.firstlineno,
        argcount: u.argcount,
        posonlyargcount: u.posonlyargcount,
        kwonlyargcount: u.kwonlyargcount,
        flags,
        varnames: u.varnames,
        cellvars: u.cellvars,
        freevars: u.freevars,
        names: u.names,
        consts: u.consts,
        instrs,
        lines,
        exc_table,
        stacksize: maxdepth as u32,
        doc: u.doc,
    })
}
