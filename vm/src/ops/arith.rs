//! Operators: binary and unary arithmetic, rich comparison, truth, membership.
//!
//! Dispatch has three tiers. (1) Tagged small ints are handled inline by the
//! interpreter and by `small_binop`. (2) When both operands' types are exact built-in
//! types, the slot functions of their `TypeOps` are called directly (HotPy's type-pair
//! dispatch; built-in types are immutable so this equals the full protocol). (3) Otherwise
//! CPython's protocol: `__op__` of the left operand, `__rop__` of the right one (tried
//! first when the right type is a proper subclass that overrides it), `NotImplemented`
//! handling and the TypeError message.
//!
//! What must hold: every tier gives the same answer as the next one would.

use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind};
use crate::spec::{BinOp, CmpOp};
use crate::types::slots::{find_slot, own_ops, Unary};
use crate::types::typeobj::{is_subtype, t, type_name, type_of};
use crate::value::Value;

/// Tagged int fast path; `None` when the result does not fit or the operator needs the
/// general path (division by zero, float results, negative shifts...).
#[inline(always)]
pub fn small_binop(op: BinOp, a: i64, b: i64) -> Option<Value> {
    let r = match op {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Sub => a.checked_sub(b)?,
        BinOp::Mul => a.checked_mul(b)?,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::FloorDiv => {
            if b == 0 {
                return None;
            }
            // Python floors the quotient (tagged values never hit i64::MIN / -1).
            let q = a / b;
            if a % b != 0 && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Mod => {
            if b == 0 {
                return None;
            }
            let r = a % b;
            if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            }
        }
        BinOp::LShift => {
            if !(0..63).contains(&b) {
                return None;
            }
            let r = a.checked_shl(b as u32)?;
            if r >> b != a {
                return None;
            }
            r
        }
        BinOp::RShift => {
            if b < 0 {
                return None;
            }
            a >> b.min(63)
        }
        _ => return None,
    };
    Value::try_small(r)
}

impl Vm {
    /// `a op b` (or `a op= b`).
    pub fn binary_op(&mut self, a: Value, b: Value, op: BinOp, inplace: bool) -> PyResult<Value> {
        if inplace {
            let ta = type_of(a);
            let r = if let Some(f) = own_ops(ta).and_then(|o| o.inplace) {
                f(self, a, b, op)?
            } else if crate::ops::attr::is_heap_type(ta) {
                let nm = g().binop_names[op as usize][2];
                match self.call_special(a, nm, &[b])? {
                    Some(r) => r,
                    None => g().not_implemented,
                }
            } else {
                g().not_implemented
            };
            if r != g().not_implemented {
                return Ok(r);
            }
        }
        let r = self.binary_op1(a, b, op)?;
        if r != g().not_implemented {
            return Ok(r);
        }
        if op == BinOp::Mod && a.is_ptr() && kind_of(a) == Kind::Str {
            // str % x when x's type has no __rmod__ handled above.
        }
        let sym = if op == BinOp::Pow && !inplace {
            "** or pow()"
        } else {
            op.symbol()
        };
        let msg = format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            sym,
            if inplace { "=" } else { "" },
            type_name(type_of(a)),
            type_name(type_of(b))
        );
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// CPython's `binary_op1`: returns NotImplemented when neither side handles it.
    pub fn binary_op1(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let ta = type_of(a);
        let tb = type_of(b);
        let heap_a = crate::ops::attr::is_heap_type(ta);
        let heap_b = crate::ops::attr::is_heap_type(tb);
        if !heap_a && !heap_b {
            // Both built-in: call the slots directly.
            let fa = find_slot(ta, |o| o.binop);
            let fb = if ta == tb {
                None
            } else {
                find_slot(tb, |o| o.binop)
            };
            let fb = if fb.map(|f| f as usize) == fa.map(|f| f as usize) {
                None
            } else {
                fb
            };
            if let (Some(f2), true) = (fb, ta != tb && is_subtype(tb, ta)) {
                let r = f2(self, a, b, op)?;
                if r != g().not_implemented {
                    return Ok(r);
                }
                if let Some(f) = fa {
                    return f(self, a, b, op);
                }
                return Ok(r);
            }
            if let Some(f) = fa {
                let r = f(self, a, b, op)?;
                if r != g().not_implemented {
                    return Ok(r);
                }
            }
            if let Some(f) = fb {
                return f(self, a, b, op);
            }
            return Ok(g().not_implemented);
        }
        let [ln, rn, _] = g().binop_names[op as usize];
        let la = self.lookup(ta, ln);
        let rb = if ta == tb {
            Value::NULL
        } else {
            self.lookup(tb, rn)
        };
        let rb = if !rb.is_null() && rb == self.lookup(ta, rn) && !heap_b {
            Value::NULL
        } else {
            rb
        };
        if !rb.is_null() && is_subtype(tb, ta) && ta != tb {
            let r = self.call_bound(rb, b, a)?;
            if r != g().not_implemented {
                return Ok(r);
            }
            if !la.is_null() {
                return self.call_bound(la, a, b);
            }
            return Ok(r);
        }
        if !la.is_null() {
            let r = self.call_bound(la, a, b)?;
            if r != g().not_implemented {
                return Ok(r);
            }
        }
        if !rb.is_null() {
            return self.call_bound(rb, b, a);
        }
        Ok(g().not_implemented)
    }

    /// Calls descriptor `d` (found on `type(o)`) bound to `o` with one argument.
    pub fn call_bound(&mut self, d: Value, o: Value, arg: Value) -> PyResult<Value> {
        if d.is_ptr() && matches!(kind_of(d), Kind::Function | Kind::Native) {
            return self.call(d, &[o, arg]);
        }
        let f = self.bind_descriptor(d, o, type_of(o))?;
        self.call(f, &[arg])
    }

    pub fn unary_op(&mut self, v: Value, u: Unary) -> PyResult<Value> {
        if v.is_small_int() {
            let n = v.as_small();
            let r = match u {
                Unary::Neg => n.checked_neg(),
                Unary::Pos => Some(n),
                Unary::Invert => Some(!n),
                Unary::Abs => n.checked_abs(),
            };
            if let Some(r) = r {
                return self.new_int(r);
            }
        }
        let typ = type_of(v);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.unary) {
                return f(self, v, u);
            }
        } else {
            let name = match u {
                Unary::Neg => g().names.__neg__,
                Unary::Pos => g().names.__pos__,
                Unary::Invert => g().names.__invert__,
                Unary::Abs => g().names.__abs__,
            };
            if let Some(r) = self.call_special(v, name, &[])? {
                return Ok(r);
            }
        }
        let sym = match u {
            Unary::Neg => "unary -",
            Unary::Pos => "unary +",
            Unary::Invert => "unary ~",
            Unary::Abs => "abs()",
        };
        let msg = format!("bad operand type for {}: '{}'", sym, type_name(typ));
        Err(self.raise_msg(ExcKind::TypeError, &msg))
    }

    /// Rich comparison returning an object (`a < b`).
    pub fn compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let ta = type_of(a);
        let tb = type_of(b);
        let heap = crate::ops::attr::is_heap_type(ta) || crate::ops::attr::is_heap_type(tb);
        let mut checked_reflected = false;
        if !heap {
            let fa = find_slot(ta, |o| o.richcmp);
            let fb = find_slot(tb, |o| o.richcmp);
            if ta != tb && is_subtype(tb, ta) {
                if let Some(f) = fb {
                    checked_reflected = true;
                    let r = f(self, b, a, op.swapped())?;
                    if r != g().not_implemented {
                        return Ok(r);
                    }
                }
            }
            if let Some(f) = fa {
                let r = f(self, a, b, op)?;
                if r != g().not_implemented {
                    return Ok(r);
                }
            }
            if !checked_reflected {
                if let Some(f) = fb {
                    let r = f(self, b, a, op.swapped())?;
                    if r != g().not_implemented {
                        return Ok(r);
                    }
                }
            }
        } else {
            let name = self.intern(op.dunder())?;
            let rname = self.intern(op.swapped().dunder())?;
            if ta != tb && is_subtype(tb, ta) {
                let d = self.lookup(tb, rname);
                if !d.is_null() {
                    checked_reflected = true;
                    let r = self.call_bound(d, b, a)?;
                    if r != g().not_implemented {
                        return Ok(r);
                    }
                }
            }
            let d = self.lookup(ta, name);
            if !d.is_null() {
                let r = self.call_bound(d, a, b)?;
                if r != g().not_implemented {
                    return Ok(r);
                }
            }
            if !checked_reflected {
                let d = self.lookup(tb, rname);
                if !d.is_null() {
                    let r = self.call_bound(d, b, a)?;
                    if r != g().not_implemented {
                        return Ok(r);
                    }
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(self.bool_val(a == b)),
            CmpOp::Ne => Ok(self.bool_val(a != b)),
            _ => {
                let msg = format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    crate::types::typeobj::tp_name(ta),
                    crate::types::typeobj::tp_name(tb)
                );
                Err(self.raise_msg(ExcKind::TypeError, &msg))
            }
        }
    }

    /// `a == b` as a Rust bool (identity implies equality, as in CPython containers).
    pub fn eq_bool(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            return Ok(true);
        }
        if a.is_small_int() && b.is_small_int() {
            return Ok(false);
        }
        // Exact strs only: a str subclass may define its own `__eq__`.
        let str_type = crate::runtime::ty(crate::runtime::T::Str);
        if a.is_ptr() && b.is_ptr() && type_of(a) == str_type && type_of(b) == str_type {
            return Ok(str_bytes(a) == str_bytes(b));
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(r)
    }

    /// `a < b` etc. as a Rust bool.
    pub fn cmp_bool(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<bool> {
        if a.is_small_int() && b.is_small_int() {
            return Ok(op.holds(a.as_small(), b.as_small()));
        }
        let r = self.compare(a, b, op)?;
        self.truthy(r)
    }

    /// Truth value (`bool(v)`).
    #[inline(always)]
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        let gl = g();
        if v == gl.true_ {
            return Ok(true);
        }
        if v == gl.false_ || v == gl.none {
            return Ok(false);
        }
        if v.is_small_int() {
            return Ok(v.as_small() != 0);
        }
        self.truthy_object(v)
    }

    /// `truthy` for objects other than the bools, None and small ints.
    #[inline(never)]
    fn truthy_object(&mut self, v: Value) -> PyResult<bool> {
        let gl = g();
        let typ = type_of(v);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.bool) {
                return f(self, v);
            }
            if let Some(f) = find_slot(typ, |o| o.len) {
                return Ok(f(self, v)? != 0);
            }
            return Ok(true);
        }
        if let Some(r) = self.call_special(v, g().names.__bool__, &[])? {
            if r == gl.true_ {
                return Ok(true);
            }
            if r == gl.false_ {
                return Ok(false);
            }
            let msg = format!(
                "__bool__ should return bool, returned {}",
                type_name(type_of(r))
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        if let Some(r) = self.call_special(v, g().names.__len__, &[])? {
            let n = self.len_result(r)?;
            return Ok(n != 0);
        }
        Ok(true)
    }

    /// Validates the result of `__len__`.
    pub fn len_result(&mut self, r: Value) -> PyResult<usize> {
        let n = self.index_i64(r).map_err(|e| {
            if self.exc_is(ExcKind::TypeError) {
                let msg = format!(
                    "'{}' object cannot be interpreted as an integer",
                    type_name(type_of(r))
                );
                self.raise_msg(ExcKind::TypeError, &msg)
            } else if self.exc_is(ExcKind::IndexError) {
                // A length that does not fit is an OverflowError (CPython's
                // PyNumber_AsSsize_t with OverflowError).
                self.raise_msg(
                    ExcKind::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                )
            } else {
                e
            }
        })?;
        if n < 0 {
            return Err(self.raise_msg(ExcKind::ValueError, "__len__() should return >= 0"));
        }
        Ok(n as usize)
    }

    /// `x in c`.
    pub fn contains(&mut self, c: Value, x: Value) -> PyResult<bool> {
        let typ = type_of(c);
        if !crate::ops::attr::is_heap_type(typ) {
            if let Some(f) = find_slot(typ, |o| o.contains) {
                return f(self, c, x);
            }
        } else if let Some(r) = self.call_special(c, g().names.__contains__, &[x])? {
            return self.truthy(r);
        }
        // Fall back to iteration.
        let it = match self.get_iter(c) {
            Ok(it) => it,
            Err(e) => {
                if self.exc_is(ExcKind::TypeError) {
                    let msg = format!("argument of type '{}' is not iterable", type_name(typ));
                    return Err(self.raise_msg(ExcKind::TypeError, &msg));
                }
                return Err(e);
            }
        };
        while let Some(v) = self.iter_next(it)? {
            if self.eq_bool(v, x)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// `pow(a, b, m)` through the types' `__pow__`.
pub fn ternary_pow(vm: &mut Vm, a: Value, b: Value, m: Value) -> PyResult<Value> {
    if let Some(r) = crate::types::int::pow3(vm, a, b, m)? {
        return Ok(r);
    }
    let nm = vm.intern("__pow__")?;
    if crate::ops::attr::is_heap_type(type_of(a)) {
        if let Some(r) = vm.call_special(a, nm, &[b, m])? {
            if r != g().not_implemented {
                return Ok(r);
            }
        }
    }
    let msg = format!(
        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
        type_name(type_of(a)),
        type_name(type_of(b)),
        type_name(type_of(m))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

/// True when `typ` is exactly one of the built-in types (not a subclass).
pub fn is_exact_builtin(typ: Value) -> bool {
    t(typ).native != usize::MAX && t(typ).native != 0
}
