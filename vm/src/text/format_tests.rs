//! Tests of `format`: a mock VM and tables whose expected values python3 produced:
//! `template.format(*args, **kwargs)`, `list(_string.formatter_parser(template))` and
//! `_string.formatter_field_name_split(name)`; an exception shows as "Type: message".

use super::*;
use crate::num::fmt::{format_int_digits, format_str, parse_spec};
use crate::text::repr::repr_str;

/// A stand-in for VM objects: ints, strs, lists, str-keyed dicts, attribute bags.
#[derive(Clone, Debug)]
enum V {
    I(i64),
    S(String),
    L(Vec<V>),
    D(Vec<(String, V)>),
    O(Vec<(String, V)>),
}
use V::*;

fn repr(v: &V) -> String {
    match v {
        I(n) => n.to_string(),
        S(s) => repr_str(s),
        L(l) => format!("[{}]", l.iter().map(repr).collect::<Vec<_>>().join(", ")),
        D(d) => {
            let items: Vec<String> = d
                .iter()
                .map(|(k, v)| format!("{}: {}", repr_str(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        O(o) => {
            let items: Vec<String> = o.iter().map(|(k, v)| format!("{k}={}", repr(v))).collect();
            format!("namespace({})", items.join(", "))
        }
    }
}

fn type_name(v: &V) -> &'static str {
    match v {
        I(_) => "int",
        S(_) => "str",
        L(_) => "list",
        D(_) => "dict",
        O(_) => "types.SimpleNamespace",
    }
}

struct Mock {
    args: Vec<V>,
    kwargs: Vec<(&'static str, V)>,
}

fn exc(kind: ExcType, msg: String) -> TextError {
    TextError::new(kind, msg)
}

impl FormatFields for Mock {
    type Value = V;
    type Error = TextError;

    fn positional(&mut self, i: usize) -> Result<V, TextError> {
        self.args.get(i).cloned().ok_or_else(|| index_error(i))
    }
    fn keyword(&mut self, name: &str) -> Result<V, TextError> {
        let hit = self.kwargs.iter().find(|(k, _)| *k == name);
        hit.map(|(_, v)| v.clone())
            .ok_or_else(|| exc(ExcType::KeyError, repr_str(name)))
    }
    fn getattr(&mut self, v: V, name: &str) -> Result<V, TextError> {
        match (&v, name) {
            (O(o), _) if o.iter().any(|(k, _)| k == name) => Ok(o
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or(I(0))),
            (I(_), "real") => Ok(v),
            _ => Err(TextError::new(
                ExcType::KeyError,
                format!("'{}' object has no attribute '{name}'", type_name(&v)),
            )),
        }
    }
    fn getitem_index(&mut self, v: V, i: usize) -> Result<V, TextError> {
        match v {
            L(l) => l
                .get(i)
                .cloned()
                .ok_or_else(|| exc(ExcType::IndexError, "list index out of range".into())),
            D(_) => Err(exc(ExcType::KeyError, i.to_string())),
            v => Err(TextError::type_error(format!(
                "'{}' object is not subscriptable",
                type_name(&v)
            ))),
        }
    }
    fn getitem_str(&mut self, v: V, key: &str) -> Result<V, TextError> {
        match v {
            D(d) => d
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| exc(ExcType::KeyError, repr_str(key))),
            v => Err(TextError::type_error(format!(
                "'{}' object is not subscriptable",
                type_name(&v)
            ))),
        }
    }
    fn convert(&mut self, v: V, c: Conversion) -> Result<V, TextError> {
        Ok(match (c, v) {
            (Conversion::Str, S(s)) => S(s),
            (Conversion::Ascii, v) => S(crate::text::repr::ascii_escape(&repr(&v))),
            (_, v) => S(repr(&v)),
        })
    }
    fn format(&mut self, v: V, spec: &str) -> Result<String, TextError> {
        let sp = parse_spec(spec).map_err(TextError::value)?;
        match v {
            I(n) => {
                let mag = num_bigint::BigUint::from(n.unsigned_abs());
                format_int_digits(n < 0, &mag, &sp).map_err(TextError::value)
            }
            S(s) => format_str(&s, &sp).map_err(TextError::value),
            v if spec.is_empty() => Ok(repr(&v)),
            v => Err(TextError::type_error(format!(
                "unsupported format string passed to {}.__format__",
                type_name(&v)
            ))),
        }
    }
}

fn shown(e: TextError) -> String {
    let name = match e.exc {
        // The mock reports AttributeError through KeyError's slot with its own text.
        ExcType::KeyError if e.msg.contains("has no attribute") => "AttributeError",
        k => k.name(),
    };
    format!("{name}: {}", e.msg)
}

#[test]
fn render_matches_cpython() {
    #[allow(clippy::type_complexity)]
    let cases: Vec<(&str, Vec<V>, Vec<(&'static str, V)>, &str)> = vec![
        ("{}", vec![], vec![], "IndexError: Replacement index 0 out of range for positional args tuple"),
        ("{0}", vec![], vec![], "IndexError: Replacement index 0 out of range for positional args tuple"),
        ("{}{}", vec![I(1)], vec![], "IndexError: Replacement index 1 out of range for positional args tuple"),
        ("{a}", vec![], vec![], "KeyError: 'a'"),
        ("{0}{}", vec![I(1), I(2)], vec![], "ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("{}{0}", vec![I(1), I(2)], vec![], "ValueError: cannot switch from automatic field numbering to manual field specification"),
        ("{a}{}", vec![I(1)], vec![("a", I(2))], "21"),
        ("{}{a}{}", vec![I(1), I(2)], vec![("a", I(3))], "132"),
        ("{0.}", vec![I(1)], vec![], "ValueError: Empty attribute in format string"),
        ("{0[]}", vec![I(1)], vec![], "ValueError: Empty attribute in format string"),
        ("{0[0]x}", vec![L(vec![I(1)])], vec![], "ValueError: Only '.' or '[' may follow ']' in format field specifier"),
        ("{0[0}", vec![L(vec![I(1)])], vec![], "ValueError: expected '}' before end of string"),
        ("{0.a.b}", vec![O(vec![("a".into(), I(5)), ("b".into(), L(vec![I(1), I(2)])), ("c".into(), O(vec![("d".into(), S("deep".into()))]))])], vec![], "AttributeError: 'int' object has no attribute 'b'"),
        ("{0.b[1]}", vec![O(vec![("a".into(), I(5)), ("b".into(), L(vec![I(1), I(2)])), ("c".into(), O(vec![("d".into(), S("deep".into()))]))])], vec![], "2"),
        ("{0.c.d!r:>8}", vec![O(vec![("a".into(), I(5)), ("b".into(), L(vec![I(1), I(2)])), ("c".into(), O(vec![("d".into(), S("deep".into()))]))])], vec![], "  'deep'"),
        ("{0[a]}", vec![D(vec![("a".into(), I(1))])], vec![], "1"),
        ("{0[-1]}", vec![D(vec![("-1".into(), S("s".into()))])], vec![], "s"),
        ("{0[ 1]}", vec![D(vec![(" 1".into(), S("s".into()))])], vec![], "s"),
        ("{!r}", vec![S("a".into())], vec![], "'a'"),
        ("{!x}", vec![S("a".into())], vec![], "ValueError: Unknown conversion specifier x"),
        ("{!}", vec![S("a".into())], vec![], "ValueError: unmatched '{' in format spec"),
        ("{!rr}", vec![S("a".into())], vec![], "ValueError: expected ':' after conversion specifier"),
        ("{!r:}", vec![S("a".into())], vec![], "'a'"),
        ("{0!r:>5}", vec![S("a".into())], vec![], "  'a'"),
        ("{:{}}", vec![S("a".into()), I(5)], vec![], "a    "),
        ("{:{}{}}", vec![S("a".into()), S(">".into()), I(5)], vec![], "    a"),
        ("{:{:{}}}", vec![I(1), I(2), I(3)], vec![], "ValueError: Max string recursion exceeded"),
        ("{0:{1}}", vec![S("a".into()), I(5)], vec![], "a    "),
        ("{:{}}{}", vec![S("a".into()), I(5), S("b".into())], vec![], "a    b"),
        ("{", vec![], vec![], "ValueError: Single '{' encountered in format string"),
        ("}", vec![], vec![], "ValueError: Single '}' encountered in format string"),
        ("a{", vec![], vec![], "ValueError: Single '{' encountered in format string"),
        ("{{", vec![], vec![], "{"),
        ("}}", vec![], vec![], "}"),
        ("{{}}", vec![], vec![], "{}"),
        ("{{{}}}", vec![I(1)], vec![], "{1}"),
        ("{0", vec![I(1)], vec![], "ValueError: expected '}' before end of string"),
        ("{0:", vec![I(1)], vec![], "ValueError: unmatched '{' in format spec"),
        ("{0!", vec![I(1)], vec![], "ValueError: end of string while looking for conversion specifier"),
        ("{0!r", vec![I(1)], vec![], "ValueError: unmatched '{' in format spec"),
        ("{0:{", vec![I(1)], vec![], "ValueError: unmatched '{' in format spec"),
        ("{0{}", vec![I(1)], vec![], "ValueError: unexpected '{' in field name"),
        ("{a{}", vec![I(1)], vec![], "ValueError: unexpected '{' in field name"),
        ("x}y", vec![], vec![], "ValueError: Single '}' encountered in format string"),
        ("{}}", vec![I(1)], vec![], "ValueError: Single '}' encountered in format string"),
        ("{\u{663}}", vec![I(0), I(1), I(2), I(3)], vec![], "3"),
        ("{00}", vec![S("z".into())], vec![], "z"),
        ("{99999999999999999999}", vec![I(1)], vec![], "ValueError: Too many decimal digits in format string"),
        ("{0[99999999999999999999]}", vec![L(vec![I(1)])], vec![], "ValueError: Too many decimal digits in format string"),
        ("{:}", vec![I(1)], vec![], "1"),
        ("{:>{w}}", vec![S("a".into())], vec![("w", I(3))], "  a"),
        ("{0!\u{1}}", vec![I(1)], vec![], "ValueError: Unknown conversion specifier \\x1"),
        ("{0!\u{e9}}", vec![I(1)], vec![], "ValueError: Unknown conversion specifier \\xe9"),
        ("{0!\u{0}}", vec![I(1)], vec![], "1"),
        ("{0! }", vec![I(1)], vec![], "ValueError: Unknown conversion specifier \\x20"),
        ("{0.}}", vec![I(1)], vec![], "ValueError: Empty attribute in format string"),
        ("{[}", vec![I(1)], vec![], "ValueError: expected '}' before end of string"),
        ("{0]}", vec![D(vec![])], vec![], "KeyError: '0]'"),
        ("{:}}", vec![I(1)], vec![], "ValueError: Single '}' encountered in format string"),
        ("{0[0]!r}", vec![L(vec![S("x".into())])], vec![], "'x'"),
        ("{[0]}", vec![L(vec![I(7)])], vec![], "7"),
        ("{0!r:{1}} }", vec![I(1), I(2)], vec![], "ValueError: Single '}' encountered in format string"),
        ("{:{!r}}", vec![I(1), I(2)], vec![], " 1"),
        ("{!r:{!r}}", vec![I(1), I(2)], vec![], "1 "),
        ("{0:{a}{b}}", vec![I(1)], vec![("a", S(">".into())), ("b", I(4))], "   1"),
        ("{0.x:{}}", vec![I(1)], vec![], "AttributeError: 'int' object has no attribute 'x'"),
        ("{a.c.d}", vec![], vec![("a", O(vec![("a".into(), I(5)), ("b".into(), L(vec![I(1), I(2)])), ("c".into(), O(vec![("d".into(), S("deep".into()))]))]))], "deep"),
        ("\u{e9}{0}\u{20ac}{1:*^7}\u{fc}", vec![S("\u{df}".into()), S("\u{f1}".into())], vec![], "\u{e9}\u{df}\u{20ac}***\u{f1}***\u{fc}"),
        ("{a!x}", vec![], vec![], "KeyError: 'a'"),
        ("{0:{1}}", vec![S("a".into())], vec![], "IndexError: Replacement index 1 out of range for positional args tuple"),
        ("{:>{}}{}", vec![S("a".into()), I(3)], vec![], "IndexError: Replacement index 2 out of range for positional args tuple"),
        ("{0[1][0]}", vec![L(vec![I(0), L(vec![S("in".into())])])], vec![], "in"),
        ("{0:,}", vec![I(1234567)], vec![], "1,234,567"),
        ("{0:#x} {0:08b}", vec![I(255)], vec![], "0xff 11111111"),
        ("{:d}", vec![S("x".into())], vec![], "ValueError: Unknown format code 'd' for object of type 'str'"),
        ("", vec![], vec![], ""),
        ("plain", vec![], vec![], "plain"),
        ("{0[0].a}", vec![L(vec![O(vec![("a".into(), I(5)), ("b".into(), L(vec![I(1), I(2)])), ("c".into(), O(vec![("d".into(), S("deep".into()))]))])])], vec![], "5"),
    ];
    for (template, args, kwargs, want) in cases {
        let mut m = Mock { args, kwargs };
        let got = render(template, &mut m).unwrap_or_else(shown);
        assert_eq!(got, want, "{template:?}");
    }
}

type Piece = (
    &'static str,
    Option<(&'static str, &'static str, Option<char>)>,
);

#[test]
fn parser_matches_formatter_parser() {
    let cases: Vec<(&str, Result<Vec<Piece>, &str>)> = vec![
        (
            "a{0!r:>{1}}b{{c}}d{}",
            Ok(vec![
                ("a", Some(("0", ">{1}", Some('r')))),
                ("b{", None),
                ("c}", None),
                ("d", Some(("", "", None))),
            ]),
        ),
        ("ab", Ok(vec![("ab", None)])),
        ("{}", Ok(vec![("", Some(("", "", None)))])),
        ("a{{", Ok(vec![("a{", None)])),
        ("{:}", Ok(vec![("", Some(("", "", None)))])),
        ("{!s}", Ok(vec![("", Some(("", "", Some('s'))))])),
        (
            "x{0.a[b]:{c}d}y",
            Ok(vec![("x", Some(("0.a[b]", "{c}d", None))), ("y", None)]),
        ),
        ("{0!\u{0}}", Ok(vec![("", Some(("0", "", None)))])),
        ("}}{{", Ok(vec![("}", None), ("{", None)])),
        ("{a{b}", Err("ValueError: unexpected '{' in field name")),
        (
            "q{!r}}",
            Err("ValueError: Single '}' encountered in format string"),
        ),
    ];
    for (template, want) in cases {
        let got: Result<Vec<Piece>, String> = Parser::new(template)
            .map(|c| {
                c.map(|c| {
                    let f = c.field.map(|f| (f.name, f.spec, f.conversion));
                    (c.literal, f)
                })
            })
            .collect::<TextResult<Vec<_>>>()
            .map_err(shown);
        assert_eq!(got, want.map_err(String::from), "{template:?}");
    }
}

#[derive(Debug, PartialEq)]
enum First {
    Fi(usize),
    Fn(&'static str),
}
use First::*;

#[derive(Debug, PartialEq)]
enum Acc {
    A(&'static str),
    Ix(usize),
    K(&'static str),
}
use Acc::*;

type Split = Result<(First, Vec<Acc>), &'static str>;

#[test]
fn field_name_split_matches_cpython() {
    let cases: Vec<(&'static str, Split)> = vec![
        (
            "a.b[0][x].c",
            Ok((Fn("a"), vec![A("b"), Ix(0), K("x"), A("c")])),
        ),
        ("", Ok((Fn(""), vec![]))),
        ("12[3]", Ok((Fi(12), vec![Ix(3)]))),
        ("a[0", Err("ValueError: Missing ']' in format string")),
        ("a.", Err("ValueError: Empty attribute in format string")),
        ("a[]", Err("ValueError: Empty attribute in format string")),
        (
            "a[0]b",
            Err("ValueError: Only '.' or '[' may follow ']' in format field specifier"),
        ),
        ("\u{663}.x", Ok((Fi(3), vec![A("x")]))),
        (
            "a.99999999999999999999",
            Ok((Fn("a"), vec![A("99999999999999999999")])),
        ),
        (
            "a[99999999999999999999]",
            Err("ValueError: Too many decimal digits in format string"),
        ),
        ("[x]", Ok((Fn(""), vec![K("x")]))),
        ("x]", Ok((Fn("x]"), vec![]))),
        (".a", Ok((Fn(""), vec![A("a")]))),
    ];
    for (name, want) in cases {
        let got = split_field_name(name, None)
            .and_then(|(first, rest)| {
                let first = match first {
                    ArgRef::Index(i) => Fi(i),
                    ArgRef::Name(n) => Fn(n),
                };
                let rest = rest
                    .map(|a| {
                        a.map(|a| match a {
                            Accessor::Attr(s) => A(s),
                            Accessor::Index(i) => Ix(i),
                            Accessor::Key(s) => K(s),
                        })
                    })
                    .collect::<TextResult<Vec<_>>>()?;
                Ok((first, rest))
            })
            .map_err(shown);
        assert_eq!(got, want.map_err(String::from), "{name:?}");
    }
}

#[test]
fn conversions() {
    assert_eq!(conversion('r'), Ok(Conversion::Repr));
    assert_eq!(
        conversion(' ').unwrap_err().msg,
        "Unknown conversion specifier \\x20"
    );
    assert_eq!(
        conversion('\x7f').unwrap_err().msg,
        "Unknown conversion specifier \\x7f"
    );
    assert_eq!(
        conversion('~').unwrap_err().msg,
        "Unknown conversion specifier ~"
    );
}
