"""What one key does to one service: renew, auto-renew, delete, history, instructions, control panel.

The services lists, the expiring-soon view and the details card all call these,
so a key means the same thing wherever a service is highlighted.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Callable

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from billtui.display.safe import clean, plain
from billtui.i18n import N_, _, pgettext
from billtui.widgets.async_pane import error_text
from billtui.widgets.dialog import DialogScreen
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.workers import later

if TYPE_CHECKING:
    from billtui.api.models import Service

Done = Callable[[], None]


def app_today(app: Any) -> date:
    """Today as the panel sees it (the demo panel may pin a day), else the clock."""
    today = getattr(app, "today", None)
    if callable(today):
        try:
            value = today()
        except Exception:
            value = None
        if isinstance(value, date):
            return value
    return date.today()


def show_payment(app: Any, url: str, what: str) -> None:
    """The Finances payment-page flow when it is there, else open/copy the link."""
    try:
        from billtui.screens.common.payflow import show_payment_page
    except ImportError:
        from billtui.runtime.links import open_link

        open_link(app, url)
        return
    result = show_payment_page(app, url, what)
    if hasattr(result, "__await__"):
        app.run_worker(result, group="payflow")


def service_title(service: "Service") -> str:
    return clean(service.name) or f"#{service.id}"


class ServiceModal(DialogScreen):
    """A small dialog about one service; dismisses True when it changed something."""

    DEFAULT_CSS = styles.load("screens/services/ServiceModal.tcss")

    def __init__(self, service: "Service") -> None:
        super().__init__()
        self.service = service

    @property
    def client(self) -> Any:
        return host(self).client


# ------------------------------------------------------------------ auto-renew

class AutoRenewScreen(ServiceModal):
    """Auto-renew off, or every N months (the choices the panel offers for this tariff)."""

    BINDINGS = [Binding("escape", "cancel", N_("Close"), id="auto-renew.cancel"), Binding("enter", "save", N_("Save"), show=True, id="auto-renew.save")]

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = plain(_("Auto-renew · {name}").format(name=service_title(self.service)))
            now = clean(self.service.autoprolong_text) or pgettext("auto-renew", "Off")
            yield Static(Text(_("Now: {setting}. Pick Off, or how often to renew; Enter saves.").format(setting=now)))
            yield OptionList(id="choices")
            yield Static(_("Loading the choices…"), classes="dialog-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="autorenew")
    async def load(self) -> None:
        from billtui.api.calls import services
        from billtui.api.parser import Option as ApiOption

        try:
            form = await services.service_form(self.client, self.service.type, self.service.id)
        except Exception as exc:
            self.status(_("✗ {error} Press escape and try again.").format(error=error_text(exc)), error=True)
            return
        # The keys are the form's own (real panels: ``null`` = off); an option with an empty key is
        # a placeholder, and a form with no "off" option still takes the off key (vds/EditModal.jsx).
        choices = [o for o in form.options.get("autoprolong") or [] if o.key.strip()]
        off_key = services.autoprolong_off_key(choices)
        if off_key not in [o.key for o in choices]:
            choices.insert(0, ApiOption(off_key, pgettext("auto-renew", "Off")))
        current = form.get("autoprolong") or off_key
        if services.is_autoprolong_off(current, choices):
            current = off_key
        options = self.query_one(OptionList)
        options.add_options([Option(Text(clean(o.label)), id=o.key) for o in choices])
        keys = [o.key for o in choices]
        if current in keys:
            options.highlighted = keys.index(current)
        self.status("")
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.save(event.option.id)

    def action_save(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        key = options.get_option_at_index(options.highlighted).id
        if key is not None:
            self.save(key)

    @work(exclusive=True, group="autorenew-save")
    async def save(self, key: str) -> None:
        from billtui.api.calls import services

        self.status(_("Saving…"))
        try:
            # Sent back exactly as the form gave it: never a constant of ours.
            await services.save_autoprolong(self.client, self.service.type, self.service.id, key)
        except Exception as exc:
            self.status(_("✗ {error} Pick again or press escape.").format(error=error_text(exc)), error=True)
            return
        off = services.is_autoprolong_off(key)
        label = pgettext("auto-renew", "off") if off else clean(next(
            (str(o.prompt) for o in self.query_one(OptionList).options if o.id == key), key))
        self.app.notify(_("Auto-renew for {name}: {setting}.").format(name=service_title(self.service), setting=label))
        self.dismiss(True)


# --------------------------------------------------------------------- delete

class DeleteServiceScreen(ServiceModal):
    """Deleting cannot be undone, so the user types the service's name first."""

    DEFAULT_CSS = styles.load("screens/services/DeleteServiceScreen.tcss")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="delete-service.cancel")]

    def compose(self) -> ComposeResult:
        name = service_title(self.service)
        with Vertical(id="dialog") as box:
            box.border_title = plain(_("Delete {name}").format(name=name))
            yield Static(Text.assemble(
                _("This deletes the service and everything on it; it cannot be undone.\n"
                  "To confirm, type its name: "), (name, "bold")))
            yield Field(_("Service name"), Input(placeholder=name, id="confirm-name"), id="name-field")
            yield Static("", classes="dialog-status")
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel (esc)"), id="cancel")
                yield Button(_("Delete (enter)"), id="delete", variant="error")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#confirm-name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.try_delete()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "delete":
            self.try_delete()
        else:
            self.dismiss(False)

    def try_delete(self) -> None:
        typed = self.query_one("#confirm-name", Input).value.strip()
        field = self.query_one("#name-field", Field)
        if typed != service_title(self.service):
            field.set_error(_("That is not the name. Type {name} exactly, "
                              "or press escape to keep the service.").format(name=service_title(self.service)))
            return
        field.set_error(None)
        self.delete()

    @work(exclusive=True, group="delete")
    async def delete(self) -> None:
        from billtui.api.calls import services

        self.status(_("Deleting…"))
        try:
            await services.delete(self.client, self.service.type, self.service.id)
        except Exception as exc:
            self.status(_("✗ {error} The service was not deleted.").format(error=error_text(exc)), error=True)
            return
        self.app.notify(_("Deleted {name}.").format(name=service_title(self.service)))
        self.dismiss(True)


# -------------------------------------------------------------- instructions

class InstructionsScreen(ServiceModal):
    """The panel's HTML instructions (how to connect, login data) as readable text."""

    BINDINGS = [Binding("escape,q", "cancel", N_("Close"), id="instructions.cancel"), Binding("r", "reload", N_("Reload"), id="instructions.reload")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog") as box:
            box.border_title = plain(_("Instructions · {name}").format(name=service_title(self.service)))
            yield Static(_("Loading the instructions…"), classes="dialog-status")
            yield Static("", id="instructions")
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        self.load()

    @work(exclusive=True, group="instructions")
    async def load(self) -> None:
        from billtui.api.calls import services

        self.status(_("Loading the instructions…"))
        try:
            text = await services.instruction(self.client, self.service.id)
        except Exception as exc:
            self.status(_("✗ {error} Press r to retry.").format(error=error_text(exc)), error=True)
            return
        self.status("")
        self.query_one(".dialog-status", Static).display = False
        self.query_one("#instructions", Static).update(
            plain(text.strip() or _("The panel has no instructions for this service."), multiline=True))
        self.query_one("#dialog").focus()


# ------------------------------------------------------------------- history

class HistoryScreen(ModalScreen[None]):
    """Every change to one service (server-paged like any list)."""

    DEFAULT_CSS = styles.load("screens/services/HistoryScreen.tcss")
    BINDINGS = [Binding("escape,q", "dismiss_none", N_("Close"), id="history.dismiss-none")]

    def __init__(self, service: "Service") -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        from billtui.api.lists import SERVICE_HISTORY
        from billtui.widgets.list_pane import ListPane, ListSpec
        from billtui.widgets.resource_table import Column

        call = SERVICE_HISTORY.bind(elid=self.service.id)
        spec = ListSpec(
            key=f"services/history/{self.service.id}",
            title=_("History of {name}").format(name=service_title(self.service)),
            call=lambda: call, noun=pgettext("list noun", "changes"), default_sort=("changed", True),
            columns=(
                Column("changed", _("When"), "datetime", width=16),
                Column("description", pgettext("column", "Change"), min_width=20),
                Column("user", _("User"), width=12, priority=2),
                Column("ip", "IP", width=15, priority=3),
            ),
        )
        with Vertical(id="dialog"):
            yield ListPane(spec)
        yield Footer()

    def on_mount(self) -> None:
        from billtui.widgets.list_pane import ListPane

        self.call_after_refresh(self.query_one(ListPane).focus_content)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


# ----------------------------------------------------------- launching them

def open_renew(app: Any, service: "Service", done: Done | None = None) -> None:
    from billtui.screens.services.renew import RenewScreen

    app.push_screen(RenewScreen(service), callback=_after(done))


def open_autorenew(app: Any, service: "Service", done: Done | None = None) -> None:
    app.push_screen(AutoRenewScreen(service), callback=_after(done))


def open_delete(app: Any, service: "Service", done: Done | None = None) -> None:
    app.push_screen(DeleteServiceScreen(service), callback=_after(done))


def open_history(app: Any, service: "Service") -> None:
    app.push_screen(HistoryScreen(service))


def open_instructions(app: Any, service: "Service") -> None:
    app.push_screen(InstructionsScreen(service))


def open_control_panel(app: Any, service: "Service") -> None:
    """Ask the panel for a login link to the service's own control panel, then open or copy it."""
    app.notify(_("Asking the panel for the control panel of {name}…").format(name=service_title(service)))
    app.run_worker(later(_goto, app, service), group="gotoserver", exclusive=True)


async def _goto(app: Any, service: "Service") -> None:
    from billtui.api.calls import services
    from billtui.runtime.links import open_link

    try:
        url = await services.goto_server(app.client, service.id)
    except Exception as exc:
        app.notify(_("No control panel link: {error}").format(error=error_text(exc)), severity="error", timeout=10)
        return
    if not url:
        app.notify(_("The panel sent no control panel link for this service."), severity="warning")
        return
    open_link(app, url)


def open_order(app: Any, type_name: str | None = None, done: Done | None = None) -> None:
    from billtui.screens.services.order_wizard import OrderWizard

    app.push_screen(OrderWizard(type_name), callback=_after(done))


def _after(done: Done | None) -> Callable[[Any], None]:
    def callback(changed: Any) -> None:
        if changed and done is not None:
            done()

    return callback
