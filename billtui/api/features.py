"""Which panel function makes each billtui feature available.

The app speaks of features ("payments", "tickets"); only this module knows the
BILLmanager function whose presence in the panel's ``menu`` reply means the
provider offers it. A feature missing here is billtui's own and always offered.
"""

from __future__ import annotations

from typing import Protocol

FEATURE_FUNCS: dict[str, tuple[str, ...]] = {
    # Any one of the functions is enough for the feature to be offered.
    "payments": ("payment",),
    "orders": ("basket", "order"),
    "expenses": ("expense",),
    "invoices": ("invoice",),
    "commissions": ("affiliate.client.reward",),
    "tickets": ("clientticket",),
    "archived_tickets": ("clientticket_archive",),
    "notifications": ("mainsubscribe", "subscribe"),
    "contact_settings": ("clientoption",),
    "user_settings": ("usrparam",),
    "affiliate": ("affiliate.client",),
}

# Features every logged-in customer has, whatever the menu says: the account
# itself answers through ``whoami``; services depend on the product types.
ALWAYS = frozenset({"customer"})


class _Menu(Protocol):
    functions: frozenset[str]
    service_types: tuple


def offered(menu: _Menu | None, feature: str | None) -> bool:
    """Whether the panel offers ``feature`` to this user.

    With no menu yet (still loading, or the panel did not answer) everything
    counts as offered: dimming an item is a claim we make only on evidence.
    """
    if feature is None or feature in ALWAYS or menu is None:
        return True
    if feature == "services":
        return bool(menu.service_types)
    funcs = FEATURE_FUNCS.get(feature)
    if funcs is None:
        return True
    return any(f in menu.functions for f in funcs)
