"""hotpy's concurrent.futures: `Future`, `wait`, `as_completed` and
`ThreadPoolExecutor`, over `threading` and `queue` (no ProcessPoolExecutor).

How it works
- A `Future` is a state (PENDING -> RUNNING -> FINISHED, or PENDING -> CANCELLED ->
  CANCELLED_AND_NOTIFIED) guarded by its own `Condition`. Completing it notifies the
  condition, tells every registered `_Waiter` (installed by `wait`/`as_completed`), then
  runs the done callbacks outside the lock.
- `ThreadPoolExecutor.submit` puts a `_WorkItem` on a `SimpleQueue` and starts a worker
  unless an idle one exists (counted by the `_idle` semaphore), up to `max_workers`.
  Workers take items until they get `None`, which they put back for the next worker.
  `shutdown` puts the `None`; a failing initializer breaks the pool and fails all queued
  work with `BrokenThreadPool`.
- At interpreter exit `threading._shutdown` runs `_python_exit` (registered with
  `threading._register_atexit`): new submissions are refused and every live worker is
  told to finish the queued work and stop, so exit waits for submitted work as CPython
  does.

What must hold
- A waiter is registered on a future under the future's condition, so a future either
  is seen finished at registration or reports to the waiter later; `_Waiter.pending`
  starts at 1 for the registration itself, so ALL_COMPLETED cannot fire before every
  future was registered.
- No user code (callbacks, work functions) runs with a future's condition or the
  executor's lock held.
- There are no weak references in hotpy: an executor that is never shut down keeps its
  idle workers until interpreter exit.
"""

import os
import threading
from types import GenericAlias as _GenericAlias
import queue
import itertools
from collections import namedtuple
from time import monotonic as _time
import sys as _sys

__all__ = [
    "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "CancelledError",
    "TimeoutError", "InvalidStateError", "BrokenExecutor", "Future", "Executor",
    "wait", "as_completed", "ThreadPoolExecutor",
]

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"
_AS_COMPLETED = "_AS_COMPLETED"

PENDING = "PENDING"
RUNNING = "RUNNING"
CANCELLED = "CANCELLED"
CANCELLED_AND_NOTIFIED = "CANCELLED_AND_NOTIFIED"
FINISHED = "FINISHED"

_STATE_NAMES = {
    PENDING: "pending",
    RUNNING: "running",
    CANCELLED: "cancelled",
    CANCELLED_AND_NOTIFIED: "cancelled",
    FINISHED: "finished",
}

TimeoutError = TimeoutError


class Error(Exception):
    """Base class for the errors of this module."""


class CancelledError(Error):
    """The future was cancelled."""


class InvalidStateError(Error):
    """The operation is not allowed in the future's current state."""


class BrokenExecutor(RuntimeError):
    """The executor cannot run work any more."""


class BrokenThreadPool(BrokenExecutor):
    """A worker's initializer failed."""


def _report(header, exc):
    # What CPython's `LOGGER.critical/exception(header, exc_info=True)` shows with no
    # logging configured: the header line, then the traceback, on sys.stderr.
    err = _sys.stderr
    if err is not None:
        print(header, file=err, flush=True)
        _sys.__excepthook__(type(exc), exc, exc.__traceback__)


def _report_callback_error(fut, exc):
    _report("exception calling callback for %r" % (fut,), exc)


class _Waiter:
    """Collects futures as they finish for one `wait`/`as_completed` call; `event` is
    set when the caller should look."""

    def __init__(self, mode):
        self.mode = mode
        self.lock = threading.Lock()
        self.event = threading.Event()
        self.finished = []
        self.pending = 1  # +1 per registered future, -1 for the end of registration

    def add(self):
        with self.lock:
            self.pending += 1

    def _settle(self, fut):
        # Called with self.lock held; `fut` is None for the end of registration.
        self.pending -= 1
        if fut is not None:
            self.finished.append(fut)
        mode = self.mode
        if self.pending == 0 or (fut is not None and mode in (_AS_COMPLETED, FIRST_COMPLETED)):
            self.event.set()
        elif (mode == FIRST_EXCEPTION and fut is not None and not fut.cancelled()
              and fut._exception is not None):
            self.event.set()

    def registered(self):
        with self.lock:
            self._settle(None)

    def future_done(self, fut):
        with self.lock:
            self._settle(fut)

    def take(self):
        """The futures finished since the last call (for as_completed)."""
        with self.lock:
            out = self.finished
            self.finished = []
            self.event.clear()
            return out


class Future:
    """The result of a call that may not have finished yet."""

    def __init__(self):
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            state = _STATE_NAMES[self._state]
            where = "<%s at %s state=%s" % (self.__class__.__name__, hex(id(self)), state)
            if self._state == FINISHED:
                if self._exception is not None:
                    return "%s raised %s>" % (where, self._exception.__class__.__name__)
                return "%s returned %s>" % (where, self._result.__class__.__name__)
            return where + ">"

    def _finish_locked(self):
        # With the condition held: wake `result()` callers and registered waiters.
        self._condition.notify_all()
        for w in self._waiters:
            w.future_done(self)

    def _invoke_callbacks(self):
        callbacks = self._done_callbacks
        self._done_callbacks = []
        for fn in callbacks:
            try:
                fn(self)
            except Exception as e:
                _report_callback_error(self, e)

    def cancel(self):
        """Cancels the future unless it is running or done; True if it is cancelled."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._invoke_callbacks()
        return True

    def cancelled(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        with self._condition:
            return self._state == RUNNING

    def done(self):
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)

    def add_done_callback(self, fn):
        """Calls `fn(future)` when the future is done (at once if it already is)."""
        with self._condition:
            if self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception as e:
            _report_callback_error(self, e)

    def _outcome(self):
        if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
            raise CancelledError()
        if self._exception is not None:
            try:
                raise self._exception
            finally:
                self = None  # no cycle through the traceback
        return self._result

    def result(self, timeout=None):
        """The call's result; re-raises its exception, CancelledError if cancelled,
        TimeoutError if not done within `timeout` seconds."""
        with self._condition:
            if timeout is None:
                while self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                    self._condition.wait()
            else:
                self._wait_until(_time() + timeout)
            return self._outcome()

    def exception(self, timeout=None):
        """The call's exception (None if it returned); CancelledError if cancelled,
        TimeoutError if not done within `timeout` seconds."""
        with self._condition:
            if timeout is None:
                while self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                    self._condition.wait()
            else:
                self._wait_until(_time() + timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            return self._exception

    def _wait_until(self, end):
        # With the condition held.
        while self._state not in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
            left = end - _time()
            if left <= 0:
                raise TimeoutError()
            self._condition.wait(left)

    # For executors (and tests).

    def set_running_or_notify_cancel(self):
        """Marks the future running (True), or, if it was cancelled, tells the
        waiters (False). Executors call this before running the work."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for w in self._waiters:
                    w.future_done(self)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError("Future in unexpected state")

    def set_result(self, result):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._result = result
            self._state = FINISHED
            self._finish_locked()
        self._invoke_callbacks()

    def set_exception(self, exception):
        with self._condition:
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED):
                raise InvalidStateError("{}: {!r}".format(self._state, self))
            self._exception = exception
            self._state = FINISHED
            self._finish_locked()
        self._invoke_callbacks()

    __class_getitem__ = classmethod(_GenericAlias)


def _install_waiter(fs, mode):
    """Registers a waiter on every unfinished future of `fs`; returns it and the
    futures already done at registration."""
    waiter = _Waiter(mode)
    done = []
    for f in fs:
        with f._condition:
            if f._state in (CANCELLED_AND_NOTIFIED, FINISHED):
                done.append(f)
            else:
                # A CANCELLED future reports once an executor notices it
                # (set_running_or_notify_cancel); until then it counts as pending.
                waiter.add()
                f._waiters.append(waiter)
    waiter.registered()
    return waiter, done


def _remove_waiter(fs, waiter):
    for f in fs:
        with f._condition:
            try:
                f._waiters.remove(waiter)
            except ValueError:
                pass


def as_completed(fs, timeout=None):
    """Yields the futures of `fs` (duplicates once) as they finish; raises
    TimeoutError if some are unfinished after `timeout` seconds from this call."""
    end = None if timeout is None else timeout + _time()
    fs = set(fs)
    total = len(fs)
    return _as_completed(fs, total, end)


def _as_completed(fs, total, end):
    waiter, done = _install_waiter(fs, _AS_COMPLETED)
    pending = set(fs)
    try:
        for f in done:
            pending.discard(f)
            yield f
        while pending:
            if end is None:
                left = None
            else:
                left = end - _time()
                if left < 0:
                    raise TimeoutError("%d (of %d) futures unfinished" % (len(pending), total))
            waiter.event.wait(left)
            for f in waiter.take():
                if f in pending:
                    pending.discard(f)
                    yield f
    finally:
        _remove_waiter(fs, waiter)


DoneAndNotDoneFutures = namedtuple("DoneAndNotDoneFutures", "done not_done")


def _finished(fs):
    """The futures of `fs` that are finished or cancelled, each read under its lock."""
    done = set()
    for f in fs:
        with f._condition:
            if f._state in (CANCELLED_AND_NOTIFIED, FINISHED):
                done.add(f)
    return done


def _enough(done, fs, return_when):
    """Does `done` satisfy `return_when` for the futures `fs`?"""
    if return_when == FIRST_COMPLETED and done:
        return True
    if return_when == FIRST_EXCEPTION and any(
        not f.cancelled() and f._exception is not None for f in done
    ):
        return True
    return len(done) == len(fs)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Waits for the futures `fs` as `return_when` says (FIRST_COMPLETED,
    FIRST_EXCEPTION or ALL_COMPLETED) or until `timeout` seconds pass; returns the named
    tuple (done, not_done) of sets.

    A future may finish between the first check and the waiter's installation (its
    notification then finds no waiter), so the states are checked again once the waiter
    is installed, before sleeping."""
    fs = set(fs)
    done = _finished(fs)
    if _enough(done, fs, return_when):
        return DoneAndNotDoneFutures(done, fs - done)
    not_done = fs - done
    # Checked only when the call must wait, as CPython does: wait(done_futures, "x")
    # returns, while an unknown condition with work pending raises.
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return condition: %r" % return_when)
    waiter, _ = _install_waiter(not_done, return_when)
    try:
        if not _enough(_finished(fs), fs, return_when):
            waiter.event.wait(timeout)
    finally:
        _remove_waiter(not_done, waiter)
    done = _finished(fs)
    return DoneAndNotDoneFutures(done, fs - done)


class Executor:
    """Base class of executors: `submit` schedules a call and returns its Future."""

    def submit(self, fn, /, *args, **kwargs):
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), the calls running concurrently; results come in
        order, each call's exception re-raised at its turn. All calls are submitted
        before this returns; `timeout` counts from this call."""
        end = None if timeout is None else timeout + _time()
        fs = [self.submit(fn, *args) for args in zip(*iterables)]
        return _map_results(fs, end)

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False


def _map_results(fs, end):
    fs.reverse()
    try:
        while fs:
            f = fs.pop()
            if end is None:
                yield f.result()
            else:
                yield f.result(end - _time())
            del f
    finally:
        for f in fs:
            f.cancel()


class _WorkItem:
    def __init__(self, future, fn, args, kwargs):
        self.future = future
        self.fn = fn
        self.args = args
        self.kwargs = kwargs

    def run(self):
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            self.future.set_exception(exc)
            self = None
        else:
            self.future.set_result(result)


# Interpreter exit: refuse new work, let live workers finish the queue, join them.
_exit_lock = threading.Lock()
_exiting = False
_live_workers = {}  # worker Thread -> its executor's work queue


def _python_exit():
    global _exiting
    with _exit_lock:
        _exiting = True
        items = list(_live_workers.items())
    for t, q in items:
        q.put(None)
    for t, q in items:
        t.join()


threading._register_atexit(_python_exit)


def _worker(executor, work, initializer, initargs):
    try:
        if initializer is not None:
            try:
                initializer(*initargs)
            except BaseException as e:
                _report("Exception in initializer:", e)
                executor._initializer_failed()
                return
        while True:
            item = work.get()
            if item is None:
                work.put(None)  # wake the next worker too
                return
            item.run()
            del item
            executor._idle.release()
    finally:
        with _exit_lock:
            _live_workers.pop(threading.current_thread(), None)


class ThreadPoolExecutor(Executor):
    """Runs submitted calls on up to `max_workers` threads, started as needed."""

    _counter = itertools.count().__next__

    def __init__(self, max_workers=None, thread_name_prefix="", initializer=None,
                 initargs=()):
        if max_workers is None:
            max_workers = min(32, (os.cpu_count() or 1) + 4)
        if max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        self._max_workers = max_workers
        self._work = queue.SimpleQueue()
        self._idle = threading.Semaphore(0)
        self._threads = set()
        self._broken = False
        self._shutdown = False
        self._lock = threading.Lock()
        if not thread_name_prefix:
            with _exit_lock:
                thread_name_prefix = "ThreadPoolExecutor-%d" % self._counter()
        self._thread_name_prefix = thread_name_prefix
        self._initializer = initializer
        self._initargs = initargs

    def submit(self, fn, /, *args, **kwargs):
        with self._lock:
            if self._broken:
                raise BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError("cannot schedule new futures after shutdown")
            if _exiting:
                raise RuntimeError("cannot schedule new futures after interpreter shutdown")
            f = Future()
            self._work.put(_WorkItem(f, fn, args, kwargs))
            self._adjust_thread_count()
            return f

    def _adjust_thread_count(self):
        # With self._lock held.
        if self._idle.acquire(timeout=0):
            return
        n = len(self._threads)
        if n < self._max_workers:
            t = threading.Thread(
                name="%s_%d" % (self._thread_name_prefix, n),
                target=_worker,
                args=(self, self._work, self._initializer, self._initargs),
            )
            with _exit_lock:
                _live_workers[t] = self._work
            try:
                t.start()
            except BaseException:
                with _exit_lock:
                    _live_workers.pop(t, None)
                raise
            self._threads.add(t)

    def _initializer_failed(self):
        with self._lock:
            self._broken = ("A thread initializer failed, the thread pool "
                            "is not usable anymore")
            while True:
                try:
                    item = self._work.get_nowait()
                except queue.Empty:
                    break
                if item is not None:
                    item.future.set_exception(BrokenThreadPool(self._broken))
            self._work.put(None)

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Refuses new work; with `cancel_futures` cancels the queued calls; with `wait`
        waits for the workers to finish the rest."""
        with self._lock:
            self._shutdown = True
            if cancel_futures:
                while True:
                    try:
                        item = self._work.get_nowait()
                    except queue.Empty:
                        break
                    if item is not None and item.future.cancel():
                        # No worker will see it: tell wait/as_completed now.
                        item.future.set_running_or_notify_cancel()
            self._work.put(None)
            threads = list(self._threads)
        if wait:
            for t in threads:
                t.join()
