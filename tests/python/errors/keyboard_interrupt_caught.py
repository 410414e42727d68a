# Raising and catching BaseException subclasses explicitly
for exc in [KeyboardInterrupt, GeneratorExit, SystemExit]:
    try:
        raise exc("msg")
    except Exception:
        print("Exception caught it?!")
    except BaseException as e:
        print(type(e).__name__, "is not an Exception:", e)
