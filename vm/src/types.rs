//! The built-in types. Each module defines a type's operator table (`TypeOps`, see
//! `slots`) and its methods, and registers them in its `init`; `init_all` runs them at
//! start-up in dependency order.

pub mod bases;
pub mod builtin_iters;
pub mod bytes;
pub mod complex;
pub mod deque;
pub mod descr;
pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod io;
pub mod iter;
pub mod list;
pub mod misc;
pub mod object;
pub mod range;
pub mod record;
pub mod set;
pub mod shape;
pub mod slots;
pub mod str;
pub mod strfmt;
pub mod strmethods;
pub mod super_;
pub mod tuple;
pub mod typeobj;
pub mod usertype;
pub mod views;

use crate::interp::state::{PyResult, Vm};

pub fn init_all(vm: &mut Vm) -> PyResult<()> {
    object::init(vm)?;
    int::init(vm)?;
    float::init(vm)?;
    complex::init(vm)?;
    str::init(vm)?;
    bytes::init(vm)?;
    tuple::init(vm)?;
    list::init(vm)?;
    dict::init(vm)?;
    set::init(vm)?;
    deque::init(vm)?;
    range::init(vm)?;
    iter::init(vm)?;
    function::init(vm)?;
    descr::init(vm)?;
    exception::init(vm)?;
    generator::init(vm)?;
    misc::init(vm)?;
    builtin_iters::init(vm)?;
    views::init(vm)?;
    super_::init(vm)?;
    io::init(vm)?;
    Ok(())
}
