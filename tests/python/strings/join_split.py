# join and split round trips
words = ["alpha", "beta", "gamma"]
print(", ".join(words), "".join(words), "-".join("abc"), " ".join([]), "x".join(["only"]))
print("|".join(str(i) for i in range(5)))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError", e)
csv = "name,age,city\nann,30,paris\nbob,25,rome"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print([dict(zip(rows[0], r)) for r in rows[1:]])
print("a b c".split(" ", -1), "a  b".split(" "), " a b ".split(" "), "abc".split("b", 0))
text = "one two  three\tfour\nfive"
print(text.split(), len(text.split()), " ".join(text.split()))
print("k1=v1;k2=v2;k3".split(";"), dict(p.split("=") for p in "k1=v1;k2=v2".split(";")))
print("a-b_c d".replace("-", " ").replace("_", " ").split())
print("x".join(["", ""]), ",".join(["a", "", "b"]).split(","))
