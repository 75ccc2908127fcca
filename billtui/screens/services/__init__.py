"""Services: the overview, per-type lists and their actions, renewal, ordering."""
