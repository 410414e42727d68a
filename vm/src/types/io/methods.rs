//! `open()` and the methods of file objects (see `io.rs` for the record layout).
//!
//! What must hold: the stream lock of `file.rs` is never held while Python code runs:
//! each method copies what it needs out of the stream, drops the lock, then builds
//! Python objects.

use crate::builtins_more::{bind, not_none, Sig};
use crate::interp::call::Args;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::io::file::{self, Src, Stream};
use crate::types::io::*;
use crate::types::slots::TypeOps;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use parking_lot::Mutex;
use std::io::SeekFrom;
use std::sync::atomic::Ordering;
use std::sync::Arc;

/// Text file opened with `newline=''` (no `\r\n` translation).
pub const F_NOTRANSLATE: i64 = 64;

fn this(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = a.get(0);
    if !is_file(f) {
        return Err(not_a_file(vm, f));
    }
    Ok(f)
}

fn closed_error(vm: &mut Vm) -> crate::interp::state::Raised {
    vm.raise_msg(ExcKind::ValueError, "I/O operation on closed file.")
}

fn stream(vm: &mut Vm, f: Value) -> PyResult<Arc<Mutex<Stream>>> {
    if flags(f) & F_CLOSED != 0 {
        return Err(closed_error(vm));
    }
    match file::get(rec(f).a.load(Ordering::Relaxed)) {
        Some(s) => Ok(s),
        None => Err(closed_error(vm)),
    }
}

fn readable(vm: &mut Vm, f: Value) -> PyResult<Arc<Mutex<Stream>>> {
    let s = stream(vm, f)?;
    if flags(f) & F_READ == 0 {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(s)
}

/// Runs `read` (which locks the stream and reads it) as a blocking call (`Vm::blocking`,
/// safe when `ok`: see `Args::from_interp`) if the stream may wait for input, else
/// directly. The file object `f` is rooted across it and updated (the heap may have
/// moved meanwhile).
fn blocking_read<R>(
    vm: &mut Vm,
    ok: bool,
    f: &mut Value,
    s: &Arc<Mutex<Stream>>,
    read: impl FnOnce() -> R,
) -> R {
    let may_block = match s.try_lock() {
        Some(st) => st.may_block,
        None => true,
    };
    if !may_block {
        return read();
    }
    let mark = vm.roots.len();
    let r = vm.root(*f);
    let out = vm.blocking(ok, read);
    *f = vm.rooted(r);
    vm.unroot_to(mark);
    out
}

fn writable(vm: &mut Vm, f: Value) -> PyResult<Arc<Mutex<Stream>>> {
    let s = stream(vm, f)?;
    if flags(f) & F_WRITE == 0 {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(s)
}

fn is_binary(f: Value) -> bool {
    flags(f) & F_BINARY != 0
}

/// Bytes read from a file as a Python value (str for text files).
fn to_value(vm: &mut Vm, f: Value, data: Vec<u8>) -> PyResult<Value> {
    if is_binary(f) {
        return vm.new_bytes(&data);
    }
    let mut s = decode(vm, f, data)?;
    if flags(f) & F_NOTRANSLATE == 0 && s.contains('\r') {
        s = s.replace("\r\n", "\n").replace('\r', "\n");
    }
    vm.new_str(&s)
}

/// An optional size argument: `None` for "all" (absent, None or negative).
fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match not_none(v) {
        None => Ok(None),
        Some(v) => {
            let n = vm.index_i64(v)?;
            Ok(usize::try_from(n).ok())
        }
    }
}

fn f_read(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let mut f = this(vm, a)?;
    let n = size_arg(vm, a.opt(1).or_else(|| a.kw("size")))?;
    let s = readable(vm, f)?;
    let s2 = s.clone();
    let binary = is_binary(f);
    let read = move || {
        let mut st = s.lock();
        match n {
            None => st.read_all(),
            Some(n) if binary => st.read_bytes(n),
            Some(n) => st.read_chars(n),
        }
    };
    let r = blocking_read(vm, a.from_interp(), &mut f, &s2, read);
    match r {
        Ok(data) => to_value(vm, f, data),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

/// One line from a file object made here. `ok`: the wait for input may let other
/// threads collect (the caller's `Args::from_interp`; see `Vm::blocking`).
pub fn readline_of(vm: &mut Vm, mut f: Value, limit: Option<usize>, ok: bool) -> PyResult<Value> {
    let s = readable(vm, f)?;
    let s2 = s.clone();
    let r = blocking_read(vm, ok, &mut f, &s2, move || s.lock().read_line(limit));
    match r {
        Ok(data) => to_value(vm, f, data),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn f_readline(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let n = size_arg(vm, a.opt(1).or_else(|| a.kw("size")))?;
    readline_of(vm, f, n, a.from_interp())
}

fn is_empty(v: Value) -> bool {
    match kind_of(v) {
        Kind::Str => str_bytes(v).is_empty(),
        Kind::Bytes => bytes_data(v).is_empty(),
        _ => false,
    }
}

fn f_readlines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let hint = size_arg(vm, a.opt(1).or_else(|| a.kw("hint")))?.filter(|h| *h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        // The lines gathered are held in Rust: no collection while it waits.
        let l = readline_of(vm, f, None, false)?;
        if is_empty(l) {
            break;
        }
        total += vm.len(l)?;
        lines.push(l);
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    vm.new_list(&lines)
}

fn write_value(vm: &mut Vm, f: Value, v: Value) -> PyResult<usize> {
    let (data, count) = if is_binary(f) {
        if !v.is_ptr() || !matches!(kind_of(v), Kind::Bytes | Kind::ByteArray) {
            let msg = format!(
                "a bytes-like object is required, not '{}'",
                type_name(type_of(v))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        let d = if kind_of(v) == Kind::Bytes {
            bytes_data(v).to_vec()
        } else {
            // SAFETY: kind checked.
            let o = unsafe { obj::<ByteArrayObj>(v) };
            raw_data(o.buf.get())[..load(&o.len)].to_vec()
        };
        let n = d.len();
        (d, n)
    } else {
        if !crate::types::str::is_str(v) {
            let msg = format!(
                "write() argument must be str, not {}",
                type_name(type_of(v))
            );
            return Err(vm.raise_msg(ExcKind::TypeError, &msg));
        }
        let s = str_val(v);
        (encode(vm, f, s)?, crate::obj::alloc::str_nchars(v))
    };
    let s = writable(vm, f)?;
    let r = s.lock().write_all(&data);
    match r {
        Ok(()) => Ok(count),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn f_write(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    if a.len() != 2 {
        let msg = format!("write() takes exactly one argument ({} given)", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let n = write_value(vm, f, a.get(1))?;
    vm.new_int(n as i64)
}

fn f_writelines(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    if a.len() != 2 {
        let msg = format!(
            "writelines() takes exactly one argument ({} given)",
            a.len() - 1
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    stream(vm, f)?;
    let it = vm.get_iter(a.get(1))?;
    while let Some(x) = vm.iter_next(it)? {
        write_value(vm, f, x)?;
    }
    Ok(g().none)
}

fn close_file(vm: &mut Vm, f: Value) -> PyResult<()> {
    let fl = flags(f);
    if fl & F_CLOSED != 0 {
        return Ok(());
    }
    let idx = rec(f).a.load(Ordering::Relaxed);
    if let Some(s) = file::get(idx) {
        let r = s.lock().flush();
        if let Err(e) = r {
            return Err(raise_os_error(vm, &e, None));
        }
    }
    set_flags(f, fl | F_CLOSED);
    if fl & F_STDIO == 0 {
        file::close(idx);
    }
    Ok(())
}

fn f_close(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    close_file(vm, f)?;
    Ok(g().none)
}

fn f_flush(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let s = stream(vm, f)?;
    let r = s.lock().flush();
    match r {
        Ok(()) => Ok(g().none),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn f_seek(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    if a.len() < 2 || a.len() > 3 {
        let msg = format!("seek expected at least 1 argument, got {}", a.len() - 1);
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    }
    let off = vm.index_i64(a.get(1))?;
    let whence = match a.opt(2) {
        Some(w) => vm.index_i64(w)?,
        None => 0,
    };
    let s = stream(vm, f)?;
    if !is_binary(f) && off != 0 && whence != 0 {
        let msg = if whence == 1 {
            "can't do nonzero cur-relative seeks"
        } else {
            "can't do nonzero end-relative seeks"
        };
        return Err(unsupported(vm, msg));
    }
    let pos = match whence {
        0 => {
            if off < 0 {
                let msg = format!("negative seek position {off}");
                return Err(vm.raise_msg(ExcKind::ValueError, &msg));
            }
            SeekFrom::Start(off as u64)
        }
        1 => SeekFrom::Current(off),
        2 => SeekFrom::End(off),
        _ => {
            let msg = format!("invalid whence ({whence}, should be 0, 1 or 2)");
            return Err(vm.raise_msg(ExcKind::ValueError, &msg));
        }
    };
    let r = s.lock().seek(pos);
    match r {
        Ok(p) => vm.new_int(p as i64),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn f_tell(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let s = stream(vm, f)?;
    let r = s.lock().tell();
    match r {
        Ok(p) => vm.new_int(p as i64),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn f_truncate(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let size = match not_none(a.opt(1)) {
        Some(v) => Some(vm.index_i64(v)?.max(0) as u64),
        None => None,
    };
    let s = writable(vm, f)?;
    let r = s.lock().truncate(size);
    match r {
        Ok(p) => vm.new_int(p as i64),
        Err(e) => Err(raise_os_error(vm, &e, None)),
    }
}

fn f_fileno(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let s = stream(vm, f)?;
    let n = s.lock().fileno();
    vm.new_int(n)
}

fn f_isatty(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let s = stream(vm, f)?;
    let b = s.lock().isatty();
    Ok(vm.bool_val(b))
}

fn f_readable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    stream(vm, f)?;
    Ok(vm.bool_val(flags(f) & F_READ != 0))
}

fn f_writable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    stream(vm, f)?;
    Ok(vm.bool_val(flags(f) & F_WRITE != 0))
}

fn f_seekable(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    let s = stream(vm, f)?;
    let b = s.lock().seekable();
    Ok(vm.bool_val(b))
}

fn f_enter(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    stream(vm, f)?;
    Ok(f)
}

fn f_exit(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let f = this(vm, a)?;
    close_file(vm, f)?;
    Ok(g().none)
}

fn g_name(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    Ok(rec(f).s[0].get())
}

fn g_mode(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    Ok(rec(f).s[1].get())
}

fn g_closed(vm: &mut Vm, f: Value) -> PyResult<Value> {
    Ok(vm.bool_val(flags(f) & F_CLOSED != 0))
}

fn g_encoding(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    let e = rec(f).s[2].get();
    Ok(if e.is_null() { g().none } else { e })
}

fn g_errors(_vm: &mut Vm, f: Value) -> PyResult<Value> {
    let e = rec(f).s[3].get();
    Ok(if e.is_null() { g().none } else { e })
}

fn g_none(_vm: &mut Vm, _f: Value) -> PyResult<Value> {
    Ok(g().none)
}

fn g_false(_vm: &mut Vm, _f: Value) -> PyResult<Value> {
    Ok(g().false_)
}

fn file_repr(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let name = rec(f).s[0].get();
    let nr = vm.repr_string(name)?;
    let tn = type_name(type_of(f));
    let s = if flags(f) & F_CLOSED != 0 && !is_binary(f) {
        format!("<_io.{tn} name={nr} closed=True>")
    } else if is_binary(f) {
        format!("<_io.{tn} name={nr}>")
    } else {
        let mode = vm.repr_string(rec(f).s[1].get())?;
        let enc = rec(f).s[2].get();
        let enc = if enc.is_ptr() {
            vm.repr_string(enc)?
        } else {
            "'UTF-8'".to_string()
        };
        format!("<_io.{tn} name={nr} mode={mode} encoding={enc}>")
    };
    vm.new_str(&s)
}

fn file_iter(vm: &mut Vm, f: Value) -> PyResult<Value> {
    if !is_file(f) {
        return Err(not_a_file(vm, f));
    }
    stream(vm, f)?;
    Ok(f)
}

fn file_next(vm: &mut Vm, f: Value) -> PyResult<Option<Value>> {
    file_next_from(vm, f, false)
}

/// `next(f)` for a file object; `ok`: the caller holds no heap value across it and no
/// native is below it (FOR_ITER), so the wait for input may let other threads collect.
pub fn file_next_from(vm: &mut Vm, f: Value, ok: bool) -> PyResult<Option<Value>> {
    if !is_file(f) {
        return Err(not_a_file(vm, f));
    }
    let l = readline_of(vm, f, None, ok)?;
    Ok(if is_empty(l) { None } else { Some(l) })
}

static FILE_OPS: TypeOps = TypeOps {
    repr: Some(file_repr),
    iter: Some(file_iter),
    next: Some(file_next),
    ..TypeOps::EMPTY
};

static OPEN_SIG: Sig = Sig {
    name: "open",
    params: &[
        "file",
        "mode",
        "buffering",
        "encoding",
        "errors",
        "newline",
        "closefd",
        "opener",
    ],
    posonly: 0,
    kwonly: 8,
    required: 1,
};

/// Parsed `mode` of `open()`: (flags, normalised mode string, base letter).
fn parse_mode(vm: &mut Vm, mode: &str) -> PyResult<(i64, String, char)> {
    let mut seen = String::new();
    let (mut base, mut plus, mut bin, mut text) = (None, false, false, false);
    let bad = |vm: &mut Vm| {
        let msg = format!("invalid mode: '{mode}'");
        vm.raise_msg(ExcKind::ValueError, &msg)
    };
    for c in mode.chars() {
        if !"rwxabt+U".contains(c) || seen.contains(c) {
            return Err(bad(vm));
        }
        seen.push(c);
        match c {
            'r' | 'w' | 'x' | 'a' => {
                if base.is_some() {
                    return Err(vm.raise_msg(
                        ExcKind::ValueError,
                        "must have exactly one of create/read/write/append mode",
                    ));
                }
                base = Some(c)
            }
            '+' => plus = true,
            'b' => bin = true,
            't' => text = true,
            _ => {}
        }
    }
    if bin && text {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "can't have text and binary mode at once",
        ));
    }
    let Some(base) = base else {
        return Err(vm.raise_msg(
            ExcKind::ValueError,
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    };
    let mut fl = match base {
        'r' => F_READ,
        'a' => F_WRITE | F_APPEND,
        _ => F_WRITE,
    };
    if plus {
        fl |= F_READ | F_WRITE;
    }
    if bin {
        fl |= F_BINARY;
    }
    let mut norm = base.to_string();
    if bin {
        norm.push('b');
    }
    if plus {
        norm.push('+');
    }
    Ok((fl, norm, base))
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, ...)`.
pub fn b_open(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let p = bind(vm, a, &OPEN_SIG)?;
    let mut fobj = p[0].unwrap_or(g().none);
    if fobj.is_ptr()
        && !matches!(kind_of(fobj), Kind::Str | Kind::Bytes)
        && !crate::types::int::is_int(fobj)
    {
        if let Some(r) = vm.call_special(fobj, g().names.__fspath__, &[])? {
            fobj = r;
        }
    }
    let mode_v = not_none(p[1]).unwrap_or(Value::NULL);
    let mode = if mode_v.is_null() {
        "r".to_string()
    } else if crate::types::str::is_str(mode_v) {
        str_val(mode_v).to_string()
    } else {
        let msg = format!(
            "open() argument 'mode' must be str, not {}",
            type_name(type_of(mode_v))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    let (mut fl, norm, base) = parse_mode(vm, &mode)?;
    let str_opt = |vm: &mut Vm, v: Option<Value>, what: &str| -> PyResult<Option<String>> {
        match not_none(v) {
            None => Ok(None),
            Some(s) if crate::types::str::is_str(s) => Ok(Some(str_val(s).to_string())),
            Some(s) => {
                let msg = format!(
                    "open() argument '{what}' must be str or None, not {}",
                    type_name(type_of(s))
                );
                Err(vm.raise_msg(ExcKind::TypeError, &msg))
            }
        }
    };
    let encoding = str_opt(vm, p[3], "encoding")?;
    let errors = str_opt(vm, p[4], "errors")?;
    let newline = str_opt(vm, p[5], "newline")?;
    if fl & F_BINARY != 0 {
        for (v, what) in [
            (&encoding, "an encoding"),
            (&errors, "an errors"),
            (&newline, "a newline"),
        ] {
            if v.is_some() {
                let msg = format!("binary mode doesn't take {what} argument");
                return Err(vm.raise_msg(ExcKind::ValueError, &msg));
            }
        }
    }
    if let Some(e) = &encoding {
        if norm_encoding(e).is_none() {
            let msg = format!("unknown encoding: {e}");
            return Err(vm.raise_msg(ExcKind::LookupError, &msg));
        }
    }
    match newline.as_deref() {
        None | Some("\n") => {}
        Some("") | Some("\r") | Some("\r\n") => fl |= F_NOTRANSLATE,
        Some(other) => {
            let r = crate::types::str::str_repr_text(other);
            let msg = format!("illegal newline value: {r}");
            return Err(vm.raise_msg(ExcKind::ValueError, &msg));
        }
    }
    let path = if crate::types::str::is_str(fobj) {
        str_val(fobj).to_string()
    } else if fobj.is_ptr() && kind_of(fobj) == Kind::Bytes {
        String::from_utf8_lossy(bytes_data(fobj)).into_owned()
    } else if crate::types::int::is_int(fobj) {
        let fd = vm.index_i64(fobj)?;
        let src = match fd {
            0 => Src::Stdin,
            1 => Src::Stdout,
            2 => Src::Stderr,
            _ => {
                let e = std::io::Error::from_raw_os_error(9);
                return Err(raise_os_error(vm, &e, None));
            }
        };
        let idx = file::register(src);
        return new_file(
            vm,
            idx,
            fobj,
            &norm,
            (fl & F_BINARY == 0).then_some(encoding.as_deref().unwrap_or("UTF-8")),
            (fl & F_BINARY == 0).then_some(errors.as_deref().unwrap_or("strict")),
            fl,
        );
    } else {
        let msg = format!(
            "expected str, bytes or os.PathLike object, not {}",
            type_name(type_of(fobj))
        );
        return Err(vm.raise_msg(ExcKind::TypeError, &msg));
    };
    let mut oo = std::fs::OpenOptions::new();
    match base {
        'r' => oo.read(true),
        'w' => oo.write(true).create(true).truncate(true),
        'x' => oo.write(true).create_new(true),
        _ => oo.append(true).create(true),
    };
    if fl & F_READ != 0 {
        oo.read(true);
    }
    if fl & F_WRITE != 0 && base == 'r' {
        oo.write(true);
    }
    let f = match oo.open(&path) {
        Ok(f) => f,
        Err(e) => return Err(raise_os_error(vm, &e, Some(fobj))),
    };
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(raise_os_error(vm, &e, Some(fobj)));
    }
    let idx = file::register(Src::File(f));
    let text = fl & F_BINARY == 0;
    let r = new_file(
        vm,
        idx,
        fobj,
        &norm,
        text.then_some(encoding.as_deref().unwrap_or("UTF-8")),
        text.then_some(errors.as_deref().unwrap_or("strict")),
        fl,
    );
    match r {
        // Closed when it becomes garbage (`io::close_collected`).
        Ok(v) => crate::runtime::shared().heap.register_finalizer(v.0),
        Err(_) => file::close(idx),
    }
    r
}

pub fn init(vm: &mut Vm) -> PyResult<()> {
    for t in [ty(T::TextIO), ty(T::BufferedIO)] {
        vm.install_slots(t, &FILE_OPS)?;
        vm.def_methods(
            t,
            &[
                ("read", f_read),
                ("readline", f_readline),
                ("readlines", f_readlines),
                ("write", f_write),
                ("writelines", f_writelines),
                ("close", f_close),
                ("flush", f_flush),
                ("seek", f_seek),
                ("tell", f_tell),
                ("truncate", f_truncate),
                ("fileno", f_fileno),
                ("isatty", f_isatty),
                ("readable", f_readable),
                ("writable", f_writable),
                ("seekable", f_seekable),
                ("__enter__", f_enter),
                ("__exit__", f_exit),
            ],
        )?;
        vm.def_getters(
            t,
            &[
                ("name", g_name),
                ("mode", g_mode),
                ("closed", g_closed),
                ("newlines", g_none),
                ("line_buffering", g_false),
            ],
        )?;
    }
    vm.def_getters(
        ty(T::TextIO),
        &[("encoding", g_encoding), ("errors", g_errors)],
    )?;
    Ok(())
}
