# A workload that breaks its invariant (for the driver's own test).
print("FAIL counters lost 1 increment")
raise SystemExit(1)
