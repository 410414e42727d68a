//! `list.sort(key=None, reverse=False)`: a stable merge sort.
//!
//! As in CPython, the list is emptied while it is sorted (a key function or `__lt__`
//! sees `[]`), keys are computed first (a failing key function leaves the list as it
//! was), `reverse` reverses before and after a stable sort (so equal items keep their
//! order), and a list changed during the sort raises
//! `ValueError: list modified during sort` (its new contents are dropped).
//!
//! Comparisons may run Python code and fail; the sort never uses Rust's `sort_by` with
//! them (an inconsistent `__lt__` must not panic). Runs of 32 are sorted by binary
//! insertion, then merged bottom-up into a second buffer; a failed comparison leaves the
//! working buffer a permutation of the items, which is what the list then holds.
//! Keys that are all small ints, all exact strs or all non-NaN floats have a total order
//! and are sorted with the standard library's stable sort; with no key function such a
//! sort runs wholly under the list's lock, in place (it runs no Python code), so racing
//! threads see it as one operation.
//!
//! What must hold: the list ends holding a permutation of its items (or the original
//! order when a key function failed); nothing panics whatever `__lt__` does.

use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::float_val;
use crate::obj::layout::*;
use crate::runtime::{ty, ExcKind, T};
use crate::spec::CmpOp;
use crate::value::Value;

const RUN: usize = 32;

/// (key, item) pairs.
type Pair = (Value, Value);

fn lt(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    vm.cmp_bool(a, b, CmpOp::Lt)
}

/// Stable binary insertion sort of `v[lo..hi]`.
fn insertion(vm: &mut Vm, v: &mut [Pair], lo: usize, hi: usize) -> PyResult<()> {
    for i in lo + 1..hi {
        let x = v[i];
        // First position in lo..i whose key is greater than x's.
        let (mut l, mut h) = (lo, i);
        while l < h {
            let m = l + (h - l) / 2;
            if lt(vm, x.0, v[m].0)? {
                h = m;
            } else {
                l = m + 1;
            }
        }
        v[l..=i].rotate_right(1);
    }
    Ok(())
}

/// Merges `src[lo..mid]` and `src[mid..hi]` into `dst[lo..hi]`.
fn merge(
    vm: &mut Vm,
    src: &[Pair],
    dst: &mut [Pair],
    lo: usize,
    mid: usize,
    hi: usize,
) -> PyResult<()> {
    let (mut i, mut j, mut k) = (lo, mid, lo);
    // Already in order: copy.
    if mid == lo || mid == hi || !lt(vm, src[mid].0, src[mid - 1].0)? {
        dst[lo..hi].copy_from_slice(&src[lo..hi]);
        return Ok(());
    }
    while i < mid && j < hi {
        if lt(vm, src[j].0, src[i].0)? {
            dst[k] = src[j];
            j += 1;
        } else {
            dst[k] = src[i];
            i += 1;
        }
        k += 1;
    }
    dst[k..k + (mid - i)].copy_from_slice(&src[i..mid]);
    k += mid - i;
    dst[k..k + (hi - j)].copy_from_slice(&src[j..hi]);
    Ok(())
}

/// Sorts `v` stably by key; on error `v` holds a permutation of its items.
fn merge_sort(vm: &mut Vm, v: &mut Vec<Pair>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut lo = 0;
    while lo < n {
        let hi = (lo + RUN).min(n);
        insertion(vm, v, lo, hi)?;
        lo = hi;
    }
    let mut buf = v.clone();
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        let mut r = Ok(());
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            r = merge(vm, v, &mut buf, lo, mid, hi);
            if r.is_err() {
                break;
            }
            lo = hi;
        }
        r?;
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
    Ok(())
}

/// Sorts by keys with a total order when every key allows one; false if not applicable.
fn fast_sort(v: &mut [Pair]) -> bool {
    let k0 = v[0].0;
    if v.iter().all(|p| p.0.is_small_int()) {
        v.sort_by_key(|p| p.0.as_small());
        return true;
    }
    let sty = ty(T::Str);
    let is_str = |x: Value| x.is_ptr() && header(x).ty.get() == sty;
    if is_str(k0) && v.iter().all(|p| is_str(p.0)) {
        v.sort_by(|a, b| str_bytes(a.0).cmp(str_bytes(b.0)));
        return true;
    }
    let fty = ty(T::Float);
    let is_float = |x: Value| x.is_ptr() && header(x).ty.get() == fty && !float_val(x).is_nan();
    if is_float(k0) && v.iter().all(|p| is_float(p.0)) {
        v.sort_by(|a, b| {
            float_val(a.0)
                .partial_cmp(&float_val(b.0))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        return true;
    }
    false
}

impl Vm {
    /// `list.sort(key=key, reverse=reverse)` (also the core of `sorted`).
    pub fn list_sort(&mut self, list: Value, key: Option<Value>, reverse: bool) -> PyResult<()> {
        // Empty the list while sorting; a zero-capacity array marks "untouched". The
        // snapshot and the switch happen under the list's lock, so no append is lost.
        let marker = self.new_array(0)?;
        let lo = super::l(list);
        let g = self.write_lock(list);
        let items = super::list_items(list);
        if items.is_empty() {
            // Nothing to sort and nothing to empty. (The list may be empty because another
            // thread is sorting it: replacing that sort's marker would make it report a
            // modification no single operation made.)
            return Ok(());
        }
        if key.is_none() {
            // Items with a total order of their own (small ints, exact strs, floats) sort
            // with no Python code: the whole sort happens under the lock, in place, so it
            // is one operation, as under CPython's GIL (a racing append waits instead of
            // being dropped with "list modified during sort").
            let mut pairs: Vec<Pair> = items.iter().map(|&x| (x, x)).collect();
            if reverse {
                pairs.reverse();
            }
            if pairs.len() == 1 || fast_sort(&mut pairs) {
                if reverse {
                    pairs.reverse();
                }
                let slots = array_slots(lo.items.get());
                for (s, p) in slots.iter().zip(&pairs) {
                    s.set(p.1);
                }
                return Ok(());
            }
        }
        crate::obj::publish::set_len(&lo.len, 0);
        crate::obj::publish::publish(&lo.items, marker.0);
        drop(g);
        let restore = |vm: &mut Vm, items: &[Value]| -> PyResult<bool> {
            vm.list_replace_from(list, items, Some(marker))
        };
        // Keys first: a failing key function leaves the list unchanged.
        let mut pairs: Vec<Pair> = Vec::with_capacity(items.len());
        for &x in &items {
            let k = match key {
                Some(f) => match self.call(f, &[x]) {
                    Ok(k) => k,
                    Err(e) => {
                        restore(self, &items)?;
                        return Err(e);
                    }
                },
                None => x,
            };
            pairs.push((k, x));
        }
        if reverse {
            pairs.reverse();
        }
        let r = if pairs.len() > 1 && fast_sort(&mut pairs) {
            Ok(())
        } else {
            merge_sort(self, &mut pairs)
        };
        if reverse {
            pairs.reverse();
        }
        let sorted: Vec<Value> = pairs.iter().map(|p| p.1).collect();
        let modified = restore(self, &sorted)?;
        r?;
        if modified {
            return Err(self.raise_msg(ExcKind::ValueError, "list modified during sort"));
        }
        Ok(())
    }
}
