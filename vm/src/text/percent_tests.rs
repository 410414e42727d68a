//! Tests of `percent`: a mock VM and tables of cases whose expected output python3
//! produced: each row is `(fmt, arg, repr-free result of fmt % arg)`, or "Type: message"
//! when python3 raised.

use super::*;
use crate::num::fmt::float_repr;
use crate::text::error::ExcType;
use crate::text::repr::{ascii_escape, repr_bytes, repr_str};

/// A stand-in for VM objects.
#[derive(Clone, Debug)]
enum V {
    N,
    Bo(bool),
    I(i128),
    F(f64),
    S(String),
    B(Vec<u8>),
    T(Vec<V>),
    L(Vec<V>),
    D(Vec<(V, V)>),
}
use V::*;

fn repr(v: &V) -> String {
    let join = |items: &[V]| items.iter().map(repr).collect::<Vec<_>>().join(", ");
    match v {
        N => "None".into(),
        Bo(b) => if *b { "True" } else { "False" }.into(),
        I(n) => n.to_string(),
        F(x) => float_repr(*x),
        S(s) => repr_str(s),
        B(b) => repr_bytes(b),
        T(t) if t.len() == 1 => format!("({},)", repr(&t[0])),
        T(t) => format!("({})", join(t)),
        L(l) => format!("[{}]", join(l)),
        D(d) => {
            let items: Vec<String> = d
                .iter()
                .map(|(k, v)| format!("{}: {}", repr(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
    }
}

struct Mock {
    arg: V,
    bytes_mode: bool,
}

impl PercentArgs for Mock {
    type Value = V;
    type Error = TextError;

    fn tuple_len(&self) -> Option<usize> {
        match &self.arg {
            T(t) => Some(t.len()),
            _ => None,
        }
    }
    fn tuple_item(&mut self, i: usize) -> V {
        match &self.arg {
            T(t) => t[i].clone(),
            _ => N,
        }
    }
    fn whole(&mut self) -> V {
        self.arg.clone()
    }
    fn is_mapping(&self) -> bool {
        matches!(self.arg, D(_) | L(_)) || (!self.bytes_mode && matches!(self.arg, B(_)))
    }
    fn get_item(&mut self, key: PercentKey<'_>) -> Result<V, TextError> {
        let key = match key {
            PercentKey::Str(s) => S(s.into()),
            PercentKey::Bytes(b) => B(b.to_vec()),
        };
        match &self.arg {
            D(d) => d
                .iter()
                .find(|(k, _)| repr(k) == repr(&key))
                .map(|(_, v)| v.clone())
                .ok_or_else(|| TextError::new(ExcType::KeyError, repr(&key))),
            _ => Err(TextError::type_error(
                "list indices must be integers or slices, not str",
            )),
        }
    }
    fn type_name(&mut self, v: &V) -> String {
        let n = match v {
            N => "NoneType",
            Bo(_) => "bool",
            I(_) => "int",
            F(_) => "float",
            S(_) => "str",
            B(_) => "bytes",
            T(_) => "tuple",
            L(_) => "list",
            D(_) => "dict",
        };
        n.into()
    }
    fn str_of(&mut self, v: &V) -> Result<String, TextError> {
        Ok(match v {
            S(s) => s.clone(),
            v => repr(v),
        })
    }
    fn repr_of(&mut self, v: &V) -> Result<String, TextError> {
        Ok(repr(v))
    }
    fn ascii_of(&mut self, v: &V) -> Result<String, TextError> {
        Ok(ascii_escape(&repr(v)))
    }
    fn bytes_of(&mut self, v: &V) -> Result<Option<Vec<u8>>, TextError> {
        Ok(match v {
            B(b) => Some(b.clone()),
            _ => None,
        })
    }
    fn int_of(&mut self, v: &V, want: IntWant) -> Result<Option<BigInt>, TextError> {
        Ok(match v {
            I(n) => Some(BigInt::from(*n)),
            Bo(b) => Some(BigInt::from(*b as u8)),
            F(x) if want == IntWant::Number => {
                if x.is_infinite() {
                    return Err(TextError::overflow(
                        "cannot convert float infinity to integer",
                    ));
                }
                Some(BigInt::from(*x as i128))
            }
            _ => None,
        })
    }
    fn float_of(&mut self, v: &V) -> Result<Option<f64>, TextError> {
        Ok(match v {
            I(n) => Some(*n as f64),
            Bo(b) => Some(*b as u8 as f64),
            F(x) => Some(*x),
            _ => None,
        })
    }
    fn char_of(&mut self, v: &V) -> Result<CharArg, TextError> {
        Ok(match v {
            S(s) => CharArg::Str(s.clone()),
            B(b) => CharArg::Bytes(b.clone()),
            I(n) => CharArg::Int(BigInt::from(*n)),
            Bo(b) => CharArg::Int(BigInt::from(*b as u8)),
            _ => CharArg::Other,
        })
    }
}

fn shown(e: TextError) -> String {
    format!("{}: {}", e.exc.name(), e.msg)
}

#[test]
fn str_formats() {
    let cases: &[(&str, V, &str)] = &[
        ("%ld", I(5), "5"),
        (
            "%5%",
            T(vec![]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%5%",
            T(vec![I(1)]),
            "ValueError: unsupported format character '%' (0x25) at index 2",
        ),
        (
            "%y",
            T(vec![]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%y",
            I(1),
            "ValueError: unsupported format character 'y' (0x79) at index 1",
        ),
        ("%05f", F(f64::INFINITY), "00inf"),
        ("%05s", S("ab".into()), "   ab"),
        ("%#x", I(-31), "-0x1f"),
        ("%#08x", I(-31), "-0x0001f"),
        ("%-#08x|", I(31), "0x1f    |"),
        ("%+ d", I(5), "+5"),
        ("% 05d", I(5), " 0005"),
        ("%.3d", I(-5), "-005"),
        ("%#.3x", I(5), "0x005"),
        ("%#o", I(8), "0o10"),
        (
            "%x",
            F(3.5),
            "TypeError: %x format: an integer is required, not float",
        ),
        (
            "%d",
            S("a".into()),
            "TypeError: %d format: a real number is required, not str",
        ),
        (
            "%f",
            S("a".into()),
            "TypeError: must be real number, not str",
        ),
        ("%c", S("ab".into()), "TypeError: %c requires int or char"),
        (
            "%c",
            I(1114112),
            "OverflowError: %c arg not in range(0x110000)",
        ),
        ("%c", F(1.5), "TypeError: %c requires int or char"),
        (
            "%z",
            I(1),
            "ValueError: unsupported format character 'z' (0x7a) at index 1",
        ),
        (
            "ab%\u{e9}",
            I(1),
            "ValueError: unsupported format character '?' (0xe9) at index 3",
        ),
        (
            "ab%\u{1f}",
            I(1),
            "ValueError: unsupported format character '\u{1f}' (0x1f) at index 3",
        ),
        (
            "ab%\u{1e}",
            I(1),
            "ValueError: unsupported format character '?' (0x1e) at index 3",
        ),
        ("abc", L(vec![I(1)]), "abc"),
        (
            "abc",
            I(5),
            "TypeError: not all arguments converted during string formatting",
        ),
        ("abc", T(vec![]), "abc"),
        (
            "%s %s",
            T(vec![I(1)]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%s",
            T(vec![I(1), I(2)]),
            "TypeError: not all arguments converted during string formatting",
        ),
        ("%(a)s", I(5), "TypeError: format requires a mapping"),
        (
            "%(a",
            D(vec![(S("a".into()), I(1))]),
            "ValueError: incomplete format key",
        ),
        (
            "%(a)s %s",
            D(vec![(S("a".into()), I(1))]),
            "TypeError: not enough arguments for format string",
        ),
        ("%s", D(vec![(S("a".into()), I(1))]), "{'a': 1}"),
        (
            "%(a)*d",
            D(vec![(S("a".into()), I(1))]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%*d",
            T(vec![S("a".into()), I(1)]),
            "TypeError: * wants int",
        ),
        ("%*d", T(vec![I(-5), I(1)]), "1    "),
        ("%.*f", T(vec![I(-2), F(1.5)]), "2"),
        ("%", T(vec![]), "ValueError: incomplete format"),
        ("a%", T(vec![]), "ValueError: incomplete format"),
        ("%5", I(1), "ValueError: incomplete format"),
        ("%.", I(1), "ValueError: incomplete format"),
        ("%-", I(1), "ValueError: incomplete format"),
        (
            "%(a)",
            D(vec![(S("a".into()), I(1))]),
            "ValueError: incomplete format",
        ),
        ("%.f", F(1.5), "2"),
        ("%#.0f", F(2.0), "2."),
        ("%#g", F(2.0), "2.00000"),
        ("%g", F(1e+20), "1e+20"),
        ("%r", S("a".into()), "'a'"),
        ("%.2r", S("abc".into()), "'a"),
        ("%a", S("\u{e9}".into()), "'\\xe9'"),
        ("%d", Bo(true), "1"),
        ("%x", Bo(true), "1"),
        ("%s", Bo(true), "True"),
        ("%10.4s|", S("abcdefg".into()), "      abcd|"),
        ("%-10d|", I(5), "5         |"),
        ("%0-5d|", I(5), "5    |"),
        ("%i %u", T(vec![I(1), I(2)]), "1 2"),
        ("%e", F(12345.678), "1.234568e+04"),
        ("%E", F(1e-10), "1.000000E-10"),
        ("%G", F(f64::NAN), "NAN"),
        ("%F", F(f64::INFINITY), "INF"),
        ("%+f", F(f64::NAN), "+nan"),
        ("%010.2f", F(-2.34567), "-000002.35"),
        ("%*.*f", T(vec![I(10), I(2), F(2.34567)]), "      2.35"),
        ("%c", I(233), "\u{e9}"),
        ("%5c|", S("x".into()), "    x|"),
        ("%(a)s%(a)s", D(vec![(S("a".into()), I(1))]), "11"),
        ("%s %(a)s", D(vec![(S("a".into()), I(1))]), "{'a': 1} 1"),
        ("%((a))s", D(vec![(S("(a)".into()), I(2))]), "2"),
        ("%d", I(1180591620717411303424), "1180591620717411303424"),
        ("%o", I(-8), "-10"),
        ("%X", I(255), "FF"),
        ("%#X", I(255), "0XFF"),
        (
            "%s",
            T(vec![]),
            "TypeError: not enough arguments for format string",
        ),
        ("%d", F(3.7), "3"),
        (
            "%x",
            F(3.7),
            "TypeError: %x format: an integer is required, not float",
        ),
        ("%%", T(vec![]), "%"),
        (
            "%%",
            I(5),
            "TypeError: not all arguments converted during string formatting",
        ),
        ("%s%%", I(5), "5%"),
        ("%#5o", I(8), " 0o10"),
        ("%05x", I(-255), "-00ff"),
        ("%#05x", I(255), "0x0ff"),
        ("%+#x", I(255), "+0xff"),
        ("% x", I(255), " ff"),
        ("%+s", S("a".into()), "a"),
        ("%.0s", S("abc".into()), ""),
        ("%.3c", S("x".into()), "x"),
        ("%#d", I(5), "5"),
        ("%c", I(-1), "OverflowError: %c arg not in range(0x110000)"),
        (
            "%(x)z",
            D(vec![(S("x".into()), I(1))]),
            "ValueError: unsupported format character 'z' (0x7a) at index 4",
        ),
        (
            "%s %y",
            T(vec![I(1)]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%(a)%",
            D(vec![(S("a".into()), I(1))]),
            "ValueError: unsupported format character '%' (0x25) at index 4",
        ),
        ("%%%", T(vec![]), "ValueError: incomplete format"),
        ("%*", T(vec![I(1)]), "ValueError: incomplete format"),
        ("%l", I(1), "ValueError: incomplete format"),
        ("%hd", I(1), "1"),
        ("%Ld", I(1), "1"),
        (
            "%lld",
            I(1),
            "ValueError: unsupported format character 'l' (0x6c) at index 2",
        ),
        ("%5l", I(1), "ValueError: incomplete format"),
        ("%s", L(vec![I(1)]), "[1]"),
        (
            "%s %s",
            L(vec![I(1)]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%(0)s",
            L(vec![I(1)]),
            "TypeError: list indices must be integers or slices, not str",
        ),
        ("%#5.3x|", I(5), "0x005|"),
        ("%-#5.3x|", I(5), "0x005|"),
        ("%0#5.3x|", I(5), "0x005|"),
        ("%+.3d", I(5), "+005"),
        ("%010.3d", I(-5), "-000000005"),
        ("%c", Bo(true), "\u{1}"),
        ("%.1c", I(65), "A"),
        ("%5.1s|", S("\u{e9}\u{20ac}".into()), "    \u{e9}|"),
        ("%r", S("x\n".into()), "'x\\n'"),
        ("%a", S("\u{1f600}".into()), "'\\U0001f600'"),
        (
            "%*d",
            T(vec![I(9223372036854775808), I(1)]),
            "OverflowError: Python int too large to convert to C ssize_t",
        ),
        (
            "%.*d",
            T(vec![I(2147483648), I(1)]),
            "OverflowError: Python int too large to convert to C int",
        ),
        ("%*d", T(vec![Bo(true), I(5)]), "5"),
        ("%*d", T(vec![F(1.0), I(5)]), "TypeError: * wants int"),
        ("%s", N, "None"),
        ("%.2147483648d", I(1), "ValueError: precision too big"),
        ("%9223372036854775808d", I(1), "ValueError: width too big"),
        ("%.*d", T(vec![I(-1), I(5)]), "5"),
        ("%.*s", T(vec![I(-1), S("abc".into())]), ""),
        (
            "%*.*s",
            T(vec![I(3)]),
            "TypeError: not enough arguments for format string",
        ),
        (
            "%(a)s %(b)s",
            D(vec![(S("a".into()), I(1))]),
            "KeyError: 'b'",
        ),
        ("%-+08.3f|", F(2.34567), "+2.346  |"),
        ("%+08.3f|", F(2.34567), "+002.346|"),
        ("% 8.3f|", F(2.34567), "   2.346|"),
        ("%#8.0e|", F(2.34567), "  2.e+00|"),
        ("%.0e", F(25.0), "2e+01"),
        ("%.3g", F(0.0001234), "0.000123"),
        ("%#.3g", F(1.0), "1.00"),
        ("%g", F(0.0), "0"),
        ("%.0g", F(1234.5), "1e+03"),
        ("%.1f", F(0.25), "0.2"),
        ("%e", F(f64::NEG_INFINITY), "-inf"),
        ("%010e", F(f64::NEG_INFINITY), "-000000inf"),
        ("%-10f|", F(f64::NAN), "nan       |"),
        ("% f", F(1.0), " 1.000000"),
        (
            "%x",
            I(1267650600228229401496703205376),
            "10000000000000000000000000",
        ),
        ("%f", F(-0.0), "-0.000000"),
        ("%05c|", S("x".into()), "    x|"),
        ("%05r|", S("x".into()), "  'x'|"),
        ("%.0c|", S("x".into()), "x|"),
        ("%+c", S("x".into()), "x"),
        (
            "%c",
            I(1267650600228229401496703205376),
            "OverflowError: %c arg not in range(0x110000)",
        ),
        ("%c", S("".into()), "TypeError: %c requires int or char"),
        ("%(a)s %%", D(vec![(S("a".into()), I(1))]), "1 %"),
        (
            "%s %s",
            D(vec![(S("a".into()), I(1))]),
            "TypeError: not enough arguments for format string",
        ),
        ("%-+5d|", I(3), "+3   |"),
        ("%#-8o|", I(8), "0o10    |"),
        (
            "%s|%-6s|%6s",
            T(vec![
                S("\u{e9}".into()),
                S("\u{e9}\u{20ac}".into()),
                S("\u{20ac}".into()),
            ]),
            "\u{e9}|\u{e9}\u{20ac}    |     \u{20ac}",
        ),
        (
            "%(\u{e9})s",
            D(vec![(S("\u{e9}".into()), S("\u{fc}".into()))]),
            "\u{fc}",
        ),
        ("abc", B(b"x".to_vec()), "abc"),
        (
            "abc",
            S("x".into()),
            "TypeError: not all arguments converted during string formatting",
        ),
        ("%s", B(b"x".to_vec()), "b'x'"),
        (
            "%d",
            F(f64::INFINITY),
            "OverflowError: cannot convert float infinity to integer",
        ),
        (
            "%i",
            N,
            "TypeError: %i format: a real number is required, not NoneType",
        ),
        (
            "%u",
            S("x".into()),
            "TypeError: %u format: a real number is required, not str",
        ),
        (
            "%X",
            S("x".into()),
            "TypeError: %X format: an integer is required, not str",
        ),
        (
            "%o",
            F(1.0),
            "TypeError: %o format: an integer is required, not float",
        ),
        ("%g", N, "TypeError: must be real number, not NoneType"),
    ];
    for (fmt, arg, want) in cases {
        let mut m = Mock {
            arg: arg.clone(),
            bytes_mode: false,
        };
        let got = format_str(fmt, &mut m).unwrap_or_else(shown);
        assert_eq!(got, *want, "{fmt:?} % {arg:?}");
    }
}

#[test]
fn bytes_formats() {
    let cases: &[(&[u8], V, &str)] = &[
        (&b"%z"[..], I(1), "ValueError: unsupported format character 'z' (0x7a) at index 1"),
        (&b"%\xff"[..], I(1), "OverflowError: character argument not in range(0x110000)"),
        (&b"%\x7f"[..], I(1), "ValueError: unsupported format character '\u{7f}' (0x7f) at index 1"),
        (&b"%s"[..], T(vec![B(b"a".to_vec()), I(1)]), "TypeError: not all arguments converted during bytes formatting"),
        (&b"%s"[..], S("a".into()), "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'"),
        (&b"%c"[..], I(256), "OverflowError: %c arg not in range(256)"),
        (&b"%c"[..], B(b"ab".to_vec()), "TypeError: %c requires an integer in range(256) or a single byte"),
        (&b"%c"[..], S("a".into()), "TypeError: %c requires an integer in range(256) or a single byte"),
        (&b"%r"[..], S("\u{e9}".into()), "b\"'\\\\xe9'\""),
        (&b"%b"[..], B(b"x".to_vec()), "b'x'"),
        (&b"%a"[..], I(3), "b'3'"),
        (&b"%x"[..], I(255), "b'ff'"),
        (&b"%s"[..], N, "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'NoneType'"),
        (&b"%d"[..], F(1.5), "b'1'"),
        (&b"%i"[..], S("a".into()), "TypeError: %d format: a real number is required, not str"),
        (&b"%u"[..], S("a".into()), "TypeError: %u format: a real number is required, not str"),
        (&b"%5s"[..], B(b"ab".to_vec()), "b'   ab'"),
        (&b"%-5b|"[..], B(b"ab".to_vec()), "b'ab   |'"),
        (&b"%.1s"[..], B(b"ab".to_vec()), "b'a'"),
        (&b"%(a)s"[..], D(vec![(B(b"a".to_vec()), B(b"x".to_vec()))]), "b'x'"),
        (&b"%(a)s"[..], D(vec![(S("a".into()), B(b"x".to_vec()))]), "KeyError: b'a'"),
        (&b"abc"[..], B(b"x".to_vec()), "TypeError: not all arguments converted during bytes formatting"),
        (&b"abc"[..], D(vec![(S("a".into()), I(1))]), "b'abc'"),
        (&b"abc"[..], S("x".into()), "TypeError: not all arguments converted during bytes formatting"),
        (&b"%c"[..], B(b"a".to_vec()), "b'a'"),
        (&b"%c"[..], I(65), "b'A'"),
        (&b"%r"[..], B(b"x".to_vec()), "b\"b'x'\""),
        (&b"%(a"[..], D(vec![(B(b"a".to_vec()), I(1))]), "ValueError: incomplete format key"),
        (&b"%(a)s"[..], I(5), "TypeError: format requires a mapping"),
        (&b"%*d"[..], T(vec![S("a".into()), I(1)]), "TypeError: * wants int"),
        (&b"%"[..], T(vec![]), "ValueError: incomplete format"),
        (&b"%.*d"[..], T(vec![I(2147483648), I(1)]), "OverflowError: Python int too large to convert to C int"),
        (&b"%*d"[..], T(vec![I(9223372036854775808), I(1)]), "OverflowError: Python int too large to convert to C ssize_t"),
        (&b"%05c|"[..], B(b"x".to_vec()), "b'    x|'"),
        (&b"%.0c|"[..], B(b"x".to_vec()), "b'x|'"),
        (&b"%.1a"[..], S("abc".into()), "b\"'\""),
        (&b"%+s"[..], B(b"x".to_vec()), "b'x'"),
        (&b"%5%"[..], T(vec![I(1)]), "ValueError: unsupported format character '%' (0x25) at index 2"),
        (&b"%lld"[..], I(1), "ValueError: unsupported format character 'l' (0x6c) at index 2"),
        (&b"%hd"[..], I(1), "b'1'"),
        (&b"%s %s"[..], T(vec![B(b"a".to_vec())]), "TypeError: not enough arguments for format string"),
        (&b"%c"[..], I(1267650600228229401496703205376), "OverflowError: %c arg not in range(256)"),
        (&b"%c"[..], B(b"".to_vec()), "TypeError: %c requires an integer in range(256) or a single byte"),
        (&b"%99999999999999999999d"[..], I(1), "ValueError: width too big"),
        (&b"%.99999999999999999999d"[..], I(1), "ValueError: prec too big"),
        (&b"%x"[..], F(3.5), "TypeError: %x format: an integer is required, not float"),
        (&b"%d"[..], S("a".into()), "TypeError: %d format: a real number is required, not str"),
        (&b"%f"[..], S("a".into()), "TypeError: float argument required, not str"),
        (&b"%e"[..], F(1.5), "b'1.500000e+00'"),
        (&b"%#x"[..], I(255), "b'0xff'"),
        (&b"%a"[..], B(b"\xff".to_vec()), "b\"b'\\\\xff'\""),
        (&b"%c"[..], Bo(true), "b'\\x01'"),
        (&b"%s"[..], L(vec![I(1)]), "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'list'"),
        (&b"%%"[..], T(vec![]), "b'%'"),
        (&b"\xff%s\x80"[..], B(b"\x00".to_vec()), "b'\\xff\\x00\\x80'"),
    ];
    for (fmt, arg, want) in cases {
        let mut m = Mock {
            arg: arg.clone(),
            bytes_mode: true,
        };
        let got = match format_bytes(fmt, &mut m) {
            Ok(b) => repr_bytes(&b),
            Err(e) => shown(e),
        };
        assert_eq!(got, *want, "{:?} % {arg:?}", repr_bytes(fmt));
    }
}

#[test]
fn float_edges() {
    // python3: '%#.0g' % 1, '%#.2G' % 10.0, '%#+.G' % 1 -> '1.' '10.' '+1.'
    // len('%.70000f' % 2.5) -> 70002; len('%#.1200g' % 1e-300) -> 1206, ends '0e-300';
    // '%.100000g' % 2.5 -> '2.5'
    let run = |fmt: &str, arg: V| {
        let mut m = Mock {
            arg,
            bytes_mode: false,
        };
        format_str(fmt, &mut m).unwrap_or_else(shown)
    };
    assert_eq!(run("%#.0g", I(1)), "1.");
    assert_eq!(run("%#.2G", F(10.0)), "10.");
    assert_eq!(run("%#+.G", I(1)), "+1.");
    let big = run("%.70000f", F(2.5));
    assert_eq!((big.len(), &big[..5]), (70002, "2.500"));
    let big = run("%#.1200g", F(1e-300));
    assert_eq!((big.len(), &big[big.len() - 6..]), (1206, "0e-300"));
    assert_eq!(run("%.100000g", F(2.5)), "2.5");
}

#[test]
fn huge_width_is_memory_error() {
    let mut m = Mock {
        arg: I(1),
        bytes_mode: false,
    };
    let e = format_str("%9223372036854775807d", &mut m).unwrap_err();
    assert_eq!(e.exc, ExcType::MemoryError);
}
