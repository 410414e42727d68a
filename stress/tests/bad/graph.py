# A workload that says OK but writes to stderr (for the driver's own test).
import sys
sys.stderr.write("warning: something odd\n")
print("OK graph")
