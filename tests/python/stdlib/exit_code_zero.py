# sys.exit(0) and sys.exit(None) end the program with status 0
import sys
print("before exit")
try:
    sys.exit(7)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code", e.code)
sys.stdout.flush()
sys.exit(0)
print("never printed")
