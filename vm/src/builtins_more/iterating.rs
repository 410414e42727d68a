//! Iteration builtins: `iter` (both forms), `sorted`, `any`, `all`, `aiter`, `anext`.
//!
//! `iter(callable, sentinel)` is `types::builtin_iters`' callable iterator. `sorted`
//! copies into a new list and calls `list.sort` on it with the caller's keywords, so
//! the sort is the list type's (stable, CPython's key and reverse rules). `anext(it, default)` wraps the awaitable in a small
//! coroutine compiled from Python source on use.
//!
//! What must hold: `sorted` returns a new list and never mutates its argument.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::runtime::{ty, ExcKind, T};
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

fn b_iter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.nkw() != 0 {
        return Err(vm.raise_msg(ExcKind::TypeError, "iter() takes no keyword arguments"));
    }
    match a.len() {
        1 => vm.get_iter(a.get(0)),
        2 => crate::types::builtin_iters::new_call_iter(vm, a.get(0), a.get(1)),
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

fn b_sorted(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    if a.len() != 1 {
        let msg = format!("sorted expected 1 argument, got {}", a.len());
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    // Nothing but the arguments is held across gathering the items, so the heap may
    // collect meanwhile (`to_vec_collecting`; the keyword names of a call by CALL are a
    // pinned constant, the values sit on the stack).
    let items = vm.to_vec_collecting(a.get(0), a.from_interp())?;
    let list = vm.new_list(&items)?;
    let nm = vm.intern("sort")?;
    let sort = vm.lookup(ty(T::List), nm);
    if sort.is_null() {
        return Err(vm.raise_msg(ExcKind::SystemError, "list.sort is missing"));
    }
    let mut args = vec![list];
    for (_, v) in a.kwargs() {
        args.push(v);
    }
    vm.call_kw(sort, &args, a.kwnames)?;
    Ok(list)
}

fn any_all(vm: &mut Vm, a: &Args, name: &str, want: bool) -> PyResult<Value> {
    crate::builtins::one_arg(vm, a, name)?;
    let ok = a.from_interp();
    let mut it = vm.get_iter(a.get(0))?;
    loop {
        // Between items the heap may collect: `it` is the only value held across.
        vm.native_safepoint(ok, std::slice::from_mut(&mut it));
        let Some(x) = vm.iter_next(it)? else {
            break;
        };
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
