"""billtui — a keyboard-first terminal client for BILLmanager."""
__version__ = "0.1.0"
