# printf-style % formatting
print("%s and %s" % ("a", "b"), "%r" % "q", "%d%%" % 50, "%5s|%-5s|" % ("ab", "cd"))
print("%d %i %o %x %X %#o %#x %#X" % (42, -42, 8, 255, 255, 8, 255, 255))
print("%5d|%-5d|%05d|%+d|% d|%+05d" % (42, 42, 42, 42, 42, -42))
print("%.2f %10.3f %-10.1f| %e %.2E %g %G" % (3.14159, 2.71828, 1.5, 12345.6789, 0.000123, 1e-10, 1e20))
print("%c%c%c" % (72, "i", 33), "%s" % [1, 2], "%s" % (1,), "%s %s" % (None, True))
print("%(name)s is %(age)d" % {"name": "ann", "age": 30}, "%(x)r" % {"x": "y"})
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%s" % "single", "%s" % ((1, 2),), "%.3s" % "abcdef", "%10.2s|" % "xyz")
print("%x" % 2 ** 70, "%d" % 2 ** 70, "%d" % 3.99, "%s" % 1.0, "%r" % 1e16, "%a" % "é")
print("%i" % True, "%.0f" % 0.5, "%.0f" % 1.5, "%5.1f%%" % 12.34)
for fmt, args in [("%d", ("x",)), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", (1,)), ("%(k)s", ({},)), ("%c", (1114112,))]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
print(b"%s %d %x" % (b"bytes", 5, 255), b"%c" % 65, b"%5b|" % b"ab")
