//! Tests of `num::fmt`: expected values are what python3 (CPython 3.11) printed for
//! `repr(x)` and `format(x, spec)`; errors as "!message".

use super::*;

#[test]
fn repr_matches_cpython() {
    let cases = [
        (0.1, "0.1"),
        (1.0, "1.0"),
        (-0.0, "-0.0"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (0.0001, "0.0001"),
        (0.00001, "1e-05"),
        (1.5e-7, "1.5e-07"),
        (2.0f64.powi(60), "1.152921504606847e+18"),
        (1.0 / 3.0, "0.3333333333333333"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (1e22, "1e+22"),
        (5e-324, "5e-324"),
        (9999999999999998.0, "9999999999999998.0"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(x), want, "repr({x:e})");
    }
}

fn f(x: f64, spec: &str) -> String {
    format_float(x, &parse_spec(spec).unwrap()).unwrap()
}

#[test]
fn float_specs() {
    assert_eq!(f(2.34567, ".2f"), "2.35");
    assert_eq!(f(2.34567, "10.3f"), "     2.346");
    assert_eq!(f(-2.34567, "<10.1f"), "-2.3      ");
    assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
    assert_eq!(f(12345.678, "e"), "1.234568e+04");
    assert_eq!(f(0.000123, ".3g"), "0.000123");
    assert_eq!(f(123456789.0, "g"), "1.23457e+08");
    assert_eq!(f(100.0, "g"), "100");
    assert_eq!(f(0.25, "%"), "25.000000%");
    assert_eq!(f(0.5, ".0%"), "50%");
    assert_eq!(f(2.5, ".0f"), "2");
    assert_eq!(f(1.0, ".3"), "1.0");
    assert_eq!(f(1e20, ".3"), "1e+20");
    assert_eq!(f(42.0, "+"), "+42.0");
    assert_eq!(f(42.0, "08.2f"), "00042.00");
    assert_eq!(f(-42.0, "08.2f"), "-0042.00");
    assert_eq!(f(3.0, "^9.1f"), "   3.0   ");
    assert_eq!(f(f64::NAN, "f"), "nan");
    assert_eq!(f(1.5, ""), "1.5");
}

#[test]
fn int_and_str_specs() {
    let n = |v: u64, neg: bool, s: &str| {
        format_int_digits(neg, &num_bigint::BigUint::from(v), &parse_spec(s).unwrap()).unwrap()
    };
    assert_eq!(n(255, false, "x"), "ff");
    assert_eq!(n(255, false, "#X"), "0XFF");
    assert_eq!(n(5, false, "08b"), "00000101");
    assert_eq!(n(1234567, false, ","), "1,234,567");
    assert_eq!(n(1234567, true, "_"), "-1_234_567");
    assert_eq!(n(42, false, "*^8"), "***42***");
    assert_eq!(n(42, true, "=+8"), "-     42");
    let s = |x: &str, spec: &str| format_str(x, &parse_spec(spec).unwrap()).unwrap();
    assert_eq!(s("ab", ">5"), "   ab");
    assert_eq!(s("abcdef", ".3"), "abc");
    assert_eq!(s("ab", "-^6"), "--ab--");
    assert!(parse_spec(".").is_err());
    assert!(format_str("x", &parse_spec("d").unwrap()).is_err());
}

/// (value, spec, what python3 printed; errors as "!message").
#[test]
fn cpython_cases() {
    let cases: &[(f64, &str, &str)] = &[
        (1.0, "#.0g", "1."),
        (0.0, "#.0g", "0."),
        (1.0, "#.0e", "1.e+00"),
        (1.0, "#.0f", "1."),
        (1.0, "#.0%", "100.%"),
        (1e-5, "#", "1.e-05"),
        (123456.0, "#.3g", "1.23e+05"),
        (100.0, "#.3", "1.00e+02"),
        (0.1, "#.3", "0.100"),
        (1.5, ".0", "2e+00"),
        (12.0, ".1", "1e+01"),
        (123.0, ".3", "1.23e+02"),
        (1e16, ".17", "1e+16"),
        (0.1, ".30", "0.100000000000000005551115123126"),
        (-0.001, ".2f", "-0.00"),
        (-0.0001, "z.2f", "0.00"),
        (-0.0001, "z.2e", "-1.00e-04"),
        (-0.0, "z", "0.0"),
        (-0.4, "z.0%", "-40%"),
        (1234.5, "012,.2f", "0,001,234.50"),
        (1234.5, "011,.1f", "0,001,234.5"),
        (-1.5, "010", "-0000001.5"),
        (f64::INFINITY, "010,", "0000000inf"),
        (f64::INFINITY, "F", "INF"),
        (f64::NAN, "=+8", "+    nan"),
        (f64::NEG_INFINITY, "%", "-inf%"),
        (12345678.9, ",", "12,345,678.9"),
        (12345678.9, "_g", "1.23457e+07"),
        (12345.678, "n", "12345.7"),
        (1e300, ".3e", "1.000e+300"),
        (1.0, ".3000000000f", "!precision too big"),
        (
            1.0,
            "\x01",
            "!Unknown format code '\\x1' for object of type 'float'",
        ),
        (
            1.5,
            "xx",
            "!Invalid format specifier 'xx' for object of type 'float'",
        ),
        (1.0, ",n", "!Cannot specify ',' with 'n'."),
        (1.0, ",_", "!Cannot specify both ',' and '_'."),
        (1.0, "_,", "!Cannot specify both ',' and '_'."),
    ];
    for &(x, spec, want) in cases {
        let got = parse_spec(spec).and_then(|sp| format_float(x, &sp));
        let got = got.unwrap_or_else(|e| format!("!{e}"));
        assert_eq!(got, want, "format({x:?}, {spec:?})");
    }
    let big = format_float(2.5, &parse_spec(".70000f").unwrap()).unwrap();
    assert_eq!(big.len(), 70002);
    assert!(big.starts_with("2.5000"));
    let big = format_float(0.1, &parse_spec(".2000e").unwrap()).unwrap();
    assert!(big.ends_with("0000e-01") && big.starts_with("1.000000000000000055511"));
}

#[test]
fn int_and_str_errors() {
    let n = |v: u64, neg: bool, s: &str| {
        parse_spec(s)
            .and_then(|sp| format_int_digits(neg, &num_bigint::BigUint::from(v), &sp))
            .unwrap_or_else(|e| format!("!{e}"))
    };
    assert_eq!(n(1234, false, "09,"), "0,001,234");
    assert_eq!(n(1234, false, "08,"), "0,001,234");
    assert_eq!(n(1234, false, "07,"), "001,234");
    assert_eq!(n(1, false, "06_"), "00_001");
    assert_eq!(n(255, false, "#012_x"), "0x0_0000_00ff");
    assert_eq!(n(255, false, "#011_x"), "0x0000_00ff");
    assert_eq!(n(1234, true, "010,"), "-0,001,234");
    assert_eq!(n(1234, false, "x=10,"), "xxxxx1,234");
    assert_eq!(n(1, true, "010_b"), "-0000_0001");
    assert_eq!(n(1, false, "<05"), "10000");
    assert_eq!(n(1, true, "^05"), "0-100");
    assert_eq!(
        n(1, false, "abc"),
        "!Invalid format specifier 'abc' for object of type 'int'"
    );
    assert_eq!(n(1, false, ",x"), "!Cannot specify ',' with 'x'.");
    assert_eq!(n(1, false, "_c"), "!Cannot specify '_' with 'c'.");
    assert_eq!(n(1, false, ",\x01"), "!Cannot specify ',' with '\\x1'.");
    assert_eq!(
        n(1, false, "z"),
        "!Negative zero coercion (z) not allowed in integer format specifier"
    );
    assert_eq!(
        n(1, false, ".2"),
        "!Precision not allowed in integer format specifier"
    );
    assert_eq!(
        n(1, false, &"9".repeat(30)),
        "!Too many decimal digits in format string"
    );
    let s = |x: &str, spec: &str| {
        parse_spec(spec)
            .and_then(|sp| format_str(x, &sp))
            .unwrap_or_else(|e| format!("!{e}"))
    };
    assert_eq!(s("a", "05"), "a0000");
    assert_eq!(s("ab", "010"), "ab00000000");
    assert_eq!(s("ab", "x<5.1"), "axxxx");
    assert_eq!(s("ab", ".0"), "");
    assert_eq!(s("a", ","), "!Cannot specify ',' with 's'.");
    assert_eq!(s("a", " "), "!Space not allowed in string format specifier");
    assert_eq!(s("a", "+"), "!Sign not allowed in string format specifier");
    assert_eq!(
        s("a", "z"),
        "!Negative zero coercion (z) not allowed in string format specifier"
    );
    assert_eq!(
        s("a", "#"),
        "!Alternate form (#) not allowed in string format specifier"
    );
    assert_eq!(
        s("a", "="),
        "!'=' alignment not allowed in string format specifier"
    );
    assert_eq!(
        s("a", "=05"),
        "!'=' alignment not allowed in string format specifier"
    );
    assert_eq!(
        s("s", "zz"),
        "!Unknown format code 'z' for object of type 'str'"
    );
    assert_eq!(
        s("s", "99999999999999999999"),
        "!Too many decimal digits in format string"
    );
}
