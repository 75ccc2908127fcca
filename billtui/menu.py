"""The customer menu and the edition table, as data.

This is the one place that says which menu item exists in which BILLmanager
edition (DESIGN.md §1, from the product's customer documentation). The tree, the
command palette, favourites and key bindings all ask this module, so an item the
edition hides cannot leak in anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Edition(str, Enum):
    """A BILLmanager edition (the panel's licence tier)."""

    STANDARD = "standard"
    ADVANCED = "advanced"
    CORPORATE = "corporate"

    # Shadows ``str.title()`` (a method) with a property on purpose: callers read ``edition.title``
    # as text. mypy cannot accept a property over a base-class method, and renaming it would
    # change the module's API.
    @property
    def title(self) -> str:  # type: ignore[override]
        return self.value.capitalize()

    @classmethod
    def parse(cls, value: str | None) -> "Edition":
        """Read a user-typed edition name; unknown names raise ``ValueError``."""
        if not value:
            return cls.STANDARD
        try:
            return cls(value.strip().lower())
        except ValueError:
            names = ", ".join(e.value for e in cls)
            raise ValueError(f"Unknown edition {value!r}: use one of {names}.") from None


ALL = frozenset(Edition)
STD = frozenset({Edition.STANDARD})
ADV = frozenset({Edition.ADVANCED})


@dataclass(frozen=True)
class Section:
    key: str
    title: str


@dataclass(frozen=True)
class MenuItem:
    """One leaf of the customer menu.

    ``feature`` names what the panel must offer for the item to be usable (see
    ``billtui.api.features``); ``None`` means the item is billtui's own (help,
    favourites) and is always available.
    """

    key: str
    section: str
    title: str
    editions: frozenset[Edition]
    feature: str | None
    alias: str = ""
    description: str = ""

    def in_edition(self, edition: Edition) -> bool:
        return edition in self.editions


SECTIONS: tuple[Section, ...] = (
    Section("customer", "Customer"),
    Section("services", "Services"),
    Section("finances", "Finances"),
    Section("support", "Support"),
    Section("settings", "Settings"),
    Section("help", "Help"),
)

# Every row of DESIGN.md §1. Customer, Services and the commissions carry no
# edition badge in the documentation: they are shown in every edition.
ITEMS: tuple[MenuItem, ...] = (
    MenuItem("customer", "customer", "Customer", ALL, "customer", "me",
             "Account and contact data, payers, discounts"),
    MenuItem("services", "services", "Services", ALL, "services", "svc",
             "Your services, one group per product type"),
    MenuItem("payments", "finances", "Credits/Payments", ALL, "payments", "pay",
             "Payments and adding funds"),
    MenuItem("orders", "finances", "Orders", ALL, "orders", "ord",
             "The cart and your order history"),
    MenuItem("expenses", "finances", "Expenses", ALL, "expenses", "exp",
             "Withdrawals from your account"),
    MenuItem("invoices", "finances", "Invoices", ALL, "invoices", "inv",
             "Invoices issued to you"),
    MenuItem("commissions", "finances", "Affiliate program commissions", ALL,
             "commissions", "com", "Rewards from your referrals"),
    MenuItem("tickets", "support", "Open tickets", ALL, "tickets", "tickets",
             "Your conversations with support"),
    MenuItem("archived_tickets", "support", "Archived tickets", ALL,
             "archived_tickets", "archive", "Tickets moved to the archive"),
    MenuItem("notifications", "settings", "Notification subscription", ALL,
             "notifications", "notify", "Which notices reach you, and how"),
    MenuItem("favourites", "settings", "Favourites", ALL, None, "fav",
             "Your starred items"),
    MenuItem("contact_settings", "settings", "Settings", STD, "contact_settings",
             "contact", "Contact data for notices"),
    MenuItem("user_settings", "settings", "User settings", ALL, "user_settings",
             "user", "Language, time zone, password, theme"),
    MenuItem("affiliate", "settings", "Affiliate program", ADV, "affiliate",
             "aff", "Your referral link and promo code"),
    MenuItem("help", "help", "Help", ALL, None, "help",
             "The BILLmanager documentation"),
    MenuItem("tutorials", "help", "Tutorials", ALL, None, "tut",
             "Video tutorials"),
)

_BY_KEY = {item.key: item for item in ITEMS}


def item(key: str) -> MenuItem:
    return _BY_KEY[key]


def items_for(edition: Edition) -> tuple[MenuItem, ...]:
    """The items the edition shows, in menu order."""
    return tuple(i for i in ITEMS if i.in_edition(edition))


def sections_for(edition: Edition) -> tuple[tuple[Section, tuple[MenuItem, ...]], ...]:
    """Sections with their visible items; a section left empty is dropped."""
    visible = items_for(edition)
    out = []
    for section in SECTIONS:
        members = tuple(i for i in visible if i.section == section.key)
        if members:
            out.append((section, members))
    return tuple(out)


def visible(key: str, edition: Edition) -> bool:
    """Whether an item key (e.g. from a favourite) is shown in ``edition``."""
    found = _BY_KEY.get(key)
    return bool(found and found.in_edition(edition))
