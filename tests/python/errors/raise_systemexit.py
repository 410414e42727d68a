# raise SystemExit(n) directly, inside a function with finally
def main():
    try:
        print("main running")
        raise SystemExit(4)
    finally:
        print("finally before exit")
main()
