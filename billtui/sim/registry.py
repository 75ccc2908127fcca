"""Every API function the demo panel knows, by name, gathered from the handler modules."""
from __future__ import annotations

from .context import Handler
from .handlers import account, auth, basket, payments, reports, services, settings, tickets

PUBLIC_FUNCS = auth.PUBLIC
PRE_TOTP_FUNCS = auth.PRE_TOTP_FUNCS


def all_handlers() -> dict[str, Handler]:
    """Name -> handler for every function; later modules may not silently override earlier ones."""
    table: dict[str, Handler] = {}
    for module in (auth, account, services, payments, basket, reports, tickets, settings):
        for name, handler in module.HANDLERS.items():
            if name in table:
                raise RuntimeError(f"function {name} registered twice")
            table[name] = handler
    return table
