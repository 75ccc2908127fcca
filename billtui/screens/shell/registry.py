"""Which pane shows which menu item: the one place that maps the two."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from billtui.display.safe import clean
from billtui.widgets.nav_tree import NavEntry
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.widgets.pane import Pane
from billtui.i18n import _



class MessagePane(Pane, VerticalScroll, can_focus=True):
    """A pane that only explains something (not offered, pick a type…)."""

    DEFAULT_CSS = styles.load("screens/shell/MessagePane.tcss")

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title = title
        self.message = message

    def compose(self):
        yield Static(Text(clean(self.title)), classes="pane-title")
        yield Static(Text(self.message))


def not_available_pane(entry: NavEntry) -> Pane:
    title = entry.service_title or (entry.item.label if entry.item else "")
    # The reason is billtui's (nav_tree.NOT_OFFERED), translated where the tree was built.
    return MessagePane(title, _("{title} is not available. {reason}").format(title=title, reason=entry.reason))


#: Where each item's pane is made: ``key -> (module under billtui.screens, name)``.
#: The module is imported when the item is first opened, so starting billtui
#: loads only the first screen's code (``make bench``: imports).
PANES: dict[str, tuple[str, str]] = {
    "customer": ("customer.customer", "CustomerPane"),
    "services": ("services.services", "ServicesOverview"),
    "orders": ("finances.orders", "OrdersPane"),
    "payments": ("finances.payments", "PaymentsPane"),
    "expenses": ("finances.expenses", "ExpensesPane"),
    "commissions": ("finances.commissions", "CommissionsPane"),
    "notifications": ("settings.settings", "NotificationsPane"),
    "favourites": ("settings.favourites", "FavouritesPane"),
    "contact_settings": ("settings.settings", "ContactSettingsPane"),
    "user_settings": ("settings.settings", "UserSettingsPane"),
    "affiliate": ("settings.settings", "AffiliatePane"),
    "help": ("help.help", "help_pane"),
    "tutorials": ("help.help", "tutorials_pane"),
}

#: Menu items that are nothing but a declared list: ``key -> (module, spec function)``.
#: Payments and Expenses wrap their list in a pane of their own (filter line, totals, chart).
LISTS: dict[str, tuple[str, str]] = {
    "invoices": ("finances.specs", "invoices_spec"),
    "tickets": ("support.specs", "tickets_spec"),
    "archived_tickets": ("support.specs", "archived_tickets_spec"),
}

#: Panes made with the app (the help panes read the edition from it).
_TAKES_APP = {"help", "tutorials"}


def _factory(key: str) -> Callable[[HostApp], Pane]:
    from importlib import import_module

    if key in PANES:
        module, name = PANES[key]
        made = getattr(import_module(f"billtui.screens.{module}"), name)
        return made if key in _TAKES_APP else (lambda app: made())
    from billtui.widgets.list_pane import ListPane

    module, name = LISTS[key]
    spec = getattr(import_module(f"billtui.screens.{module}"), name)
    return lambda app: ListPane(spec())


def make_pane(entry: NavEntry, app: HostApp) -> Pane:
    if entry.service_type:
        from billtui.screens.services.services import service_list_pane

        return service_list_pane(app, entry.service_type, entry.service_title)
    assert entry.item is not None
    return _factory(entry.item.key)(app)
