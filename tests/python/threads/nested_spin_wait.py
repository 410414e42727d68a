# A thread running Python code called from native code (here a generator body consumed
# by sum(), and a sort key) cannot park at a safepoint: hotpy's Rust frames below it
# hold unrooted values. If it spin-waits for another thread that meanwhile asks for a
# collection, the collection must be given up rather than wait for it: before the fix
# the allocating thread waited for the spinning one forever and this program hung.
import threading

flag = [False]


def waiter(x):
    n = 0
    while not flag[0]:
        n += 1
    return x


def spin_in_generator(out):
    out.append(sum(waiter(x) for x in [1, 2, 3]))


def spin_in_sort_key(out):
    out.append(sorted([3, 1, 2], key=waiter))


def allocate_then_release(out):
    junk = 0
    for i in range(400_000):
        junk += len([i, i])  # enough garbage for a collection request
    out.append(junk)
    flag[0] = True


for spinner in (spin_in_generator, spin_in_sort_key):
    flag[0] = False
    got = []
    threads = [
        threading.Thread(target=spinner, args=(got,)),
        threading.Thread(target=allocate_then_release, args=(got,)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(spinner.__name__, sorted(got, key=str))
