//! Unit tests of the compiler: modes, name resolution, layouts the interpreter relies on,
//! CPython-compatible errors, and robustness (deep nesting, truncated input).

use super::code::{CodeUnit, Const};
use super::{compile, verify::verify, ErrorKind, Mode};
use crate::spec::{co, Op};

fn ok(src: &str) -> CodeUnit {
    match compile(src, "<test>", Mode::Exec) {
        Ok(u) => {
            if let Err(e) = verify(&u) {
                panic!("verify failed for {src:?}: {e}");
            }
            u
        }
        Err(e) => panic!("compile failed for {src:?}: {e}"),
    }
}

fn ops(u: &CodeUnit) -> Vec<Op> {
    u.instrs.iter().map(|i| i.op).collect()
}

fn code<'a>(u: &'a CodeUnit, name: &str) -> &'a CodeUnit {
    fn find<'a>(u: &'a CodeUnit, name: &str) -> Option<&'a CodeUnit> {
        if u.qualname == name {
            return Some(u);
        }
        u.consts.iter().find_map(|c| match c {
            Const::Code(c) => find(c, name),
            _ => None,
        })
    }
    find(u, name).unwrap_or_else(|| panic!("no code {name}"))
}

fn err(src: &str) -> (ErrorKind, String, u32) {
    match compile(src, "<test>", Mode::Exec) {
        Ok(_) => panic!("expected an error for {src:?}"),
        Err(e) => (e.kind, e.msg, e.lineno),
    }
}

#[test]
fn modes() {
    let m = ok("x = 1\n");
    assert_eq!(
        ops(&m),
        [
            Op::LOAD_CONST,
            Op::STORE_NAME,
            Op::LOAD_CONST,
            Op::RETURN_VALUE
        ]
    );
    let e = compile("a + 2", "<e>", Mode::Eval).unwrap();
    assert_eq!(
        ops(&e),
        [
            Op::LOAD_NAME,
            Op::LOAD_CONST,
            Op::BINARY_OP,
            Op::RETURN_VALUE
        ]
    );
    let s = compile("a; 1 + x\n", "<s>", Mode::Single).unwrap();
    assert_eq!(ops(&s).iter().filter(|o| **o == Op::PRINT_EXPR).count(), 2);
    let s = compile("def f():\n    1\n", "<s>", Mode::Single).unwrap();
    assert!(!ops(code(&s, "f")).contains(&Op::PRINT_EXPR));
    let e = compile("a = 1\nb = 2\n", "<s>", Mode::Single).unwrap_err();
    assert_eq!(
        e.msg,
        "multiple statements found while compiling a single statement"
    );
    assert!(compile("x = 1", "<e>", Mode::Eval).is_err());
}

#[test]
fn scopes_and_closures() {
    let m = ok(
        "def f(a):\n    b = 1\n    def g():\n        nonlocal b\n        b += a\n    return g\n",
    );
    let f = code(&m, "f");
    assert_eq!(f.varnames, ["a", "g"]);
    assert_eq!(f.cellvars, ["a", "b"]);
    let g = code(&m, "f.<locals>.g");
    assert_eq!(g.freevars, ["a", "b"]);
    assert!(g.flags & co::NESTED != 0);
    // LOAD_DEREF indexes localsplus: varnames ++ cellvars ++ freevars.
    assert!(g
        .instrs
        .iter()
        .any(|i| i.op == Op::LOAD_DEREF && i.arg == 1));
    let m = ok("x = 1\ndef f():\n    global x\n    x = 2\n    return y\n");
    let f = code(&m, "f");
    assert!(ops(f).contains(&Op::STORE_GLOBAL) && ops(f).contains(&Op::LOAD_GLOBAL));
}

#[test]
fn class_cell_and_super() {
    let m = ok("class C(B):\n    def m(self):\n        return super().m()\n");
    let c = code(&m, "C");
    assert_eq!(c.cellvars, ["__class__"]);
    let o = ops(c);
    let n = o.len();
    assert_eq!(
        o[n - 4..],
        [
            Op::LOAD_CLOSURE,
            Op::STORE_NAME,
            Op::LOAD_CONST,
            Op::RETURN_VALUE
        ]
    );
    assert_eq!(c.names[c.instrs[n - 3].arg as usize], "__classcell__");
    assert_eq!(code(&m, "C.m").freevars, ["__class__"]);
    assert_eq!(
        ops(&m)[..4],
        [
            Op::LOAD_BUILD_CLASS,
            Op::PUSH_NULL,
            Op::LOAD_CONST,
            Op::MAKE_FUNCTION
        ]
    );
    // A class body reads free variables with LOAD_CLASSDEREF.
    let m = ok("def f(x):\n    class K:\n        y = x\n");
    assert!(ops(code(&m, "f.<locals>.K")).contains(&Op::LOAD_CLASSDEREF));
}

#[test]
fn qualnames_and_flags() {
    let m = ok("def f():\n    g = lambda: [x for x in ()]\n    async def h():\n        yield 1\n");
    code(&m, "f.<locals>.<lambda>");
    code(&m, "f.<locals>.<lambda>.<locals>.<listcomp>");
    assert!(code(&m, "f.<locals>.h").flags & co::ASYNC_GENERATOR != 0);
    let m = ok("def g():\n    yield\n");
    let g = code(&m, "g");
    assert!(g.flags & co::GENERATOR != 0);
    assert_eq!(ops(g)[0], Op::LOAD_CONST, "no generator prologue");
}

#[test]
fn calls() {
    let m = ok("f(1, x=2)\no.m(3)\nf(*a, **k)\n");
    let o = ops(&m);
    assert!(
        o.contains(&Op::KW_NAMES)
            && o.contains(&Op::LOAD_METHOD)
            && o.contains(&Op::CALL_FUNCTION_EX)
    );
    assert!(o.contains(&Op::LIST_TO_TUPLE) && o.contains(&Op::DICT_MERGE));
    let (_, msg, _) = err("f(a=1, a=2)\n");
    assert_eq!(msg, "keyword argument repeated: a");
}

#[test]
fn with_layout() {
    let m = ok("with a as b:\n    pass\n");
    let o = ops(&m);
    let i = o.iter().position(|x| *x == Op::BEFORE_WITH).unwrap();
    assert_eq!(
        o[i + 1..i + 8],
        [
            Op::STORE_NAME,
            Op::PUSH_NULL,
            Op::LOAD_CONST,
            Op::LOAD_CONST,
            Op::LOAD_CONST,
            Op::CALL,
            Op::POP_TOP
        ]
    );
    let e = m.exc_table[0];
    assert!(e.lasti && e.depth == 1);
    assert_eq!(m.instrs[e.target as usize].op, Op::PUSH_EXC_INFO);
    assert_eq!(m.instrs[e.target as usize + 1].op, Op::WITH_EXCEPT_START);
}

#[test]
fn try_layouts() {
    let m = ok("try:\n    f()\nexcept E as e:\n    g()\nfinally:\n    h()\n");
    assert!(m.exc_table.len() >= 4);
    let o = ops(&m);
    assert!(o.contains(&Op::CHECK_EXC_MATCH) && o.contains(&Op::POP_EXCEPT));
    assert!(o
        .windows(3)
        .any(|w| w == [Op::COPY, Op::POP_EXCEPT, Op::RERAISE]));
    let m = ok("try:\n    f()\nexcept* E:\n    pass\n");
    assert!(ops(&m).contains(&Op::CHECK_EG_MATCH) && ops(&m).contains(&Op::PREP_RERAISE_STAR));
    // return inside try/finally runs the finally body first.
    let m = ok("def f():\n    try:\n        return g()\n    finally:\n        h()\n");
    let f = code(&m, "f");
    let calls = f.instrs.iter().filter(|i| i.op == Op::CALL).count();
    assert_eq!(calls, 3);
}

#[test]
fn loops_and_jumps() {
    let m = ok(
        "while x:\n    if y:\n        break\n    continue\nelse:\n    z()\nfor i in r:\n    pass\n",
    );
    for (i, ins) in m.instrs.iter().enumerate() {
        match ins.op {
            Op::JUMP_BACKWARD => assert!(ins.arg as usize <= i),
            Op::JUMP_FORWARD => assert!(ins.arg as usize > i),
            _ => {}
        }
    }
    assert!(ops(&m).contains(&Op::FOR_ITER));
}

#[test]
fn yield_from_and_await_loops() {
    let m = ok("def g():\n    yield from x\nasync def h():\n    await y\n");
    for name in ["g", "h"] {
        let c = code(&m, name);
        let i = c.instrs.iter().position(|i| i.op == Op::SEND).unwrap();
        assert_eq!(
            c.instrs[i + 1],
            crate::compiler::Instr {
                op: Op::YIELD_VALUE,
                arg: 1
            }
        );
        assert_eq!(
            c.instrs[i + 2],
            crate::compiler::Instr {
                op: Op::JUMP_BACKWARD,
                arg: i as u32
            }
        );
        assert_eq!(c.instrs[i].arg as usize, i + 3);
    }
}

#[test]
fn comprehension_call_convention() {
    let m = ok("x = [a for a in b]\n");
    assert_eq!(
        ops(&m)[..6],
        [
            Op::LOAD_CONST,
            Op::MAKE_FUNCTION,
            Op::PUSH_NULL,
            Op::LOAD_NAME,
            Op::GET_ITER,
            Op::CALL
        ]
    );
    let lc = code(&m, "<listcomp>");
    assert_eq!(lc.varnames[0], ".0");
    assert_eq!(lc.argcount, 1);
}

#[test]
fn constants_and_folding() {
    let m = ok("x = (1, -2, (3.5, 'a'), None)\ny = -9223372036854775808\nz = 10**100\n");
    assert!(m
        .consts
        .iter()
        .any(|c| matches!(c, Const::Tuple(t) if t.len() == 4)));
    assert!(m.consts.contains(&Const::Int(i64::MIN)));
    let m = ok("a = 1\nb = 1.0\nc = True\nd = 0.0\ne = -0.0\n");
    assert_eq!(
        m.consts.len(),
        6,
        "1, 1.0, True, 0.0, -0.0 and None stay distinct: {:?}",
        m.consts
    );
    let m = ok("x = 123456789012345678901234567890\ny = 0xFFFF_FFFF_FFFF_FFFF_FF\n");
    assert!(
        m.consts
            .iter()
            .filter(|c| matches!(c, Const::BigInt(_)))
            .count()
            == 2
    );
}

#[test]
fn fstrings() {
    let m = ok("s = f'a{x!r:>{w}}b{y=}'\n");
    let o = ops(&m);
    assert_eq!(o.iter().filter(|x| **x == Op::FORMAT_VALUE).count(), 3);
    assert!(o.contains(&Op::BUILD_STRING));
    assert!(m.consts.contains(&Const::Str("by=".to_string())));
    let m = ok("s = f'plain'\n");
    assert!(!ops(&m).contains(&Op::BUILD_STRING));
}

#[test]
fn match_statement() {
    let src = "match p:\n    case [1, *r]: pass\n    case {'k': v, **kw}: pass\n    case C(1, y=z) | C(z, y=2): pass\n    case str() as s if s: pass\n    case _: pass\n";
    let m = ok(src);
    let o = ops(&m);
    for op in [
        Op::MATCH_SEQUENCE,
        Op::MATCH_MAPPING,
        Op::MATCH_KEYS,
        Op::MATCH_CLASS,
        Op::UNPACK_EX,
        Op::GET_LEN,
    ] {
        assert!(o.contains(&op), "{op:?}");
    }
    let (_, msg, _) = err("match x:\n    case a:\n        pass\n    case 1:\n        pass\n");
    assert_eq!(msg, "name capture 'a' makes remaining patterns unreachable");
    let (_, msg, _) = err("match x:\n    case 1 | y:\n        pass\n");
    assert_eq!(msg, "alternative patterns bind different names");
}

#[test]
fn imports() {
    let m = ok("import a.b.c\nimport a.b as d\nfrom . import x\nfrom m import *\n");
    let o = ops(&m);
    assert_eq!(o.iter().filter(|x| **x == Op::IMPORT_NAME).count(), 4);
    assert!(o.contains(&Op::IMPORT_STAR) && o.contains(&Op::IMPORT_FROM));
    assert!(m.names.contains(&"a".to_string()) && m.names.contains(&"d".to_string()));
}

#[test]
fn annotations() {
    let m = ok("x: int = 1\ndef f(a: int, *b: str) -> bool:\n    y: int = 2\n");
    assert_eq!(ops(&m)[0], Op::SETUP_ANNOTATIONS);
    assert!(m
        .instrs
        .iter()
        .any(|i| i.op == Op::MAKE_FUNCTION && i.arg & 4 != 0));
    assert!(
        !ops(code(&m, "f")).contains(&Op::LOAD_GLOBAL),
        "local annotations are not evaluated"
    );
    let m = ok("from __future__ import annotations\nx: List[int]\n");
    assert!(m.consts.contains(&Const::Str("List[int]".to_string())));
}

#[test]
fn semantic_errors() {
    let cases: &[(&str, &str)] = &[
        ("return 1\n", "'return' outside function"),
        ("break\n", "'break' outside loop"),
        ("continue\n", "'continue' not properly in loop"),
        ("yield 1\n", "'yield' outside function"),
        ("await x\n", "'await' outside function"),
        ("def f():\n    await x\n", "'await' outside async function"),
        (
            "nonlocal x\n",
            "nonlocal declaration not allowed at module level",
        ),
        (
            "def f():\n  nonlocal y\n",
            "no binding for nonlocal 'y' found",
        ),
        (
            "def f():\n    x = 1\n    global x\n",
            "name 'x' is assigned to before global declaration",
        ),
        (
            "def f(x):\n    global x\n",
            "name 'x' is parameter and global",
        ),
        (
            "def f(a, a): pass\n",
            "duplicate argument 'a' in function definition",
        ),
        (
            "1 = x\n",
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        ),
        ("del f()\n", "cannot delete function call"),
        (
            "*a = 1\n",
            "starred assignment target must be in a list or tuple",
        ),
        (
            "a, *b, *c = d\n",
            "multiple starred expressions in assignment",
        ),
        (
            "f(x=1, 2)\n",
            "positional argument follows keyword argument",
        ),
        (
            "print(*a for a in b)\n",
            "iterable unpacking cannot be used in comprehension",
        ),
        (
            "def f():\n    from y import *\n",
            "import * only allowed at module level",
        ),
        (
            "[await x for x in y]\n",
            "asynchronous comprehension outside of an asynchronous function",
        ),
        (
            "def f():\n  [(yield x) for x in y]\n",
            "'yield' inside list comprehension",
        ),
        ("__debug__ = 1\n", "cannot assign to __debug__"),
        (
            "try:\n  pass\nexcept:\n  pass\nexcept A:\n  pass\n",
            "default 'except:' must be last",
        ),
        (
            "try:\n    pass\nexcept* A:\n    break\n",
            "'break', 'continue' and 'return' cannot appear in an except* block",
        ),
        ("x = (1,\ny = 2\n", "'(' was never closed"),
        (
            "f(1, 2]\n",
            "closing parenthesis ']' does not match opening parenthesis '('",
        ),
        ("x = )\n", "unmatched ')'"),
        ("if x\n  pass\n", "expected ':'"),
        (
            "s = 'abc\n",
            "unterminated string literal (detected at line 1)",
        ),
        (
            "s = '''abc\n\n",
            "unterminated triple-quoted string literal (detected at line 2)",
        ),
        ("x = 1abc\n", "invalid decimal literal"),
        ("x = 1 +\n", "invalid syntax"),
        ("from __future__ import braces\n", "not a chance"),
    ];
    for (src, want) in cases {
        let (kind, msg, _) = err(src);
        assert_eq!(kind, ErrorKind::SyntaxError, "{src:?}");
        assert_eq!(msg, *want, "{src:?}");
    }
    let (kind, msg, line) = err("if x:\npass\n");
    assert_eq!(
        (kind, msg.as_str(), line),
        (
            ErrorKind::IndentationError,
            "expected an indented block after 'if' statement on line 1",
            2
        )
    );
    assert_eq!(err("  x = 1\n").0, ErrorKind::IndentationError);
    assert_eq!(err("if x:\n    a\n  b\n").0, ErrorKind::IndentationError);
    assert_eq!(
        err("class C:\n\tdef f(self):\n        pass\n").0,
        ErrorKind::TabError
    );
}

#[test]
fn error_positions() {
    let e = compile("x = 1\ny = (1 +\n", "f.py", Mode::Exec).unwrap_err();
    assert_eq!((e.lineno, e.col), (2, 5));
    assert_eq!(e.text, "y = (1 +");
    assert_eq!(e.filename, "f.py");
}

#[test]
fn deep_nesting_is_rejected_without_overflow() {
    let n = 100_000;
    let cases = [
        format!("x = {}1{}", "(".repeat(n), ")".repeat(n)),
        format!("x = {}1", "-".repeat(n)),
        format!("x = 1{}", "+1".repeat(n)),
        format!("x = {}{}", "[".repeat(n), "]".repeat(n)),
        format!("x = {}1", "not ".repeat(n)),
        format!("x = {}1", "lambda: ".repeat(n)),
        format!("x = a{}", ".b".repeat(n)),
        (0..300)
            .map(|i| format!("{}if x:\n", " ".repeat(i)))
            .collect::<String>()
            + &" ".repeat(300)
            + "pass\n",
    ];
    let handle = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            for src in &cases {
                let e = compile(src, "<deep>", Mode::Exec).unwrap_err();
                assert_eq!(e.kind, ErrorKind::SyntaxError, "{}", &src[..20]);
            }
            // Reasonable nesting compiles on a 2 MiB stack.
            ok(&format!("x = {}1{}", "[".repeat(190), "]".repeat(190)));
            ok(&format!("x = {}", "-a + ".repeat(2000) + "1"));
            ok(&format!("x = {}1", "not ".repeat(200)));
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn truncated_input_never_panics() {
    let src = include_str!("../../tests/golden/features.py");
    let mut cut = 0;
    while cut < src.len() {
        if src.is_char_boundary(cut) {
            if let Ok(u) = compile(&src[..cut], "<cut>", Mode::Exec) {
                verify(&u).unwrap();
            }
            let _ = compile(&src[cut..], "<cut>", Mode::Exec);
        }
        cut += 7;
    }
}
