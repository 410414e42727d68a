# A workload that hangs (for the driver's own test): the driver kills it at --timeout.
import time
while True:
    time.sleep(0.05)
