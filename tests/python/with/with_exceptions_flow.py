# with statements interacting with loops, returns and exceptions
class Log:
    def __init__(self, name, log, suppress=()):
        self.name, self.log, self.suppress = name, log, suppress
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        self.log.append("exit " + self.name + (" with " + et.__name__ if et else ""))
        return et is not None and issubclass(et, self.suppress)
def run():
    log = []
    for i in range(3):
        with Log(f"L{i}", log, suppress=(ValueError,)):
            if i == 1:
                raise ValueError
            if i == 2:
                break
    try:
        with Log("outer", log):
            with Log("inner", log, suppress=(KeyError,)):
                raise TypeError
    except TypeError:
        log.append("TypeError escaped both")
    def f():
        with Log("ret", log):
            return "value"
    log.append(f())
    return log
for line in run():
    print(line)
