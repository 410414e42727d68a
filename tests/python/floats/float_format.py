# Format specs for floats
x = 1234.56789
for spec in ["f", ".2f", ".0f", "10.3f", "<10.1f", "^12.2f", "+.1f", " .1f", "010.2f", ",.2f", "_.3f",
             "e", ".3e", "E", "g", ".3g", ".10g", "G", "%", ".1%", "", ".1", "#.0f", "=+12.2f", "*>12.2f"]:
    print(repr(spec), format(x, spec), format(-x, spec))
for v in [0.0, -0.0, 1e-5, 1e16, 123456789.0, 0.000123456, 1e-10, 5e-324, float("inf"), float("nan"), -float("inf")]:
    print(format(v, "g"), format(v, ".3g"), format(v, "e"), format(v, ".2f"), format(v, ""), format(v, "10.4"))
print("%.3f|%10.2f|%-10.2f|%e|%g|%G|%5.1f%%" % (3.14159, 2.5, 2.5, 12345.678, 0.00001234, 1e20, 99.95))
print("%f %F %.0f %.0f %.0f %.0f" % (1 / 3, float("inf"), 0.5, 1.5, 2.5, -0.5))
print(f"{1 / 3:.5f} {2 ** 0.5:10.4f} {1e6:,.0f} {0.5:.0%} {12.0:g} {1e-4:g} {123456789.0:g}")
print("{:.2f} {:>8.3e} {:g}".format(3.14159, 31415.9, 100000.0), "{:g}".format(1000000.0))
print(format(1.5, ".0f"), format(2.5, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"))
print(str(1e16), str(1e-5), format(1e16, ""), format(1e16, "g"), format(1e15, "g"))
