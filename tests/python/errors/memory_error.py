# Huge allocations raise MemoryError (or OverflowError for impossible sizes), which can be caught
try:
    x = [0] * 10 ** 12
    print("allocated?!")
except MemoryError as e:
    print("MemoryError caught", type(e).__name__)
try:
    s = "ab" * (2 ** 62)
except (MemoryError, OverflowError) as e:
    print("huge str caught", type(e).__name__)
try:
    l = [None] * (2 ** 64)
except (MemoryError, OverflowError) as e:
    print("impossible list size caught", type(e).__name__)
print("program continues")
# Building a container from an iterable whose length is impossible fails at once.
for make in (list, tuple):
    try:
        make(range(10 ** 13))
    except MemoryError as e:
        print(make.__name__, "from a huge range: MemoryError")
try:
    [*range(10 ** 13)]
except MemoryError:
    print("star-unpacked huge range: MemoryError")
print("still running", len(list(range(1000))))
