//! A disassembler in the style of CPython's `dis`, used by golden tests and for debugging.
//!
//! Each code unit prints as a header (name, qualname, first line, argument counts, flags,
//! stack size, variable names), then one row per instruction — source line (when it
//! changes), `>>` on jump and handler targets, index, opcode name, argument and its meaning
//! (constant repr, name, variable, jump target, operator) — then its exception table. Nested
//! code constants follow, recursively. What must hold: the output depends only on the
//! `CodeUnit` (no addresses), so it is stable for golden files.

use super::code::{CodeUnit, Const};
use crate::spec::{ArgKind, BinOp, CmpOp, Op};
use std::collections::HashSet;
use std::fmt::Write;

pub fn disassemble(unit: &CodeUnit) -> String {
    let mut out = String::new();
    dis_unit(unit, &mut out);
    out
}

fn flag_names(flags: u32) -> String {
    const NAMES: [(u32, &str); 10] = [
        (0x1, "OPTIMIZED"),
        (0x2, "NEWLOCALS"),
        (0x4, "VARARGS"),
        (0x8, "VARKEYWORDS"),
        (0x10, "NESTED"),
        (0x20, "GENERATOR"),
        (0x40, "NOFREE"),
        (0x80, "COROUTINE"),
        (0x100, "ITERABLE_COROUTINE"),
        (0x200, "ASYNC_GENERATOR"),
    ];
    let v: Vec<&str> = NAMES
        .iter()
        .filter(|(b, _)| flags & b != 0)
        .map(|(_, n)| *n)
        .collect();
    if v.is_empty() {
        "0".to_string()
    } else {
        v.join("|")
    }
}

fn dis_unit(u: &CodeUnit, out: &mut String) {
    let _ = writeln!(
        out,
        "Disassembly of {} ({}), line {}:",
        u.name, u.qualname, u.firstlineno
    );
    let _ = writeln!(
        out,
        "  args {} posonly {} kwonly {} stacksize {} flags {}",
        u.argcount,
        u.posonlyargcount,
        u.kwonlyargcount,
        u.stacksize,
        flag_names(u.flags)
    );
    for (label, v) in [
        ("varnames", &u.varnames),
        ("cellvars", &u.cellvars),
        ("freevars", &u.freevars),
    ] {
        if !v.is_empty() {
            let _ = writeln!(out, "  {label}: {}", v.join(", "));
        }
    }
    if let Some(d) = &u.doc {
        let _ = writeln!(out, "  doc: {}", str_repr(d));
    }
    let mut targets: HashSet<u32> = u.exc_table.iter().map(|e| e.target).collect();
    for i in &u.instrs {
        if i.op.arg_kind() == ArgKind::Jump {
            targets.insert(i.arg);
        }
    }
    let localsplus: Vec<&String> = u
        .varnames
        .iter()
        .chain(&u.cellvars)
        .chain(&u.freevars)
        .collect();
    let mut last_line = None;
    for (idx, ins) in u.instrs.iter().enumerate() {
        let line = u.lines.get(idx).copied();
        let line_col = if line != last_line {
            last_line = line;
            line.map_or(String::new(), |l| l.to_string())
        } else {
            String::new()
        };
        if !line_col.is_empty() && idx > 0 {
            out.push('\n');
        }
        let mark = if targets.contains(&(idx as u32)) {
            ">>"
        } else {
            "  "
        };
        let _ = write!(out, "{line_col:>4} {mark} {idx:>5} {:<22}", ins.op.name());
        let kind = ins.op.arg_kind();
        if kind != ArgKind::None {
            let _ = write!(out, "{:>4}", ins.arg);
            let meaning = arg_repr(u, &localsplus, ins.op, ins.arg);
            if !meaning.is_empty() {
                let _ = write!(out, " ({meaning})");
            }
        }
        let trimmed = out.trim_end_matches(' ').len();
        out.truncate(trimmed);
        out.push('\n');
    }
    if !u.exc_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &u.exc_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &u.consts {
        if let Const::Code(code) = c {
            out.push('\n');
            dis_unit(code, out);
        }
    }
}

fn arg_repr(u: &CodeUnit, localsplus: &[&String], op: Op, arg: u32) -> String {
    let get = |v: &[String]| {
        v.get(arg as usize)
            .cloned()
            .unwrap_or_else(|| "?".to_string())
    };
    match op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Const => u
            .consts
            .get(arg as usize)
            .map_or("?".to_string(), const_repr),
        ArgKind::Name => get(&u.names),
        ArgKind::Local => get(&u.varnames),
        ArgKind::Deref => localsplus
            .get(arg as usize)
            .map_or("?".to_string(), |s| s.to_string()),
        ArgKind::Jump => format!("to {arg}"),
        ArgKind::BinOp => {
            if arg as usize >= 2 * BinOp::ALL.len() {
                return "?".to_string();
            }
            let (b, inplace) = BinOp::from_arg(arg);
            format!("{}{}", b.symbol(), if inplace { "=" } else { "" })
        }
        ArgKind::Cmp => CmpOp::from_arg(arg).symbol().to_string(),
        ArgKind::Pair => format!("{}, {}", arg & 0xffff, arg >> 16),
        ArgKind::CmpJump => format!("{}, to {}", CmpOp::from_arg(arg & 0xf).symbol(), arg >> 4),
        ArgKind::Count => match op {
            Op::IS_OP => (if arg == 1 { "is not" } else { "is" }).to_string(),
            Op::CONTAINS_OP => (if arg == 1 { "not in" } else { "in" }).to_string(),
            Op::FORMAT_VALUE => {
                let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
                let spec = if arg & 4 != 0 { "with format" } else { "" };
                [conv, spec]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            Op::UNPACK_EX => format!("{} before, {} after", arg & 0xff, arg >> 8),
            _ => String::new(),
        },
    }
}

/// Python's `repr` of a constant.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".to_string(),
        Const::True => "True".to_string(),
        Const::False => "False".to_string(),
        Const::Ellipsis => "Ellipsis".to_string(),
        Const::Int(i) => i.to_string(),
        Const::BigInt(b) => b.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex(r, i) => {
            let imag = float_repr(*i);
            let imag = imag.strip_suffix(".0").unwrap_or(&imag);
            if *r == 0.0 && r.is_sign_positive() {
                format!("{imag}j")
            } else {
                let real = float_repr(*r);
                let real = real.strip_suffix(".0").unwrap_or(&real).to_string();
                let sign = if *i < 0.0
                    || (*i == 0.0 && i.is_sign_negative())
                    || i.is_nan() && imag.starts_with('-')
                {
                    ""
                } else {
                    "+"
                };
                format!("({real}{sign}{imag}j)")
            }
        }
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Const::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.is_empty() {
                "frozenset()".to_string()
            } else {
                format!("frozenset({{{}}})", items.join(", "))
            }
        }
        Const::Code(code) => format!("<code object {}, line {}>", code.name, code.firstlineno),
    }
}

/// Python's float repr: shortest round-trip digits, exponent outside 1e-4 ..= 1e16.
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let e = format!("{f:e}");
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1;
        let s = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{s}")
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits
        };
        format!(
            "{sign}{m}e{}{:02}",
            if exp < 0 { '-' } else { '+' },
            exp.abs()
        )
    }
}

pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                let n = c as u32;
                if n <= 0xff {
                    let _ = write!(out, "\\x{n:02x}");
                } else if n <= 0xffff {
                    let _ = write!(out, "\\u{n:04x}");
                } else {
                    let _ = write!(out, "\\U{n:08x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::from("b");
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}
