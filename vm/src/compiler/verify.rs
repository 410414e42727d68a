//! An independent checker for finished code units (used by tests; usable by the VM in
//! debug builds to vet code before running it).
//!
//! It re-derives the stack depth of every reachable instruction from the final
//! instructions and exception table alone, and checks what `code.rs` promises: arguments in
//! range, `lines` as long as `instrs`, jumps and handlers inside the code, no path falling
//! off the end, depths consistent at joins, never negative, never above `stacksize`, and a
//! handler's depth never above the depth of an instruction it covers. Nested code constants
//! are checked recursively.

use super::code::{CodeUnit, Const};
use crate::spec::{ArgKind, Op};

pub fn verify(u: &CodeUnit) -> Result<(), String> {
    let name = &u.qualname;
    let n = u.instrs.len();
    let err = |m: String| Err(format!("{name}: {m}"));
    if u.lines.len() != n {
        return err(format!("{} lines for {} instructions", u.lines.len(), n));
    }
    if n == 0 {
        return err("no instructions".to_string());
    }
    let nlocalsplus = u.nlocalsplus() as u32;
    for (i, ins) in u.instrs.iter().enumerate() {
        let a = ins.arg;
        let ok = match ins.op.arg_kind() {
            ArgKind::Const => (a as usize) < u.consts.len(),
            ArgKind::Name => (a as usize) < u.names.len(),
            ArgKind::Local => (a as usize) < u.varnames.len(),
            ArgKind::Deref => a >= u.varnames.len() as u32 && a < nlocalsplus,
            ArgKind::Jump => (a as usize) < n,
            _ => true,
        };
        if !ok {
            return err(format!(
                "argument {a} of {} at {i} out of range",
                ins.op.name()
            ));
        }
        if ins.op == Op::JUMP_BACKWARD && a as usize > i {
            return err(format!("JUMP_BACKWARD forward at {i}"));
        }
        if ins.op == Op::JUMP_FORWARD && a as usize <= i {
            return err(format!("JUMP_FORWARD backward at {i}"));
        }
        if ins.op == Op::KW_NAMES && !matches!(u.consts.get(a as usize), Some(Const::Tuple(_))) {
            return err(format!("KW_NAMES without a tuple at {i}"));
        }
    }
    for e in &u.exc_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return err(format!("bad exception entry {e:?}"));
        }
    }
    let handler_of = |i: usize| {
        u.exc_table
            .iter()
            .find(|e| (e.start as usize) <= i && i < e.end as usize)
    };
    let mut depth = vec![-1i64; n];
    let mut work = vec![0usize];
    depth[0] = 0;
    let mut max = 0i64;
    let reach =
        |t: usize, d: i64, depth: &mut Vec<i64>, work: &mut Vec<usize>| -> Result<(), String> {
            if d < 0 {
                return Err(format!("{name}: negative depth reaching {t}"));
            }
            if depth[t] < 0 {
                depth[t] = d;
                work.push(t);
                Ok(())
            } else if depth[t] != d {
                Err(format!("{name}: depth {} vs {d} at {t}", depth[t]))
            } else {
                Ok(())
            }
        };
    while let Some(i) = work.pop() {
        let d = depth[i];
        max = max.max(d);
        let ins = u.instrs[i];
        if let Some(e) = handler_of(i) {
            if i64::from(e.depth) > d {
                return err(format!(
                    "handler depth {} above stack depth {d} at {i}",
                    e.depth
                ));
            }
            let hd = i64::from(e.depth) + i64::from(e.lasti) + 1;
            max = max.max(hd);
            reach(e.target as usize, hd, &mut depth, &mut work)?;
        }
        if ins.op.arg_kind() == ArgKind::Jump {
            let t = d + i64::from(ins.op.stack_effect(ins.arg, true));
            max = max.max(t);
            reach(ins.arg as usize, t, &mut depth, &mut work)?;
        }
        let terminal = matches!(
            ins.op,
            Op::RETURN_VALUE
                | Op::RAISE_VARARGS
                | Op::RERAISE
                | Op::JUMP_FORWARD
                | Op::JUMP_BACKWARD
        );
        if !terminal {
            if i + 1 >= n {
                return err("control falls off the end".to_string());
            }
            let t = d + i64::from(ins.op.stack_effect(ins.arg, false));
            max = max.max(t);
            reach(i + 1, t, &mut depth, &mut work)?;
        }
    }
    if max > i64::from(u.stacksize) {
        return err(format!("stack reaches {max}, stacksize is {}", u.stacksize));
    }
    for c in &u.consts {
        if let Const::Code(code) = c {
            verify(code)?;
        }
    }
    Ok(())
}
