//! Imports: `import a.b.c`, `from . import x`, `from m import *`.
//!
//! A module name is resolved (relative names against `__package__`), each parent package
//! imported first, then found in `sys.modules`, among the native modules, among hotpy's
//! own library modules (Python sources built into the executable) or as `name.py` /
//! `name/__init__.py` along `sys.path`. A module is placed in `sys.modules` before its
//! body runs (so import cycles see the partial module) and removed if the body raises.
//!
//! What must hold: the same module object is returned for every import of a name while
//! it stays in `sys.modules`.

use crate::compiler::Mode;
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::types::typeobj::{isinstance, type_of};
use crate::value::Value;
use std::path::{Path, PathBuf};

impl Vm {
    /// IMPORT_NAME.
    pub fn import_name(&mut self, name: Value, fromlist: Value, level: Value) -> PyResult<Value> {
        let level = if level.is_small_int() {
            level.as_small()
        } else {
            0
        };
        let name_s = str_val(name).to_string();
        let globals = self.frame().globals;
        let full = if level > 0 {
            let pkg = self.current_package(globals)?;
            let mut parts: Vec<&str> = if pkg.is_empty() {
                vec![]
            } else {
                pkg.split('.').collect()
            };
            if (level as usize - 1) > parts.len() || pkg.is_empty() {
                return Err(self.raise_msg(
                    ExcKind::ImportError,
                    "attempted relative import with no known parent package",
                ));
            }
            parts.truncate(parts.len() - (level as usize - 1));
            let base = parts.join(".");
            if name_s.is_empty() {
                base
            } else {
                format!("{base}.{name_s}")
            }
        } else {
            if name_s.is_empty() {
                return Err(self.raise_msg(ExcKind::ValueError, "Empty module name"));
            }
            name_s.clone()
        };
        let m = self.import_module(&full)?;
        let has_from = fromlist.is_ptr() && fromlist != g().none && self.len(fromlist)? > 0;
        if !has_from {
            if level > 0 || !full.contains('.') {
                if level > 0 && name_s.is_empty() {
                    return Ok(m);
                }
                if level == 0 {
                    let top = full.split('.').next().unwrap_or(&full).to_string();
                    return self.import_module(&top);
                }
                // `from . import` handled above; `import .x` is not valid syntax.
                return Ok(m);
            }
            let top = full.split('.').next().unwrap_or(&full).to_string();
            return self.import_module(&top);
        }
        // from package import submodule
        if self.is_package(m) {
            let names = self.to_vec(fromlist)?;
            for n in names {
                if !(n.is_ptr() && kind_of(n) == Kind::Str) {
                    continue;
                }
                let s = str_val(n).to_string();
                if s == "*" {
                    continue;
                }
                let d = self.dict_of(m);
                if self.dict_get(d, n)?.is_none() {
                    let sub = format!("{full}.{s}");
                    match self.import_module(&sub) {
                        Ok(_) => {}
                        Err(e) => {
                            if self.exc_is(ExcKind::ModuleNotFoundError) && self.missing_is(&sub) {
                                self.exc = Value::NULL;
                            } else {
                                return Err(e);
                            }
                        }
                    }
                }
            }
        }
        Ok(m)
    }

    fn missing_is(&mut self, name: &str) -> bool {
        let e = self.exc;
        let d = self.dict_of(e);
        if d.is_ptr() {
            if let Ok(Some(n)) = self.dict_get(d, g().names.name) {
                return n.is_ptr() && kind_of(n) == Kind::Str && str_val(n) == name;
            }
        }
        false
    }

    fn is_package(&mut self, m: Value) -> bool {
        let d = self.dict_of(m);
        d.is_ptr() && matches!(self.dict_get(d, g().names.__path__), Ok(Some(_)))
    }

    fn current_package(&mut self, globals: Value) -> PyResult<String> {
        if let Some(p) = self.dict_get(globals, g().names.__package__)? {
            if p.is_ptr() && kind_of(p) == Kind::Str {
                return Ok(str_val(p).to_string());
            }
        }
        if let Some(n) = self.dict_get(globals, g().names.__name__)? {
            if n.is_ptr() && kind_of(n) == Kind::Str {
                let s = str_val(n).to_string();
                if self.dict_get(globals, g().names.__path__)?.is_some() {
                    return Ok(s);
                }
                return Ok(s
                    .rsplit_once('.')
                    .map(|(a, _)| a.to_string())
                    .unwrap_or_default());
            }
        }
        Ok(String::new())
    }

    /// Imports the module with this absolute dotted name.
    pub fn import_module(&mut self, full: &str) -> PyResult<Value> {
        let key = self.new_str(full)?;
        if let Some(m) = self.dict_get(g().sys_modules, key)? {
            if m == g().none {
                let msg = format!("import of {full} halted; None in sys.modules");
                return Err(self.raise_msg(ExcKind::ImportError, &msg));
            }
            return Ok(m);
        }
        let (parent, last) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(p.to_string()), l.to_string()),
            None => (None, full.to_string()),
        };
        let search: Vec<PathBuf> = match &parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                // The parent's import may have imported us.
                if let Some(m) = self.dict_get(g().sys_modules, key)? {
                    return Ok(m);
                }
                if crate::modules::library_is_package(p) {
                    if let Some(src) = crate::modules::library_source(full) {
                        return self.exec_library_module(full, src);
                    }
                }
                let d = self.dict_of(pm);
                match self.dict_get(d, g().names.__path__)? {
                    Some(pp) => {
                        let v = self.to_vec(pp)?;
                        v.into_iter()
                            .filter(|x| x.is_ptr() && kind_of(*x) == Kind::Str)
                            .map(|x| PathBuf::from(str_val(x)))
                            .collect()
                    }
                    None => {
                        let msg = format!("No module named '{full}'; '{p}' is not a package");
                        return Err(self.module_not_found(&msg, full));
                    }
                }
            }
            None => {
                if let Some(m) = crate::modules::native_module(self, full)? {
                    self.dict_set(g().sys_modules, key, m)?;
                    return Ok(m);
                }
                if let Some(src) = crate::modules::library_source(full) {
                    return self.exec_library_module(full, src);
                }
                self.sys_path()?
            }
        };
        for dir in search {
            let pkg_init = dir.join(&last).join("__init__.py");
            if pkg_init.is_file() {
                let pkgdir = dir.join(&last);
                return self.exec_module_file(full, &pkg_init, Some(&pkgdir));
            }
            let file = dir.join(format!("{last}.py"));
            if file.is_file() {
                return self.exec_module_file(full, &file, None);
            }
        }
        let msg = format!("No module named '{full}'");
        Err(self.module_not_found(&msg, full))
    }

    /// Runs library module `full` (source `src`, built into hotpy). A library package
    /// gets `__path__ = ["<hotpy-lib>/a/b"]`, a directory that does not exist: its
    /// submodules are found by `library_source`, never on disk.
    ///
    /// A library module stays in `sys.modules` for good, and so does nearly everything
    /// its top level makes (functions, classes, their dicts): that is allocated pinned,
    /// as start-up's objects are, so that collections scan it in place instead of
    /// copying it at every one. What the top level makes and drops (a few temporaries)
    /// is never freed; user modules it imports are allocated as usual.
    fn exec_library_module(&mut self, full: &str, src: &str) -> PyResult<Value> {
        let rel = full.replace('.', "/");
        self.with_pin_all(true, |vm| {
            if crate::modules::library_is_package(full) {
                let dir = format!("<hotpy-lib>/{rel}");
                let file = format!("{dir}/__init__.py");
                vm.exec_module_source(full, &file, src, Some(Path::new(&dir)))
            } else {
                vm.exec_module_source(full, &format!("<hotpy-lib>/{rel}.py"), src, None)
            }
        })
    }

    fn module_not_found(&mut self, msg: &str, name: &str) -> crate::interp::state::Raised {
        let r = self.raise_msg(ExcKind::ModuleNotFoundError, msg);
        let e = self.exc;
        let d = self.dict_of(e);
        if d.is_ptr() {
            if let Ok(n) = self.new_str(name) {
                let _ = self.dict_set(d, g().names.name, n);
            }
        }
        self.exc = e;
        r
    }

    fn sys_path(&mut self) -> PyResult<Vec<PathBuf>> {
        let sd = self.dict_of(g().sys);
        let p = self.dict_get(sd, g().names.path)?;
        let mut out = Vec::new();
        if let Some(p) = p {
            for x in self.to_vec(p)? {
                if x.is_ptr() && kind_of(x) == Kind::Str {
                    let s = str_val(x);
                    out.push(PathBuf::from(if s.is_empty() { "." } else { s }));
                }
            }
        }
        Ok(out)
    }

    fn exec_module_file(
        &mut self,
        full: &str,
        file: &Path,
        pkgdir: Option<&Path>,
    ) -> PyResult<Value> {
        // A user module's objects are movable, even when a library module imports it.
        self.with_pin_all(false, |vm| vm.exec_user_module_file(full, file, pkgdir))
    }

    fn exec_user_module_file(
        &mut self,
        full: &str,
        file: &Path,
        pkgdir: Option<&Path>,
    ) -> PyResult<Value> {
        let src = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                let msg = format!("{}: {}", file.display(), e);
                return Err(self.raise_msg(ExcKind::ImportError, &msg));
            }
        };
        let text = match String::from_utf8(src) {
            Ok(t) => t,
            Err(_) => {
                let msg = format!("Non-UTF-8 code in file {}", file.display());
                return Err(self.raise_msg(ExcKind::SyntaxError, &msg));
            }
        };
        let fname = file.display().to_string();
        self.exec_module_source(full, &fname, &text, pkgdir)
    }

    /// Creates module `full`, registers it in `sys.modules` and runs `src` in it.
    pub fn exec_module_source(
        &mut self,
        full: &str,
        fname: &str,
        src: &str,
        pkgdir: Option<&Path>,
    ) -> PyResult<Value> {
        let code = self.compile_to_code(src, fname, Mode::Exec)?;
        let m = self.new_module_named(full)?;
        let d = self.dict_of(m);
        let f = self.new_str(fname)?;
        self.dict_set(d, g().names.__file__, f)?;
        let pkg = match pkgdir {
            Some(dir) => {
                let p = self.new_str(&dir.display().to_string())?;
                let l = self.new_list(&[p])?;
                self.dict_set(d, g().names.__path__, l)?;
                full.to_string()
            }
            None => full
                .rsplit_once('.')
                .map(|(a, _)| a.to_string())
                .unwrap_or_default(),
        };
        let pv = self.new_str(&pkg)?;
        self.dict_set(d, g().names.__package__, pv)?;
        let key = self.new_str(full)?;
        self.dict_set(g().sys_modules, key, m)?;
        self.roots.push(m);
        let r = self.exec_code(code, d, Value::NULL);
        let m = self.roots.pop().unwrap_or(m);
        if let Err(e) = r {
            let saved = self.exc;
            let key = self.new_str(full)?;
            let _ = self.dict_del(g().sys_modules, key);
            self.exc = saved;
            return Err(e);
        }
        // Bind the submodule in its parent package.
        if let Some((parent, last)) = full.rsplit_once('.') {
            let pk = self.new_str(parent)?;
            if let Some(pm) = self.dict_get(g().sys_modules, pk)? {
                let nm = self.intern(last)?;
                let key = self.new_str(full)?;
                let mm = self.dict_get(g().sys_modules, key)?.unwrap_or(m);
                self.setattr(pm, nm, mm)?;
            }
        }
        let key = self.new_str(full)?;
        Ok(self.dict_get(g().sys_modules, key)?.unwrap_or(m))
    }

    /// A fresh module object with `__name__` and `__builtins__` set.
    pub fn new_module_named(&mut self, name: &str) -> PyResult<Value> {
        let d = self.new_dict()?;
        let n = self.new_str(name)?;
        self.dict_set(d, g().names.__name__, n)?;
        self.dict_set(d, g().names.__builtins__, g().builtins)?;
        self.dict_set(d, g().names.__doc__, g().none)?;
        self.dict_set(d, g().names.__spec__, g().none)?;
        self.dict_set(d, g().names.__loader__, g().none)?;
        self.new_module(n, d)
    }

    /// Compiles source text to a code object, raising SyntaxError on bad input.
    pub fn compile_to_code(&mut self, src: &str, fname: &str, mode: Mode) -> PyResult<Value> {
        match crate::compiler::compile(src, fname, mode) {
            Ok(unit) => {
                if fname.starts_with('<') {
                    crate::interp::source::register(fname, src);
                }
                self.make_code(unit)
            }
            Err(e) => Err(self.raise_compile_error(&e)),
        }
    }

    /// Raises the SyntaxError (or subclass) for a compile error.
    pub fn raise_compile_error(
        &mut self,
        e: &crate::compiler::CompileError,
    ) -> crate::interp::state::Raised {
        let kind = match e.kind.name() {
            "IndentationError" => ExcKind::IndentationError,
            "TabError" => ExcKind::TabError,
            _ => ExcKind::SyntaxError,
        };
        let mk = |vm: &mut Vm| -> PyResult<Value> {
            let msg = vm.new_str(&e.msg)?;
            let file = vm.new_str(&e.filename)?;
            let text = if e.text.is_empty() {
                g().none
            } else {
                vm.new_str(&e.text)?
            };
            let lineno = Value::small(e.lineno as i64);
            let off = Value::small(e.col as i64);
            let end_l = Value::small(e.end_lineno as i64);
            let end_o = Value::small(e.end_col as i64);
            let details = vm.new_tuple(&[file, lineno, off, text, end_l, end_o])?;
            let args = vm.new_tuple(&[msg, details])?;
            let exc = vm.new_exception_obj(crate::ops::exc::exc_type(kind), args)?;
            let d = vm.dict_of(exc);
            for (k, v) in [
                ("msg", msg),
                ("filename", file),
                ("lineno", lineno),
                ("offset", off),
                ("text", text),
                ("end_lineno", end_l),
                ("end_offset", end_o),
            ] {
                let kk = vm.intern(k)?;
                vm.dict_set(d, kk, v)?;
            }
            Ok(exc)
        };
        match mk(self) {
            Ok(exc) => {
                self.exc = exc;
                crate::interp::state::Raised
            }
            Err(r) => r,
        }
    }

    /// Runs a module-level code object with these globals (and locals, or NULL).
    pub fn exec_code(&mut self, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
        if self.dict_get(globals, g().names.__builtins__)?.is_none() {
            self.dict_set(globals, g().names.__builtins__, g().builtins)?;
        }
        let f = self.new_function(code, globals, g().builtins)?;
        self.run_class_body(f, locals)
    }

    /// IMPORT_FROM.
    pub fn import_from(&mut self, m: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        self.exc = Value::NULL;
        let d = self.dict_of(m);
        let mname = if d.is_ptr() {
            self.dict_get(d, g().names.__name__)?
        } else {
            None
        };
        if let Some(mn) = mname {
            if mn.is_ptr() && kind_of(mn) == Kind::Str {
                let full = format!("{}.{}", str_val(mn), str_val(name));
                let key = self.new_str(&full)?;
                if let Some(v) = self.dict_get(g().sys_modules, key)? {
                    return Ok(v);
                }
                let file = self.dict_get(d, g().names.__file__)?;
                let loc = match file {
                    Some(f) if f.is_ptr() && kind_of(f) == Kind::Str => {
                        format!(" ({})", str_val(f))
                    }
                    _ => " (unknown location)".to_string(),
                };
                let partial = self.is_partially_initialised(mn)?;
                let msg = if partial {
                    format!(
                        "cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import){}",
                        str_val(name),
                        str_val(mn),
                        loc
                    )
                } else {
                    format!(
                        "cannot import name '{}' from '{}'{}",
                        str_val(name),
                        str_val(mn),
                        loc
                    )
                };
                let r = self.raise_msg(ExcKind::ImportError, &msg);
                let e = self.exc;
                let ed = self.dict_of(e);
                if ed.is_ptr() {
                    self.dict_set(ed, g().names.name, mn)?;
                    if let Some(f) = file {
                        self.dict_set(ed, g().names.path, f)?;
                    }
                }
                self.exc = e;
                return Err(r);
            }
        }
        let msg = format!("cannot import name '{}'", str_val(name));
        Err(self.raise_msg(ExcKind::ImportError, &msg))
    }

    fn is_partially_initialised(&mut self, _name: Value) -> PyResult<bool> {
        // Modules whose body is still running are on the frame stack.
        Ok(false)
    }

    /// IMPORT_STAR.
    pub fn import_star(&mut self, m: Value) -> PyResult<()> {
        let d = self.dict_of(m);
        let (locals, globals) = {
            let f = self.frame();
            (f.locals, f.globals)
        };
        let target = if locals.is_ptr() { locals } else { globals };
        let all = self.dict_get(d, g().names.__all__)?;
        match all {
            Some(all) => {
                for n in self.to_vec(all)? {
                    let n = self.intern_value(n)?;
                    let v = self.getattr(m, n)?;
                    self.setitem(target, n, v)?;
                }
            }
            None => {
                for (k, v) in self.dict_items_vec(d) {
                    if k.is_ptr() && kind_of(k) == Kind::Str && !str_val(k).starts_with('_') {
                        self.setitem(target, k, v)?;
                    }
                }
            }
        }
        Ok(())
    }
}

/// True when `v` is a module object.
pub fn is_module(v: Value) -> bool {
    v.is_ptr() && isinstance(v, ty(T::Module)) && type_of(v) == ty(T::Module)
}

impl Vm {
    /// `hotpy -m name`: runs the module's source as `__main__`.
    pub fn import_module_as_main(&mut self, name: &str) -> PyResult<Value> {
        let dirs = self.sys_path()?;
        let rel = name.replace('.', "/");
        for dir in dirs {
            let f = dir.join(format!("{rel}.py"));
            let f = if f.is_file() {
                f
            } else {
                dir.join(&rel).join("__main__.py")
            };
            if f.is_file() {
                let src = std::fs::read_to_string(&f).unwrap_or_default();
                let fname = f.display().to_string();
                return self.exec_module_source("__main__", &fname, &src, None);
            }
        }
        let msg = format!("No module named {name}");
        Err(self.raise_msg(ExcKind::ModuleNotFoundError, &msg))
    }
}
