"""hotpy's queue: synchronised queues for threads, over `threading`.

How it works
- `Queue` keeps its items in a container behind one plain lock, `mutex`, with three
  conditions on it: `not_empty` (getters wait), `not_full` (putters wait, only with a
  maxsize) and `all_tasks_done` (`join` waits until every put item was `task_done`).
- Subclasses change the order through the storage hooks `_init(maxsize)`, `_qsize()`,
  `_put(item)`, `_get()` (called with `mutex` held): FIFO uses a deque, `LifoQueue` a
  list, `PriorityQueue` a heap (`heapq`).
- `SimpleQueue` is unbounded FIFO without task tracking: a deque and one condition.

What must hold
- Every access to the storage and to `unfinished_tasks` happens with `mutex` held; no
  user code runs with it held except the item comparisons of `PriorityQueue`.
- `unfinished_tasks` counts puts minus `task_done` calls and never goes negative.
"""

import threading
from types import GenericAlias as _GenericAlias
from collections import deque
from heapq import heappush, heappop
from time import monotonic as _time

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    """Raised by a non-blocking get (or one that timed out) on an empty queue."""


class Full(Exception):
    """Raised by a non-blocking put (or one that timed out) on a full queue."""


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue; `maxsize <= 0` means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """Marks one item taken with `get` as processed (for `join`)."""
        with self.all_tasks_done:
            left = self.unfinished_tasks - 1
            if left < 0:
                raise ValueError("task_done() called too many times")
            self.unfinished_tasks = left
            if left == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Waits until every item put was marked `task_done`."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Adds `item`, waiting for a free slot if the queue is full (at most `timeout`
        seconds; raises Full if none frees, or at once if not `block`)."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                else:
                    _check_timeout(timeout)
                    end = _time() + timeout
                    while self._qsize() >= self.maxsize:
                        left = end - _time()
                        if left <= 0.0:
                            raise Full
                        self.not_full.wait(left)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Removes and returns an item, waiting for one if the queue is empty (at most
        `timeout` seconds; raises Empty if none comes, or at once if not `block`)."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            else:
                _check_timeout(timeout)
                end = _time() + timeout
                while not self._qsize():
                    left = end - _time()
                    if left <= 0.0:
                        raise Empty
                    self.not_empty.wait(left)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # Storage hooks; called with `mutex` held.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    # `Queue[int]` is a types.GenericAlias, as in CPython (typing hints, reprs).
    __class_getitem__ = classmethod(_GenericAlias)


class PriorityQueue(Queue):
    """Gets the smallest item first (items are often `(priority, data)` tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """Gets the most recently put item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without `task_done`/`join`."""

    # CPython's is the C type `_queue.SimpleQueue`.
    __module__ = "_queue"

    def __init__(self):
        self._queue = deque()
        self._cond = threading.Condition(threading.Lock())

    def put(self, item, block=True, timeout=None):
        """Adds `item`; never blocks (the arguments exist for compatibility)."""
        with self._cond:
            self._queue.append(item)
            self._cond.notify()

    def put_nowait(self, item):
        self.put(item, block=False)

    def get(self, block=True, timeout=None):
        with self._cond:
            if not block:
                if not self._queue:
                    raise Empty
            elif timeout is None:
                while not self._queue:
                    self._cond.wait()
            else:
                _check_timeout(timeout)
                end = _time() + timeout
                while not self._queue:
                    left = end - _time()
                    if left <= 0.0:
                        raise Empty
                    self._cond.wait(left)
            return self._queue.popleft()

    def get_nowait(self):
        return self.get(block=False)

    def empty(self):
        with self._cond:
            return not self._queue

    def qsize(self):
        with self._cond:
            return len(self._queue)

    # `Queue[int]` is a types.GenericAlias, as in CPython (typing hints, reprs).
    __class_getitem__ = classmethod(_GenericAlias)
