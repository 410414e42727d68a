def handler(f):
    try:
        r = f()
    except ValueError as e:
        print(e)
        raise RuntimeError("wrapped") from e
    except (TypeError, KeyError):
        r = None
    except:
        raise
    else:
        r += 1
    finally:
        print("done")
    return r

def loop_finally(items):
    for item in items:
        try:
            if item:
                continue
            if item is None:
                break
            return item
        finally:
            cleanup(item)

def nested():
    try:
        try:
            a()
        except A:
            b()
    except B as err:
        return err

def groups():
    try:
        work()
    except* OSError as eg:
        log(eg)
    except* ValueError:
        pass

assert check(), "message"
assert other
