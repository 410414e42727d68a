//! Limits that keep the compiler's recursion bounded.
//!
//! `scan_brackets` is a tiny tokenizer over the raw text: it skips comments and string
//! literals and tracks the bracket stack, giving CPython's tokenizer errors ("too many
//! nested parentheses" past 200 levels, "unmatched ')'", "closing parenthesis ... does not
//! match ...", "'(' was never closed"). `too_deep` measures the AST: every later pass
//! (symbol table, code generation, and dropping the AST) recurses once per nesting level,
//! so an AST deeper than `MAX_DEPTH` is rejected before any of them runs. Left-nested
//! chains of binary operators (`a + b + c + ...`) are walked iteratively by every pass and
//! get the larger `MAX_CHAIN` bound instead.
//!
//! What must hold: `too_deep` itself recurses at most `MAX_DEPTH` levels.

use super::error::SynErr;
use ruff_python_ast::visitor::{walk_expr, walk_pattern, walk_stmt, Visitor};
use ruff_python_ast::{Expr, Mod, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

/// Maximum nesting of statements, expressions and patterns together.
pub const MAX_DEPTH: u32 = 250;
/// Maximum length of a left-nested chain of binary operators.
pub const MAX_CHAIN: u32 = 3000;
/// CPython's tokenizer limit on bracket nesting.
pub const MAX_BRACKETS: usize = 200;
pub const TOO_DEEP: &str =
    "too many nested expressions or blocks (maximum recursion depth exceeded during compilation)";

/// The outcome of the bracket scan.
#[derive(Default, Debug)]
pub struct BracketScan {
    first_error: Option<SynErr>,
    /// `first_error` is "'(' was never closed" for the bracket at this offset.
    unclosed_at: Option<usize>,
    too_deep: Option<SynErr>,
    tab_error: Option<SynErr>,
}

impl BracketScan {
    /// The tokenizer-level bracket error, if any.
    pub fn error(&self) -> Option<SynErr> {
        self.first_error.clone()
    }
    /// The bracket error that replaces a generic parse error at offset `off` of `src`,
    /// as CPython decides: any tokenizer error found further on wins, but an unclosed
    /// bracket only when the parse error is at the end of input or on a later line
    /// than the bracket (`def f(:` stays "invalid syntax").
    pub fn error_over(&self, src: &str, off: usize) -> Option<SynErr> {
        let e = self.first_error.clone()?;
        let Some(pos) = self.unclosed_at else {
            return Some(e);
        };
        let b = src.as_bytes();
        let off = off.min(b.len());
        let at_eof = src[off..]
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
        (at_eof || line_of(b, off) > line_of(b, pos)).then_some(e)
    }
    pub fn too_deep(&self) -> Option<SynErr> {
        self.too_deep.clone()
    }
    /// Inconsistent use of tabs and spaces in indentation (a TabError).
    pub fn tab_error(&self) -> Option<SynErr> {
        self.tab_error.clone()
    }
}

/// CPython's tokenizer check: indentation must compare the same way whether a tab
/// counts as up to 8 columns or as 1.
struct Indents {
    stack: Vec<(u32, u32)>,
}

impl Indents {
    /// Checks the indentation starting at `i`; false when inconsistent.
    fn check(&mut self, src: &[u8], i: usize) -> bool {
        let (mut col, mut alt) = (0u32, 0u32);
        let mut j = i;
        while j < src.len() {
            match src[j] {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            j += 1;
        }
        if j >= src.len() || matches!(src[j], b'\n' | b'\r' | b'#') {
            return true;
        }
        let top = *self.stack.last().unwrap_or(&(0, 0));
        if col == top.0 {
            return alt == top.1;
        }
        if col > top.0 {
            self.stack.push((col, alt));
            return alt > top.1;
        }
        while self.stack.len() > 1 && col < self.stack.last().map_or(0, |t| t.0) {
            self.stack.pop();
        }
        let top = *self.stack.last().unwrap_or(&(0, 0));
        col != top.0 || alt == top.1
    }
}

fn at(off: usize) -> TextRange {
    TextRange::empty(TextSize::new(off as u32))
}

fn line_of(src: &[u8], off: usize) -> usize {
    src[..off].iter().filter(|&&b| b == b'\n').count() + 1
}

pub fn scan_brackets(text: &str) -> BracketScan {
    let src = text.as_bytes();
    let mut out = BracketScan::default();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut indents = Indents {
        stack: vec![(0, 0)],
    };
    let mut line_start = true;
    let mut i = 0;
    while i < src.len() {
        if line_start {
            line_start = false;
            if out.tab_error.is_none() && !indents.check(src, i) {
                let mut e =
                    SynErr::new("inconsistent use of tabs and spaces in indentation", at(i));
                e.kind = super::error::ErrorKind::TabError;
                out.tab_error = Some(e);
            }
        }
        match src[i] {
            b'\n' if stack.is_empty() => line_start = true,
            b'\\' if matches!(src.get(i + 1), Some(b'\n' | b'\r')) => {
                i += if src.get(i + 1) == Some(&b'\r') && src.get(i + 2) == Some(&b'\n') {
                    3
                } else {
                    2
                };
                continue;
            }
            b'#' => {
                while i < src.len() && src[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            q @ (b'\'' | b'"') => {
                let triple = src.get(i + 1) == Some(&q) && src.get(i + 2) == Some(&q);
                i += if triple { 3 } else { 1 };
                let mut closed = false;
                while i < src.len() {
                    let c = src[i];
                    if c == b'\\' {
                        i += 2;
                        continue;
                    }
                    if c == q
                        && (!triple || (src.get(i + 1) == Some(&q) && src.get(i + 2) == Some(&q)))
                    {
                        i += if triple { 3 } else { 1 };
                        closed = true;
                        break;
                    }
                    if c == b'\n' && !triple {
                        break;
                    }
                    i += 1;
                }
                if !closed {
                    // The parser reports the unterminated string.
                    return out;
                }
                continue;
            }
            c @ (b'(' | b'[' | b'{') => {
                stack.push((c, i));
                if stack.len() > MAX_BRACKETS {
                    out.too_deep = Some(SynErr::new("too many nested parentheses", at(i)));
                    return out;
                }
            }
            c @ (b')' | b']' | b'}') => match stack.pop() {
                None => {
                    out.first_error =
                        Some(SynErr::new(format!("unmatched '{}'", c as char), at(i)));
                    return out;
                }
                Some((open, pos)) => {
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        let mut msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        );
                        let (l1, l2) = (line_of(src, pos), line_of(src, i));
                        if l1 != l2 {
                            msg.push_str(&format!(" on line {l1}"));
                        }
                        out.first_error = Some(SynErr::new(msg, at(i)));
                        return out;
                    }
                }
            },
            _ => {}
        }
        i += 1;
    }
    if let Some(&(open, pos)) = stack.last() {
        out.unclosed_at = Some(pos);
        out.first_error = Some(SynErr::new(
            format!("'{}' was never closed", open as char),
            at(pos),
        ));
    }
    out
}

struct Depth {
    depth: u32,
    hit: Option<TextRange>,
}

impl Depth {
    fn enter(&mut self, range: TextRange) -> bool {
        if self.hit.is_some() {
            return false;
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.hit = Some(range);
            self.depth -= 1;
            return false;
        }
        true
    }
}

impl<'a> Visitor<'a> for Depth {
    fn visit_stmt(&mut self, s: &'a Stmt) {
        if self.enter(s.range()) {
            walk_stmt(self, s);
            self.depth -= 1;
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if let Expr::BinOp(_) = e {
            let mut rights = Vec::new();
            let mut cur = e;
            while let Expr::BinOp(b) = cur {
                rights.push(&*b.right);
                cur = &b.left;
                if rights.len() as u32 > MAX_CHAIN {
                    self.hit = Some(e.range());
                    return;
                }
            }
            if self.enter(e.range()) {
                self.visit_expr(cur);
                for r in rights.into_iter().rev() {
                    self.visit_expr(r);
                }
                self.depth -= 1;
            }
            return;
        }
        if self.enter(e.range()) {
            walk_expr(self, e);
            self.depth -= 1;
        }
    }

    fn visit_pattern(&mut self, p: &'a Pattern) {
        if self.enter(p.range()) {
            walk_pattern(self, p);
            self.depth -= 1;
        }
    }
}

/// The range of the first node nested deeper than the limits allow.
pub fn too_deep(m: &Mod) -> Option<TextRange> {
    let mut d = Depth {
        depth: 0,
        hit: None,
    };
    match m {
        Mod::Module(m) => d.visit_body(&m.body),
        Mod::Expression(e) => d.visit_expr(&e.body),
    }
    d.hit
}
