def scale(x, k=2):
    return x * k
PI = 3.14159
