# hotpy's own implementation of `contextlib`, written for hotpy from the
# documented behaviour of the module (not derived from CPython's source).
"""hotpy's contextlib: contextmanager/asynccontextmanager, suppress,
nullcontext, closing/aclosing, redirect_stdout/redirect_stderr, chdir,
ExitStack/AsyncExitStack and the abstract context-manager bases."""

import sys as _sys
from abc import ABCMeta as _ABCMeta, abstractmethod as _abstractmethod
from functools import wraps as _wraps

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager", "ContextDecorator",
           "ExitStack", "AsyncExitStack", "redirect_stdout", "redirect_stderr",
           "suppress", "aclosing", "chdir"]


def _class_defines(C, *names):
    # Structural test used by the abstract bases' __subclasshook__.
    for name in names:
        found = False
        for klass in C.__mro__:
            if name in klass.__dict__:
                found = klass.__dict__[name] is not None
                break
        if not found:
            return NotImplemented
    return True


# ------------------------------------------------------------ abstract bases

class AbstractContextManager(metaclass=_ABCMeta):
    """Base for classes implementing __enter__ (returns self here) and
    __exit__ (abstract). Any class with both is treated as a subclass."""
    __slots__ = ()

    def __enter__(self):
        return self

    @_abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _class_defines(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(metaclass=_ABCMeta):
    """Asynchronous counterpart of AbstractContextManager."""
    __slots__ = ()

    async def __aenter__(self):
        return self

    @_abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _class_defines(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator:
    """Mixin letting a context manager also be used as a function decorator:
    each call of the decorated function runs inside the manager."""

    def _recreate_cm(self):
        # One-shot managers override this to hand out a fresh instance.
        return self

    def __call__(self, func):
        @_wraps(func)
        def run_inside(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return run_inside


class AsyncContextDecorator:
    """ContextDecorator for asynchronous context managers (decorates
    coroutine functions)."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @_wraps(func)
        async def run_inside(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return run_inside


# ------------------------------------------------- generator-based managers

class _GeneratorCM(ContextDecorator, AbstractContextManager):
    """What a @contextmanager function returns when called."""

    def __init__(self, factory, args, kwds):
        self._factory = factory
        self._args = args
        self._kwds = kwds
        self.gen = factory(*args, **kwds)
        doc = getattr(factory, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # A generator runs once, so each decorated call needs a new one.
        return type(self)(self._factory, self._args, self._kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, exc_type, exc_value, traceback):
        gen = self.gen
        if exc_type is None:
            # Normal exit: the generator must finish after its one yield.
            for _ in gen:
                raise RuntimeError("generator didn't stop")
            return False
        if exc_value is None:
            exc_value = exc_type()
        try:
            gen.throw(exc_value)
        except StopIteration as stop:
            # The generator finished: it swallowed the exception unless what
            # stopped it is the very StopIteration thrown in.
            return stop is not exc_value
        except BaseException as raised:
            if _is_passthrough(raised, exc_value):
                # Let the original exception carry on with its own traceback.
                exc_value.__traceback__ = traceback
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def _is_passthrough(raised, thrown):
    # The generator re-raised what was thrown into it (possibly converted to
    # RuntimeError because it was a StopIteration, PEP 479).
    if raised is thrown:
        return True
    if isinstance(raised, RuntimeError):
        cause = raised.__cause__
        return cause is thrown and isinstance(thrown, (StopIteration, StopAsyncIteration))
    return False


class _AsyncGeneratorCM(AsyncContextDecorator, AbstractAsyncContextManager):
    """What an @asynccontextmanager function returns when called."""

    def __init__(self, factory, args, kwds):
        self._factory = factory
        self._args = args
        self._kwds = kwds
        self.gen = factory(*args, **kwds)
        doc = getattr(factory, "__doc__", None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        return type(self)(self._factory, self._args, self._kwds)

    async def __aenter__(self):
        try:
            return await self.gen.__anext__()
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, exc_type, exc_value, traceback):
        gen = self.gen
        if exc_type is None:
            try:
                await gen.__anext__()
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if exc_value is None:
            exc_value = exc_type()
        try:
            await gen.athrow(exc_value)
        except StopAsyncIteration as stop:
            return stop is not exc_value
        except BaseException as raised:
            if _is_passthrough(raised, exc_value):
                exc_value.__traceback__ = traceback
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """Decorator: turn a generator function that yields exactly once into a
    factory of context managers. The code before the yield runs on entry, the
    yielded value is bound by `as`, and the rest runs on exit; an exception in
    the with-block is raised inside the generator at the yield."""
    @_wraps(func)
    def make_cm(*args, **kwds):
        return _GeneratorCM(func, args, kwds)
    return make_cm


def asynccontextmanager(func):
    """Like contextmanager, for asynchronous generator functions and
    `async with`."""
    @_wraps(func)
    def make_cm(*args, **kwds):
        return _AsyncGeneratorCM(func, args, kwds)
    return make_cm


# ------------------------------------------------------- small managers

class closing(AbstractContextManager):
    """Binds `thing` and calls thing.close() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __exit__(self, *exc_info):
        self.thing.close()

    def __enter__(self):
        return self.thing


class aclosing(AbstractAsyncContextManager):
    """Binds `thing` and awaits thing.aclose() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()

    async def __aenter__(self):
        return self.thing


class _SysStreamSwap(AbstractContextManager):
    # Replaces sys.<_attr> for the duration of the block. Re-entrant: each
    # entry remembers what it replaced.
    _attr = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(_sys, self._attr))
        setattr(_sys, self._attr, self._new_target)
        return self._new_target

    def __exit__(self, exc_type, exc_value, traceback):
        setattr(_sys, self._attr, self._saved.pop())


class redirect_stdout(_SysStreamSwap):
    """Send sys.stdout to another file-like object inside the block."""
    _attr = "stdout"


class redirect_stderr(_SysStreamSwap):
    """Send sys.stderr to another file-like object inside the block."""
    _attr = "stderr"


class suppress(AbstractContextManager):
    """Silently ends the block when it raises one of the given exception
    types; execution resumes after the with statement."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exc_type, exc_value, traceback):
        if exc_type is None:
            return False
        return issubclass(exc_type, self._exceptions)


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A manager that does nothing; `as` binds `enter_result`."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc_info):
        return None

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc_info):
        return None


class chdir(AbstractContextManager):
    """Change the working directory inside the block, restoring it after."""

    def __init__(self, path):
        self.path = path
        self._previous = []

    def __enter__(self):
        import os
        self._previous.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *exc_info):
        import os
        os.chdir(self._previous.pop())


# ---------------------------------------------------------------- exit stacks

def _chain_onto(new_exc, prior, outer):
    # `new_exc` was raised by an exit callback while `prior` was in flight.
    # Make `prior` the implicit context at the end of new_exc's own chain,
    # stopping at `outer` (the exception already being handled when the stack
    # began unwinding, which Python attached automatically).
    if prior is None or new_exc is prior:
        return
    node = new_exc
    while True:
        link = node.__context__
        if link is None or link is prior or link is outer:
            break
        node = link
    node.__context__ = prior


def _raise_with_context(exc):
    # A bare `raise exc` would replace exc.__context__ with the exception
    # being handled now; keep the chain built by the stack instead.
    kept = exc.__context__
    try:
        raise exc
    except BaseException:
        exc.__context__ = kept
        raise


def _exit_method_of(cm, special):
    # The unbound special method looked up on the type, as `with` does.
    owner = type(cm)
    try:
        return getattr(owner, special)
    except AttributeError:
        return None


def _protocol_error(cm, kind):
    owner = type(cm)
    return TypeError("'%s.%s' object does not support the %scontext manager protocol"
                     % (owner.__module__, owner.__qualname__, kind))


class _StackBase:
    # Shared bookkeeping of ExitStack and AsyncExitStack. Each entry of
    # self._exits is (is_sync, callable taking exc_type, exc, tb).

    def __init__(self):
        self._exits = []

    def pop_all(self):
        """Move every registered callback to a new stack of the same type,
        leaving this one empty, and return the new stack."""
        moved = type(self)()
        moved._exits = self._exits
        self._exits = []
        return moved

    def _add(self, func, is_sync=True):
        self._exits.append((is_sync, func))

    def _add_bound_exit(self, cm, exit_method, is_sync=True):
        def call_exit(exc_type, exc, tb):
            return exit_method(cm, exc_type, exc, tb)
        call_exit.__self__ = cm
        self._add(call_exit, is_sync)

    def push(self, exit):
        """Register a context manager's __exit__, or any callable taking the
        same three arguments, to run when the stack unwinds. Returns `exit`
        so this can be used as a decorator."""
        exit_method = _exit_method_of(exit, "__exit__")
        if exit_method is None:
            self._add(exit)
        else:
            self._add_bound_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter `cm` and push its __exit__; returns what __enter__ gave."""
        enter = _exit_method_of(cm, "__enter__")
        exit_method = _exit_method_of(cm, "__exit__")
        if enter is None or exit_method is None:
            raise _protocol_error(cm, "") from None
        result = enter(cm)
        self._add_bound_exit(cm, exit_method)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register `callback(*args, **kwds)` to run when the stack unwinds
        (it cannot suppress exceptions). Returns `callback`."""
        def call_later(exc_type, exc, tb):
            callback(*args, **kwds)
        call_later.__wrapped__ = callback
        self._add(call_later)
        return callback


class ExitStack(_StackBase, AbstractContextManager):
    """Collects context managers and cleanup callbacks and unwinds them in
    reverse order on exit. A callback returning true suppresses the current
    exception; one that raises replaces it, with the replaced exception as the
    new one's __context__."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        original = exc_details[1] if exc_details[0] is not None else None
        if original is None and exc_details[0] is not None:
            original = exc_details[0]()
        outer = _sys.exc_info()[1]
        current = original
        while self._exits:
            is_sync, func = self._exits.pop()
            if current is None:
                details = (None, None, None)
            else:
                details = (type(current), current, current.__traceback__)
            try:
                if func(*details):
                    current = None
            except BaseException as raised:
                _chain_onto(raised, current, outer)
                current = raised
        if current is None:
            return original is not None
        if current is original:
            return False
        _raise_with_context(current)

    def close(self):
        """Unwind the stack now, with no exception in flight."""
        self.__exit__(None, None, None)


class AsyncExitStack(_StackBase, AbstractAsyncContextManager):
    """ExitStack for `async with`: also accepts asynchronous context
    managers and coroutine callbacks."""

    def push_async_exit(self, exit):
        """Register an asynchronous context manager's __aexit__, or a
        coroutine function taking the same three arguments."""
        exit_method = _exit_method_of(exit, "__aexit__")
        if exit_method is None:
            self._add(exit, False)
        else:
            self._add_bound_exit(exit, exit_method, False)
        return exit

    async def enter_async_context(self, cm):
        """Enter an asynchronous context manager and push its __aexit__."""
        enter = _exit_method_of(cm, "__aenter__")
        exit_method = _exit_method_of(cm, "__aexit__")
        if enter is None or exit_method is None:
            raise _protocol_error(cm, "asynchronous ") from None
        result = await enter(cm)
        self._add_bound_exit(cm, exit_method, False)
        return result

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register a coroutine function to be awaited on unwinding."""
        async def call_later(exc_type, exc, tb):
            await callback(*args, **kwds)
        call_later.__wrapped__ = callback
        self._add(call_later, False)
        return callback

    async def aclose(self):
        """Unwind the stack now, with no exception in flight."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        original = exc_details[1] if exc_details[0] is not None else None
        if original is None and exc_details[0] is not None:
            original = exc_details[0]()
        outer = _sys.exc_info()[1]
        current = original
        while self._exits:
            is_sync, func = self._exits.pop()
            if current is None:
                details = (None, None, None)
            else:
                details = (type(current), current, current.__traceback__)
            try:
                if is_sync:
                    outcome = func(*details)
                else:
                    outcome = await func(*details)
                if outcome:
                    current = None
            except BaseException as raised:
                _chain_onto(raised, current, outer)
                current = raised
        if current is None:
            return original is not None
        if current is original:
            return False
        _raise_with_context(current)
