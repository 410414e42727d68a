# A caught exception re-raised with bare `raise` keeps its message
try:
    {}.popitem()
except KeyError:
    print("logging and re-raising")
    raise
