"""Module docstring."""
from __future__ import annotations
import os, sys as system
import a.b.c
import a.b.c as abc
from . import sibling
from ..pkg.mod import name as alias, other
from module import *

counter: int = 0

def everything(a, /, b=1, *args, c, d=2, **kw) -> list[int]:
    global counter
    counter += 1
    result = []
    for i, x in enumerate(args):
        if i % 2:
            continue
        elif x is None:
            break
        else:
            result.append(x)
    else:
        result.append(-1)
    while b:
        b -= 1
    try:
        with open(a) as fp:
            data = fp.read()
    except (OSError, ValueError) as err:
        raise RuntimeError(str(err)) from err
    finally:
        result.append(0)
    match data:
        case {"x": int(x), **rest}:
            result.append(x)
        case [1, *tail] if tail:
            result.extend(tail)
        case _:
            pass
    squares = {k: k * k for k in range(c) if k}
    return [r for r in result if r in squares]

class Thing(Base, metaclass=Meta):
    """Thing."""
    __slots__ = ("_x",)
    size: int

    def __init__(self, x):
        super().__init__()
        self.__x = x

    @property
    def x(self):
        return self.__x

    async def run(self, source):
        async with source as s:
            async for item in s:
                await item
        return [await y async for y in source]

def gen():
    x = yield 1
    yield from range(x)
    try:
        yield
    except* ValueError as eg:
        print(eg)

lam = lambda *a, **k: (a, k)
print(f"{counter:>{10}} {system.argv!r} {lam=}", sep="")
assert counter, "must count"
del lam
