//! Constants: literal conversion, constant folding and the de-duplication key.
//!
//! Folding is deliberately small: literals, unary `-`/`+` on numbers, `~` on integers,
//! `real +/- imaginary` (complex literals, needed for match patterns) and tuples whose
//! items are all constant. What must hold: a folded value equals what the interpreter would
//! compute, and constants that Python distinguishes (1 vs 1.0 vs True, 0.0 vs -0.0) never
//! share a key.

use crate::compiler::code::Const;
use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};
use ruff_python_ast::{self as ast, Expr, ExprContext, Number, Operator, UnaryOp};

/// Hashable identity of a constant (floats by bit pattern).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Code,
}

impl ConstKey {
    pub fn of(c: &Const) -> ConstKey {
        match c {
            Const::None => ConstKey::None,
            Const::True => ConstKey::True,
            Const::False => ConstKey::False,
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Int(i) => ConstKey::Int(*i),
            Const::BigInt(b) => ConstKey::BigInt(b.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Complex(r, i) => ConstKey::Complex(r.to_bits(), i.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Tuple(t) => ConstKey::Tuple(t.iter().map(ConstKey::of).collect()),
            Const::FrozenSet(t) => ConstKey::FrozenSet(t.iter().map(ConstKey::of).collect()),
            Const::Code(_) => ConstKey::Code,
        }
    }
}

/// A big integer, normalised to `Const::Int` when it fits.
pub fn int_const(b: BigInt) -> Const {
    match b.to_i64() {
        Some(i) => Const::Int(i),
        None => Const::BigInt(b),
    }
}

/// The value of an integer literal token (underscores and radix prefixes allowed).
fn parse_int(text: &str) -> Option<Const> {
    let t: String = text.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::from_str_radix(digits, radix).ok().map(int_const)
}

pub fn number(n: &Number) -> Option<Const> {
    match n {
        Number::Int(i) => match i.as_i64() {
            Some(v) => Some(Const::Int(v)),
            None => parse_int(&i.to_string()),
        },
        Number::Float(f) => Some(Const::Float(*f)),
        Number::Complex { real, imag } => Some(Const::Complex(*real, *imag)),
    }
}

fn negate(c: Const) -> Option<Const> {
    Some(match c {
        Const::Int(i) => match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => Const::BigInt(-BigInt::from(i)),
        },
        Const::BigInt(b) => int_const(-b),
        Const::Float(f) => Const::Float(-f),
        Const::Complex(r, i) => Const::Complex(-r, -i),
        _ => return None,
    })
}

fn as_complex(c: &Const) -> Option<(f64, f64)> {
    match c {
        Const::Int(i) => Some((*i as f64, 0.0)),
        Const::Float(f) => Some((*f, 0.0)),
        Const::Complex(r, i) => Some((*r, *i)),
        _ => None,
    }
}

/// The constant value of an expression, if it is one (after folding).
pub fn const_value(e: &Expr) -> Option<Const> {
    match e {
        Expr::NoneLiteral(_) => Some(Const::None),
        Expr::BooleanLiteral(b) => Some(if b.value { Const::True } else { Const::False }),
        Expr::EllipsisLiteral(_) => Some(Const::Ellipsis),
        Expr::Name(n) if n.id.as_str() == "__debug__" && n.ctx == ExprContext::Load => {
            Some(Const::True)
        }
        Expr::NumberLiteral(n) => number(&n.value),
        Expr::StringLiteral(s) => Some(Const::Str(s.value.to_str().to_string())),
        Expr::BytesLiteral(b) => Some(Const::Bytes(b.value.bytes().collect())),
        Expr::UnaryOp(u) => {
            let v = match u.operand.as_ref() {
                Expr::NumberLiteral(_) | Expr::UnaryOp(_) => const_value(&u.operand)?,
                _ => return None,
            };
            match u.op {
                UnaryOp::USub => negate(v),
                UnaryOp::UAdd => matches!(
                    v,
                    Const::Int(_) | Const::BigInt(_) | Const::Float(_) | Const::Complex(..)
                )
                .then_some(v),
                UnaryOp::Invert => match v {
                    Const::Int(i) => Some(Const::Int(!i)),
                    Const::BigInt(b) => Some(int_const(-b - 1)),
                    _ => None,
                },
                UnaryOp::Not => None,
            }
        }
        Expr::BinOp(b) if matches!(b.op, Operator::Add | Operator::Sub) => {
            // Complex literals: `1 + 2j`, `-1.5 - 3j`.
            let Expr::NumberLiteral(ast::ExprNumberLiteral {
                value: Number::Complex { .. },
                ..
            }) = b.right.as_ref()
            else {
                return None;
            };
            if !matches!(b.left.as_ref(), Expr::NumberLiteral(_) | Expr::UnaryOp(_)) {
                return None;
            }
            let (lr, li) = as_complex(&const_value(&b.left)?)?;
            let (rr, ri) = as_complex(&const_value(&b.right)?)?;
            Some(match b.op {
                Operator::Add => Const::Complex(lr + rr, li + ri),
                _ => Const::Complex(lr - rr, li - ri),
            })
        }
        Expr::Tuple(t) if t.ctx == ExprContext::Load => {
            let mut items = Vec::with_capacity(t.elts.len());
            for e in &t.elts {
                items.push(const_value(e)?);
            }
            Some(Const::Tuple(items))
        }
        _ => None,
    }
}

/// Python truthiness of a constant.
pub fn truthy(c: &Const) -> bool {
    match c {
        Const::None | Const::False => false,
        Const::True | Const::Ellipsis | Const::Code(_) => true,
        Const::Int(i) => *i != 0,
        Const::BigInt(b) => *b != BigInt::from(0),
        Const::Float(f) => *f != 0.0,
        Const::Complex(r, i) => *r != 0.0 || *i != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
    }
}

/// Identity of constants, exact for floats (by bits) and structural for code.
pub fn same_const(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Code(x), Const::Code(y)) => {
            x.firstlineno == y.firstlineno
                && x.instrs.len() == y.instrs.len()
                && x.name == y.name
                && x.qualname == y.qualname
                && x.argcount == y.argcount
                && x.posonlyargcount == y.posonlyargcount
                && x.kwonlyargcount == y.kwonlyargcount
                && x.flags == y.flags
                && x.varnames == y.varnames
                && x.cellvars == y.cellvars
                && x.freevars == y.freevars
                && x.names == y.names
                && x.instrs == y.instrs
                && x.lines == y.lines
                && x.exc_table == y.exc_table
                && x.doc == y.doc
                && x.consts.len() == y.consts.len()
                && x.consts
                    .iter()
                    .zip(&y.consts)
                    .all(|(p, q)| same_const(p, q))
        }
        (Const::Tuple(x), Const::Tuple(y)) | (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_const(p, q))
        }
        (Const::Code(_), _) | (_, Const::Code(_)) => false,
        _ => ConstKey::of(a) == ConstKey::of(b),
    }
}
