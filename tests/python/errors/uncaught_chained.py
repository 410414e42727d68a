# Uncaught exception with a cause: the last stderr line is the final exception
try:
    int("abc")
except ValueError as e:
    print("converting error")
    raise RuntimeError("could not parse input") from e
