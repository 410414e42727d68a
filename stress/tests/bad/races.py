# A workload that exits with a status and no verdict (for the driver's own test).
import sys
sys.exit(3)
