# A sort with no key function of ints, strs or floats runs no Python code, so under
# CPython it is one operation: appends racing it from another thread all land, and
# none of the sorts raises "list modified during sort".
import threading

for items in (list(range(1500, 0, -1)), ["s%d" % i for i in range(1500)], [i / 7 for i in range(1500)]):
    L = list(items)
    errors = []
    extra = items[0]

    def sorter():
        for i in range(150):
            try:
                L.sort(reverse=i % 2 == 1)
            except ValueError as e:
                errors.append(e)

    def appender():
        for i in range(10000):
            L.append(extra)

    ts = [threading.Thread(target=sorter), threading.Thread(target=appender)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    L.sort()
    print(type(extra).__name__, len(errors), len(L) - len(items), L == sorted(items + [extra] * 10000))
