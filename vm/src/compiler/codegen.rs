//! Code generation: AST to instructions, one [`Unit`] per code block.
//!
//! How it works: the compiler keeps a stack of units (module, then the class or function
//! being compiled inside it, ...). Instructions are appended to the innermost unit with
//! symbolic jump targets ([`Label`]s, stored in the argument until assembly). Exception
//! handling follows CPython 3.11's zero-cost model, but the protected ranges are tracked
//! lexically: `push_handler`/`pop_handler` maintain a handler stack and every emitted
//! instruction records the handler on top of it. A handler's stack depth is the depth at the
//! point where it was first pushed (minus `adjust`, for `with`), found by the assembler's
//! flow analysis. `return`/`break`/`continue` unwind the frame-block stack (`FBlock`, as
//! CPython's fblocks), popping handlers exactly where CPython emits POP_BLOCK, and restore
//! the handler stack afterwards for the (unreachable) code that follows.
//!
//! The submodules hold the statement, expression, function/class/comprehension, control
//! flow and pattern-matching compilers and the assembler.
//!
//! Conventions the interpreter relies on beyond `spec.rs`:
//! - Calls: `[callable, NULL|self, args...]`; a plain call is `<callable>; PUSH_NULL; args;
//!   CALL n`; `f(*a, **k)` builds an exact tuple (and dict) for CALL_FUNCTION_EX.
//! - Generators and coroutines have no prologue; the frame is created suspended at
//!   instruction 0. `yield from`/`await` is `SEND exit; YIELD_VALUE 1; JUMP_BACKWARD send;
//!   exit:` with the receiver below the yielded value; YIELD_VALUE 0 is a plain `yield`
//!   (in an ASYNC_GENERATOR code, a value for the async iterator's consumer).
//! - Handlers: an entry unwinds to its depth, pushes lasti if asked, then the exception.
//!   The outer handler of `try`/`with` starts with PUSH_EXC_INFO; inner ones (clearing an
//!   `except ... as name`, collecting `except*` results, `COPY 3; POP_EXCEPT; RERAISE 1`
//!   cleanups) run with the exception already being handled; `async for` ends with
//!   END_ASYNC_FOR.
//! - A class body ends `LOAD_CLOSURE __class__; STORE_NAME __classcell__` when a method
//!   needs the cell, then returns None.
//!
//! What must hold: every handler push is matched by a pop on every path through the
//! compiler; every instruction's stack effect matches `Op::stack_effect`, which the
//! assembler checks (depths must agree wherever paths join and never go negative).

mod assemble;
mod consts;
mod expr;
mod flow;
mod func;
mod pattern;
mod stmt;

use super::code::{CodeUnit, Const};
use super::error::{SourceMap, SynErr, R};
use super::symtable::{mangle, BlockKind, Scope, ScopeId, SymScope, SymTable};
use crate::spec::{co, Op};
use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::collections::HashMap;

pub(crate) use consts::ConstKey;

/// What the module-level code is compiled as.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Module,
    Interactive,
}

/// A forward-referenceable instruction index.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Label(pub u32);

const NO_HANDLER: u32 = u32::MAX;

/// An instruction before assembly: jump arguments are label numbers.
#[derive(Copy, Clone, Debug)]
pub struct Ins {
    pub op: Op,
    pub arg: u32,
    pub line: u32,
    /// Index into `Unit::handlers`, or `NO_HANDLER`.
    pub handler: u32,
}

/// An exception handler: where to go, whether to push the raising instruction's index, and
/// how its depth relates to the stack depth where it was first pushed.
#[derive(Clone, Debug)]
pub struct Handler {
    pub target: Label,
    pub lasti: bool,
    pub adjust: i32,
    pub setup_at: Option<usize>,
}

/// Frame blocks: what `return`, `break` and `continue` must unwind (CPython's fblocks).
#[derive(Copy, Clone, Debug)]
pub enum FBlock<'a> {
    WhileLoop { start: Label, exit: Label },
    ForLoop { start: Label, exit: Label },
    TryExcept,
    FinallyTry { body: &'a [Stmt] },
    FinallyEnd,
    With { is_async: bool, line: u32 },
    HandlerCleanup { name: Option<&'a str> },
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

/// CPython's CO_MAXBLOCKS.
const MAX_BLOCKS: usize = 20;

/// One code block being compiled.
pub struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: BlockKind,
    pub name: String,
    pub qualname: String,
    pub private: Option<String>,
    pub instrs: Vec<Ins>,
    pub labels: Vec<u32>,
    pub handlers: Vec<Handler>,
    pub hstack: Vec<u32>,
    pub fblocks: Vec<FBlock<'a>>,
    pub consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
    pub varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub line: u32,
    pub firstlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub doc: Option<String>,
}

pub struct Compiler<'a> {
    pub map: &'a SourceMap<'a>,
    pub source: &'a str,
    pub filename: &'a str,
    pub st: &'a SymTable,
    pub units: Vec<Unit<'a>>,
    pub interactive: bool,
    /// First line for the next comprehension: a generator expression that is the sole
    /// argument of a call starts at the call's parenthesis, as in CPython.
    pub genexpr_line: Option<u32>,
}

/// Name operation context.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Ctx {
    Load,
    Store,
    Del,
}

impl<'a> Compiler<'a> {
    fn new(
        map: &'a SourceMap,
        source: &'a str,
        filename: &'a str,
        st: &'a SymTable,
        interactive: bool,
    ) -> Compiler<'a> {
        Compiler {
            map,
            source,
            filename,
            st,
            units: Vec::new(),
            interactive,
            genexpr_line: None,
        }
    }
}

pub fn compile_module(
    body: &[Stmt],
    kind: Kind,
    st: &SymTable,
    map: &SourceMap,
    source: &str,
    filename: &str,
) -> R<CodeUnit> {
    let mut c = Compiler::new(map, source, filename, st, kind == Kind::Interactive);
    c.enter_unit(0, "<module>", 1);
    if kind == Kind::Interactive {
        for s in body {
            c.stmt(s)?;
        }
    } else {
        c.body_with_doc(body)?;
    }
    c.return_none();
    c.exit_unit()
}

pub fn compile_expression(
    e: &Expr,
    st: &SymTable,
    map: &SourceMap,
    source: &str,
    filename: &str,
) -> R<CodeUnit> {
    let mut c = Compiler::new(map, source, filename, st, false);
    c.enter_unit(0, "<module>", 1);
    c.expr(e)?;
    c.emit(Op::RETURN_VALUE, 0);
    c.exit_unit()
}

impl<'a> Compiler<'a> {
    pub fn u(&mut self) -> &mut Unit<'a> {
        // The unit stack is never empty while compiling.
        let n = self.units.len();
        &mut self.units[n - 1]
    }

    pub fn unit(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub fn scope(&self) -> &'a Scope {
        let st: &'a SymTable = self.st;
        &st.scopes[self.unit().scope]
    }

    pub fn err<T>(&self, msg: impl Into<String>, range: TextRange) -> R<T> {
        Err(SynErr::new(msg, range))
    }

    pub fn line_of(&self, off: TextSize) -> u32 {
        self.map.line(off)
    }

    pub fn set_line(&mut self, range: TextRange) {
        let l = self.map.line(range.start());
        self.u().line = l;
    }

    // ----- units -----

    pub fn enter_unit(&mut self, scope: ScopeId, name: &str, firstlineno: u32) {
        let s = &self.st.scopes[scope];
        let qualname = self.qualname_for(s, name);
        let private = match s.kind {
            BlockKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let varnames = if s.kind.is_function() {
            s.varnames()
        } else {
            Vec::new()
        };
        let unit = Unit {
            scope,
            kind: s.kind,
            name: name.to_string(),
            qualname,
            private,
            instrs: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            hstack: Vec::new(),
            fblocks: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            var_index: varnames
                .iter()
                .enumerate()
                .map(|(i, v)| (v.clone(), i as u32))
                .collect(),
            varnames,
            cellvars: s.cellvars(),
            freevars: s.freevars(),
            line: firstlineno,
            firstlineno,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            doc: None,
        };
        self.units.push(unit);
    }

    fn qualname_for(&self, s: &Scope, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == BlockKind::Module {
            return name.to_string();
        }
        if matches!(s.kind, BlockKind::Function | BlockKind::Class) {
            let pscope = &self.st.scopes[parent.scope];
            let mangled = mangle(parent.private.as_deref(), name);
            if pscope.scope_of_name(&mangled) == SymScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match parent.kind {
            BlockKind::Function | BlockKind::Lambda => {
                format!("{}.<locals>.{name}", parent.qualname)
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// Finishes the innermost unit and assembles it.
    pub fn exit_unit(&mut self) -> R<CodeUnit> {
        let Some(u) = self.units.pop() else {
            return Err(SynErr::new(
                "internal compiler error: no unit",
                TextRange::default(),
            ));
        };
        let s = &self.st.scopes[u.scope];
        let mut flags = 0;
        if s.kind.is_function() {
            flags |= co::OPTIMIZED | co::NEWLOCALS;
            if s.nested {
                flags |= co::NESTED;
            }
            flags |= match (s.is_generator, s.is_coroutine) {
                (true, false) => co::GENERATOR,
                (false, true) => co::COROUTINE,
                (true, true) => co::ASYNC_GENERATOR,
                _ => 0,
            };
            if s.varargs {
                flags |= co::VARARGS;
            }
            if s.varkeywords {
                flags |= co::VARKEYWORDS;
            }
        }
        if u.cellvars.is_empty() && u.freevars.is_empty() {
            flags |= co::NOFREE;
        }
        assemble::assemble(u, flags, self.filename)
    }

    // ----- emission -----

    pub fn emit(&mut self, op: Op, arg: u32) {
        let u = self.u();
        let handler = u.hstack.last().copied().unwrap_or(NO_HANDLER);
        let line = u.line;
        u.instrs.push(Ins {
            op,
            arg,
            line,
            handler,
        });
    }

    pub fn emit0(&mut self, op: Op) {
        self.emit(op, 0);
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        let u = self.u();
        let at = u.instrs.len() as u32;
        if let Some(slot) = u.labels.get_mut(l.0 as usize) {
            *slot = at;
        }
    }

    /// A jump-family instruction to `l` (unconditional jumps use JUMP_FORWARD; the
    /// assembler turns backward ones into JUMP_BACKWARD).
    pub fn jump(&mut self, op: Op, l: Label) {
        self.emit(op, l.0);
    }

    pub fn jump_to(&mut self, l: Label) {
        self.emit(Op::JUMP_FORWARD, l.0);
    }

    pub fn new_handler(&mut self, target: Label, lasti: bool, adjust: i32) -> u32 {
        let u = self.u();
        u.handlers.push(Handler {
            target,
            lasti,
            adjust,
            setup_at: None,
        });
        u.handlers.len() as u32 - 1
    }

    pub fn push_handler(&mut self, h: u32) {
        let u = self.u();
        let at = u.instrs.len();
        if let Some(handler) = u.handlers.get_mut(h as usize) {
            handler.setup_at.get_or_insert(at);
        }
        u.hstack.push(h);
    }

    pub fn pop_handler(&mut self) {
        self.u().hstack.pop();
    }

    pub fn push_fblock(&mut self, fb: FBlock<'a>, range: TextRange) -> R<()> {
        if self.unit().fblocks.len() >= MAX_BLOCKS {
            return self.err("too many statically nested blocks", range);
        }
        self.u().fblocks.push(fb);
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    pub fn add_const(&mut self, c: Const) -> u32 {
        let u = self.u();
        if let Const::Code(_) = c {
            // A finally body is compiled twice; share its identical nested code.
            if let Some(i) = u.consts.iter().position(|k| consts::same_const(k, &c)) {
                return i as u32;
            }
            u.consts.push(c);
            return u.consts.len() as u32 - 1;
        }
        let key = ConstKey::of(&c);
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        u.consts.push(c);
        let i = u.consts.len() as u32 - 1;
        u.const_index.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Const) {
        let i = self.add_const(c);
        self.emit(Op::LOAD_CONST, i);
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        u.names.push(name.to_string());
        let i = u.names.len() as u32 - 1;
        u.name_index.insert(name.to_string(), i);
        i
    }

    /// Emits an op whose argument is a (mangled) name.
    pub fn emit_name(&mut self, op: Op, name: &str) {
        let mangled = mangle(self.unit().private.as_deref(), name).into_owned();
        let i = self.add_name(&mangled);
        self.emit(op, i);
    }

    pub fn return_none(&mut self) {
        self.load_const(Const::None);
        self.emit0(Op::RETURN_VALUE);
    }

    fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.var_index.get(name) {
            return i;
        }
        u.varnames.push(name.to_string());
        let i = u.varnames.len() as u32 - 1;
        u.var_index.insert(name.to_string(), i);
        i
    }

    /// The localsplus index of a cell or free variable.
    pub fn deref_index(&self, name: &str) -> Option<u32> {
        let u = self.unit();
        let nv = u.varnames.len();
        if let Some(i) = u.cellvars.iter().position(|v| v == name) {
            return Some((nv + i) as u32);
        }
        u.freevars
            .iter()
            .position(|v| v == name)
            .map(|i| (nv + u.cellvars.len() + i) as u32)
    }

    /// Load, store or delete a variable, choosing FAST / DEREF / GLOBAL / NAME from the
    /// symbol table (CPython's `compiler_nameop`).
    pub fn name_op(&mut self, name: &str, ctx: Ctx, range: TextRange) -> R<()> {
        if name == "__debug__" {
            return match ctx {
                Ctx::Load => {
                    self.load_const(Const::True);
                    Ok(())
                }
                Ctx::Store => self.err("cannot assign to __debug__", range),
                Ctx::Del => self.err("cannot delete __debug__", range),
            };
        }
        let mangled = mangle(self.unit().private.as_deref(), name).into_owned();
        let kind = self.unit().kind;
        let sc = self.scope().scope_of_name(&mangled);
        let deref = |c: &Self, op| -> R<(Op, u32)> {
            match c.deref_index(&mangled) {
                Some(i) => Ok((op, i)),
                None => c.err(
                    format!("internal compiler error: no cell for '{mangled}'"),
                    range,
                ),
            }
        };
        let (op, arg) = match sc {
            SymScope::Free | SymScope::Cell => {
                let op = match ctx {
                    Ctx::Load if kind == BlockKind::Class && sc == SymScope::Free => {
                        Op::LOAD_CLASSDEREF
                    }
                    Ctx::Load => Op::LOAD_DEREF,
                    Ctx::Store => Op::STORE_DEREF,
                    Ctx::Del => Op::DELETE_DEREF,
                };
                deref(self, op)?
            }
            SymScope::Local if kind.is_function() => {
                let op = match ctx {
                    Ctx::Load => Op::LOAD_FAST,
                    Ctx::Store => Op::STORE_FAST,
                    Ctx::Del => Op::DELETE_FAST,
                };
                (op, self.varname_index(&mangled))
            }
            SymScope::GlobalExplicit | SymScope::GlobalImplicit
                if sc == SymScope::GlobalExplicit || kind.is_function() =>
            {
                let op = match ctx {
                    Ctx::Load => Op::LOAD_GLOBAL,
                    Ctx::Store => Op::STORE_GLOBAL,
                    Ctx::Del => Op::DELETE_GLOBAL,
                };
                (op, self.add_name(&mangled))
            }
            _ => {
                let op = match ctx {
                    Ctx::Load => Op::LOAD_NAME,
                    Ctx::Store => Op::STORE_NAME,
                    Ctx::Del => Op::DELETE_NAME,
                };
                (op, self.add_name(&mangled))
            }
        };
        self.emit(op, arg);
        Ok(())
    }

    /// A module or class body: annotations setup, docstring to `__doc__`, statements.
    pub fn body_with_doc(&mut self, body: &'a [Stmt]) -> R<()> {
        if stmt::find_ann(body) {
            self.emit0(Op::SETUP_ANNOTATIONS);
        }
        let mut rest = body;
        if let Some(doc) = super::error::docstring(body) {
            if let Some(first) = body.first() {
                self.set_line(first.range());
            }
            self.u().doc = Some(doc.to_string());
            self.load_const(Const::Str(doc.to_string()));
            self.name_op("__doc__", Ctx::Store, TextRange::default())?;
            rest = &body[1..];
        }
        for s in rest {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub fn stmts(&mut self, body: &'a [Stmt]) -> R<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }
}
