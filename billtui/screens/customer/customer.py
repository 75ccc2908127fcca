"""Customer: who you are to the provider — contact data, balance, payers, discounts —
and, at a glance, what needs attention (services about to expire, unpaid cart, new replies).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from billtui.display import format as fmt
from billtui.display.safe import clean
from billtui.widgets.async_pane import AsyncPane, error_text
from billtui.widgets.dialog import DialogScreen
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.widgets.kv import kv_card, small_table
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.i18n import N_, _, ngettext, pgettext

#: How many tickets to look at for new replies (the newest first).
TICKETS_CHECKED = 100
#: Services read per request when looking for expiring ones (soonest first), and at most this many pages.
ATTENTION_PAGE = 100
ATTENTION_MAX_PAGES = 50
#: Seconds within which the Customer pane's first load uses what the main screen just read.
SHARED_MAX_AGE = 5.0


@dataclass(frozen=True)
class Attention:
    """What the customer should look at now; each part is a value or the error that stopped it."""

    expiring: Any  # list[(Service, type title)] | Exception
    cart: Any  # Basket | Exception
    replies: Any  # list[Ticket] | Exception


async def _expiring_of(client: Any, type_name: str, today: Any, soon: Any) -> list[Any]:
    """Services of one type expiring between ``today`` and ``soon``.

    The list is read soonest expiry first and only until a service expires after
    ``soon``: an account with thousands of domains costs a page, not every page.
    (Only when the reply says it is sorted that way: sorting is an assumed parameter.)
    Its own filter is cleared ({}), so a filter set in the Services list cannot
    hide an expiring service here.
    """
    from billtui.api import lists

    call = lists.services(type_name)
    asked = (call.sort_columns.get("expires", "expires"), False)
    found: list[Any] = []
    for page in range(1, ATTENTION_MAX_PAGES + 1):
        got = await lists.fetch_page(client, call, page, ATTENTION_PAGE, sort=("expires", False), filters={})
        found += [s for s in got.rows if s.expires is not None and today <= s.expires <= soon]
        # Only a panel that says it sorted as asked may be read partly; otherwise every page is read.
        past = got.sorted_as == asked and any(s.expires is not None and s.expires > soon for s in got.rows)
        if past or len(got.rows) < got.page_size or page * got.page_size >= got.total:
            break
    return found


async def _expiring(app: Any) -> list[tuple[Any, str]]:
    from billtui.api.calls import account

    await _session_loaded(app)  # its menu names the service types; no need to ask twice
    menu = app.session.menu or await account.menu(app.client)
    today = fmt.today()  # the day expiry is highlighted against (the demo panel's day in the demo)
    soon = today + timedelta(days=fmt.EXPIRY_WARN_DAYS)
    types = list(menu.service_types)
    results = await asyncio.gather(*(_expiring_of(app.client, t.name, today, soon) for t in types))
    found = [(s, t.title) for t, rows in zip(types, results) for s in rows]
    return sorted(found, key=lambda e: (e[0].expires, e[0].name))


async def _replies(app: Any, shared: bool) -> list[Any]:
    from billtui.api.lists import TICKETS, fetch_page

    watch = getattr(app.screen, "ticket_watch", None)
    if shared and watch is not None:  # the main screen's watch has just read the same list
        tickets = await watch.open_tickets(max_age=SHARED_MAX_AGE)
        if tickets is not None:
            return [t for t in tickets if t.unread]
    page = await fetch_page(app.client, TICKETS, 1, TICKETS_CHECKED, sort=("last_message", True), filters={})
    return [t for t in page.rows if t.unread]


async def attention(app: Any, *, shared: bool = False) -> Attention:
    """``shared``: reuse what the main screen read a moment ago (the first load), else ask the panel."""
    from billtui.api.calls import finance

    expiring, cart, replies = await asyncio.gather(
        _expiring(app), finance.basket(app.client), _replies(app, shared), return_exceptions=True)
    return Attention(expiring, cart, replies)


async def _session_loaded(app: Any) -> None:
    """Until the main screen's session load (who, balance, menu) in flight, if any, is done."""
    session_load = getattr(app.screen, "session_load", None)
    if session_load is not None and not session_load.is_finished:
        try:
            await session_load.wait()
        except Exception:
            pass  # it failed or was replaced: the caller asks the panel itself


async def _dashboard(app: Any, shared: bool) -> Any:
    """The balance: on the first load, the one the header is loading right now."""
    from billtui.api.calls import account

    if shared:
        await _session_loaded(app)
        if app.session.dashboard is not None and time.monotonic() - app.session.loaded_at <= SHARED_MAX_AGE:
            return app.session.dashboard
    return await account.dashboard(app.client)


def _money(value: Any) -> Any:
    """Money as the panel wrote it (its currency symbol kept, ``$124.50``); None stays None (shown as —)."""
    from billtui.api.values import Money, money_text

    return Text(money_text(value)) if isinstance(value, Money) else value


def attention_card(found: Attention) -> Static:
    lines = Text()

    def failed(message: str, exc: BaseException) -> None:
        lines.append(message.format(error=error_text(exc)) + "\n", style="red")

    nothing = True
    if isinstance(found.expiring, BaseException):
        failed(_("✗ Could not check expiring services: {error} Press r to retry."), found.expiring)
    elif found.expiring:
        nothing = False
        days = fmt.EXPIRY_WARN_DAYS
        lines.append(ngettext("Expiring within {n} day", "Expiring within {n} days", days).format(n=days) + " ",
                     style="bold")
        lines.append(_("(:svc opens Services, n there renews)") + "\n", style="dim")
        for service, type_title in found.expiring:
            lines.append("  ").append_text(fmt.expiry(service.expires))
            lines.append(f"  {clean(service.name)}", style="bold").append(f" · {clean(type_title)}\n")
    if isinstance(found.cart, BaseException):
        failed(_("✗ Could not check the cart: {error} Press r to retry."), found.cart)
    elif not found.cart.empty:
        nothing = False
        items = len(found.cart.items)
        if found.cart.total is not None:
            unpaid = ngettext("Unpaid in the cart: {n} item, {total}", "Unpaid in the cart: {n} items, {total}",
                              items).format(n=items, total=fmt.money(found.cart.total))
        else:
            unpaid = ngettext("Unpaid in the cart: {n} item", "Unpaid in the cart: {n} items", items).format(n=items)
        lines.append(unpaid + " ", style="bold")
        lines.append(_("(:ord opens Orders)") + "\n", style="dim")
        for item in found.cart.items:
            lines.append(f"  {clean(item.description or item.tariff)}  {fmt.money(item.cost)}\n")
    if isinstance(found.replies, BaseException):
        failed(_("✗ Could not check tickets: {error} Press r to retry."), found.replies)
    elif found.replies:
        nothing = False
        count = len(found.replies)
        lines.append(ngettext("New replies in {n} ticket", "New replies in {n} tickets", count).format(n=count) + " ",
                     style="bold")
        lines.append(_("(:tickets opens them)") + "\n", style="dim")
        for ticket in found.replies:
            lines.append(f"  #{clean(ticket.id)} {clean(ticket.subject)}\n")
    if nothing and not lines:
        lines.append(_("Nothing needs your attention."), style="green")
    lines.rstrip()
    static = Static(lines, classes="card", id="attention")
    static.border_title = _("Needs attention")
    return static


class CustomerPane(AsyncPane):
    title = N_("Customer")  # shown with _() by AsyncPane
    # One meaning per key across billtui: s sorts, t narrows a list by period or status, so the
    # card's places are reached the way every place is — ":" (shown beside each) or the tree.
    BINDINGS = [
        Binding("e", "edit", N_("Edit contact data"), id="customer.edit"),
    ]

    async def fetch(self) -> Any:
        from billtui.api.calls import account

        app = self.billtui
        client = app.client
        shared = not self.loaded_once  # a reload (r) asks the panel for everything again
        return await asyncio.gather(
            account.user_view(client), _dashboard(app, shared),
            account.payers(client), account.discounts(client), attention(app, shared=shared),
        )

    def show(self, data: Any) -> list[Any]:
        user, dashboard, payers, discounts, found = data
        self.user = user
        return [
            kv_card(_("Account (e edits)"), [
                (pgettext("person", "Name"), user.realname), (_("Login"), user.login),
                (_("Email"), user.email), (_("Phone"), user.phone or dashboard.phone),
            ]),
            kv_card(_("Balance"), [
                (_("Balance"), _money(dashboard.balance)), (_("Credit"), _money(dashboard.credit)),
            ]),
            attention_card(found),
            # small_table shows ``empty`` with _(): it takes the English, marked here.
            small_table(_("Payers (shown on invoices)"), (_("Name"), _("Type"), _("Status")),
                        [(p.name, p.kind, p.status_text) for p in payers], empty=N_("No payers yet.")),
            small_table(_("Discounts"), (_("Discount"), _("Value"), _("Applies to")),
                        [(d.name, d.value, d.applies_to) for d in discounts], empty=N_("No discounts.")),
        ]

    def action_edit(self) -> None:
        user = getattr(self, "user", None)
        if user is None:
            self.notify(_("The account is still loading."), severity="warning")
            return

        def closed(saved: bool | None) -> None:
            if saved:
                self.reload()

        self.app.push_screen(EditContactScreen(user), callback=closed)

class EditContactScreen(DialogScreen):
    """Name, email and phone; the panel checks them, and a refused field is marked with its reason."""

    DEFAULT_CSS = styles.load("screens/customer/EditContactScreen.tcss")
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="edit-contact.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="edit-contact.save"),
    ]
    #: (field, label in English: shown with ``_()``).
    FIELDS = (("realname", N_("Full name")), ("email", N_("Email")), ("phone", N_("Phone")))

    def __init__(self, user: Any) -> None:
        super().__init__()
        self.user = user
        self.saving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = _("Edit contact data")
            readonly: frozenset[str] = getattr(self.user, "readonly", frozenset())
            for name, label in self.FIELDS:
                locked = name in readonly  # the panel's form says so; production disables these too
                shown = _(label)
                yield Field(_("{label} (the panel does not let you change it)").format(label=shown) if locked else shown,
                            Input(value=getattr(self.user, name, "") or "", id=f"in-{name}", disabled=locked),
                            id=f"field-{name}")
            yield Static(_("Enter on the last field or ctrl+s saves; escape cancels."), classes="dialog-status")
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel (esc)"), id="cancel")
                yield Button(_("Save (ctrl+s)"), id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        editable = [i for i in self.query(Input) if not i.disabled]
        if editable:
            editable[0].focus()

    def values(self) -> dict[str, str]:
        return {name: self.query_one(f"#in-{name}", Input).value.strip() for name, _label in self.FIELDS}

    def has_unsaved(self) -> bool:
        return any(v != (getattr(self.user, k, "") or "") for k, v in self.values().items())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        editable = [i for i in self.query(Input) if not i.disabled]
        if editable and event.input is editable[-1]:
            self.action_save()
        else:
            self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_cancel()

    def action_save(self) -> None:
        if self.saving:
            return
        for name, _label in self.FIELDS:
            self.query_one(f"#field-{name}", Field).set_error(None)
        self.saving = True
        self.save(self.values())

    @work(exclusive=True, group="contact-save")
    async def save(self, values: dict[str, str]) -> None:
        from billtui.api import errors
        from billtui.api.calls import account

        self.status(_("Saving…"))
        try:
            await account.user_save(host(self).client, **values)
        except errors.FieldError as exc:
            self.saving = False
            known = {name for name, _label in self.FIELDS}
            if exc.field in known:
                field = self.query_one(f"#field-{exc.field}", Field)
                field.set_error(exc.message)
                self.query_one(f"#in-{exc.field}", Input).focus()
                self.status(_("Not saved: fix the marked field."), error=True)
            else:
                self.status(_("✗ Not saved: {error}").format(error=error_text(exc)), error=True)
            return
        except Exception as exc:
            self.saving = False
            self.status(_("✗ Not saved: {error} Press ctrl+s to try again.").format(error=error_text(exc)), error=True)
            return
        self.app.notify(_("Contact data saved."))
        self.dismiss(True)
