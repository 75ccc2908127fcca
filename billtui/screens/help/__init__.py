"""Help and Tutorials: the provider's links."""
