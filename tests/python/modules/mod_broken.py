print("mod_broken starts")
x = 1 / 0
