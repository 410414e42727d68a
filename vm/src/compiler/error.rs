//! Compile errors: positions, and CPython-compatible wording of parser errors.
//!
//! Inside the compiler an error is a [`SynErr`]: a kind, a message and a byte range of the
//! source. At the API boundary [`SourceMap::to_error`] turns it into a [`CompileError`] with
//! 1-based lines and 1-based character columns (CPython's `SyntaxError.offset`) and the text
//! of the offending line (without its line terminator).
//!
//! The parser (`ruff_python_parser`) has its own wording; `map_parse_error` rewrites the
//! messages whose CPython 3.11 equivalent is obvious (unclosed brackets, unterminated
//! strings, indentation, invalid assignment targets, argument-order errors) and keeps the
//! parser's message otherwise. What must hold: mapping never panics, whatever the error's
//! range (ranges are clamped to the source).

use super::limits::BracketScan;
use ruff_python_ast::visitor::{walk_expr, Visitor};
use ruff_python_ast::{self as ast, Expr, Mod, Stmt};
use ruff_python_parser::{InterpolatedStringErrorType as FErr, LexicalErrorType as Lex};
use ruff_python_parser::{
    ParseError, ParseErrorType as P, UnsupportedSyntaxError, UnsupportedSyntaxErrorKind as U,
};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::fmt;

/// The Python exception class of a compile error.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
        }
    }
}

/// A compile error as Python sees it (the fields of `SyntaxError`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: u32,
    /// 1-based column, in characters.
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
    /// The source line of `lineno`, without its line terminator.
    pub text: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} ({}, line {})",
            self.kind.name(),
            self.msg,
            self.filename,
            self.lineno
        )
    }
}

impl std::error::Error for CompileError {}

/// An error inside the compiler, located by a byte range of the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynErr {
    pub kind: ErrorKind,
    pub msg: String,
    pub range: TextRange,
}

impl SynErr {
    pub fn new(msg: impl Into<String>, range: TextRange) -> SynErr {
        SynErr {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            range,
        }
    }
    pub fn indent(msg: impl Into<String>, range: TextRange) -> SynErr {
        SynErr {
            kind: ErrorKind::IndentationError,
            msg: msg.into(),
            range,
        }
    }
}

pub type R<T> = Result<T, SynErr>;

/// Byte offsets to lines and columns.
pub struct SourceMap<'s> {
    src: &'s str,
    /// Byte offset of the start of each line.
    starts: Vec<u32>,
}

impl<'s> SourceMap<'s> {
    pub fn new(src: &'s str) -> SourceMap<'s> {
        let mut starts = vec![0];
        let b = src.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\n' => starts.push(i as u32 + 1),
                b'\r' if b.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
                _ => {}
            }
            i += 1;
        }
        SourceMap { src, starts }
    }

    fn clamp(&self, off: TextSize) -> usize {
        let mut o = (u32::from(off) as usize).min(self.src.len());
        while o > 0 && !self.src.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, off: TextSize) -> u32 {
        let o = self.clamp(off) as u32;
        self.starts.partition_point(|&s| s <= o) as u32
    }

    /// 1-based character column of a byte offset.
    pub fn col(&self, off: TextSize) -> u32 {
        let o = self.clamp(off);
        let line = self.line(off);
        let start = self.starts[(line - 1) as usize] as usize;
        self.src[start..o].chars().count() as u32 + 1
    }

    /// The text of a 1-based line, without its terminator.
    pub fn line_text(&self, line: u32) -> &'s str {
        let i = (line.max(1) - 1) as usize;
        let Some(&start) = self.starts.get(i) else {
            return "";
        };
        let end = self
            .starts
            .get(i + 1)
            .map(|&e| e as usize)
            .unwrap_or(self.src.len());
        self.src[start as usize..end].trim_end_matches(['\n', '\r'])
    }

    pub fn nlines(&self) -> u32 {
        let n = self.starts.len() as u32;
        // A final empty line after a trailing newline does not count.
        if self.src.ends_with('\n') || self.src.ends_with('\r') {
            n - 1
        } else {
            n
        }
    }

    pub fn to_error(&self, e: SynErr, filename: &str) -> CompileError {
        let lineno = self.line(e.range.start());
        CompileError {
            kind: e.kind,
            msg: e.msg,
            filename: filename.to_string(),
            lineno,
            col: self.col(e.range.start()),
            end_lineno: self.line(e.range.end()),
            end_col: self.col(e.range.end()),
            text: self.line_text(lineno).to_string(),
        }
    }
}

/// Interactive mode compiles one statement (several only on one line, `a; b`).
pub fn check_single(body: &[Stmt], map: &SourceMap) -> R<()> {
    if let Some(first) = body.first() {
        let line = map.line(first.start());
        for s in &body[1..] {
            if map.line(s.start()) != line {
                return Err(SynErr::new(
                    "multiple statements found while compiling a single statement",
                    s.range(),
                ));
            }
        }
    }
    Ok(())
}

/// CPython's name for an expression kind in "cannot assign to ..." messages.
pub fn expr_kind_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// Finds the expression with exactly the given range.
struct Finder<'a> {
    range: TextRange,
    found: Option<&'a Expr>,
}

impl<'a> Visitor<'a> for Finder<'a> {
    fn visit_expr(&mut self, e: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        if e.range() == self.range {
            self.found = Some(e);
            return;
        }
        if e.range().contains_range(self.range) {
            walk_expr(self, e);
        }
    }
}

fn find_expr(module: &Mod, range: TextRange) -> Option<&Expr> {
    let mut f = Finder { range, found: None };
    match module {
        Mod::Module(m) => f.visit_body(&m.body),
        Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found
}

const INVALID: &str = "invalid syntax";

/// Rewrites a parser error in CPython 3.11's words.
pub fn map_parse_error(
    e: &ParseError,
    src: &str,
    map: &SourceMap,
    module: &Mod,
    scan: &BracketScan,
) -> SynErr {
    let range = e.location;
    let at = |msg: &str| SynErr::new(msg, range);
    let start = map.clamp(range.start());
    let text_at = &src[start..];
    let kind_name = || {
        find_expr(module, range)
            .map(expr_kind_name)
            .unwrap_or("expression")
    };
    let generic = |msg: &str| -> SynErr {
        // A tokenizer-level bracket error anywhere wins over a generic parse error, as in
        // CPython (which tokenizes the rest of the file before reporting "invalid syntax").
        scan.error_over(src, start).unwrap_or_else(|| at(msg))
    };
    match &e.error {
        P::Lexical(lex) => match lex {
            Lex::UnclosedStringError => unterminated(src, start, map, range),
            Lex::FStringError(f) => fstring_error(f, src, start, map, range),
            Lex::IndentationError => indent_error(src, map, range, "unindent does not match any outer indentation level"),
            Lex::Eof => scan.error().unwrap_or_else(|| at("unexpected EOF while parsing")),
            Lex::UnrecognizedToken { tok } if !tok.is_ascii() => {
                at(&format!("invalid character '{}' (U+{:04X})", tok, *tok as u32))
            }
            Lex::OtherError(m) if m.contains("decimal integer literal") => at(
                "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            ),
            Lex::OtherError(m) => at(m),
            Lex::LineContinuationError => at("unexpected character after line continuation character"),
            Lex::UnicodeError | Lex::MissingUnicodeLbrace | Lex::MissingUnicodeRbrace => {
                at("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape")
            }
            Lex::InvalidByteLiteral => at("bytes can only contain ASCII literal characters"),
            _ => generic(INVALID),
        },
        P::FStringError(f) => fstring_error(f, src, start, map, range),
        P::UnexpectedIndentation => indent_error(src, map, range, "unexpected indent"),
        P::OtherError(m) if m.starts_with("Expected an indented block") => expected_block(map, range, m),
        P::OtherError(m) if m.starts_with("Only single target") => at(&m.replacen("Only", "only", 1)),
        P::OtherError(m) if m == "Expected one or more exception types" => at("expected one or more exception types"),
        P::OtherError(m) if m == "Expected a statement" || m.starts_with("Expected") => {
            if let Some(e) = number_suffix(src, start, range) {
                return e;
            }
            generic(INVALID)
        }
        P::OtherError(m) => at(m),
        P::ExpectedToken { expected, .. } => {
            if let Some(e) = number_suffix(src, start, range) {
                return e;
            }
            if let Some(e) = scan.error_over(src, start) {
                return e;
            }
            let exp = format!("{expected:?}");
            match exp.as_str() {
                "Colon" if in_brace(src, start) => at("':' expected after dictionary key"),
                "Colon" => SynErr::new("expected ':'", TextRange::empty(range.start())),
                "Else" => at("expected 'else' after 'if' expression"),
                _ => at(INVALID),
            }
        }
        P::SimpleStatementsOnSameLine => {
            if let Some(e) = number_suffix(src, start, range) {
                return e;
            }
            let line = map.line_text(map.line(range.start())).trim_start();
            for kw in ["print", "exec"] {
                if line.strip_prefix(kw).is_some_and(|r| r.starts_with([' ', '\t'])) {
                    return SynErr::new(
                        format!("Missing parentheses in call to '{kw}'. Did you mean {kw}(...)?"),
                        range,
                    );
                }
            }
            generic(INVALID)
        }
        P::InvalidAssignmentTarget => {
            let target = find_expr(module, range);
            let name = target.map(expr_kind_name).unwrap_or("expression");
            match target {
                Some(Expr::NoneLiteral(_) | Expr::BooleanLiteral(_)) => at(&format!("cannot assign to {name}")),
                Some(Expr::Yield(_) | Expr::YieldFrom(_)) => at("assignment to yield expression not possible"),
                _ => {
                    let after = src[map.clamp(range.end())..].trim_start_matches([' ', '\t', ')']);
                    let direct = after.starts_with('=') && !after.starts_with("==") && !text_at.starts_with('(');
                    if direct {
                        at(&format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"))
                    } else {
                        at(&format!("cannot assign to {name}"))
                    }
                }
            }
        }
        P::InvalidDeleteTarget => at(&format!("cannot delete {}", kind_name())),
        P::InvalidAugmentedAssignmentTarget => {
            at(&format!("'{}' is an illegal expression for augmented assignment", kind_name()))
        }
        P::InvalidNamedAssignmentTarget => {
            at(&format!("cannot use assignment expressions with {}", kind_name()))
        }
        P::InvalidAnnotatedAssignmentTarget => at("illegal target for annotation"),
        P::PositionalAfterKeywordArgument => at("positional argument follows keyword argument"),
        P::PositionalAfterKeywordUnpacking => at("positional argument follows keyword argument unpacking"),
        P::InvalidArgumentUnpackingOrder => at("iterable argument unpacking follows keyword argument unpacking"),
        P::IterableUnpackingInComprehension => at("iterable unpacking cannot be used in comprehension"),
        P::UnparenthesizedGeneratorExpression => at("Generator expression must be parenthesized"),
        P::NonDefaultParamAfterDefaultParam => at("non-default argument follows default argument"),
        P::ParamAfterVarKeywordParam => at("arguments cannot follow var-keyword argument"),
        P::ExpectedKeywordParam => at("named arguments must follow bare *"),
        P::VarParameterWithDefault => {
            let before = src[..start].trim_end();
            if before.ends_with("**") || before.rsplit(['(', ',']).next().is_some_and(|p| p.trim_start().starts_with("**")) {
                at("var-keyword argument cannot have default value")
            } else {
                at("var-positional argument cannot have default value")
            }
        }
        P::InvalidStarredExpressionUsage => at("can't use starred expression here"),
        P::InvalidMatchPatternTarget => at("cannot use '_' as a target"),
        P::InvalidStarPatternUsage => at("can't use starred name here"),
        _ => generic(INVALID),
    }
}

/// Syntax newer than Python 3.11, in CPython 3.11's words.
pub fn map_unsupported(e: &UnsupportedSyntaxError) -> SynErr {
    let msg = match &e.kind {
        U::UnpackingInComprehension(k) if format!("{k:?}").contains("Dict") => {
            "dict unpacking cannot be used in dict comprehension"
        }
        U::UnpackingInComprehension(_) => "iterable unpacking cannot be used in comprehension",
        U::Pep701FString(k) => match format!("{k:?}").as_str() {
            "Backslash" => "f-string expression part cannot include a backslash",
            "Comment" => "f-string expression part cannot include '#'",
            _ => "f-string: expecting '}'",
        },
        _ => "invalid syntax",
    };
    SynErr::new(msg, e.range)
}

/// Inside an unclosed `{` on the current line (for "':' expected after dictionary key")?
fn in_brace(src: &str, start: usize) -> bool {
    let mut depth = 0i32;
    for c in src[..start].bytes().rev() {
        match c {
            b'\n' => return false,
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' if depth == 0 => return false,
            b'{' if depth == 0 => return true,
            b'(' | b'[' | b'{' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// `1abc`: CPython's tokenizer rejects a number immediately followed by a name.
fn number_suffix(src: &str, start: usize, range: TextRange) -> Option<SynErr> {
    let before = src[..start].chars().next_back()?;
    let here = src[start..].chars().next()?;
    if before.is_ascii_alphanumeric() && (here.is_alphabetic() || here == '_') {
        // Walk back over the literal to see whether it is a number.
        let lit_start = src[..start]
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
            .last()
            .map(|(i, _)| i)?;
        let lit = &src[lit_start..start];
        if lit.starts_with(|c: char| c.is_ascii_digit()) {
            let lower = lit.to_ascii_lowercase();
            let what = if lower.starts_with("0x") {
                "hexadecimal"
            } else if lower.starts_with("0o") {
                "octal"
            } else if lower.starts_with("0b") {
                "binary"
            } else {
                "decimal"
            };
            let at = TextRange::empty(TextSize::new(lit_start as u32));
            let _ = range;
            return Some(SynErr::new(format!("invalid {what} literal"), at));
        }
    }
    None
}

fn unterminated(src: &str, start: usize, map: &SourceMap, range: TextRange) -> SynErr {
    let body = src[start..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let pos = TextRange::empty(range.start());
    if body.starts_with("'''") || body.starts_with("\"\"\"") {
        SynErr::new(
            format!(
                "unterminated triple-quoted string literal (detected at line {})",
                map.nlines().max(1)
            ),
            pos,
        )
    } else {
        SynErr::new(
            format!(
                "unterminated string literal (detected at line {})",
                map.line(range.start())
            ),
            pos,
        )
    }
}

fn fstring_error(f: &FErr, src: &str, start: usize, map: &SourceMap, range: TextRange) -> SynErr {
    let msg = match f {
        FErr::UnclosedLbrace => "f-string: expecting '}'",
        FErr::SingleRbrace => "f-string: single '}' is not allowed",
        FErr::InvalidConversionFlag | FErr::ConversionFlagNotImmediatelyAfterExclamation => {
            "f-string: invalid conversion character: expected 's', 'r', or 'a'"
        }
        FErr::UnterminatedString | FErr::UnterminatedTripleQuotedString => {
            return unterminated(src, start, map, range)
        }
        FErr::LambdaWithoutParentheses => {
            "f-string: lambda expressions are not allowed without parentheses"
        }
        FErr::NewlineInFormatSpec => {
            "f-string: newlines are not allowed in format specifiers for single quoted f-strings"
        }
    };
    SynErr::new(msg, range)
}

/// Indentation errors; mixing tabs and spaces in the indentation makes it a TabError.
fn indent_error(src: &str, map: &SourceMap, range: TextRange, msg: &str) -> SynErr {
    let line = map.line(range.start());
    let indent =
        |t: &str| -> String { t.chars().take_while(|c| *c == ' ' || *c == '\t').collect() };
    let here = indent(map.line_text(line));
    let mixed = (1..line).any(|l| {
        let t = map.line_text(l);
        let i = indent(t);
        !t.trim().is_empty()
            && !t.trim_start().starts_with('#')
            && !i.is_empty()
            && i.contains('\t') != here.contains('\t')
    });
    let _ = src;
    if mixed && !here.is_empty() {
        let mut e = SynErr::new("inconsistent use of tabs and spaces in indentation", range);
        e.kind = ErrorKind::TabError;
        return e;
    }
    SynErr::indent(msg, range)
}

/// "expected an indented block after 'if' statement on line N".
fn expected_block(map: &SourceMap, range: TextRange, parser_msg: &str) -> SynErr {
    let line = map.line(range.start());
    // The header is the closest earlier line that ends a compound-statement header.
    let mut header = line.saturating_sub(1);
    while header > 1 {
        let t = map.line_text(header).trim();
        if !t.is_empty() && !t.starts_with('#') {
            break;
        }
        header -= 1;
    }
    let words = map.line_text(header).trim_start();
    let first = words
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    let first = if first == "async" {
        words[5..]
            .trim_start()
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
    } else {
        first
    };
    let what = match first {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "if" | "elif" | "else" | "for" | "while" | "with" | "try" | "except" | "finally"
        | "match" | "case" => {
            format!("'{first}' statement")
        }
        _ => {
            let lower = parser_msg.to_ascii_lowercase();
            return SynErr::indent(
                lower
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .replace('`', "'"),
                range,
            );
        }
    };
    let at = TextRange::new(range.start(), range.start());
    SynErr::indent(
        format!("expected an indented block after {what} on line {header}"),
        at,
    )
}

/// The expression statement's string constant, if the body starts with a docstring.
pub fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first()? {
        Stmt::Expr(ast::StmtExpr { value, .. }) => match value.as_ref() {
            Expr::StringLiteral(s) => Some(s.value.to_str()),
            _ => None,
        },
        _ => None,
    }
}
