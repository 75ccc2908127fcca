"""One small async function per API call, grouped by menu area.

Screens call these (never ``client.call`` with a function name), so every function and
field name of the panel stays inside ``billtui.api``. Each area's module is loaded
when first used (PEP 562), so a start loads only the areas its first screen asks.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__all__ = ["account", "finance", "services", "settings", "support"]

if TYPE_CHECKING:
    from . import account, finance, services, settings, support  # noqa: F401


def __getattr__(name: str) -> Any:
    if name in __all__:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
