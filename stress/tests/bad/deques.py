# A workload that exits cleanly but gives another workload's verdict (for the driver's
# own test).
print("OK counters")
