//! `str.format`/`str.format_map` templates: parsing, field names, and a driver.
//!
//! `Parser` walks a template the way CPython's `MarkupIterator` does, yielding chunks of
//! literal text each optionally followed by a replacement field (`{name!conv:spec}`),
//! with `{{`/`}}` unescaped into the literal. It is lazy on purpose: CPython renders
//! each field before it parses the next, so an error later in the template must not
//! hide an exception raised by an earlier field's lookup or `__format__`. The field
//! name is split later still (`split_field_name`), when the field is rendered, and so
//! are automatic numbering's errors. `render` runs the whole algorithm of CPython's
//! `build_string` over a `FormatFields` implementation supplied by the VM, including
//! nested fields in specs (`'{:{}}'`) to CPython's depth limit of two.
//!
//! The same pieces serve `string.Formatter`: `Parser` is `_string.formatter_parser` and
//! `split_field_name(name, None)` is `_string.formatter_field_name_split`.
//!
//! What must hold: the output, or the first error with CPython's message, is what
//! CPython 3.11 produces, and errors surface in the same order relative to the VM's
//! callbacks.

use super::error::{ExcType, TextError, TextResult};
use super::unicode::decimal_value;

/// A replacement field as written: `{name!conversion:spec}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field<'a> {
    pub name: &'a str,
    pub conversion: Option<char>,
    pub spec: &'a str,
    /// The spec holds `{`, so it is itself a template to render first.
    pub spec_needs_expanding: bool,
}

/// Literal text followed by at most one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk<'a> {
    pub literal: &'a str,
    pub field: Option<Field<'a>>,
}

/// Iterates over the chunks of a template; stops after the first error.
pub struct Parser<'a> {
    s: &'a str,
    pos: usize,
    failed: bool,
}

impl<'a> Parser<'a> {
    pub fn new(template: &'a str) -> Self {
        Parser {
            s: template,
            pos: 0,
            failed: false,
        }
    }

    fn byte(&self, i: usize) -> u8 {
        self.s.as_bytes().get(i).copied().unwrap_or(0)
    }

    fn next_chunk(&mut self) -> TextResult<Option<Chunk<'a>>> {
        let end = self.s.len();
        if self.pos >= end {
            return Ok(None);
        }
        let start = self.pos;
        let (mut c, mut markup) = (0u8, false);
        while self.pos < end {
            c = self.byte(self.pos);
            self.pos += 1;
            if c == b'{' || c == b'}' {
                markup = true;
                break;
            }
        }
        let at_end = self.pos >= end;
        let mut len = self.pos - start;
        if c == b'}' && (at_end || self.byte(self.pos) != b'}') {
            return Err(TextError::value("Single '}' encountered in format string"));
        }
        if at_end && c == b'{' {
            return Err(TextError::value("Single '{' encountered in format string"));
        }
        if !at_end {
            if self.byte(self.pos) == c {
                // `{{` or `}}`: the literal keeps one brace, no field follows.
                self.pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = self.s.get(start..start + len).unwrap_or_default();
        let field = if markup {
            Some(self.parse_field()?)
        } else {
            None
        };
        Ok(Some(Chunk { literal, field }))
    }

    /// CPython's `parse_field`, from just past the opening `{`.
    fn parse_field(&mut self) -> TextResult<Field<'a>> {
        let end = self.s.len();
        let name_start = self.pos;
        let mut c = 0u8;
        while self.pos < end {
            c = self.byte(self.pos);
            self.pos += 1;
            match c {
                b'{' => return Err(TextError::value("unexpected '{' in field name")),
                b'[' => {
                    while self.pos < end && self.byte(self.pos) != b']' {
                        self.pos += 1;
                    }
                }
                b'}' | b':' | b'!' => break,
                _ => {}
            }
        }
        let name = self
            .s
            .get(name_start..self.pos.saturating_sub(1).max(name_start))
            .unwrap_or_default();
        let mut field = Field {
            name,
            conversion: None,
            spec: "",
            spec_needs_expanding: false,
        };
        if c == b'!' || c == b':' {
            if c == b'!' {
                let Some(conv) = self.s.get(self.pos..).and_then(|r| r.chars().next()) else {
                    return Err(TextError::value(
                        "end of string while looking for conversion specifier",
                    ));
                };
                self.pos += conv.len_utf8();
                field.conversion = (conv != '\0').then_some(conv);
                if self.pos < end {
                    let c = self.byte(self.pos);
                    self.pos += 1;
                    if c == b'}' {
                        return Ok(field);
                    }
                    if c != b':' {
                        return Err(TextError::value("expected ':' after conversion specifier"));
                    }
                }
            }
            let spec_start = self.pos;
            let mut depth = 1;
            while self.pos < end {
                let c = self.byte(self.pos);
                self.pos += 1;
                if c == b'{' {
                    field.spec_needs_expanding = true;
                    depth += 1;
                } else if c == b'}' {
                    depth -= 1;
                    if depth == 0 {
                        field.spec = self.s.get(spec_start..self.pos - 1).unwrap_or_default();
                        return Ok(field);
                    }
                }
            }
            return Err(TextError::value("unmatched '{' in format spec"));
        }
        if c != b'}' {
            return Err(TextError::value("expected '}' before end of string"));
        }
        Ok(field)
    }
}

impl<'a> Iterator for Parser<'a> {
    type Item = TextResult<Chunk<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let r = self.next_chunk();
        self.failed = r.is_err();
        r.transpose()
    }
}

/// The object a field name starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgRef<'a> {
    /// A positional argument (written or automatically numbered).
    Index(usize),
    /// A keyword argument (or, with no automatic numbering, an empty name).
    Name(&'a str),
}

/// One step after the first part of a field name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Accessor<'a> {
    /// `.name`
    Attr(&'a str),
    /// `[digits]`: `getitem` with an int.
    Index(usize),
    /// `[text]`: `getitem` with a str.
    Key(&'a str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum AutoState {
    #[default]
    Init,
    Auto,
    Manual,
}

/// Automatic field numbering state, shared by every field of one `format` call
/// (nested fields included).
#[derive(Debug, Clone, Default)]
pub struct AutoNumber {
    state: AutoState,
    next: usize,
}

/// CPython's `get_integer`: `None` unless `s` is all decimal digits (any script).
fn get_integer(s: &str) -> TextResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| TextError::value("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// Splits a field name into its first part and the accessors after it, numbering
/// empty first parts automatically when `auto` is given (`str.format`).
pub fn split_field_name<'a>(
    name: &'a str,
    auto: Option<&mut AutoNumber>,
) -> TextResult<(ArgRef<'a>, FieldNameIter<'a>)> {
    let cut = name.find(['.', '[']).unwrap_or(name.len());
    let (first, rest) = name.split_at(cut);
    let mut idx = get_integer(first)?;
    let empty = first.is_empty();
    if let Some(auto) = auto {
        let numeric = empty || idx.is_some();
        if numeric {
            if auto.state == AutoState::Init {
                auto.state = if empty {
                    AutoState::Auto
                } else {
                    AutoState::Manual
                };
            }
            if auto.state == AutoState::Manual && empty {
                return Err(TextError::value(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            if auto.state == AutoState::Auto && !empty {
                return Err(TextError::value(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
        }
        if empty {
            idx = Some(auto.next);
            auto.next += 1;
        }
    }
    let first = match idx {
        Some(i) => ArgRef::Index(i),
        None => ArgRef::Name(first),
    };
    Ok((
        first,
        FieldNameIter {
            rest,
            failed: false,
        },
    ))
}

/// The accessors of a field name, parsed one at a time (errors surface in order).
pub struct FieldNameIter<'a> {
    rest: &'a str,
    failed: bool,
}

impl<'a> FieldNameIter<'a> {
    fn next_accessor(&mut self) -> TextResult<Option<Accessor<'a>>> {
        let Some(c) = self.rest.chars().next() else {
            return Ok(None);
        };
        let body = &self.rest[c.len_utf8()..];
        let acc = match c {
            '[' => {
                let Some(close) = body.find(']') else {
                    return Err(TextError::value("Missing ']' in format string"));
                };
                let key = &body[..close];
                self.rest = &body[close + 1..];
                if key.is_empty() {
                    return Err(TextError::value("Empty attribute in format string"));
                }
                match get_integer(key)? {
                    Some(i) => Accessor::Index(i),
                    None => Accessor::Key(key),
                }
            }
            '.' => {
                let stop = body.find(['.', '[']).unwrap_or(body.len());
                let attr = &body[..stop];
                self.rest = &body[stop..];
                if attr.is_empty() {
                    return Err(TextError::value("Empty attribute in format string"));
                }
                Accessor::Attr(attr)
            }
            _ => {
                return Err(TextError::value(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        };
        Ok(Some(acc))
    }
}

impl<'a> Iterator for FieldNameIter<'a> {
    type Item = TextResult<Accessor<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let r = self.next_accessor();
        self.failed = r.is_err();
        r.transpose()
    }
}

/// A `!` conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

/// The conversion `!c` names, or CPython's error for an unknown one.
pub fn conversion(c: char) -> TextResult<Conversion> {
    match c {
        's' => Ok(Conversion::Str),
        'r' => Ok(Conversion::Repr),
        'a' => Ok(Conversion::Ascii),
        c if (c as u32) > 32 && (c as u32) < 127 => Err(TextError::value(format!(
            "Unknown conversion specifier {c}"
        ))),
        c => Err(TextError::value(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        ))),
    }
}

/// `IndexError` for `'{5}'.format(1)`.
pub fn index_error(i: usize) -> TextError {
    TextError::new(
        ExcType::IndexError,
        format!("Replacement index {i} out of range for positional args tuple"),
    )
}

/// `ValueError` for a positional field in `format_map`.
pub fn positional_in_format_map() -> TextError {
    TextError::value("Format string contains positional fields")
}

/// What `render` needs from the VM.
pub trait FormatFields {
    type Value;
    type Error: From<TextError>;

    /// Positional argument `i`; `format_map` raises `positional_in_format_map()`, and
    /// `format` raises `index_error(i)` when out of range.
    fn positional(&mut self, i: usize) -> Result<Self::Value, Self::Error>;
    /// Keyword argument (or mapping item) `name`; `KeyError` when missing.
    fn keyword(&mut self, name: &str) -> Result<Self::Value, Self::Error>;
    fn getattr(&mut self, v: Self::Value, name: &str) -> Result<Self::Value, Self::Error>;
    fn getitem_index(&mut self, v: Self::Value, i: usize) -> Result<Self::Value, Self::Error>;
    fn getitem_str(&mut self, v: Self::Value, key: &str) -> Result<Self::Value, Self::Error>;
    /// `str(v)`, `repr(v)` or `ascii(v)` as a new value.
    fn convert(&mut self, v: Self::Value, c: Conversion) -> Result<Self::Value, Self::Error>;
    /// `format(v, spec)`.
    fn format(&mut self, v: Self::Value, spec: &str) -> Result<String, Self::Error>;
}

/// `template.format(...)` / `template.format_map(...)`, given the VM's callbacks.
pub fn render<F: FormatFields>(template: &str, f: &mut F) -> Result<String, F::Error> {
    let mut out = String::with_capacity(template.len());
    build(template, f, &mut AutoNumber::default(), 2, &mut out)?;
    Ok(out)
}

fn build<F: FormatFields>(
    template: &str,
    f: &mut F,
    auto: &mut AutoNumber,
    depth: u32,
    out: &mut String,
) -> Result<(), F::Error> {
    if depth == 0 {
        return Err(TextError::value("Max string recursion exceeded").into());
    }
    for chunk in Parser::new(template) {
        let chunk = chunk?;
        out.push_str(chunk.literal);
        let Some(field) = chunk.field else { continue };
        let (first, accessors) = split_field_name(field.name, Some(auto))?;
        let mut v = match first {
            ArgRef::Index(i) => f.positional(i)?,
            ArgRef::Name(n) => f.keyword(n)?,
        };
        for acc in accessors {
            v = match acc? {
                Accessor::Attr(a) => f.getattr(v, a)?,
                Accessor::Index(i) => f.getitem_index(v, i)?,
                Accessor::Key(k) => f.getitem_str(v, k)?,
            };
        }
        if let Some(c) = field.conversion {
            v = f.convert(v, conversion(c)?)?;
        }
        if field.spec_needs_expanding {
            let mut spec = String::new();
            build(field.spec, f, auto, depth - 1, &mut spec)?;
            out.push_str(&f.format(v, &spec)?);
        } else {
            out.push_str(&f.format(v, field.spec)?);
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
