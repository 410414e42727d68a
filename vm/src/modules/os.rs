//! `_os`: the operating-system calls under hotpy's `os` module (`vm/lib/os.py`, which
//! adds `os.path`, `environ`, `walk`, `makedirs`...). Built on `std::fs`/`std::env`, so
//! no C library is called directly.
//!
//! What must hold: OS errors raise the OSError subclass for their errno with the
//! path as `filename` (`types::io::raise_os_error`).

use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ExcKind};
use crate::types::io::raise_os_error;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;

/// A path argument: str, bytes or an object with `__fspath__`.
fn path_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<(String, Value)> {
    let mut p = v;
    if p.is_ptr() && !matches!(kind_of(p), Kind::Str | Kind::Bytes) {
        if let Some(r) = vm.call_special(p, g().names.__fspath__, &[])? {
            p = r;
        }
    }
    if crate::types::str::is_str(p) {
        return Ok((str_val(p).to_string(), v));
    }
    if p.is_ptr() && kind_of(p) == Kind::Bytes {
        return Ok((String::from_utf8_lossy(bytes_data(p)).into_owned(), v));
    }
    let msg = format!(
        "{fname}: path should be string, bytes or os.PathLike, not {}",
        type_name(type_of(v))
    );
    Err(vm.raise_msg(ExcKind::TypeError, &msg))
}

fn arg(vm: &mut Vm, a: &Args, i: usize, name: &str, fname: &str) -> PyResult<Value> {
    match a.opt(i).or_else(|| a.kw(name)) {
        Some(v) => Ok(v),
        None => {
            let msg = format!(
                "{fname}() missing required argument '{name}' (pos {})",
                i + 1
            );
            Err(vm.raise_msg(ExcKind::TypeError, &msg))
        }
    }
}

fn os_getcwd(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(p) => vm.new_str(&p.display().to_string()),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn os_chdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg(vm, a, 0, "path", "chdir")?;
    let (p, orig) = path_arg(vm, v, "chdir")?;
    match std::env::set_current_dir(&p) {
        Ok(()) => Ok(g().none),
        Err(e) => Err(raise_os_error(vm, &e, Some(orig))),
    }
}

fn os_listdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (p, orig) = match a.opt(0).or_else(|| a.kw("path")) {
        Some(v) if v != g().none => path_arg(vm, v, "listdir")?,
        _ => (".".to_string(), Value::NULL),
    };
    let rd = match std::fs::read_dir(&p) {
        Ok(rd) => rd,
        Err(e) => {
            let name = if orig.is_null() {
                vm.new_str(&p)?
            } else {
                orig
            };
            return Err(raise_os_error(vm, &e, Some(name)));
        }
    };
    let mut names = Vec::new();
    for ent in rd {
        match ent {
            Ok(ent) => names.push(ent.file_name().to_string_lossy().into_owned()),
            Err(e) => return Err(raise_os_error(vm, &e, None)),
        }
    }
    let mut vals = Vec::with_capacity(names.len());
    for n in names {
        vals.push(vm.new_str(&n)?);
    }
    vm.new_list(&vals)
}

/// One-path operations that return None.
fn path_op(
    vm: &mut Vm,
    a: &Args,
    fname: &str,
    op: fn(&str) -> std::io::Result<()>,
) -> PyResult<Value> {
    let v = arg(vm, a, 0, "path", fname)?;
    let (p, orig) = path_arg(vm, v, fname)?;
    match op(&p) {
        Ok(()) => Ok(g().none),
        Err(e) => Err(raise_os_error(vm, &e, Some(orig))),
    }
}

fn os_mkdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    path_op(vm, a, "mkdir", |p| std::fs::create_dir(p))
}

fn os_rmdir(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    path_op(vm, a, "rmdir", |p| std::fs::remove_dir(p))
}

fn os_remove(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    path_op(vm, a, "remove", |p| std::fs::remove_file(p))
}

fn os_rename(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let s = arg(vm, a, 0, "src", "rename")?;
    let d = arg(vm, a, 1, "dst", "rename")?;
    let (sp, so) = path_arg(vm, s, "rename")?;
    let (dp, _) = path_arg(vm, d, "rename")?;
    match std::fs::rename(&sp, &dp) {
        Ok(()) => Ok(g().none),
        Err(e) => Err(raise_os_error(vm, &e, Some(so))),
    }
}

/// `stat(path)` / `lstat(path)` as a 10-tuple:
/// (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime) with float times.
fn stat_impl(vm: &mut Vm, a: &Args, follow: bool) -> PyResult<Value> {
    let fname = if follow { "stat" } else { "lstat" };
    let v = arg(vm, a, 0, "path", fname)?;
    let (p, orig) = path_arg(vm, v, fname)?;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let md = match md {
        Ok(m) => m,
        Err(e) => return Err(raise_os_error(vm, &e, Some(orig))),
    };
    let vals: [f64; 10];
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let t = |s: i64, ns: i64| s as f64 + ns as f64 * 1e-9;
        vals = [
            md.mode() as f64,
            md.ino() as f64,
            md.dev() as f64,
            md.nlink() as f64,
            md.uid() as f64,
            md.gid() as f64,
            md.size() as f64,
            t(md.atime(), md.atime_nsec()),
            t(md.mtime(), md.mtime_nsec()),
            t(md.ctime(), md.ctime_nsec()),
        ];
    }
    #[cfg(not(unix))]
    {
        let mode = if md.is_dir() { 0o040755 } else { 0o100644 };
        let mt = md
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        vals = [
            mode as f64,
            0.0,
            0.0,
            1.0,
            0.0,
            0.0,
            md.len() as f64,
            mt,
            mt,
            mt,
        ];
    }
    let mut out = Vec::with_capacity(10);
    for (i, x) in vals.iter().enumerate() {
        out.push(if i < 7 {
            vm.new_int(*x as i64)?
        } else {
            vm.new_float(*x)?
        });
    }
    vm.new_tuple(&out)
}

fn os_stat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    stat_impl(vm, a, true)
}

fn os_lstat(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    stat_impl(vm, a, false)
}

fn os_getpid(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    vm.new_int(std::process::id() as i64)
}

fn os_environ(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    let d = vm.new_dict()?;
    for (k, v) in std::env::vars_os() {
        let k = vm.new_str(&k.to_string_lossy())?;
        let v = vm.new_str(&v.to_string_lossy())?;
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

fn os_putenv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = arg(vm, a, 0, "name", "putenv")?;
    let v = arg(vm, a, 1, "value", "putenv")?;
    if !crate::types::str::is_str(k) || !crate::types::str::is_str(v) {
        return Err(vm.raise_msg(ExcKind::TypeError, "putenv() arguments must be str"));
    }
    let (ks, vs) = (str_val(k), str_val(v));
    if ks.is_empty() || ks.contains('=') || ks.contains('\0') || vs.contains('\0') {
        return Err(vm.raise_msg(ExcKind::ValueError, "illegal environment variable name"));
    }
    // Other threads read the environment only through this module (`os.environ` is a
    // copy taken at import), so changing it here races with nothing in hotpy.
    std::env::set_var(ks, vs);
    Ok(g().none)
}

fn os_unsetenv(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = arg(vm, a, 0, "name", "unsetenv")?;
    if !crate::types::str::is_str(k) {
        return Err(vm.raise_msg(ExcKind::TypeError, "unsetenv() argument must be str"));
    }
    let ks = str_val(k);
    if ks.is_empty() || ks.contains('=') || ks.contains('\0') {
        return Err(vm.raise_msg(ExcKind::ValueError, "illegal environment variable name"));
    }
    std::env::remove_var(ks);
    Ok(g().none)
}

fn os_urandom(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let nv = arg(vm, a, 0, "size", "urandom")?;
    let n = vm.index_i64(nv)?;
    if n < 0 {
        return Err(vm.raise_msg(ExcKind::ValueError, "negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    let r = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf));
    if let Err(e) = r {
        return Err(raise_os_error(vm, &e, None));
    }
    vm.new_bytes(&buf)
}

fn os_cpu_count(vm: &mut Vm, _a: &Args) -> PyResult<Value> {
    match std::thread::available_parallelism() {
        Ok(n) => vm.new_int(n.get() as i64),
        Err(_) => Ok(g().none),
    }
}

fn os_strerror(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg(vm, a, 0, "code", "strerror")?;
    let n = vm.index_i64(v)?;
    let e = std::io::Error::from_raw_os_error(n as i32);
    let s = crate::types::io::file::strerror(&e);
    vm.new_str(&s)
}

fn os_readlink(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg(vm, a, 0, "path", "readlink")?;
    let (p, orig) = path_arg(vm, v, "readlink")?;
    match std::fs::read_link(&p) {
        Ok(t) => vm.new_str(&t.display().to_string()),
        Err(e) => Err(raise_os_error(vm, &e, Some(orig))),
    }
}

fn os_realpath(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let v = arg(vm, a, 0, "path", "realpath")?;
    let (p, _) = path_arg(vm, v, "realpath")?;
    match std::fs::canonicalize(&p) {
        Ok(t) => vm.new_str(&t.display().to_string()),
        Err(_) => Ok(g().none),
    }
}

/// Creates the module object.
pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module_named("_os")?;
    let d = vm.dict_of(m);
    vm.def_module_fns(
        d,
        &[
            ("getcwd", os_getcwd),
            ("chdir", os_chdir),
            ("listdir", os_listdir),
            ("mkdir", os_mkdir),
            ("rmdir", os_rmdir),
            ("remove", os_remove),
            ("unlink", os_remove),
            ("rename", os_rename),
            ("replace", os_rename),
            ("stat", os_stat),
            ("lstat", os_lstat),
            ("getpid", os_getpid),
            ("environ", os_environ),
            ("putenv", os_putenv),
            ("unsetenv", os_unsetenv),
            ("urandom", os_urandom),
            ("cpu_count", os_cpu_count),
            ("strerror", os_strerror),
            ("readlink", os_readlink),
            ("realpath", os_realpath),
        ],
    )?;
    Ok(m)
}
