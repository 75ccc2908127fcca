"""Services: the overview with what expires soon (one key renews), and the per-type lists' actions.

The per-type lists are the generic ``ListPane`` with ``specs.services_spec``;
this module supplies what their keys do, so the lists, this overview and the
details card all act the same way on a service.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from billtui.display import format as fmt
from billtui.i18n import N_, _, ngettext
from billtui.display.safe import clean, plain
from billtui.widgets.async_pane import AsyncPane
from billtui.widgets.vim import VIM_KEYS
from billtui.widgets.kv import paragraph, small_table
from billtui.screens.services import service_actions as actions
from billtui.display import styles

if TYPE_CHECKING:
    from billtui.api.models import Service
    from billtui.widgets.list_pane import ListPane, RowAction

EXPIRING_DAYS = fmt.EXPIRY_WARN_DAYS


def _type_title(app: Any, type_name: str) -> str:
    menu = getattr(getattr(app, "session", None), "menu", None)
    for t in (menu.service_types if menu else ()):
        if t.name == type_name:
            return t.title
    return type_name


# ------------------------------------------------------- the per-type lists

def service_list_pane(app: Any, type_name: str, title: str) -> "ListPane":
    """A product type's list; expiry highlights count from the panel's today."""
    from billtui.widgets.list_pane import ListPane
    from billtui.screens.services import specs

    return ListPane(specs.services_spec(type_name, title))


def _reload(pane: "ListPane") -> Any:
    def done() -> None:
        pane.reload()

    return done


def open_service(pane: "ListPane", service: "Service") -> None:
    from billtui.screens.services.service_detail import ServiceDetailScreen

    def closed(changed: bool | None) -> None:
        if changed:
            pane.reload()

    pane.app.push_screen(ServiceDetailScreen(service, _type_title(pane.app, service.type)), callback=closed)


def service_row_actions(type_name: str) -> "tuple[RowAction, ...]":
    from billtui.widgets.list_pane import RowAction

    return (
        # The ids are given: the default one is made from the description, which is translated.
        RowAction("n", _("Renew"), lambda pane, s: actions.open_renew(pane.app, s, _reload(pane)),
                  id="services-list.renew"),
        RowAction("a", _("Auto-renew"), lambda pane, s: actions.open_autorenew(pane.app, s, _reload(pane)),
                  id="services-list.auto-renew"),
        RowAction("o", _("Order new"), lambda pane, s: actions.open_order(pane.app, type_name, _reload(pane)),
                  needs_row=False, id="services-list.order-new"),
        RowAction("d", _("Delete"), lambda pane, s: actions.open_delete(pane.app, s, _reload(pane)),
                  id="services-list.delete"),
        RowAction("h", _("History"), lambda pane, s: actions.open_history(pane.app, s),
                  id="services-list.history"),
        RowAction("i", _("Instructions"), lambda pane, s: actions.open_instructions(pane.app, s),
                  id="services-list.instructions"),
        RowAction("c", _("Control panel"), lambda pane, s: actions.open_control_panel(pane.app, s),
                  id="services-list.control-panel"),
    )


# -------------------------------------------------------------- the overview

class ServiceTable(DataTable):
    """A short list of services (expiring soon, expired) the overview's keys act on."""

    DEFAULT_CSS = styles.load("screens/services/ServiceTable.tcss")
    BINDINGS = VIM_KEYS

    def __init__(self, rows: list[tuple["Service", str]], *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, id=id)
        self.rows_data = rows

    def on_mount(self) -> None:
        self.add_columns(_("Expires"), _("Service"), _("Type"), _("Status"), _("Auto-renew"))
        for service, type_title in self.rows_data:
            status = Text(clean(service.status_text or _(service.status.label)),
                          style=fmt.status_style(service.status))
            self.add_row(fmt.expiry(service.expires), Text(clean(service.name)), Text(clean(type_title)),
                         status, Text(clean(service.autoprolong_text)), key=service.id)

    @property
    def current(self) -> "Service | None":
        if not self.rows_data or self.cursor_row is None or not 0 <= self.cursor_row < len(self.rows_data):
            return None
        return self.rows_data[self.cursor_row][0]


class ServicesOverview(AsyncPane):
    """Counts per product type, and what expires within 14 days (or has expired), soonest first."""

    title = N_("Services")
    DEFAULT_CSS = styles.load("screens/services/ServicesOverview.tcss")
    BINDINGS = [
        Binding("n", "renew", N_("Renew"), id="services.renew"),
        Binding("enter", "open", N_("Details"), show=False, id="services.open"),
        Binding("a", "autorenew", N_("Auto-renew"), id="services.autorenew"),
        Binding("o", "order", N_("Order new"), id="services.order"),
    ]

    async def fetch(self) -> Any:
        from billtui.api import lists
        from billtui.api.calls._util import fetch_all

        app = self.billtui
        menu = app.session.menu
        if menu is None:
            from billtui.api.calls import account

            menu = await account.menu(app.client)
        types = list(menu.service_types)
        results = await asyncio.gather(*(fetch_all(app.client, lists.services(t.name)) for t in types))
        return list(zip(types, results))

    def show(self, data: Any) -> list[Any]:
        if not data:
            return [paragraph(_("The panel lists no product types for your account. Press o to order one."))]
        today = actions.app_today(self.app)
        soon = today + timedelta(days=EXPIRING_DAYS)
        counts = []
        expiring: list[tuple["Service", str]] = []
        expired: list[tuple["Service", str]] = []
        for stype, services in data:
            services = list(services)
            counts.append((stype.title, str(len(services))))
            for s in services:
                if s.expires is None:
                    continue
                if today <= s.expires <= soon:
                    expiring.append((s, stype.title))
                elif s.expires < today:
                    expired.append((s, stype.title))
        expiring.sort(key=lambda e: (e[0].expires, e[0].name))
        expired.sort(key=lambda e: (e[0].expires, e[0].name))
        widgets: list[Any] = []
        soon_title = ngettext("Expiring soon (within {n} day)", "Expiring soon (within {n} days)",
                              EXPIRING_DAYS).format(n=EXPIRING_DAYS)
        widgets.append(self._section(soon_title, expiring, "expiring", _("Nothing expires in the next two weeks.")))
        widgets.append(self._section(_("Expired"), expired, "expired", _("Nothing has expired.")))
        widgets.append(small_table(_("By type"), (_("Type"), _("Services")), counts))
        widgets.append(paragraph(_("n renews the highlighted service · enter shows it · a auto-renew · "
                                   "o orders a new service · pick a type in the menu for its full list."),
                                 "dim"))
        return widgets

    def _section(self, title: str, rows: list[tuple["Service", str]], key: str, empty: str) -> Any:
        child = ServiceTable(rows, id=f"{key}-table") if rows else Static(Text(empty, style="dim"))
        box = Vertical(child, classes="card service-section")
        box.border_title = plain(title)
        return box

    async def _load(self) -> None:
        await super()._load()
        if self.screen.focused is self:
            self.focus_content()

    def focus_content(self) -> None:
        tables = list(self.query(ServiceTable))
        if tables:
            tables[0].focus()
        else:
            self.focus()

    def _current(self) -> "Service | None":
        focused = self.screen.focused
        if isinstance(focused, ServiceTable):
            return focused.current
        tables = list(self.query(ServiceTable))
        return tables[0].current if tables else None

    def _with_service(self) -> "Service | None":
        service = self._current()
        if service is None:
            self.notify(_("No service highlighted: nothing expires soon."), severity="warning")
        return service

    def action_renew(self) -> None:
        service = self._with_service()
        if service is not None:
            actions.open_renew(self.app, service, self.reload)

    def action_autorenew(self) -> None:
        service = self._with_service()
        if service is not None:
            actions.open_autorenew(self.app, service, self.reload)

    def action_open(self) -> None:
        from billtui.screens.services.service_detail import ServiceDetailScreen

        service = self._with_service()
        if service is None:
            return

        def closed(changed: bool | None) -> None:
            if changed:
                self.reload()

        self.app.push_screen(ServiceDetailScreen(service, _type_title(self.app, service.type)), callback=closed)

    def action_order(self) -> None:
        actions.open_order(self.app, None, self.reload)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()
