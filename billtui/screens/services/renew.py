"""Renew one service: pick a period, see the new expiry date and the cost, then pay or add to the cart.

Nothing is sent until ``p`` or ``b``: moving through the periods only asks the
panel to work out the new date and price (``sv_field=period``, not saved).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from billtui.host import announce
from billtui.display import format as fmt
from billtui.display.safe import clean, plain
from billtui.i18n import N_, _
from billtui.widgets.async_pane import error_text
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.screens.services.service_actions import ServiceModal, service_title, show_payment
from billtui.display import styles

if TYPE_CHECKING:
    from billtui.api.models import ProlongForm


def _cost(form: "ProlongForm") -> str:
    from billtui.api.values import parse_money

    raw = form.values.get("cost") or form.values.get("amount") or ""
    money = parse_money(raw) if raw else None
    return fmt.money(money) if money is not None else clean(raw)


class RenewScreen(ServiceModal):
    DEFAULT_CSS = styles.load("screens/services/RenewScreen.tcss")
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="renew.cancel"),
        Binding("p", "pay", N_("Pay now"), id="renew.pay"),
        Binding("b", "basket", N_("Add to cart"), id="renew.basket"),
    ]

    def __init__(self, service: Any) -> None:
        super().__init__(service)
        self.form: "ProlongForm | None" = None
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as box:
            box.border_title = plain(_("Renew {name}").format(name=service_title(self.service)))
            yield Field(_("Period"), OptionList(id="periods"), id="period-field",
                        hint=_("↑/↓ picks the period; the date and price below follow."))
            yield Static("", id="summary")
            yield Static(_("Loading the renewal terms…"), classes="dialog-status")
            with Horizontal(classes="buttons"):
                yield Button(_("Cancel (esc)"), id="cancel")
                yield Button(_("Add to cart (b)"), id="basket")
                yield Button(_("Pay now (p)"), id="pay", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="renew-load")
    async def load(self) -> None:
        from billtui.api.calls import services

        try:
            form = await services.prolong_view(self.client, self.service.id)
        except Exception as exc:
            self.status(_("✗ {error} Press escape and try again.").format(error=error_text(exc)), error=True)
            return
        self.form = form
        periods = self.query_one("#periods", OptionList)
        periods.add_options([Option(Text(clean(o.label)), id=o.key) for o in form.periods])
        keys = [o.key for o in form.periods]
        if form.period in keys:
            periods.highlighted = keys.index(form.period)
        self.show_terms(form)
        self.status("")
        periods.focus()

    def show_terms(self, form: "ProlongForm") -> None:
        expires = form.expires or self.service.expires
        heads = [_("Expires now:"), _("New expiry:"), _("Cost:")]
        width = max(len(h) for h in heads) + 2  # the values line up after the longest label
        now, new, cost = (h.ljust(width) for h in heads)
        self.query_one("#summary", Static).update(Text.assemble(
            (now, "bold"), fmt.expiry(expires, None) if expires else Text("—"), "\n",
            (new, "bold"), (fmt.day(form.new_expires) or "—", "bold green"), "\n",
            (cost, "bold"), (_cost(form) or "—", "bold"),
        ))

    def selected_period(self) -> str | None:
        periods = self.query_one("#periods", OptionList)
        if periods.highlighted is None:
            return None
        return periods.get_option_at_index(periods.highlighted).id

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.form is not None and event.option.id and event.option.id != self.form.period:
            self.recompute(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # Enter only picks; paying needs its own key

    @work(exclusive=True, group="renew-recompute")
    async def recompute(self, period: str) -> None:
        from billtui.api.calls import services

        self.status(_("Working out the new date and price…"))
        try:
            form = await services.prolong_recompute(self.client, self.service.id, period)
        except Exception as exc:
            self.status(f"✗ {error_text(exc)}", error=True)
            return
        self.form = form
        self.query_one("#period-field", Field).set_error(None)
        self.show_terms(form)
        self.status("")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "pay":
            self.action_pay()
        elif event.button.id == "basket":
            self.action_basket()
        else:
            self.dismiss(False)

    def action_pay(self) -> None:
        self._submit(pay=True)

    def action_basket(self) -> None:
        self._submit(pay=False)

    def _submit(self, *, pay: bool) -> None:
        period = self.selected_period()
        if self.busy or self.form is None:
            return
        if period is None:
            self.query_one("#period-field", Field).set_error(_("Pick a period first."))
            return
        self.busy = True
        self.submit(period, pay)

    @work(exclusive=True, group="renew-submit")
    async def submit(self, period: str, pay: bool) -> None:
        from billtui.api import errors
        from billtui.api.calls import services

        name = service_title(self.service)
        self.status(_("Paying for the renewal…") if pay else _("Adding the renewal to the cart…"))
        try:
            if pay:
                result = await services.prolong_pay(self.client, self.service.id, period)
            else:
                await services.prolong_submit(self.client, self.service.id, period)
                result = None
        except errors.FieldError as exc:
            self.busy = False
            self.query_one("#period-field", Field).set_error(exc.message)
            self.status(f"✗ {error_text(exc)}", error=True)
            return
        except Exception as exc:
            self.busy = False
            self.status(_("✗ {error} Nothing was renewed; try again.").format(error=error_text(exc)), error=True)
            return
        if result is None:
            self.app.notify(_("Renewal of {name} is in the cart. Pay it under Finances › Orders.").format(name=name))
        elif result.expires is not None:
            self.app.notify(_("Renewed {name} until {day}, paid from the balance.").format(
                name=name, day=fmt.day(result.expires)))
        elif result.url:
            self.app.notify(_("The balance does not cover it: the renewal of {name} is in the cart. "
                              "Pay it on the payment page.").format(name=name), timeout=10)
        else:
            self.app.notify(_("The panel accepted the renewal of {name}.").format(name=name))
        app = self.app

        announce(app, "balance", "payments", "orders")  # the cart, the orders and the balance other panes show have changed
        self.dismiss(True)
        if result is not None and result.expires is None and result.url:
            show_payment(app, result.url, _("Renewal of {name}").format(name=name))
