# Exceptions across await, throw() and close() on coroutines
class Pause:
    def __await__(self):
        return (yield "paused")
async def failing():
    await Pause()
    raise ValueError("inside coroutine")
async def catching():
    try:
        await failing()
    except ValueError as e:
        return "caught: " + str(e)
c = catching()
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
async def resilient():
    while True:
        try:
            await Pause()
        except KeyError as e:
            print("resilient handled", e)
            return "done"
c = resilient()
c.send(None)
try:
    c.throw(KeyError("k"))
except StopIteration as e:
    print("finished with", e.value)
async def cleanup():
    try:
        await Pause()
    finally:
        print("coroutine cleanup")
c = cleanup()
c.send(None)
c.close()
c = cleanup()
c.send(None)
try:
    c.throw(RuntimeError("thrown"))
except RuntimeError as e:
    print("propagated", e)
async def simple():
    return 1
c = simple()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def awaits_non_awaitable():
    await 5
c = awaits_non_awaitable()
try:
    c.send(None)
except TypeError as e:
    print("TypeError", e)
