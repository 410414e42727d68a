"""hotpy's contextlib: contextmanager, suppress, nullcontext, closing, ExitStack,
redirect_stdout/stderr, chdir and their async forms."""

import sys as _sys

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager", "ContextDecorator",
           "ExitStack", "AsyncExitStack", "redirect_stdout", "redirect_stderr",
           "suppress", "aclosing", "chdir"]


class AbstractContextManager:
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        return None


class AbstractAsyncContextManager:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc_value, traceback):
        return None


def _copy_identity(wrapper, wrapped):
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        try:
            setattr(wrapper, attr, getattr(wrapped, attr))
        except (AttributeError, TypeError):
            pass
    wrapper.__wrapped__ = wrapped
    return wrapper


class ContextDecorator:
    """Mixin: an instance used as a decorator runs the function inside `with self`."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        def run_inside(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return _copy_identity(run_inside, func)


# ------------------------------------------------------------ contextmanager

def _settle(gen, kind, value):
    """Delivers a `with` block's exception into a generator-based manager.

    Returns True when the generator swallowed it. Re-raises whatever the generator
    raised instead, except the delivered exception itself (then returns False so
    the `with` statement re-raises it with its own traceback)."""
    try:
        gen.throw(kind, value, value.__traceback__)
    except StopIteration as stop:
        # Finished: the exception was swallowed unless it was this StopIteration.
        return stop is not value
    except RuntimeError as err:
        if err is value:
            return False
        # A StopIteration raised in the body comes back wrapped by the generator.
        if isinstance(value, StopIteration) and err.__cause__ is value:
            return False
        raise
    except BaseException as err:
        if err is value:
            return False
        raise
    raise RuntimeError("generator didn't stop after throw()")


class _GeneratorCM(ContextDecorator, AbstractContextManager):
    """What a @contextmanager function returns."""

    def __init__(self, func, args, kwds):
        self._factory = (func, args, kwds)
        self.gen = func(*args, **kwds)
        self.__doc__ = getattr(func, "__doc__", None) or type(self).__doc__

    def _recreate_cm(self):
        func, args, kwds = self._factory
        return type(self)(func, args, kwds)

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, kind, value, traceback):
        if kind is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = kind()
        return _settle(self.gen, kind, value)


async def _asettle(gen, kind, value):
    try:
        await gen.athrow(kind, value, value.__traceback__)
    except StopAsyncIteration as stop:
        return stop is not value
    except RuntimeError as err:
        if err is value:
            return False
        if isinstance(value, (StopIteration, StopAsyncIteration)) and err.__cause__ is value:
            return False
        raise
    except BaseException as err:
        if err is value:
            return False
        raise
    raise RuntimeError("generator didn't stop after athrow()")


class _AsyncGeneratorCM(AbstractAsyncContextManager):
    """What an @asynccontextmanager function returns."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)

    async def __aenter__(self):
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, kind, value, traceback):
        if kind is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = kind()
        return await _asettle(self.gen, kind, value)


def contextmanager(func):
    def make(*args, **kwds):
        return _GeneratorCM(func, args, kwds)
    return _copy_identity(make, func)


def asynccontextmanager(func):
    def make(*args, **kwds):
        return _AsyncGeneratorCM(func, args, kwds)
    return _copy_identity(make, func)


# ------------------------------------------------------------ small managers

class closing(AbstractContextManager):
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _SwapSysStream(AbstractContextManager):
    """Replaces one `sys` stream for the duration of a `with` (re-entrant)."""

    _which = None

    def __init__(self, new_target):
        self._target = new_target
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(_sys, self._which))
        setattr(_sys, self._which, self._target)
        return self._target

    def __exit__(self, *exc_info):
        setattr(_sys, self._which, self._saved.pop())


class redirect_stdout(_SwapSysStream):
    _which = "stdout"


class redirect_stderr(_SwapSysStream):
    _which = "stderr"


class suppress(AbstractContextManager):
    def __init__(self, *exceptions):
        self._kinds = exceptions

    def __enter__(self):
        pass

    def __exit__(self, kind, value, traceback):
        if kind is None:
            return False
        if issubclass(kind, self._kinds):
            return True
        if isinstance(value, BaseExceptionGroup):
            kept, others = value.split(self._kinds)
            if others is None:
                return True
            raise others
        return False


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc_info):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *exc_info):
        pass


class chdir(AbstractContextManager):
    def __init__(self, path):
        self.path = path
        self._back = []

    def __enter__(self):
        import os
        self._back.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *exc_info):
        import os
        os.chdir(self._back.pop())


# ----------------------------------------------------------------- ExitStack

class ExitStack(AbstractContextManager):
    """Collects exit callbacks and runs them last-in first-out, as nested `with`
    statements would: each sees the exception left by the ones after it."""

    def __init__(self):
        # Entries are (awaitable, callback(kind, value, tb) -> suppress?).
        self._callbacks = []

    def pop_all(self):
        other = type(self)()
        other._callbacks, self._callbacks = self._callbacks, []
        return other

    def push(self, exit):
        method = getattr(type(exit), "__exit__", None)
        if method is None:
            self._callbacks.append((False, exit))
        else:
            self._callbacks.append((False, lambda *info: method(exit, *info)))
        return exit

    def enter_context(self, cm):
        kind = type(cm)
        try:
            enter, leave = kind.__enter__, kind.__exit__
        except AttributeError:
            raise TypeError("'%s.%s' object does not support the context manager protocol"
                            % (kind.__module__, kind.__qualname__)) from None
        result = enter(cm)
        self._callbacks.append((False, lambda *info: leave(cm, *info)))
        return result

    def callback(self, callback, /, *args, **kwds):
        def run(kind, value, tb):
            callback(*args, **kwds)
        run.__wrapped__ = callback
        self._callbacks.append((False, run))
        return callback

    def close(self):
        self.__exit__(None, None, None)

    def _unwind(self, info):
        """Runs synchronous callbacks; returns (suppressed, exception to raise)."""
        outer = _sys.exc_info()[1]
        suppressed = False
        pending = None
        while self._callbacks:
            is_async, cb = self._callbacks.pop()
            try:
                if cb(*info):
                    suppressed = True
                    pending = None
                    info = (None, None, None)
            except BaseException as exc:
                _link_context(exc, info[1], outer)
                pending = exc
                info = (type(exc), exc, exc.__traceback__)
        return suppressed, pending

    def __exit__(self, *info):
        had_exception = info[0] is not None
        suppressed, pending = self._unwind(info)
        if pending is not None:
            context = pending.__context__
            try:
                raise pending
            finally:
                pending.__context__ = context
        return had_exception and suppressed


def _link_context(new, old, outer):
    """An exception raised by a callback was raised while `outer` (the exception
    around the whole stack) was being handled, so its context chain leads to
    `outer`; as with nested `with` statements it should lead to `old`, the
    exception the callback was given. Relink the chain where it reaches `outer`."""
    if new is old:
        return
    node = new
    while True:
        ctx = node.__context__
        if ctx is None or ctx is old:
            return
        if ctx is outer:
            break
        node = ctx
    node.__context__ = old


class AsyncExitStack(ExitStack):
    async def enter_async_context(self, cm):
        kind = type(cm)
        enter, leave = kind.__aenter__, kind.__aexit__
        result = await enter(cm)
        self._callbacks.append((True, lambda *info: leave(cm, *info)))
        return result

    def push_async_exit(self, exit):
        method = getattr(type(exit), "__aexit__", None)
        if method is None:
            self._callbacks.append((True, exit))
        else:
            self._callbacks.append((True, lambda *info: method(exit, *info)))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        async def run(kind, value, tb):
            await callback(*args, **kwds)
        self._callbacks.append((True, run))
        return callback

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *info):
        had_exception = info[0] is not None
        outer = _sys.exc_info()[1]
        suppressed = False
        pending = None
        while self._callbacks:
            is_async, cb = self._callbacks.pop()
            try:
                result = cb(*info)
                if is_async:
                    result = await result
                if result:
                    suppressed = True
                    pending = None
                    info = (None, None, None)
            except BaseException as exc:
                _link_context(exc, info[1], outer)
                pending = exc
                info = (type(exc), exc, exc.__traceback__)
        if pending is not None:
            raise pending
        return had_exception and suppressed
