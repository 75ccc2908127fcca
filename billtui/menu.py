"""The customer menu and the edition table, as data.

This is the one place that says which menu item exists in which BILLmanager
edition (DESIGN.md §1, from the product's customer documentation). The tree, the
command palette, favourites and key bindings all ask this module, so an item the
edition hides cannot leak in anywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from billtui.i18n import N_, _


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
            raise ValueError(_("Unknown edition {value!r}: use one of {names}.").format(
                value=value, names=names)) from None


ALL = frozenset(Edition)
STD = frozenset({Edition.STANDARD})
ADV = frozenset({Edition.ADVANCED})


@dataclass(frozen=True)
class Section:
    key: str
    #: The English title (marked with ``N_``): code and tests match on it; ``label`` is shown.
    title: str

    @property
    def label(self) -> str:
        """The title in the current language: what a user sees."""
        return _(self.title)


@dataclass(frozen=True)
class MenuItem:
    """One leaf of the customer menu.

    ``feature`` names what the panel must offer for the item to be usable (see
    ``billtui.api.features``); ``None`` means the item is billtui's own (help,
    favourites) and is always available.
    """

    key: str
    section: str
    #: The English title and description (marked with ``N_``): code and tests match on ``title``;
    #: ``label`` and ``blurb`` are what a user sees.
    title: str
    editions: frozenset[Edition]
    feature: str | None
    alias: str = ""
    description: str = ""

    @property
    def label(self) -> str:
        """The title in the current language."""
        return _(self.title)

    @property
    def blurb(self) -> str:
        """The description in the current language."""
        return _(self.description)

    def in_edition(self, edition: Edition) -> bool:
        return edition in self.editions


SECTIONS: tuple[Section, ...] = (
    Section("customer", N_("Customer")),
    Section("services", N_("Services")),
    Section("finances", N_("Finances")),
    Section("support", N_("Support")),
    Section("settings", N_("Settings")),
    Section("help", N_("Help")),
)

# Every row of DESIGN.md §1. Customer, Services and the commissions carry no
# edition badge in the documentation: they are shown in every edition.
ITEMS: tuple[MenuItem, ...] = (
    MenuItem("customer", "customer", N_("Customer"), ALL, "customer", "me",
             N_("Account and contact data, payers, discounts")),
    MenuItem("services", "services", N_("Services"), ALL, "services", "svc",
             N_("Your services, one group per product type")),
    MenuItem("payments", "finances", N_("Credits/Payments"), ALL, "payments", "pay",
             N_("Payments and adding funds")),
    MenuItem("orders", "finances", N_("Orders"), ALL, "orders", "ord",
             N_("The cart and your order history")),
    MenuItem("expenses", "finances", N_("Expenses"), ALL, "expenses", "exp",
             N_("Withdrawals from your account")),
    MenuItem("invoices", "finances", N_("Invoices"), ALL, "invoices", "inv",
             N_("Invoices issued to you")),
    MenuItem("commissions", "finances", N_("Affiliate program commissions"), ALL,
             "commissions", "com", N_("Rewards from your referrals")),
    MenuItem("tickets", "support", N_("Open tickets"), ALL, "tickets", "tickets",
             N_("Your conversations with support")),
    MenuItem("archived_tickets", "support", N_("Archived tickets"), ALL,
             "archived_tickets", "archive", N_("Tickets moved to the archive")),
    MenuItem("notifications", "settings", N_("Notification subscription"), ALL,
             "notifications", "notify", N_("Which notices reach you, and how")),
    MenuItem("favourites", "settings", N_("Favourites"), ALL, None, "fav",
             N_("Your starred items")),
    MenuItem("contact_settings", "settings", N_("Settings"), STD, "contact_settings",
             "contact", N_("Contact data for notices")),
    MenuItem("user_settings", "settings", N_("User settings"), ALL, "user_settings",
             "user", N_("Language, time zone, password, theme")),
    MenuItem("affiliate", "settings", N_("Affiliate program"), ADV, "affiliate",
             "aff", N_("Your referral link and promo code")),
    MenuItem("help", "help", N_("Help"), ALL, None, "help",
             N_("The BILLmanager documentation")),
    MenuItem("tutorials", "help", N_("Tutorials"), ALL, None, "tut",
             N_("Video tutorials")),
)

_BY_KEY = {item.key: item for item in ITEMS}


def item(key: str) -> MenuItem:
    return _BY_KEY[key]


def known(key: str) -> bool:
    """Whether ``key`` names a menu item (``payments``; not ``services/vds``, a panel's type)."""
    return key in _BY_KEY


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
