import sys
IMPORTED_AS = __name__
if __name__ == "__main__":
    print("mod_namecheck run as main (should not happen in tests)")
else:
    print("mod_namecheck imported as", __name__)
