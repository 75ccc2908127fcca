"""API functions, grouped by menu area; each module exposes ``HANDLERS`` (name -> handler)."""
