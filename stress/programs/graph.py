# Object graph: each of THREADS threads owns a tree of Node instances (lists of children,
# dicts of metadata, parent links) which it grows, prunes, rewires and refreshes, hands
# subtrees to other threads through a shared exchange list and adopts theirs, while it
# also walks the other threads' trees as they change. Everything allocates, so
# collections run with every thread mid-mutation.
#
# What must hold: a node read by anyone at any time is intact (its value, label, payload
# and metadata agree; they are fixed at construction or replaced by equal copies); at the
# end every tree's parent links agree with its children lists, each tree holds exactly the
# nodes its owner believes it holds, no node is reachable twice, and the node count and
# value sum of all trees plus the exchange equal what was created minus what was dropped.
import threading

from stresslib import Checks, Rng, parse_args, run_threads

THREADS, ITERS, SEED = parse_args()
checks = Checks("graph")
CAP = 120
KINDS = ("leaf", "inner", "hub")
EXTRA = ("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7")


class Node:
    def __init__(self, value):
        self.value = value
        self.label = "n%d" % value
        self.payload = [value, value * 3 + 1, value ^ 0x5A5A]
        self.meta = {"v": value, "sq": value * value % 1000003, "kind": KINDS[value % 3]}
        self.children = []
        self.parent = None
        self.pair = (value, self.label)


def intact(n):
    if type(n) is not Node:
        return False
    v = n.value
    if type(v) is not int or n.label != "n%d" % v:
        return False
    if n.payload != [v, v * 3 + 1, v ^ 0x5A5A]:
        return False
    m = n.meta
    if m["v"] != v or m["sq"] != v * v % 1000003 or m["kind"] != KINDS[v % 3]:
        return False
    return type(n.children) is list and n.pair == (v, n.label)


def subtree(n):
    out = []
    stack = [n]
    while stack:
        x = stack.pop()
        out.append(x)
        stack.extend(x.children)
    return out


ROOTS = [Node(t * 10000000) for t in range(THREADS)]
EXCHANGE = []
START = threading.Event()


def body(t):
    rng = Rng(SEED * 104729 + t)
    root = ROOTS[t]
    nodes = [root]
    own = {root.value}
    counter = [1]
    tally = {"created": 1, "created_sum": root.value, "dropped": 0, "dropped_sum": 0,
             "given": 0, "given_sum": 0, "taken": 0, "taken_sum": 0, "reads": 0}

    def new_node():
        v = t * 10000000 + counter[0]
        counter[0] += 1
        tally["created"] += 1
        tally["created_sum"] += v
        return Node(v)

    def pick(nonroot):
        if nonroot and len(nodes) < 2:
            return None
        while True:
            n = nodes[rng.below(len(nodes))]
            if not (nonroot and n is root):
                return n

    def detach(n):
        # Unlinks n's subtree from its parent and forgets its nodes; returns them.
        n.parent.children.remove(n)
        n.parent = None
        sub = subtree(n)
        gone = set()
        for x in sub:
            gone.add(x.value)
            own.discard(x.value)
        nodes[:] = [x for x in nodes if x.value not in gone]
        return sub

    def attach(n, p):
        p.children.append(n)
        n.parent = p
        sub = subtree(n)
        for x in sub:
            own.add(x.value)
            nodes.append(x)
        return sub

    for i in range(ITERS):
        op = rng.below(20)
        if op < 4 and len(nodes) < CAP:
            attach(new_node(), pick(False))
        elif op == 4 and len(nodes) < CAP:
            # A small subtree built privately, then published in one append.
            top = new_node()
            for _ in range(rng.below(5)):
                c = new_node()
                c.parent = top
                top.children.append(c)
            attach(top, pick(False))
        elif op < 8:
            n = pick(True)
            if n is not None:
                for x in detach(n):
                    tally["dropped"] += 1
                    tally["dropped_sum"] += x.value
        elif op < 10:
            n = pick(True)
            if n is not None:
                inside = {x.value for x in subtree(n)}
                p = pick(False)
                if p.value not in inside:
                    n.parent.children.remove(n)
                    p.children.append(n)
                    n.parent = p
        elif op < 12:
            n = pick(False)
            v = n.value
            r = rng.below(4)
            if r == 0:
                n.payload = [v, v * 3 + 1, v ^ 0x5A5A]
            elif r == 1:
                m = dict(n.meta)
                m["tmp"] = i
                del m["tmp"]
                n.meta = m
            elif r == 2:
                name = EXTRA[rng.below(len(EXTRA))]
                if hasattr(n, name):
                    delattr(n, name)
                else:
                    setattr(n, name, [i])
            else:
                n.children.sort(key=lambda c: c.value)
        elif op == 12:
            n = pick(True)
            if n is not None:
                sub = detach(n)
                tally["given"] += len(sub)
                tally["given_sum"] += sum(x.value for x in sub)
                EXCHANGE.append(n)
        elif op == 13:
            try:
                n = EXCHANGE.pop()
            except IndexError:
                n = None
            if n is not None:
                sub = attach(n, pick(False))
                tally["taken"] += len(sub)
                tally["taken_sum"] += sum(x.value for x in sub)
        elif op < 18:
            # Walk another thread's tree while it changes.
            u = rng.below(THREADS)
            stack = [ROOTS[u]]
            seen = 0
            while stack and seen < 400:
                x = stack.pop()
                seen += 1
                if not checks.check(intact(x), "thread %d read a broken node %r" % (t, x)):
                    break
                stack.extend(x.children)
            tally["reads"] += seen
        else:
            # Garbage.
            junk = [{"i": j, "l": [j] * 3, "s": "x%d" % j} for j in range(rng.below(30))]
            checks.check(sum(d["l"][2] for d in junk) == sum(range(len(junk))), "junk")
        if len(nodes) > CAP:
            for x in detach(pick(True)):
                tally["dropped"] += 1
                tally["dropped_sum"] += x.value
    return tally, own


results = run_threads(checks, THREADS, body)
seen = set()
count = 0
total = 0


def verify(top, where):
    global count, total
    vals = set()
    checks.check(intact(top), "%s: broken top node" % where)
    stack = [top]
    while stack:
        x = stack.pop()
        if not checks.check(intact(x), "%s: broken node" % where):
            continue
        checks.check(x.value not in seen, "%s: node %d reachable twice" % (where, x.value))
        seen.add(x.value)
        vals.add(x.value)
        count += 1
        total += x.value
        for c in x.children:
            checks.check(c.parent is x, "%s: parent link of %d" % (where, c.value))
            stack.append(c)
    return vals


if all(r is not None for r in results):
    for t in range(THREADS):
        tally, own = results[t]
        vals = verify(ROOTS[t], "tree %d" % t)
        checks.check(ROOTS[t].parent is None, "tree %d root has a parent" % t)
        checks.check(vals == own, "tree %d: %d nodes, owner expects %d" % (t, len(vals), len(own)))
    xc = count
    xs = total
    for n in EXCHANGE:
        checks.check(n.parent is None, "exchanged node has a parent")
        verify(n, "exchange")
    xc = count - xc
    xs = total - xs
    tallies = [r[0] for r in results]
    created = sum(x["created"] for x in tallies)
    dropped = sum(x["dropped"] for x in tallies)
    given = sum(x["given"] for x in tallies)
    taken = sum(x["taken"] for x in tallies)
    checks.check(count == created - dropped, "%d nodes live, %d created - %d dropped" % (count, created, dropped))
    checks.check(total == sum(x["created_sum"] for x in tallies) - sum(x["dropped_sum"] for x in tallies),
                 "value sum")
    checks.check(xc == given - taken, "exchange holds %d nodes, %d given - %d taken" % (xc, given, taken))
    checks.check(xs == sum(x["given_sum"] for x in tallies) - sum(x["taken_sum"] for x in tallies),
                 "exchange value sum")
    reads = sum(x["reads"] for x in tallies)
else:
    created = reads = 0
checks.finish("threads=%d iters=%d seed=%d nodes=%d created=%d reads=%d" %
              (THREADS, ITERS, SEED, count, created, reads))
