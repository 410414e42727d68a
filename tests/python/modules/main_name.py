# __name__ of the main script vs imported modules
import mod_namecheck
print(__name__, mod_namecheck.IMPORTED_AS)
def main():
    print("main() called because __name__ == '__main__'")
if __name__ == "__main__":
    main()
import sys
print(sys.modules["__main__"].__name__, "main" in dir(sys.modules["__main__"]))
