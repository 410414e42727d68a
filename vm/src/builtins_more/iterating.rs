//! Iteration builtins: `iter` (both forms), `sorted`, `any`, `all`, `aiter`, `anext`.
//!
//! `iter(callable, sentinel)` returns a `callable_iterator` record (s0 = callable, NULL
//! once exhausted; s1 = sentinel). Its slots are installed here only if no other module
//! gave the type a table first. `sorted` copies into a new list and calls `list.sort`
//! on it with the caller's keywords, so the sort is the list type's (stable, CPython's
//! key and reverse rules). `anext(it, default)` wraps the awaitable in a small
//! coroutine compiled from Python source on use.
//!
//! What must hold: an exhausted callable iterator stays exhausted.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::CmpOp;
use crate::types::record::REC_ITER;
use crate::types::slots::{find_slot, own_ops, TypeOps};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

fn rec(v: Value) -> &'static RecordObj {
    // SAFETY: callable iterators are records (created only by `new_call_iter`).
    unsafe { obj::<RecordObj>(v) }
}

fn call_iter_iter(_vm: &mut Vm, it: Value) -> PyResult<Value> {
    Ok(it)
}

fn call_iter_next(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let f = rec(it).s[0].get();
    if f.is_null() {
        return Ok(None);
    }
    let v = match vm.call(f, &[]) {
        Ok(v) => v,
        Err(e) => {
            if vm.exc_is(ExcKind::StopIteration) {
                vm.exc = Value::NULL;
                rec(it).s[0].set(Value::NULL);
                return Ok(None);
            }
            return Err(e);
        }
    };
    let sentinel = rec(it).s[1].get();
    if vm.eq_bool(v, sentinel)? {
        rec(it).s[0].set(Value::NULL);
        return Ok(None);
    }
    Ok(Some(v))
}

static CALL_ITER_OPS: TypeOps = TypeOps {
    iter: Some(call_iter_iter),
    next: Some(call_iter_next),
    ..TypeOps::EMPTY
};

fn new_call_iter(vm: &mut Vm, f: Value, sentinel: Value) -> PyResult<Value> {
    vm.new_record(
        ty(T::CallIter),
        REC_ITER,
        [f, sentinel, Value::NULL, Value::NULL],
        0,
        0,
    )
}

fn b_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "iter() takes no keyword arguments"));
    }
    match a.len() {
        1 => vm.get_iter(a.get(0)),
        2 => {
            let f = a.get(0);
            let callable = f.is_ptr()
                && (matches!(
                    kind_of(f),
                    Kind::Function | Kind::Native | Kind::BoundMethod | Kind::Type
                ) || !vm.lookup(type_of(f), g().names.__call__).is_null());
            if !callable {
                return Err(vm.raise_msg(ExcKind::TypeError, "iter(v, w): v must be callable"));
            }
            new_call_iter(vm, f, a.get(1))
        }
        n => {
            let msg = if n == 0 {
                "iter expected at least 1 argument, got 0".to_string()
            } else {
                format!("iter expected at most 2 arguments, got {n}")
            };
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

/// Stable merge sort on `<` (used only when `list.sort` is not available).
fn merge_sort(vm: &mut Vm, v: &mut Vec<(Value, Value)>, reverse: bool) -> PyResult<()> {
    if v.len() < 2 {
        return Ok(());
    }
    let mut right = v.split_off(v.len() / 2);
    merge_sort(vm, v, reverse)?;
    merge_sort(vm, &mut right, reverse)?;
    let left = std::mem::take(v);
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        // Take from the right only when it is strictly before the left item.
        let take_right = if reverse {
            vm.cmp_bool(left[i].0, right[j].0, CmpOp::Lt)?
        } else {
            vm.cmp_bool(right[j].0, left[i].0, CmpOp::Lt)?
        };
        if take_right {
            v.push(right[j]);
            j += 1;
        } else {
            v.push(left[i]);
            i += 1;
        }
    }
    v.extend_from_slice(&left[i..]);
    v.extend_from_slice(&right[j..]);
    Ok(())
}

fn b_sorted(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let items = vm.to_vec(a.get(0))?;
    let list = vm.new_list(&items)?;
    let nm = vm.intern("sort")?;
    let sort = vm.lookup(ty(T::List), nm);
    if !sort.is_null() {
        let mut args = vec![list];
        for (_, v) in a.kwargs() {
            args.push(v);
        }
        vm.call_kw(sort, &args, a.kwnames)?;
        return Ok(list);
    }
    // list.sort is not there (yet): sort here with the same rules.
    let mut key = g().none;
    let mut reverse = false;
    for (k, v) in a.kwargs() {
        match crate::obj::alloc::str_val(k) {
            "key" => key = v,
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                let msg = format!("'{other}' is an invalid keyword argument for sort()");
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    let mut pairs = Vec::with_capacity(items.len());
    for x in items {
        let k = if key == g().none {
            x
        } else {
            vm.call(key, &[x])?
        };
        pairs.push((k, x));
    }
    merge_sort(vm, &mut pairs, reverse)?;
    let out: Vec<Value> = pairs.into_iter().map(|(_, x)| x).collect();
    vm.list_replace(list, &out)?;
    Ok(list)
}

fn any_all(vm: &mut Vm, a: &Args, name: &str, want: bool) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, name)?;
    let it = vm.get_iter(a.get(0))?;
    while let Some(x) = vm.iter_next(it)? {
        if vm.truthy(x)? == want {
            return Ok(vm.bool_val(want));
        }
    }
    Ok(vm.bool_val(!want))
}

fn b_any(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    any_all(vm, a, "any", true)
}

fn b_all(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    any_all(vm, a, "all", false)
}

fn b_aiter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, "aiter")?;
    let o = a.get(0);
    let typ = type_of(o);
    let nm = vm.intern("__aiter__")?;
    let Some(it) = vm.call_special(o, nm, &[])? else {
        let msg = format!("'{}' object is not an async iterable", type_name(typ));
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    let an = vm.intern("__anext__")?;
    if vm.lookup(type_of(it), an).is_null() {
        let msg = format!(
            "aiter() returned not an async iterator of type '{}'",
            type_name(type_of(it))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    Ok(it)
}

const ANEXT_DEFAULT_SRC: &str = "\
async def anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
";

fn b_anext(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "anext() takes no keyword arguments"));
    }
    if a.is_empty() || a.len() > 2 {
        let msg = if a.is_empty() {
            "anext expected at least 1 argument, got 0".to_string()
        } else {
            format!("anext expected at most 2 arguments, got {}", a.len())
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let o = a.get(0);
    let nm = vm.intern("__anext__")?;
    let Some(aw) = vm.call_special(o, nm, &[])? else {
        let msg = format!(
            "'{}' object is not an async iterator",
            type_name(type_of(o))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    let Some(default) = a.opt(1) else {
        return Ok(aw);
    };
    let code = vm.compile_to_code(
        ANEXT_DEFAULT_SRC,
        "<hotpy-builtins>",
        crate::compiler::Mode::Exec,
    )?;
    let d = vm.new_dict()?;
    vm.exec_code(code, d, Value::NULL)?;
    let fname = vm.intern("anext_default")?;
    let Some(f) = vm.dict_get(d, fname)? else {
        return Err(vm.raise_msg(ExcKind::SystemError, "anext helper missing"));
    };
    vm.call(f, &[aw, default])
}

pub fn init(vm: &mut Vm, dict: Value) -> PyResult<()> {
    let ci = ty(T::CallIter);
    if own_ops(ci).is_none() && find_slot(ci, |o| o.next).is_none() {
        vm.install_slots(ci, &CALL_ITER_OPS)?;
    }
    vm.def_module_fns(
        dict,
        &[
            ("iter", b_iter),
            ("sorted", b_sorted),
            ("any", b_any),
            ("all", b_all),
            ("aiter", b_aiter),
            ("anext", b_anext),
        ],
    )
}
