//! Functions: code objects from compiled units, `MAKE_FUNCTION`, argument binding,
//! `CALL_FUNCTION_EX`, and name lookup (`LOAD_NAME`, `LOAD_GLOBAL`).
//!
//! Binding follows CPython's `_PyEval_MakeFrameVector`: positionals fill parameters,
//! the rest go to `*args`; keywords match parameter names (positional-only ones go to
//! `**kwargs` or raise); defaults fill the gaps; the error messages are CPython's.
//!
//! What must hold: binding allocates but runs no Python code, so the values it holds
//! stay valid; the frame's locals are written in place on the value stack.

use crate::compiler::code::{CodeInfo, CodeUnit, Const};
use crate::interp::cache::InlineCache;
use crate::interp::call::{code_info, func, kwlen, Prepared};
use crate::interp::state::{PyResult, Vm};
use crate::obj::alloc::str_val;
use crate::obj::layout::*;
use crate::runtime::{g, ty, ExcKind, T};
use crate::spec::co;
use crate::types::dict;
use crate::types::typeobj::{type_name, type_of};
use crate::value::Value;
use std::mem::size_of;

impl Vm {
    /// Turns a compiled unit into a code object (constants become heap values).
    pub fn make_code(&mut self, unit: CodeUnit) -> PyResult<Value> {
        crate::interp::source::note_file(&unit.filename);
        let mut consts = Vec::with_capacity(unit.consts.len());
        for c in &unit.consts {
            let v = self.make_const(c)?;
            consts.push(v);
        }
        let mut names = Vec::with_capacity(unit.names.len());
        for n in &unit.names {
            names.push(self.intern(n)?);
        }
        let mut lp = Vec::new();
        for n in unit
            .varnames
            .iter()
            .chain(&unit.cellvars)
            .chain(&unit.freevars)
        {
            lp.push(self.intern(n)?);
        }
        let cell2arg = unit
            .cellvars
            .iter()
            .map(|c| unit.varnames.iter().position(|v| v == c))
            .collect();
        // Interned or pinned, like the constants: shared by the code objects of one file
        // (the file name) and never copied by a collection.
        let name = self.intern(&unit.name)?;
        let qualname = self.intern(&unit.qualname)?;
        let filename = self.intern(&unit.filename)?;
        let doc = match &unit.doc {
            Some(d) => self.with_pin_all(true, |vm| vm.new_str(d))?,
            None => g().none,
        };
        let caches = (0..unit.instrs.len()).map(|_| Default::default()).collect();
        let mut quick = crate::interp::quicken::quicken(&unit.instrs);
        crate::interp::quicken::mark_fresh_self_stores(
            &unit.instrs,
            unit.exc_table.iter().map(|e| e.target),
            &mut quick,
        );
        let simple = unit.kwonlyargcount == 0
            && unit.cellvars.is_empty()
            && unit.flags
                & (co::VARARGS
                    | co::VARKEYWORDS
                    | co::GENERATOR
                    | co::COROUTINE
                    | co::ASYNC_GENERATOR)
                == 0;
        let fast_argc = if simple { unit.argcount } else { u32::MAX };
        let frame_need = unit.nlocalsplus() + unit.stacksize as usize + 8;
        let movable_consts = consts
            .iter()
            .any(|v| Value::needs_trace(v.0) && !gc_parallel::is_pinned(v.0));
        let info = Box::new(CodeInfo {
            quick,
            fast_argc,
            frame_need,
            unit,
            consts,
            movable_consts,
            names,
            localsplus_names: lp,
            cell2arg,
            name,
            qualname,
            filename,
            doc,
            caches,
            caches_hold_refs: Default::default(),
        });
        let v = self.alloc(Kind::Code, ty(T::Code), size_of::<CodeObj>())?;
        // SAFETY: fresh code object; the CodeInfo is leaked into it and lives as long as
        // the process (code objects are few; freeing them needs finalizers, issue 5).
        unsafe { (*(v.0 as *mut CodeObj)).info = Box::into_raw(info) };
        Ok(v)
    }

    /// A code constant. Immutable ones that hold no reference (strs, bytes, numbers) and
    /// tuples of pinned items are allocated pinned: as pinned leaves a collection never
    /// copies nor reads them, where before every library function's docstring and
    /// constants were copied at each one. They live as long as the process, as each code
    /// object's `CodeInfo` does. Keyword names (KW_NAMES tuples of interned names) being
    /// pinned also keeps `Args::kwnames` good across a collection.
    fn make_const(&mut self, c: &Const) -> PyResult<Value> {
        if matches!(
            c,
            Const::BigInt(_)
                | Const::Float(_)
                | Const::Complex(..)
                | Const::Str(_)
                | Const::Bytes(_)
        ) {
            return self.with_pin_all(true, |vm| vm.make_const_movable(c));
        }
        self.make_const_movable(c)
    }

    /// `make_const` without the pinning of leaves.
    fn make_const_movable(&mut self, c: &Const) -> PyResult<Value> {
        Ok(match c {
            Const::None => g().none,
            Const::True => g().true_,
            Const::False => g().false_,
            Const::Ellipsis => g().ellipsis,
            Const::Int(n) => self.new_int(*n)?,
            Const::BigInt(b) => self.new_bigint(b)?,
            Const::Float(f) => self.new_float(*f)?,
            Const::Complex(r, i) => self.new_complex(*r, *i)?,
            Const::Str(s) => {
                if s.len() <= 40 && s.chars().all(|c| c.is_alphanumeric() || c == '_') {
                    self.intern(s)?
                } else {
                    self.new_str(s)?
                }
            }
            Const::Bytes(b) => self.new_bytes(b)?,
            Const::Tuple(items) => {
                let mut v = Vec::with_capacity(items.len());
                for i in items {
                    v.push(self.make_const(i)?);
                }
                let pinned = v
                    .iter()
                    .all(|x| !Value::needs_trace(x.0) || gc_parallel::is_pinned(x.0));
                if pinned {
                    self.new_tuple_of_pinned(&v)?
                } else {
                    self.new_tuple(&v)?
                }
            }
            Const::FrozenSet(items) => {
                let mut v = Vec::with_capacity(items.len());
                for i in items {
                    v.push(self.make_const(i)?);
                }
                self.new_frozenset_const(&v)?
            }
            Const::Code(u) => self.make_code((**u).clone())?,
        })
    }

    /// A function object for `code` in the current frame's globals.
    pub fn new_function(
        &mut self,
        code: Value,
        globals: Value,
        builtins: Value,
    ) -> PyResult<Value> {
        self.new_function_ic(code, globals, builtins, None)
    }

    /// `new_function`; with `ic` (MAKE_FUNCTION's inline cache) the module name is read
    /// through it (see `module_name`).
    fn new_function_ic(
        &mut self,
        code: Value,
        globals: Value,
        builtins: Value,
        ic: Option<&InlineCache>,
    ) -> PyResult<Value> {
        let f = self.alloc(Kind::Function, ty(T::Function), size_of::<FunctionObj>())?;
        // SAFETY: `code` is a code object.
        let info = unsafe { &*code_info(code) };
        let fo = func(f);
        fo.code.set(code);
        fo.globals.set(globals);
        fo.builtins.set(builtins);
        fo.name.set(info.name);
        fo.qualname.set(info.qualname);
        fo.doc.set(info.doc);
        let modname = self.module_name(globals, ic)?;
        func(f).module.set(modname);
        Ok(f)
    }

    /// `globals["__name__"]` for a new function's `__module__` (None when missing). With
    /// an inline cache, a plain globals dict whose keys version is the one recorded has
    /// the name at the recorded entry, so no probe is needed (as LOAD_GLOBAL's cache).
    fn module_name(&mut self, globals: Value, ic: Option<&InlineCache>) -> PyResult<Value> {
        if !globals.is_ptr() {
            return Ok(g().none);
        }
        let name = g().names.__name__;
        let Some(ic) = ic.filter(|_| kind_of(globals) == Kind::Dict) else {
            return Ok(self.dict_get(globals, name)?.unwrap_or(g().none));
        };
        let gv = dict::current_keys_version(globals);
        if gv != 0 {
            if let Some(p) = ic.read(gv) {
                return Ok(dict::entry_value(globals, (p >> 1) as usize));
            }
        }
        let h = crate::types::typeobj::str_hash(name);
        let gv = dict::keys_version(globals);
        match dict::entry_index_str(globals, name, h) {
            Some(ix) => {
                ic.write(gv, tag_payload(ix as u64));
                Ok(dict::entry_value(globals, ix))
            }
            None => Ok(g().none),
        }
    }

    /// MAKE_FUNCTION: `[defaults?, kwdefaults?, annotations?, closure?, code] -> f`.
    pub fn make_function(&mut self, flags: u32, ic: &InlineCache) -> PyResult<Value> {
        let code = self.peek(0);
        let (globals, builtins) = {
            let fr = self.frame();
            (fr.globals, fr.builtins)
        };
        let f = self.new_function_ic(code, globals, builtins, Some(ic))?;
        let fo = func(f);
        let mut i = 1;
        if flags & 8 != 0 {
            fo.closure.set(self.peek(i));
            i += 1;
        }
        if flags & 4 != 0 {
            let ann = self.peek(i);
            // Annotations come as a flat tuple (name, value, ...); make a dict.
            let d = self.new_dict()?;
            if kind_of(ann) == Kind::Tuple {
                let items: Vec<Value> = tuple_slots(ann).iter().map(|s| s.get()).collect();
                for p in items.chunks(2) {
                    if p.len() == 2 {
                        self.dict_set(d, p[0], p[1])?;
                    }
                }
            } else if kind_of(ann) == Kind::Dict {
                self.dict_update(d, ann, false)?;
            }
            func(f).annotations.set(d);
            i += 1;
        }
        if flags & 2 != 0 {
            func(f).kwdefaults.set(self.peek(i));
            i += 1;
        }
        if flags & 1 != 0 {
            func(f).defaults.set(self.peek(i));
        }
        Ok(f)
    }

    /// Binds arguments at `argbase` (nargs positionals, then keyword values) into the
    /// locals of `f`'s frame, in place; leaves `sp` just above the locals.
    pub fn bind_args(
        &mut self,
        f: Value,
        info: &CodeInfo,
        argbase: usize,
        nargs: usize,
        kwnames: Value,
    ) -> PyResult<()> {
        let u = &info.unit;
        let nkw = kwlen(kwnames);
        let argcount = u.argcount as usize;
        let posonly = u.posonlyargcount as usize;
        let kwonly = u.kwonlyargcount as usize;
        let has_varargs = u.flags & co::VARARGS != 0;
        let has_varkw = u.flags & co::VARKEYWORDS != 0;
        let nlp = info.nlocalsplus();
        // Copy arguments out (binding rearranges the same stack area).
        let args: Vec<Value> = (0..nargs + nkw).map(|i| self.at(argbase + i)).collect();
        let mut locals = vec![Value::NULL; nlp];
        let fname = str_val(func(f).qualname.get()).to_string();
        // Positionals.
        let npos = nargs.min(argcount);
        locals[..npos].copy_from_slice(&args[..npos]);
        let mut idx = argcount + kwonly;
        if has_varargs {
            let extra = if nargs > argcount {
                &args[argcount..nargs]
            } else {
                &[][..]
            };
            locals[idx] = self.new_tuple(extra)?;
            idx += 1;
        } else if nargs > argcount {
            return Err(self.too_many_positional(f, &fname, nargs, nkw, &args, kwnames));
        }
        let kwdict = if has_varkw {
            let d = self.new_dict()?;
            locals[idx] = d;
            d
        } else {
            Value::NULL
        };
        // Keywords.
        let mut posonly_errs: Vec<String> = Vec::new();
        for k in 0..nkw {
            let name = tuple_slots(kwnames)[k].get();
            let val = args[nargs + k];
            let nm = str_val(name);
            let pos = u.varnames[..argcount + kwonly].iter().position(|v| v == nm);
            match pos {
                Some(p) if p >= posonly => {
                    if !locals[p].is_null() {
                        let msg = format!("{fname}() got multiple values for argument '{nm}'");
                        return Err(self.raise_msg(ExcKind::TypeError, &msg));
                    }
                    locals[p] = val;
                }
                _ => {
                    if kwdict.is_ptr() {
                        if self.dict_get(kwdict, name)?.is_some() {
                            let msg = format!(
                                "{fname}() got multiple values for keyword argument '{nm}'"
                            );
                            return Err(self.raise_msg(ExcKind::TypeError, &msg));
                        }
                        self.dict_set(kwdict, name, val)?;
                    } else if pos.is_some() {
                        posonly_errs.push(nm.to_string());
                    } else {
                        let msg = format!("{fname}() got an unexpected keyword argument '{nm}'");
                        return Err(self.raise_msg(ExcKind::TypeError, &msg));
                    }
                }
            }
        }
        if !posonly_errs.is_empty() {
            let msg = format!(
                "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_errs.join(", ")
            );
            return Err(self.raise_msg(ExcKind::TypeError, &msg));
        }
        // Defaults for positionals.
        let defaults = func(f).defaults.get();
        let defs: Vec<Value> = if defaults.is_ptr() && kind_of(defaults) == Kind::Tuple {
            tuple_slots(defaults).iter().map(|s| s.get()).collect()
        } else {
            Vec::new()
        };
        let first_def = argcount - defs.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_null() {
                if i >= first_def {
                    locals[i] = defs[i - first_def];
                } else {
                    missing.push(u.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, "positional", &missing));
        }
        // Keyword-only defaults.
        let kwdefs = func(f).kwdefaults.get();
        let mut missing = Vec::new();
        for (i, slot) in locals
            .iter_mut()
            .enumerate()
            .take(argcount + kwonly)
            .skip(argcount)
        {
            if slot.is_null() {
                let name = info.localsplus_names[i];
                let d = if kwdefs.is_ptr() && kind_of(kwdefs) == Kind::Dict {
                    self.dict_get(kwdefs, name)?
                } else {
                    None
                };
                match d {
                    Some(v) => *slot = v,
                    None => missing.push(u.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, "keyword-only", &missing));
        }
        self.sp = argbase;
        for v in locals {
            self.push(v);
        }
        Ok(())
    }

    fn too_many_positional(
        &mut self,
        f: Value,
        fname: &str,
        nargs: usize,
        nkw: usize,
        _args: &[Value],
        kwnames: Value,
    ) -> crate::interp::state::Raised {
        // SAFETY: `f` is a function; its code owns a live CodeInfo.
        let u = unsafe { &(*code_info(func(f).code.get())).unit };
        let argcount = u.argcount as usize;
        let defaults = func(f).defaults.get();
        let ndef = if defaults.is_ptr() && kind_of(defaults) == Kind::Tuple {
            tuple_slots(defaults).len()
        } else {
            0
        };
        let kwonly_given = (0..nkw)
            .filter(|k| {
                let nm = str_val(tuple_slots(kwnames)[*k].get());
                u.varnames[argcount..argcount + u.kwonlyargcount as usize]
                    .iter()
                    .any(|v| v == nm)
            })
            .count();
        let takes = if ndef > 0 {
            format!("from {} to {}", argcount - ndef, argcount)
        } else {
            argcount.to_string()
        };
        let plural = if argcount == 1 && ndef == 0 { "" } else { "s" };
        let given = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                nargs,
                if nargs == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{} {} given",
                nargs,
                if nargs == 1 { "was" } else { "were" }
            )
        };
        let msg = format!("{fname}() takes {takes} positional argument{plural} but {given}");
        self.raise_msg(ExcKind::TypeError, &msg)
    }

    fn missing_args(
        &mut self,
        fname: &str,
        what: &str,
        missing: &[String],
    ) -> crate::interp::state::Raised {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let msg = format!(
            "{}() missing {} required {} argument{}: {}",
            fname,
            missing.len(),
            what,
            if missing.len() == 1 { "" } else { "s" },
            list
        );
        self.raise_msg(ExcKind::TypeError, &msg)
    }

    /// CALL_FUNCTION_EX: `[callable, NULL, args_tuple, kwargs_dict?]`.
    pub fn call_function_ex(&mut self, has_kw: bool) -> PyResult<Prepared> {
        let kw = if has_kw { self.pop() } else { Value::NULL };
        let args = self.pop();
        let callable_pos = self.sp - 2;
        let callable = self.at(callable_pos);
        let pos: Vec<Value> = if args.is_ptr() && type_of(args) == ty(T::Tuple) {
            tuple_slots(args).iter().map(|s| s.get()).collect()
        } else {
            match self.to_vec(args) {
                Ok(v) => v,
                Err(e) => {
                    if self.exc_is(ExcKind::TypeError) {
                        let msg = format!(
                            "{} argument after * must be an iterable, not {}",
                            self.callable_name(callable),
                            type_name(type_of(args))
                        );
                        return Err(self.raise_msg(ExcKind::TypeError, &msg));
                    }
                    return Err(e);
                }
            }
        };
        let mut kwn = Vec::new();
        let mut kwv = Vec::new();
        if kw.is_ptr() {
            let items = if kind_of(kw) == Kind::Dict {
                self.dict_items_vec(kw)
            } else {
                let keys = self.call_method(kw, "keys", &[])?;
                let keys = self.to_vec(keys)?;
                let mut v = Vec::new();
                for k in keys {
                    let x = self.getitem(kw, k)?;
                    v.push((k, x));
                }
                v
            };
            for (k, v) in items {
                if !(k.is_ptr() && crate::types::typeobj::isinstance(k, ty(T::Str))) {
                    return Err(self.raise_msg(ExcKind::TypeError, "keywords must be strings"));
                }
                kwn.push(k);
                kwv.push(v);
            }
        }
        let kwnames = if kwn.is_empty() {
            Value::NULL
        } else {
            self.new_tuple(&kwn)?
        };
        if !self.stack_room(pos.len() + kwv.len() + 8) {
            return Err(self.raise_msg(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        debug_assert_eq!(self.sp, callable_pos + 2);
        for v in pos.iter().chain(kwv.iter()) {
            self.push(*v);
        }
        self.prepare_call(pos.len() + kwv.len(), kwnames)
    }

    /// CPython's `_PyObject_FunctionStr`: `mod.qualname()` (module omitted for builtins).
    pub fn function_str(&mut self, c: Value) -> String {
        let q = match self.getattr_opt(c, g().names.__qualname__) {
            Ok(Some(q)) if crate::types::str::is_str(q) => str_val(q).to_string(),
            _ => {
                self.exc = Value::NULL;
                return format!("{} object", type_name(type_of(c)));
            }
        };
        let m = match self.getattr_opt(c, g().names.__module__) {
            Ok(Some(m)) if crate::types::str::is_str(m) => str_val(m).to_string(),
            _ => {
                self.exc = Value::NULL;
                String::new()
            }
        };
        if m.is_empty() || m == "builtins" {
            format!("{q}()")
        } else {
            format!("{m}.{q}()")
        }
    }

    pub fn callable_name(&mut self, c: Value) -> String {
        if c.is_ptr() {
            match kind_of(c) {
                Kind::Function => return format!("{}()", str_val(func(c).qualname.get())),
                // SAFETY: kind checked.
                Kind::Native => {
                    return format!("{}()", str_val(unsafe { obj::<NativeObj>(c) }.name.get()))
                }
                Kind::Type => return format!("{}()", crate::types::typeobj::type_name(c)),
                _ => {}
            }
        }
        format!("{} object", type_name(type_of(c)))
    }

    /// LOAD_NAME: locals, globals, builtins.
    pub fn load_name(&mut self, name: Value) -> PyResult<Value> {
        let (locals, globals, builtins) = {
            let f = self.frame();
            (f.locals, f.globals, f.builtins)
        };
        if locals.is_ptr() && locals != globals {
            if let Some(v) = self.mapping_get(locals, name)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.dict_get(globals, name)? {
            return Ok(v);
        }
        if let Some(v) = self.builtins_get(builtins, name)? {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// LOAD_GLOBAL: globals, builtins.
    pub fn load_global(&mut self, name: Value) -> PyResult<Value> {
        let (globals, builtins) = {
            let f = self.frame();
            (f.globals, f.builtins)
        };
        let h = crate::types::typeobj::str_hash(name);
        if let Some(v) = crate::types::dict::dict_get_str(globals, name, h) {
            return Ok(v);
        }
        if let Some(v) = self.builtins_get(builtins, name)? {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// LOAD_GLOBAL through the instruction's inline cache.
    ///
    /// The cache's version is the keys version of the globals dict (see `dict.rs`); its
    /// payload (a tagged word, so the collector leaves it alone) holds the name's entry
    /// number there, or, with the low flag bit set, the entry number in the builtins dict
    /// and that dict's keys version. Keys versions are unique to one dict and one key
    /// layout, so while they match, the entry numbers are right and (for builtins) the
    /// name is still absent from globals. Values are re-read on every load.
    #[inline(always)]
    pub fn load_global_ic(&mut self, name: Value, ic: &InlineCache) -> PyResult<Value> {
        let (globals, builtins) = {
            let f = self.frame();
            (f.globals, f.builtins)
        };
        let gv = dict::current_keys_version(globals);
        if gv != 0 {
            if let Some(p) = ic.read(gv) {
                let p = p >> 1;
                let ix = ((p >> 1) & IC_INDEX_MASK) as usize;
                if p & 1 == 0 {
                    return Ok(dict::entry_value(globals, ix));
                }
                let bd = builtins_dict(builtins);
                if bd.is_ptr() && dict::current_keys_version(bd) == p >> IC_VERSION_SHIFT {
                    return Ok(dict::entry_value(bd, ix));
                }
            }
        }
        self.load_global_fill(globals, builtins, name, ic)
    }

    /// STORE_GLOBAL through the instruction's inline cache: while the globals dict's keys
    /// version is the one recorded, the name's entry number is too, and the value is
    /// stored there (an existing key: the keys version stays).
    pub fn store_global_ic(&mut self, name: Value, v: Value, ic: &InlineCache) -> PyResult<()> {
        let globals = self.frame().globals;
        let gv = dict::current_keys_version(globals);
        if gv != 0 {
            if let Some(p) = ic.read(gv) {
                if self.dict_set_entry_if(globals, gv, (p >> 1) as usize, v) {
                    return Ok(());
                }
            }
        }
        self.dict_set(globals, name, v)?;
        if kind_of(globals) == Kind::Dict && kind_of(name) == Kind::Str {
            let h = crate::types::typeobj::str_hash(name);
            let gv = dict::keys_version(globals);
            if let Some(ix) = dict::entry_index_str(globals, name, h) {
                ic.write(gv, tag_payload(ix as u64));
            }
        }
        Ok(())
    }

    #[inline(never)]
    fn load_global_fill(
        &mut self,
        globals: Value,
        builtins: Value,
        name: Value,
        ic: &InlineCache,
    ) -> PyResult<Value> {
        if kind_of(globals) != Kind::Dict {
            return self.load_global(name);
        }
        let h = crate::types::typeobj::str_hash(name);
        let gv = dict::keys_version(globals);
        if let Some(ix) = dict::entry_index_str(globals, name, h) {
            let v = dict::entry_value(globals, ix);
            if (ix as u64) <= IC_INDEX_MASK {
                ic.write(gv, tag_payload((ix as u64) << 1));
            }
            return Ok(v);
        }
        let bd = builtins_dict(builtins);
        if bd.is_ptr() {
            let bv = dict::keys_version(bd);
            if let Some(ix) = dict::entry_index_str(bd, name, h) {
                let v = dict::entry_value(bd, ix);
                if (ix as u64) <= IC_INDEX_MASK && bv < 1 << (61 - IC_VERSION_SHIFT) {
                    ic.write(
                        gv,
                        tag_payload(bv << IC_VERSION_SHIFT | (ix as u64) << 1 | 1),
                    );
                }
                return Ok(v);
            }
        }
        self.load_global(name)
    }

    fn builtins_get(&mut self, builtins: Value, name: Value) -> PyResult<Option<Value>> {
        let b = if builtins.is_ptr() {
            builtins
        } else {
            g().builtins_dict
        };
        if kind_of(b) == Kind::Module {
            let d = self.dict_of(b);
            return self.dict_get(d, name);
        }
        self.mapping_get(b, name)
    }
}

/// Entry numbers a global cache can hold (24 bits), and where the builtins dict's keys
/// version starts in its payload.
const IC_INDEX_MASK: u64 = (1 << 24) - 1;
const IC_VERSION_SHIFT: u32 = 25;

/// A cache payload as a tagged small-int word: the collector does not trace it.
fn tag_payload(p: u64) -> u64 {
    (p << 1) | 1
}

/// The plain dict behind a frame's builtins (a module or a dict), or NULL when the
/// builtins are some other mapping (those are not cached).
#[inline(always)]
fn builtins_dict(builtins: Value) -> Value {
    let b = if builtins.is_ptr() {
        builtins
    } else {
        g().builtins_dict
    };
    let d = match kind_of(b) {
        // SAFETY: kind checked.
        Kind::Module => unsafe { obj::<ModuleObj>(b) }.dict.get(),
        _ => b,
    };
    if d.is_ptr() && kind_of(d) == Kind::Dict && type_of(d) == ty(T::Dict) {
        d
    } else {
        Value::NULL
    }
}
