"""The BILLmanager customer API client (no UI code here).

``BillClient`` holds the session; ``calls`` has one function per API call; ``lists``
declares the list screens' data; ``models`` the typed rows; ``errors`` what can go wrong.

Names are loaded when first used (PEP 562): importing ``billtui.api.values`` must
not import httpx and every call module, so a start only pays for what it uses.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_SUBMODULES = {"assumed", "calls", "errors", "lists", "models", "parser", "values"}
_NAMES = {"BillClient": "client", "BillError": "errors", "Cell": "parser", "Doc": "parser",
          "Ok": "parser", "Option": "parser", "Row": "parser", "Money": "values"}

__all__ = sorted(_SUBMODULES | set(_NAMES))

if TYPE_CHECKING:
    from . import assumed, calls, errors, lists, models, parser, values  # noqa: F401
    from .client import BillClient  # noqa: F401
    from .errors import BillError  # noqa: F401
    from .parser import Cell, Doc, Ok, Option, Row  # noqa: F401
    from .values import Money  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    if name in _NAMES:
        return getattr(import_module(f"{__name__}.{_NAMES[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
