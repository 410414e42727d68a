# Unlocked races: THREADS threads mutate shared lists, dicts, sets, a bytearray, an
# instance and module globals with no Python lock. CPython makes each single operation
# (append, pop, d[k] = v, d.pop, setdefault, popitem, s.add, s.remove, setattr, ...)
# atomic, and hotpy promises the same, so these invariants hold under any interleaving:
#
# - APPEND (appends only): holds every appended item exactly once, and each thread's
#   items in the order it appended them.
# - POOL (append, insert, pop, pop(0), remove): the items left plus the items some
#   thread took out are the items ever put in, each exactly once.
# - PERM (sort, reverse, sort with a key, sort(reverse=True)): stays a permutation.
# - SORTED (appends of ints and sorts without a key, which run no Python code and so
#   are single operations): holds every appended int exactly once.
# - OWNED_* (a dict with int keys, a dict with str keys, a set changed by methods and
#   one changed by in-place operators, an instance, a class, module globals, slots of a
#   fixed-size list): each thread sets and deletes only its own keys,
#   so a read of its own key must give exactly what it last wrote, mid-run and at the end,
#   however the other threads grow and shrink the shared table meanwhile.
# - DTOK / STOK (tokens moved in and out with pop, popitem, setdefault, remove, add):
#   tokens are conserved, none lost or duplicated.
# - BYTES (append, extend, pop): per byte value, count left + count popped = count put.
# Readers meanwhile iterate, copy, sort copies and test membership, checking only types
# (a reader that races a writer may see old or new state, never garbage).
import sys

from stresslib import Checks, Rng, parse_args, run_threads

THREADS, ITERS, SEED = parse_args()
checks = Checks("races")
MISSING = object()

APPEND = []
POOL = [(-1, j) for j in range(64)]
PERM = list(range(64))
SORTED = []
OWNED_INT = {}
OWNED_STR = {}
OWNED_SET = set()
OWNED_SET2 = set()
NTOK = 96
DTOK = {k: 1000 + k for k in range(NTOK)}
STOK = set(range(5000, 5000 + NTOK))
BYTES = bytearray()
OWN_SLOTS = 16
SLOTS = [None] * (OWN_SLOTS * THREADS)
KEYS = 12
BYTE_VALUES = {(t * 37 + 11) % 256 for t in range(THREADS)}


class Box:
    pass


class Klass:
    pass


class Slotted:
    __slots__ = ("a", "b", "c", "d")


OBJ = Box()
OBJ.shared = (0, 0)
SLOTTED = Slotted()


def neg(x):
    return -x


def is_item(x):
    return type(x) is tuple and len(x) == 2 and type(x[0]) is int and type(x[1]) is int


def body(t):
    rng = Rng(SEED * 7919 + t)
    appended = 0
    sorted_in = []
    added = []  # items this thread put into POOL
    taken = []  # items this thread took out of POOL
    sh_int = {}
    sh_str = {}
    sh_set = set()
    sh_set2 = set()
    sh_cls = {}
    sh_attr = {}
    sh_glob = {}
    sh_slots = [None] * OWN_SLOTS
    dtok_held = []
    stok_held = []
    put = [0] * 256
    popped = [0] * 256
    byte = (t * 37 + 11) % 256
    mod = sys.modules[__name__].__dict__
    global OWNED_SET2
    for i in range(ITERS):
        op = rng.below(32)
        k = rng.below(KEYS)
        if op == 0:
            APPEND.append((t, i))
            appended += 1
        elif op == 1:
            x = (t, i)
            POOL.append(x)
            added.append(x)
        elif op == 2:
            x = (t, i)
            POOL.insert(rng.below(8), x)
            added.append(x)
        elif op == 3:
            try:
                taken.append(POOL.pop())
            except IndexError:
                pass
        elif op == 4:
            try:
                taken.append(POOL.pop(0))
            except IndexError:
                pass
        elif op == 5 and added:
            x = rng.choice(added)
            try:
                POOL.remove(x)
                taken.append(x)
            except ValueError:
                pass
        elif op == 6:
            r = rng.below(4)
            if r == 0:
                PERM.sort()
            elif r == 1:
                PERM.reverse()
            elif r == 2:
                PERM.sort(key=neg)
            else:
                PERM.sort(reverse=True)
        elif op == 7:
            key = t * 100000 + k
            if rng.below(3):
                OWNED_INT[key] = i
                sh_int[key] = i
            else:
                if rng.below(2):
                    got = OWNED_INT.pop(key, MISSING)
                    checks.check(got == sh_int.pop(key, MISSING), "int dict pop %r" % (key,))
                elif key in sh_int:
                    del OWNED_INT[key]
                    del sh_int[key]
        elif op == 8:
            key = "t%d_%d" % (t, k)
            r = rng.below(4)
            if r == 0:
                OWNED_STR[key] = i
                sh_str[key] = i
            elif r == 1:
                v = OWNED_STR.setdefault(key, i)
                checks.check(v == sh_str.setdefault(key, i), "str dict setdefault %s" % key)
            elif r == 2:
                OWNED_STR.update({key: -i})
                sh_str[key] = -i
            else:
                got = OWNED_STR.pop(key, MISSING)
                checks.check(got == sh_str.pop(key, MISSING), "str dict pop %s" % key)
        elif op == 9:
            x = t * 100000 + k
            r = rng.below(3)
            if r == 0:
                OWNED_SET.add(x)
                sh_set.add(x)
            elif r == 1:
                OWNED_SET.discard(x)
                sh_set.discard(x)
            else:
                try:
                    OWNED_SET.remove(x)
                    ok = True
                except KeyError:
                    ok = False
                checks.check(ok == (x in sh_set), "set remove %d" % x)
                sh_set.discard(x)
        elif op == 10:
            name = "a%d_%d" % (t, k)
            if rng.below(3):
                setattr(OBJ, name, i)
                sh_attr[name] = i
            elif name in sh_attr:
                delattr(OBJ, name)
                del sh_attr[name]
        elif op == 11:
            name = "g%d_%d" % (t, k)
            if rng.below(3):
                mod[name] = i
                sh_glob[name] = i
            else:
                got = mod.pop(name, MISSING)
                checks.check(got == sh_glob.pop(name, MISSING), "global pop %s" % name)
        elif op == 12:
            j = rng.below(OWN_SLOTS)
            SLOTS[t * OWN_SLOTS + j] = i
            sh_slots[j] = i
        elif op == 13:
            # Own keys read back exactly, however the tables moved meanwhile.
            key = t * 100000 + k
            checks.check(OWNED_INT.get(key, MISSING) == sh_int.get(key, MISSING), "int dict get %d" % key)
            checks.check((key in OWNED_INT) == (key in sh_int), "int dict in %d" % key)
            key = "t%d_%d" % (t, k)
            checks.check(OWNED_STR.get(key, MISSING) == sh_str.get(key, MISSING), "str dict get %s" % key)
            x = t * 100000 + k
            checks.check((x in OWNED_SET) == (x in sh_set), "set in %d" % x)
            name = "a%d_%d" % (t, k)
            checks.check(getattr(OBJ, name, MISSING) == sh_attr.get(name, MISSING), "attr get %s" % name)
            name = "g%d_%d" % (t, k)
            checks.check(mod.get(name, MISSING) == sh_glob.get(name, MISSING), "global get %s" % name)
            j = k % OWN_SLOTS
            checks.check(SLOTS[t * OWN_SLOTS + j] == sh_slots[j], "slot %d" % j)
        elif op == 14:
            r = rng.below(3)
            if r == 0:
                tok = DTOK.pop(rng.below(2 * NTOK), None)
                if tok is not None:
                    dtok_held.append(tok)
            elif r == 1:
                try:
                    _, tok = DTOK.popitem()
                    dtok_held.append(tok)
                except KeyError:
                    pass
            elif dtok_held:
                tok = dtok_held.pop()
                if DTOK.setdefault(rng.below(2 * NTOK), tok) != tok:
                    dtok_held.append(tok)
        elif op == 15:
            r = rng.below(3)
            if r == 0:
                try:
                    stok_held.append(STOK.pop())
                except KeyError:
                    pass
            elif r == 1:
                x = 5000 + rng.below(NTOK)
                try:
                    STOK.remove(x)
                    stok_held.append(x)
                except KeyError:
                    pass
            elif stok_held:
                STOK.add(stok_held.pop())
        elif op == 16:
            if rng.below(2):
                BYTES.append(byte)
                put[byte] += 1
            else:
                BYTES.extend(bytes([byte, byte]))
                put[byte] += 2
        elif op == 17:
            try:
                popped[BYTES.pop(0 if rng.below(2) else -1)] += 1
            except IndexError:
                pass
        elif op == 18:
            OBJ.shared = (t, i)
            checks.check(is_item(OBJ.shared), "shared attribute %r" % (OBJ.shared,))
        elif op == 19:
            name = rng.choice(("a", "b", "c", "d"))
            if rng.below(4):
                setattr(SLOTTED, name, (t, i))
            else:
                try:
                    delattr(SLOTTED, name)
                except AttributeError:
                    pass
            v = getattr(SLOTTED, name, None)
            checks.check(v is None or is_item(v), "slot value %r" % (v,))
        elif op == 20:
            for x in POOL:
                if not is_item(x):
                    checks.check(False, "pool item %r" % (x,))
            c = POOL[:]
            c.sort()
            checks.check(all(is_item(x) for x in c), "pool copy")
        elif op == 21:
            n = len(APPEND)
            if n:
                x = APPEND[rng.below(n)]
                checks.check(is_item(x), "append item %r" % (x,))
            checks.check(len(APPEND) >= n, "append list shrank")
        elif op == 22:
            try:
                for key, v in OWNED_INT.items():
                    checks.check(type(key) is int and type(v) is int, "int dict item")
                for key in list(OWNED_STR):
                    checks.check(type(key) is str, "str dict key")
                for x in OWNED_SET:
                    checks.check(type(x) is int, "set item")
            except RuntimeError:
                pass  # changed size during iteration: CPython raises it too
        elif op == 23:
            try:
                for name, v in list(vars(OBJ).items()):
                    checks.check(type(name) is str, "attribute name %r" % (name,))
                    checks.check(type(v) is int or is_item(v), "attribute %s = %r" % (name, v))
            except RuntimeError:
                pass
        elif op == 24:
            c = sorted(STOK)
            checks.check(all(type(x) is int and 5000 <= x < 5000 + NTOK for x in c), "token set")
            c = list(DTOK.values())
            checks.check(all(type(x) is int and 1000 <= x < 1000 + NTOK for x in c), "token dict")
        elif op == 25:
            b = bytes(BYTES)
            checks.check(set(b) <= BYTE_VALUES, "foreign byte in %r" % (set(b) - BYTE_VALUES,))
            x = (t, i - 1)
            x in POOL
        elif op == 26:
            # Long-lived churn: own keys of the int dict grow the table, then go.
            base = t * 100000 + 50000
            for j in range(8):
                OWNED_INT[base + j] = j
            for j in range(8):
                checks.check(OWNED_INT.pop(base + j, MISSING) == j, "int dict churn %d" % j)
        elif op == 27:
            name = "tmp%d" % t
            setattr(OBJ, name, i)
            checks.check(getattr(OBJ, name) == i, "tmp attribute")
            delattr(OBJ, name)
        elif op == 28:
            x = t * 100000 + k
            if rng.below(2):
                OWNED_SET2 |= {x}
                sh_set2.add(x)
            else:
                OWNED_SET2 -= {x, x + 50000}
                sh_set2.discard(x)
            checks.check((x in OWNED_SET2) == (x in sh_set2), "set2 in %d" % x)
        elif op == 29:
            name = "c%d_%d" % (t, k)
            r = rng.below(3)
            if r == 0:
                setattr(Klass, name, i)
                sh_cls[name] = i
            elif r == 1 and name in sh_cls:
                delattr(Klass, name)
                del sh_cls[name]
            got = getattr(Klass, name, MISSING)
            checks.check(got == sh_cls.get(name, MISSING), "class attribute %s" % name)
        elif op == 30:
            v = t * 10000000 + i
            SORTED.append(v)
            sorted_in.append(v)
        elif op == 31:
            SORTED.sort(reverse=rng.below(2) == 1)
        # Bound the shared containers (in every thread, so they stay small).
        if len(POOL) > 200:
            try:
                taken.append(POOL.pop())
            except IndexError:
                pass
        if len(BYTES) > 400:
            try:
                popped[BYTES.pop()] += 1
            except IndexError:
                pass
    return (appended, added, taken, sh_int, sh_str, sh_set, sh_attr, sh_glob, sh_slots,
            dtok_held, stok_held, put, popped, sh_set2, sh_cls, sorted_in)


results = run_threads(checks, THREADS, body)
results = [r for r in results if r is not None]
if len(results) == THREADS:
    total_appended = sum(r[0] for r in results)
    checks.check(len(APPEND) == total_appended, "APPEND has %d items, %d appended" % (len(APPEND), total_appended))
    checks.check(all(is_item(x) for x in APPEND), "APPEND item types")
    for t in range(THREADS):
        mine = [x[1] for x in APPEND if x[0] == t]
        checks.check(mine == sorted(set(mine)), "thread %d appends out of order or doubled" % t)
    put_in = [(-1, j) for j in range(64)]
    taken = []
    for r in results:
        put_in += r[1]
        taken += r[2]
    have = taken + POOL
    checks.check(sorted(have) == sorted(put_in), "POOL: %d items in and out, %d put in" % (len(have), len(put_in)))
    checks.check(len(set(have)) == len(have), "POOL item duplicated")
    checks.check(sorted(PERM) == list(range(64)), "PERM is no longer a permutation: %r" % (PERM,))
    want = sorted(x for r in results for x in r[15])
    checks.check(sorted(SORTED) == want, "SORTED has %d ints, %d appended" % (len(SORTED), len(want)))
    for t, r in enumerate(results):
        sh_int, sh_str, sh_set, sh_attr, sh_glob, sh_slots = r[3:9]
        got = {k: v for k, v in OWNED_INT.items() if k // 100000 == t}
        checks.check(got == sh_int, "thread %d int dict %r != %r" % (t, got, sh_int))
        got = {k: v for k, v in OWNED_STR.items() if k.startswith("t%d_" % t)}
        checks.check(got == sh_str, "thread %d str dict %r != %r" % (t, got, sh_str))
        got = {x for x in OWNED_SET if x // 100000 == t}
        checks.check(got == sh_set, "thread %d set %r != %r" % (t, got, sh_set))
        got = {k: v for k, v in vars(OBJ).items() if k.startswith("a%d_" % t)}
        checks.check(got == sh_attr, "thread %d attributes %r != %r" % (t, got, sh_attr))
        got = {k: v for k, v in globals().items() if k.startswith("g%d_" % t)}
        checks.check(got == sh_glob, "thread %d globals %r != %r" % (t, got, sh_glob))
        got = {x for x in OWNED_SET2 if x // 100000 == t}
        checks.check(got == r[13], "thread %d set2 %r != %r" % (t, got, r[13]))
        got = {k: v for k, v in vars(Klass).items() if k.startswith("c%d_" % t)}
        checks.check(got == r[14], "thread %d class attributes %r != %r" % (t, got, r[14]))
        got = SLOTS[t * OWN_SLOTS:(t + 1) * OWN_SLOTS]
        checks.check(got == sh_slots, "thread %d slots %r != %r" % (t, got, sh_slots))
    toks = list(DTOK.values())
    for r in results:
        toks += r[9]
    checks.check(sorted(toks) == list(range(1000, 1000 + NTOK)), "dict tokens not conserved: %r" % sorted(toks))
    toks = list(STOK)
    for r in results:
        toks += r[10]
    checks.check(sorted(toks) == list(range(5000, 5000 + NTOK)), "set tokens not conserved: %r" % sorted(toks))
    for v in range(256):
        put = sum(r[11][v] for r in results)
        popped = sum(r[12][v] for r in results)
        left = BYTES.count(v)
        checks.check(left + popped == put, "byte %d: %d left + %d popped != %d put" % (v, left, popped, put))
    checks.check(not hasattr(OBJ, "tmp0"), "tmp attribute left")
checks.finish("threads=%d iters=%d seed=%d append=%d pool=%d" % (THREADS, ITERS, SEED, len(APPEND), len(POOL)))
