"""Which pane shows which menu item: the one place that maps the two."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from ..safe import clean
from ..widgets.list_pane import ListPane
from ..widgets.nav_tree import NavEntry

if TYPE_CHECKING:
    from ..app import BillTUI


class MessagePane(VerticalScroll, can_focus=True):
    """A pane that only explains something (not offered, pick a type…)."""

    DEFAULT_CSS = "MessagePane { padding: 0 1; }"

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title = title
        self.message = message

    def compose(self):
        yield Static(Text(clean(self.title)), classes="pane-title")
        yield Static(Text(self.message))


def not_available_pane(entry: NavEntry) -> Widget:
    title = entry.service_title or (entry.item.title if entry.item else "")
    return MessagePane(title, f"{title} is not available. {entry.reason}")


def _services_overview(app: "BillTUI") -> Widget:
    from .services import ServicesOverview

    return ServicesOverview()


def _factories() -> dict[str, Callable[["BillTUI"], Widget]]:
    from . import specs
    from .commissions import CommissionsPane
    from .customer import CustomerPane
    from .favourites import FavouritesPane
    from .help import help_pane, tutorials_pane
    from .orders import OrdersPane
    from .expenses import ExpensesPane
    from .payments import PaymentsPane
    from .settings import (AffiliatePane, ContactSettingsPane, NotificationsPane,
                           UserSettingsPane)

    table: dict[str, Callable[["BillTUI"], Widget]] = {
        key: (lambda app, f=factory: ListPane(f())) for key, factory in specs.SPECS.items()
    }
    table.update({
        "customer": lambda app: CustomerPane(),
        "services": _services_overview,
        "orders": lambda app: OrdersPane(),
        "payments": lambda app: PaymentsPane(),
        "expenses": lambda app: ExpensesPane(),
        "commissions": lambda app: CommissionsPane(),
        "notifications": lambda app: NotificationsPane(),
        "favourites": lambda app: FavouritesPane(),
        "contact_settings": lambda app: ContactSettingsPane(),
        "user_settings": lambda app: UserSettingsPane(),
        "affiliate": lambda app: AffiliatePane(),
        "help": help_pane,
        "tutorials": tutorials_pane,
    })
    return table


def make_pane(entry: NavEntry) -> Widget:
    from textual._context import active_app

    app = active_app.get()
    if entry.service_type:
        from .services import service_list_pane

        return service_list_pane(app, entry.service_type, entry.service_title)
    assert entry.item is not None
    return _factories()[entry.item.key](app)  # type: ignore[arg-type]
