# Circular imports see partially initialised modules
import mod_cycle_a
import mod_cycle_b
print(mod_cycle_b.SEEN_EARLY, mod_cycle_b.SEEN_LATE, mod_cycle_a.from_b(), mod_cycle_a.A_LATE)
