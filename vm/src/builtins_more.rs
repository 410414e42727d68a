//! The rest of the `builtins` functions, grouped by theme in `builtins_more/`:
//! numbers (`min`, `max`, `sum`, `round`, `pow`, `divmod`, `bin`...), iteration
//! (`sorted`, `any`, `all`, `iter(callable, sentinel)`, `aiter`, `anext`), code and
//! introspection (`exec`, `eval`, `compile`, `vars`, `dir`, `__import__`, `open`) and
//! output (`print`, `input`), and `memoryview`. This file holds the shared argument
//! binder.
//!
//! What must hold: the same argument conventions as `builtins.rs`: positional values
//! first, then keyword values named by `Args::kwnames`; errors use CPython's messages.

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::runtime::ExcKind;
use crate::value::Value;

pub mod code;
pub mod iterating;
pub mod memview;
pub mod numeric;
pub mod output;

/// The parameters of a native function, for [`bind`].
pub struct Sig {
    /// Function name, for messages.
    pub name: &'static str,
    /// Parameter names in order.
    pub params: &'static [&'static str],
    /// The first `posonly` parameters cannot be passed by keyword.
    pub posonly: usize,
    /// Parameters from this index on are keyword-only.
    pub kwonly: usize,
    /// The first `required` parameters must be given.
    pub required: usize,
}

/// Binds `a` to `sig`: one entry per parameter, `None` where it was not given.
pub fn bind(vm: &mut Vm, a: &Args, sig: &Sig) -> PyResult<Vec<Option<Value>>> {
    let mut out: Vec<Option<Value>> = vec![None; sig.params.len()];
    let maxpos = sig.kwonly.min(sig.params.len());
    if a.len() > maxpos {
        let msg = if maxpos == 0 {
            format!("{}() takes no positional arguments", sig.name)
        } else {
            format!(
                "{}() takes at most {} argument{} ({} given)",
                sig.name,
                maxpos,
                if maxpos == 1 { "" } else { "s" },
                a.len()
            )
        };
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    for (i, slot) in out.iter_mut().enumerate().take(a.len()) {
        *slot = Some(a.get(i));
    }
    for (k, v) in a.kwargs() {
        let name = str_val(k);
        let pos = sig.params.iter().position(|p| *p == name);
        match pos {
            Some(i) if i >= sig.posonly => {
                if out[i].is_some() {
                    let msg = format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        sig.name,
                        name,
                        i + 1
                    );
                    return Err(vm.raise_msg(ExcKind::TypeError, &msg));
                }
                out[i] = Some(v);
            }
            _ => {
                let msg = if sig.posonly >= sig.params.len() {
                    format!("{}() takes no keyword arguments", sig.name)
                } else {
                    format!(
                        "'{}' is an invalid keyword argument for {}()",
                        name, sig.name
                    )
                };
                return Err(vm.raise_msg(ExcKind::TypeError, &msg));
            }
        }
    }
    for (i, p) in sig.params.iter().enumerate().take(sig.required) {
        if out[i].is_none() {
            let msg = if i < sig.kwonly {
                format!(
                    "{}() missing required argument '{}' (pos {})",
                    sig.name,
                    p,
                    i + 1
                )
            } else {
                format!("{}() missing required keyword argument '{}'", sig.name, p)
            };
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
    }
    Ok(out)
}

/// `Some(v)` unless `v` is absent or None.
pub fn not_none(v: Option<Value>) -> Option<Value> {
    v.filter(|x| *x != crate::runtime::g().none)
}

pub fn init(vm: &mut Vm, dict: Value) -> PyResult<()> {
    numeric::init(vm, dict)?;
    iterating::init(vm, dict)?;
    code::init(vm, dict)?;
    output::init(vm, dict)?;
    memview::init(vm, dict)?;
    Ok(())
}
