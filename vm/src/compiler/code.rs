//! Compiled code: what the compiler produces and what the interpreter runs.
//!
//! The compiler knows nothing of the heap: it produces a [`CodeUnit`] whose constants are
//! plain Rust data ([`Const`]). The VM turns a unit into a [`CodeInfo`] (constants and names
//! as heap values) owned by a code object. `CodeInfo` lives outside the collected heap so
//! that its instruction array never moves; its `Value`s are traced through the code
//! object (see `obj/layout.rs`, `Kind::Code`).
//!
//! What must hold: `instrs`, `lines` have the same length; every jump target and exception
//! handler target is an index into `instrs`; `stacksize` bounds the value stack for every
//! path, including handlers (which start at their entry's `depth` plus the pushed
//! lasti and exception).

use crate::spec::Op;
use crate::value::Value;
use num_bigint::BigInt;

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

/// A compile-time constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Const {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    FrozenSet(Vec<Const>),
    Code(Box<CodeUnit>),
}

/// One entry of the zero-cost exception table: an exception raised by an instruction in
/// `start..end` unwinds the value stack to `depth` items (above the frame's locals), pushes
/// the raising instruction's index as an int when `lasti` is set, pushes the exception, and
/// jumps to `target`. Entries are searched in order; the first match wins.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// The compiler's output for one code block (module, class body, function, lambda,
/// comprehension).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    /// `spec::co` flags.
    pub flags: u32,
    /// Local variable names; parameters first (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    /// Variables of this block captured by inner blocks. A cellvar may have the same name
    /// as a parameter: the cell is then initialised from the argument at frame entry.
    pub cellvars: Vec<String>,
    /// Variables captured from enclosing blocks.
    pub freevars: Vec<String>,
    /// Names used by *_NAME, *_GLOBAL, *_ATTR, LOAD_METHOD, IMPORT_*.
    pub names: Vec<String>,
    pub consts: Vec<Const>,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    pub exc_table: Vec<ExcEntry>,
    /// Maximum depth of the value stack.
    pub stacksize: u32,
    /// Docstring of a function, class or module body.
    pub doc: Option<String>,
}

impl CodeUnit {
    /// Number of localsplus slots: varnames, then cellvars, then freevars.
    pub fn nlocalsplus(&self) -> usize {
        self.varnames.len() + self.cellvars.len() + self.freevars.len()
    }
}

/// Runtime form of a code unit, owned by a code object.
pub struct CodeInfo {
    pub unit: CodeUnit,
    /// The instructions the interpreter runs: `unit.instrs` with superinstructions
    /// (see `interp/quicken.rs`).
    pub quick: Vec<Instr>,
    /// Positional argument count when a call can take the fast path (exactly that many
    /// positional arguments bind the parameters in order: no keyword-only, `*args` or
    /// `**kwargs` parameters, no cells, not a generator or coroutine); u32::MAX otherwise.
    pub fast_argc: u32,
    /// Value-stack slots a frame of this code needs beyond its arguments.
    pub frame_need: usize,
    /// `unit.consts` as heap values (traced only if `movable_consts`).
    pub consts: Vec<Value>,
    /// Whether a constant may move (a frozenset; the rest are pinned, see `make_const`):
    /// without one a collection need not read `consts`.
    pub movable_consts: bool,
    /// `unit.names` as interned strings (pinned: not traced).
    pub names: Vec<Value>,
    /// varnames ++ cellvars ++ freevars as interned strings (pinned: not traced).
    pub localsplus_names: Vec<Value>,
    /// For each cellvar, the index of the argument it is initialised from.
    pub cell2arg: Vec<Option<usize>>,
    /// The interned name, qualified name and file name (pinned: not traced).
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    /// The docstring as a str (None without one), shared by every function made from
    /// this code, as CPython shares `co_consts[0]` (pinned: not traced).
    pub doc: Value,
    /// Per-instruction inline caches (type version, index), written racily but atomically.
    pub caches: Vec<crate::interp::cache::InlineCache>,
    /// Set (before the write) when a cache of this code is given a heap address as its
    /// payload (`caches_may_hold_refs`): until then a collection need not read the caches,
    /// which for the many functions never run would be most of what it reads of code.
    pub caches_hold_refs: std::sync::atomic::AtomicBool,
}

impl CodeInfo {
    /// Traces every heap reference held by this code.
    pub fn trace(&mut self, t: &mut dyn FnMut(&mut usize)) {
        // `names`, `localsplus_names`, `name`, `qualname` and `filename` are interned strs
        // and `doc` a pinned str or None: pinned leaves, which never move and are never
        // freed, so they need no tracing (and skipping them spares each collection cold
        // reads per code object). So are the constants, unless `movable_consts`.
        if self.movable_consts {
            for v in self.consts.iter_mut() {
                t(&mut v.0);
            }
        }
        // Attribute caches hold the looked-up class attribute as their payload.
        if !*self.caches_hold_refs.get_mut() {
            return;
        }
        for c in self.caches.iter_mut() {
            if *c.version.get_mut() != 0 {
                let p = c.payload.get_mut();
                let mut w = *p as usize;
                if Value::needs_trace(w) {
                    t(&mut w);
                    *p = w as u64;
                }
            }
        }
    }

    /// Whether `ic` is one of this code's caches; if so, marks the caches as holding heap
    /// addresses, so collections trace them from now on. A cache not known to be this
    /// code's must not be given an address (nothing would trace it).
    pub fn caches_may_hold_refs(&self, ic: &crate::interp::cache::InlineCache) -> bool {
        if !self.caches.as_ptr_range().contains(&(ic as *const _)) {
            return false;
        }
        if !self
            .caches_hold_refs
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            // Relaxed is enough: a collection reads the flag with every mutator stopped,
            // after the safepoint handshake orders this store before it.
            self.caches_hold_refs
                .store(true, std::sync::atomic::Ordering::Relaxed);
        }
        true
    }

    pub fn nlocals(&self) -> usize {
        self.unit.varnames.len()
    }
    pub fn nlocalsplus(&self) -> usize {
        self.unit.nlocalsplus()
    }
    pub fn flags(&self) -> u32 {
        self.unit.flags
    }
    /// The source line of instruction `ip`.
    pub fn line_of(&self, ip: usize) -> u32 {
        self.unit
            .lines
            .get(ip)
            .copied()
            .unwrap_or(self.unit.firstlineno)
    }
    /// The handler for an exception raised at instruction `ip`.
    pub fn handler_for(&self, ip: usize) -> Option<ExcEntry> {
        let ip = ip as u32;
        self.unit
            .exc_table
            .iter()
            .find(|e| e.start <= ip && ip < e.end)
            .copied()
    }
}
