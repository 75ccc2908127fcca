"""billtui — a keyboard-first terminal client for BILLmanager."""
import sys as _sys

__version__ = "0.1.0"


def version() -> str:
    """The installed distribution's version, else this source tree's (``--version``, crash reports)."""
    try:
        from importlib.metadata import version as installed  # here, not at import: every start pays for that

        return installed("billtui")
    except Exception:  # not installed, or broken metadata: neither may stop a crash report or --version
        return __version__ or "unknown"


# httpx imports its own command-line tool when it is importable, which pulls in
# click and pygments (tens of ms at every start) for nothing billtui uses.
# A None entry makes that optional import fail cleanly; httpx handles it.
_sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
