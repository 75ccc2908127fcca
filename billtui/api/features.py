"""Which panel function makes each billtui feature available.

The app speaks of features ("payments", "tickets"); only this module knows the
BILLmanager function whose presence in the panel's ``menu`` reply means the
provider offers it. A feature missing here is billtui's own and always offered.
"""

from __future__ import annotations

from typing import Protocol

# Evidence: the production panel (Karantir-dev/billing-typescript) gates its pages on the
# ``menu&sok=ok`` items with usePageRender(section, func) (src/utils/checkIfComponentShouldRender.js):
# finance → payment, expense; support → clientticket, clientticket_archive; customer → usrparam,
# affiliate.client. Those rows are PROVEN; the others are UNPROVEN (no real client gates them on
# the menu). Commissions are not a menu item there: they are the ``reward`` button of
# affiliate.client's toolbar (Pages/AffiliateProgram/AffiliateProgram.jsx), so a menu naming
# affiliate.client offers them too.
FEATURE_FUNCS: dict[str, tuple[str, ...]] = {
    # Any one of the functions is enough for the feature to be offered.
    "payments": ("payment",),
    "orders": ("basket", "order"),
    "expenses": ("expense",),
    "invoices": ("invoice",),
    "commissions": ("affiliate.client.reward", "affiliate.client"),
    "tickets": ("clientticket",),
    "archived_tickets": ("clientticket_archive",),
    # Real panels keep the notification switches as usrparam fields (settingsOperations.js
    # getUserParams), so a menu with only usrparam still offers them.
    "notifications": ("mainsubscribe", "subscribe", "usrparam"),
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
