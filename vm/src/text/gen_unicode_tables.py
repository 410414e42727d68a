"""Writes unicode_tables.rs and case_tables.rs from CPython's own Unicode database.

Run with the CPython whose behaviour hotpy copies (3.11, Unicode 14.0.0):
    python3 vm/src/text/gen_unicode_tables.py
It writes both files beside itself and runs rustfmt on them.
Every table is read off str methods, so it holds what CPython does, not what the
Unicode files say CPython should do.
"""

import os
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

ALL = [c for c in range(0x110000) if not 0xD800 <= c < 0xE000]


def ranges(pred):
    out, start, prev = [], None, None
    for c in ALL:
        if pred(chr(c)):
            if start is None or c != prev + 1:
                if start is not None:
                    out.append((start, prev))
                start = c
            prev = c
    if start is not None:
        out.append((start, prev))
    return out


def final_sigma(s):
    return s.lower().endswith("\u03c2")


def case_ignorable(ch):
    # 'A' is cased and '1' is neither: a final sigma after ch sees through ch only
    # when ch is case-ignorable (or is cased itself, which the second test rules out).
    return final_sigma("A" + ch + "\u03a3") and not final_sigma("1" + ch + "\u03a3")


def emit_ranges(name, doc, rs):
    body = " ".join(f"0x{a:X}, 0x{b:X}," for a, b in rs)
    print(f"/// {doc}")
    print(f"pub const {name}: &[u32] = &[{body}];")
    print()


def rust_str(s):
    return '"' + "".join(c if c.isascii() and c.isalnum() else f"\\u{{{ord(c):x}}}"
                         for c in s) + '"'


def header(what):
    ver = unicodedata.unidata_version
    print(f"//! {what} read off CPython {sys.version.split()[0]} (Unicode {ver})")
    print("//! by `gen_unicode_tables.py`; do not edit.")


def ranges_file():
    ver = unicodedata.unidata_version
    header("Character-class tables")
    print("//!")
    print("//! Range tables are flat `[start0, end0, start1, end1, ...]` lists, sorted and")
    print("//! disjoint, ends inclusive; `super::unicode` searches them.")
    print()
    print(f'pub const UNICODE_VERSION: &str = "{ver}";')
    print()
    emit_ranges("ALPHA", "`str.isalpha` per char: categories Lu Ll Lt Lm Lo.",
                ranges(str.isalpha))
    dec = ranges(str.isdecimal)
    for a, b in dec:
        assert unicodedata.decimal(chr(a)) == 0 and (b - a + 1) % 10 == 0, hex(a)
    emit_ranges("DECIMAL", "`str.isdecimal` per char (category Nd); runs of ten from 0 to 9.", dec)
    emit_ranges("DIGIT", "`str.isdigit` per char: Numeric_Type Decimal or Digit.",
                ranges(str.isdigit))
    emit_ranges("NUMERIC", "`str.isnumeric` per char: any Numeric_Type.",
                ranges(str.isnumeric))
    emit_ranges("PRINTABLE", "`str.isprintable` per char.", ranges(str.isprintable))
    emit_ranges("CASE_IGNORABLE", "Case_Ignorable, as CPython's final-sigma rule sees it.",
                ranges(case_ignorable))
    emit_ranges("CASED", "Cased, as `str.title` sees it.",
                ranges(lambda ch: (ch + "a").title().endswith("a")))


def case_file():
    header("Case-mapping tables")
    print()
    print("/// Full title-case mappings that differ from the full upper-case mapping.")
    print("pub const TITLE: &[(char, &str)] = &[")
    for c in ALL:
        ch = chr(c)
        if ch.title() != ch.upper():
            print(f"    ('\\u{{{c:x}}}', {rust_str(ch.title())}),")
    print("];")
    print()
    print("/// Full case foldings that differ from the full lower-case mapping.")
    print("pub const FOLD: &[(char, &str)] = &[")
    for c in ALL:
        ch = chr(c)
        if ch.casefold() != ch.lower():
            print(f"    ('\\u{{{c:x}}}', {rust_str(ch.casefold())}),")
    print("];")


def write(name, fn):
    path = os.path.join(HERE, name)
    with open(path, "w") as f:
        old, sys.stdout = sys.stdout, f
        try:
            fn()
        finally:
            sys.stdout = old
    subprocess.run(["rustfmt", "--edition", "2021", path], check=True)


write("unicode_tables.rs", ranges_file)
write("case_tables.rs", case_file)
