# f-strings with expressions, specs, conversions, nesting
name, n, x = "World", 42, 3.14159
print(f"Hello, {name}!", f"{n}", f"{n:5}|", f"{n:<5}|", f"{n:05}", f"{x:.2f}", f"{x:10.3f}|")
print(f"{name!r} {name!s} {'é'!a} {name!r:>10}")
print(f"{n * 2 + 1}", f"{[i for i in range(3)]}", f"{'nested ' + name}", f"{n if n > 40 else 0}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|", f"{x:{'>'}{w}}|")
d = {"k": "v", 1: "one"}
print(f"{d['k']} {d[1]}", f'{d["k"]}')
print(f"{{braces}} {{{n}}}", f"{n=}", f"{x = :.1f}", f"{name = !r}")
print(f"{1_000_000:,}", f"{255:#x}", f"{255:08b}", f"{0.125:.1%}", f"{-1:+}", f"{1e-9:g}")
print(f"{3 + 4j}", f"{None}", f"{True}", f"{b'x'}", f"{[1, 'a']}")
class C:
    def __str__(self): return "str-C"
    def __repr__(self): return "repr-C"
print(f"{C()} {C()!r} {C()!s}")
print(f"""multi
{name}
line""")
print(f"{'a' 'b'}", f"{(lambda v: v * 2)(4)}", f"{n:{'d'}}")
vals = [1.5, 22.25, 333.125]
for v in vals:
    print(f"|{v:>10.2f}|{v:<10.1f}|{v:^10.0f}|")
print(f"{'x':*^9}", f"{12345.6789:,.2f}", f"{-0.0:.1f}", f"{2**64:,}")
