//! The bytecode compiler: Python 3.11 source text to [`CodeUnit`]s.
//!
//! How it works, in passes:
//! 1. `limits` scans the raw text for bracket nesting (CPython's tokenizer limit and its
//!    "never closed" / "does not match" messages).
//! 2. `ruff_python_parser` parses (error-recovering; we report the first error, mapped to
//!    CPython's wording by `error`). The AST depth is then checked by `limits` so that no
//!    later recursive pass (or the AST's own drop) can overflow the Rust stack.
//! 3. `symtable` builds one scope per module, class, function, lambda and comprehension
//!    and resolves every name to local / global / free / cell, as CPython's symtable.c.
//! 4. `codegen` walks the AST once per code block, emitting instructions with symbolic
//!    labels and a lexical exception-handler stack; `codegen::assemble` then resolves
//!    labels, removes unreachable code, picks JUMP_FORWARD/JUMP_BACKWARD, computes the
//!    exact stack depth by flow analysis and builds the exception table.
//!
//! What must hold: `compile` never panics and never recurses deeper than the checked AST
//! depth; every unit it returns satisfies the invariants stated in `code.rs` (checked by
//! the assembler, which reports a violation as an internal SyntaxError rather than
//! emitting bad code).

pub mod code;
pub mod codegen;
pub mod dis;
pub mod error;
pub mod limits;
pub mod symtable;
pub mod verify;

#[cfg(test)]
mod tests;

pub use code::{CodeUnit, Const, ExcEntry, Instr};
pub use dis::disassemble;
pub use error::{CompileError, ErrorKind};

use ruff_python_ast::{Mod, PythonVersion};
use ruff_python_parser::{parse_unchecked, Mode as ParseMode, ParseOptions};

/// What kind of code to compile (the `mode` argument of Python's `compile`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements; the code returns None.
    Exec,
    /// A single expression; the code returns its value.
    Eval,
    /// One interactive statement: expression statements print their value (PRINT_EXPR).
    Single,
}

/// Compiles `source` into the code unit of a module, expression or interactive statement.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<CodeUnit, CompileError> {
    // A byte-order mark is not part of the program text.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let map = error::SourceMap::new(source);
    let fail = |e: error::SynErr| Err(map.to_error(e, filename));
    let scan = limits::scan_brackets(source);
    if let Some(e) = scan.too_deep() {
        return fail(e);
    }
    let pmode = match mode {
        Mode::Eval => ParseMode::Expression,
        Mode::Exec | Mode::Single => ParseMode::Module,
    };
    let options = ParseOptions::from(pmode).with_target_version(PythonVersion::PY311);
    let parsed = parse_unchecked(source, options);
    if let Some(range) = limits::too_deep(parsed.syntax()) {
        // Dropping an AST this deep could overflow the stack: leak it instead.
        std::mem::forget(parsed);
        return fail(error::SynErr::new(limits::TOO_DEEP, range));
    }
    let first = parsed.errors().iter().min_by_key(|e| e.location.start());
    if let Some(tab) = scan.tab_error() {
        if first.is_none_or(|e| e.location.start() >= tab.range.start()) {
            return fail(tab);
        }
    }
    if let Some(first) = first {
        return fail(error::map_parse_error(
            first,
            source,
            &map,
            parsed.syntax(),
            &scan,
        ));
    }
    if let Some(e) = parsed
        .unsupported_syntax_errors()
        .iter()
        .min_by_key(|e| e.range.start())
    {
        return fail(error::map_unsupported(e));
    }
    let result = match parsed.syntax() {
        Mod::Module(m) => {
            if mode == Mode::Single {
                if let Err(e) = error::check_single(&m.body, &map) {
                    return fail(e);
                }
            }
            symtable::SymTable::build_module(&m.body, source).and_then(|st| {
                let cmode = if mode == Mode::Single {
                    codegen::Kind::Interactive
                } else {
                    codegen::Kind::Module
                };
                codegen::compile_module(&m.body, cmode, &st, &map, source, filename)
            })
        }
        Mod::Expression(e) => symtable::SymTable::build_expression(&e.body, source)
            .and_then(|st| codegen::compile_expression(&e.body, &st, &map, source, filename)),
    };
    match result {
        Ok(unit) => Ok(unit),
        Err(e) => fail(e),
    }
}
