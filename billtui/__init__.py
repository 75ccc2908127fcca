"""billtui — a keyboard-first terminal client for BILLmanager."""
import sys as _sys

__version__ = "0.1.0"

# httpx imports its own command-line tool when it is importable, which pulls in
# click and pygments (tens of ms at every start) for nothing billtui uses.
# A None entry makes that optional import fail cleanly; httpx handles it.
_sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
