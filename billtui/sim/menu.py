"""The customer menu and what each edition (tier) offers.

One table, as data: the ``menu`` reply, the tier gate and the disabled-function list all
read from here, so the menu never names a function that then answers "not available".
"""
from __future__ import annotations

from typing import Callable

from .catalog import SERVICE_TYPES

TIERS = ("standard", "advanced", "corporate")

# section -> (title, [(func, title)])
# Real panels (Karantir-dev/billing-typescript usePageRender calls): usrparam and affiliate.client
# under "customer"; payment, expense under "finance"; clientticket, clientticket_archive under
# "support"; product types under "mainmenuservice"; "stat" (authlog). The client reads only the
# item names, wherever they sit.
# (assumed) The settings section is named "setting" (affiliate.client stays there for the
# edition tests; production shows it under "customer").
MENU: list[tuple[str, str, list[tuple[str, str]]]] = [
    ("customer", "Customer", [("user.edit", "Account"), ("profile", "Payers"),
                              ("account.discountinfo", "Discounts"), ("usrparam", "User settings")]),
    ("mainmenuservice", "Services", list(SERVICE_TYPES.items())),
    ("finance", "Finances", [("payment", "Credits/Payments"), ("basket", "Cart"), ("order", "Orders"),
                             ("expense", "Expenses"), ("invoice", "Invoices"),
                             ("affiliate.client.reward", "Affiliate program commissions")]),
    ("support", "Support", [("clientticket", "Open tickets"), ("clientticket_archive", "Archived tickets")]),
    ("setting", "Settings", [("mainsubscribe", "Notification subscription"),
                             ("clientoption", "Settings"), ("affiliate.client", "Affiliate program")]),
    ("stat", "Statistics", []),
]


def tier_allows(func: str, tier: str) -> bool:
    """The edition gate: Settings (contact data) only in Standard, Affiliate program only in Advanced."""
    if func == "clientoption" or func.startswith("clientoption."):
        return tier == "standard"
    if func.startswith("affiliate.client.reward") or func == "affiliate.client.click":
        return True
    if func == "affiliate.client" or func.startswith("affiliate.client."):
        return tier == "advanced"
    return True


def menu_doc(is_available: Callable[[str], bool]) -> dict:
    """The ``menu&sok=ok`` reply: ``mainmenu.node[]`` sections, titles in ``messages.msg`` (which
    ``doc.finish`` gives in the language asked for, like every ``messages`` label)."""
    sections = []
    msgs: dict[str, str] = {}
    for name, title, items in MENU:
        msgs[name] = title
        nodes = []
        for func, item_title in items:
            if is_available(func):
                nodes.append({"$name": func})
                msgs[func] = item_title
        sections.append({"$name": name, "node": nodes})
    return {"mainmenu": {"node": sections}, "messages": {"msg": msgs}}
