# An instance attribute that shadows a class attribute is read by one thread while
# another thread deletes a different attribute, which moves the instance from inline
# values to a dict. The read must always see the instance's value, never fall through
# to the class's default (a race hotpy once lost: threading's `del self._target` in
# `run()` against `join()` reading `self._initialized`).
import threading


class Box:
    ready = False

    def __init__(self):
        self.a = 1
        self.b = 2
        self.ready = True


ROUNDS = 2000
boxes = [Box() for _ in range(ROUNDS)]
wrong = 0
go = threading.Event()


progress = [0]


def deleter():
    go.wait()
    for i, box in enumerate(boxes):
        del box.a
        progress[0] = i + 1


def reader():
    # Reads the box the deleter is about to move, over and over, until it is done.
    global wrong
    go.wait()
    bad = 0
    while True:
        i = progress[0]
        if i >= ROUNDS:
            break
        box = boxes[i]
        for _ in range(20):
            if not box.ready:
                bad += 1
    wrong = bad


threads = [threading.Thread(target=deleter), threading.Thread(target=reader)]
for t in threads:
    t.start()
go.set()
for t in threads:
    t.join()
print("wrong reads:", wrong)
print("deleted:", sum(1 for b in boxes if not hasattr(b, "a")), "kept b:", sum(b.b for b in boxes))
