print("mod_cycle_b start")
import mod_cycle_a
B_VALUE = "b-value"
SEEN_EARLY = getattr(mod_cycle_a, "A_EARLY", None)
SEEN_LATE = getattr(mod_cycle_a, "A_LATE", None)
print("mod_cycle_b end")
