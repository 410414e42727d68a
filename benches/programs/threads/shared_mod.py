# A module whose function the `module_attr` pattern of patterns.py calls from every
# thread as `shared_mod.low_bits(i)`: one module object, shared by all threads.


def low_bits(x):
    return x & 3
