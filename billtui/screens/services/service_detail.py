"""One service on a card, with every action on it one key away."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from billtui.display import format as fmt
from billtui.display.safe import clean, plain
from billtui.i18n import N_, _
from billtui.widgets.details import describe
from billtui.screens.services import service_actions as actions
from billtui.widgets.footer import Footer
from billtui.display import styles


def service_fields(service: Any, type_title: str = "") -> list[tuple[str, Any]]:
    status = Text(clean(service.status_text or _(service.status.label)), style=fmt.status_style(service.status))
    if service.status_detail:
        status.append(f" ({clean(service.status_detail)})", style="dim")
    return [
        (_("Name"), service.name), (_("Type"), type_title or service.type), (_("Tariff"), service.tariff),
        ("IP", service.ip), (_("Data center"), service.datacenter), (_("Status"), status),
        (_("Created"), service.created), (_("Expires"), fmt.expiry(service.expires) if service.expires else None),
        (_("Auto-renew"), service.autoprolong_text), (_("Cost"), service.cost), (_("Id"), service.id),
    ]


class ServiceDetailScreen(ModalScreen[bool]):
    """Dismisses True when an action changed the service, so the list behind reloads."""

    DEFAULT_CSS = styles.load("screens/services/ServiceDetailScreen.tcss")
    BINDINGS = [
        Binding("escape,q", "close", N_("Close"), id="service-detail.close"),
        Binding("n", "renew", N_("Renew"), id="service-detail.renew"),
        Binding("a", "autorenew", N_("Auto-renew"), id="service-detail.autorenew"),
        Binding("h", "history", N_("History"), id="service-detail.history"),
        Binding("i", "instructions", N_("Instructions"), id="service-detail.instructions"),
        Binding("c", "control_panel", N_("Control panel"), id="service-detail.control-panel"),
        Binding("d", "delete", N_("Delete"), id="service-detail.delete"),
    ]

    def __init__(self, service: Any, type_title: str = "") -> None:
        super().__init__()
        self.service = service
        self.type_title = type_title

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for label, value in service_fields(self.service, self.type_title):
            table.add_row(Text(label), value if isinstance(value, Text) else describe(value))
        with VerticalScroll() as box:
            box.border_title = plain(actions.service_title(self.service))
            yield Static(table)
            yield Static(Text(_("n renew · a auto-renew · h history · i instructions · "
                                "c control panel · d delete · esc close")), classes="hint")
        yield Footer()

    def _changed(self) -> None:
        self.dismiss(True)

    def action_close(self) -> None:
        self.dismiss(False)

    def action_renew(self) -> None:
        actions.open_renew(self.app, self.service, self._changed)

    def action_autorenew(self) -> None:
        actions.open_autorenew(self.app, self.service, self._changed)

    def action_delete(self) -> None:
        actions.open_delete(self.app, self.service, self._changed)

    def action_history(self) -> None:
        actions.open_history(self.app, self.service)

    def action_instructions(self) -> None:
        actions.open_instructions(self.app, self.service)

    def action_control_panel(self) -> None:
        actions.open_control_panel(self.app, self.service)
