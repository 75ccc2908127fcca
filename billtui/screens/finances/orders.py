"""Orders: the cart (what you are about to buy) above your order history.

Keys: ``p`` pays the cart (the same payment-page flow as adding funds), ``c``
applies a promo code, ``E`` empties the cart; in the cart, ``d`` removes the
highlighted item. In the history, ``p`` pays an order still awaiting payment.
"""

from __future__ import annotations


from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Static

from billtui.display import format as fmt
from billtui.display.safe import clean, plain
from billtui.i18n import N_, _, ngettext, pgettext
from billtui.widgets.async_pane import error_text
from billtui.widgets.footer import Footer
from billtui.widgets.vim import VIM_KEYS
from billtui.widgets.field import Field
from billtui.widgets.list_pane import ListPane, RowAction
from billtui.host import HostApp, host
from billtui.workers import later
from billtui.display import styles
from billtui.widgets.pane import Pane

if TYPE_CHECKING:
    from billtui.api.models import Basket, Order


@dataclass(frozen=True)
class CartState:
    basket: "Basket"
    awaiting: tuple["Order", ...]


class CartTable(DataTable):
    """The cart's items (a cart is short: a plain DataTable is right here)."""

    DEFAULT_CSS = styles.load("screens/finances/CartTable.tcss")
    BINDINGS = [*VIM_KEYS, Binding("d,delete", "remove", N_("Remove item"), id="cart-table.remove")]

    def action_remove(self) -> None:
        pane = next((a for a in self.ancestors if isinstance(a, OrdersPane)), None)
        if pane is not None:
            pane.remove_item()


class OrdersPane(Pane, Vertical):
    DEFAULT_CSS = styles.load("screens/finances/OrdersPane.tcss")
    BINDINGS = [
        Binding("p", "pay_cart", N_("Pay cart"), id="orders.pay-cart"),
        Binding("c", "promo", N_("Promo code"), id="orders.promo"),
        Binding("E", "empty", N_("Empty cart"), id="orders.empty"),
    ]

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.state: CartState | None = None

    @property
    def billtui(self) -> Any:
        return self.app

    def compose(self) -> ComposeResult:
        from billtui.screens.finances.specs import orders_spec

        with Vertical(id="cart") as cart:
            cart.border_title = _("Cart")
            yield Static(_("Loading the cart…"), id="cart-status")
            yield CartTable(id="cart-items", cursor_type="row", zebra_stripes=False)
        yield Static("", id="awaiting")
        yield ListPane(orders_spec())

    def on_mount(self) -> None:
        table = self.query_one(CartTable)
        table.add_columns(_("Tariff"), pgettext("column", "Details"), _("Cost"))
        table.display = False
        self.query_one("#awaiting").display = False
        self.reload_cart()

    def focus_content(self) -> None:
        if self.state is not None and self.state.basket.items:
            self.query_one(CartTable).focus()
        else:
            self.query_one(ListPane).focus_content()

    def reload(self) -> None:
        self.reload_cart()
        self.query_one(ListPane).reload()

    # ------------------------------------------------------------------ loading

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#cart-status", Static)
        status.set_class(error, "-error")
        status.display = bool(text)
        status.update(Text(text))

    def reload_cart(self) -> None:
        self.run_worker(later(self._load_cart), group="cart", exclusive=True)

    async def _load_cart(self, message: str = "") -> None:
        import asyncio

        from billtui.api.calls import finance

        self._status(_("Loading the cart…"))
        client = self.billtui.client
        try:
            basket, awaiting = await asyncio.gather(finance.basket(client),
                                                    finance.orders_awaiting_payment(client))
        except Exception as exc:
            self._status(_("✗ Could not load the cart: {error} Press r to retry.").format(error=error_text(exc)),
                         error=True)
            return
        self.show_cart(CartState(basket, tuple(awaiting)), message)

    def show_cart(self, state: CartState, message: str = "") -> None:
        first = self.state is None
        self.state = state
        basket = state.basket
        cart = self.query_one("#cart")
        table = self.query_one(CartTable)
        table.clear()
        for item in basket.items:
            table.add_row(Text(clean(item.tariff)), Text(clean(item.description)),
                          Text(fmt.money(item.cost), justify="right"), key=item.id)
        table.display = bool(basket.items)
        if basket.items:
            n = len(basket.items)
            cart.border_title = ngettext("Cart · {n} item", "Cart · {n} items", n).format(n=n)
            extras = []
            if basket.discount is not None and basket.discount.amount:
                extras.append(_("saving {amount}").format(amount=fmt.money(basket.discount)))
            if basket.tax is not None and basket.tax.amount:
                extras.append(_("tax {amount}").format(amount=fmt.money(basket.tax)))
            # A Text: a str subtitle is read as markup, and amounts carry the panel's text.
            cart.border_subtitle = plain(_("Total {amount}").format(amount=fmt.money(basket.total))
                                         + (f" ({', '.join(extras)})" if extras else ""))
            self._status(message or _("p pay · c promo code · d remove item · E empty"))
        else:
            cart.border_title = _("Cart")
            cart.border_subtitle = ""
            self._status(message or _("The cart is empty. Order a service from Services to fill it."))
        awaiting = self.query_one("#awaiting", Static)
        if state.awaiting:
            names = ", ".join(_("order {number} ({amount})").format(number=clean(o.number or o.id),
                                                                    amount=fmt.money(o.cost))
                              for o in state.awaiting)
            awaiting.update(Text(_("⚠ Awaiting payment: {orders}. Select it below and press p to pay.").format(
                orders=names)))
        awaiting.display = bool(state.awaiting)
        history = self.query_one(ListPane).table
        if first and basket.items and self.screen.focused is history:
            table.focus()  # opened with a full cart: start on what is about to be bought

    # ------------------------------------------------------------------ actions

    def _has_items(self) -> bool:
        if self.state is None or not self.state.basket.items:
            self.notify(_("The cart is empty."), severity="warning")
            return False
        return True

    def remove_item(self) -> None:
        if not self._has_items():
            return
        table = self.query_one(CartTable)
        if table.cursor_row < 0 or table.row_count == 0:
            return
        assert self.state is not None
        item = self.state.basket.items[table.cursor_row]
        self.run_worker(later(self._change, lambda c, f: f.basket_remove(c, item.id),
                                     _("Removed {tariff} from the cart.").format(tariff=clean(item.tariff))),
                        group="cart", exclusive=True)

    def action_empty(self) -> None:
        from billtui.widgets.confirm import ConfirmScreen

        if not self._has_items():
            return

        def decided(yes: bool | None) -> None:
            if yes:
                billorder = self.state.basket.billorder if self.state is not None else None
                self.run_worker(later(self._change, lambda c, f: f.basket_clear(c, billorder),
                                             _("The cart is empty now.")), group="cart", exclusive=True)

        self.app.push_screen(ConfirmScreen(_("Remove everything from the cart?"), yes=pgettext("verb", "Empty")), callback=decided)

    async def _change(self, call: Any, done: str) -> None:
        from billtui.api.calls import finance

        self._status(_("Updating the cart…"))
        try:
            await call(self.billtui.client, finance)
        except Exception as exc:
            self._status(_("✗ {error} Press r to reload the cart.").format(error=error_text(exc)), error=True)
            return
        await self._load_cart(done)

    def action_promo(self) -> None:
        def applied(basket: Any) -> None:
            if basket is not None and self.state is not None:
                self.show_cart(CartState(basket, self.state.awaiting), _("Promo code applied."))

        self.app.push_screen(PromoScreen(), callback=applied)

    def action_pay_cart(self) -> None:
        from billtui.screens.finances.payments import AddFundsScreen, OrderToPay

        if not self._has_items():
            return
        assert self.state is not None
        basket = self.state.basket
        if not basket.billorder:
            self.notify(_("The panel did not say which order the cart is. Press r and try again."), severity="error")
            return
        self.app.push_screen(AddFundsScreen(OrderToPay(basket.billorder, basket.total)))

    def on_key(self, event: Any) -> None:
        if event.key == "r" and self.query_one(CartTable).has_focus:
            event.stop()
            self.reload_cart()


def pay_order(pane: ListPane, order: "Order") -> None:
    """``p`` in the history: pay an order that is still awaiting payment."""
    from billtui.screens.finances.payments import AddFundsScreen, OrderToPay

    owner = next((a for a in pane.ancestors if isinstance(a, OrdersPane)), None)
    awaiting = {o.id for o in owner.state.awaiting} if owner and owner.state else set()
    if order.id not in awaiting:
        if owner is not None and owner.state is not None and owner.state.basket.items:
            owner.action_pay_cart()
            return
        pane.notify(_("Order {number} is {status}.").format(number=clean(order.number or order.id),
                                                           status=clean(order.status_text) or _("not awaiting payment")),
                    severity="warning")
        return
    pane.app.push_screen(AddFundsScreen(OrderToPay(order.id, order.cost, clean(order.number or order.id))))


ORDER_ACTIONS: tuple[RowAction, ...] = (RowAction("p", N_("Pay"), pay_order),)


class PromoScreen(ModalScreen[Any]):
    """Type a promo code; the panel's answer (e.g. "Promo code not found") marks the field."""

    DEFAULT_CSS = styles.load("screens/finances/PromoScreen.tcss")
    BINDINGS = [Binding("ctrl+s", "apply", N_("Apply"), id="promo.apply"),
                Binding("escape", "cancel", N_("Cancel"), id="promo.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Promo code")
            yield Field(_("Code"), Input(placeholder=_("e.g. {example}").format(example="WELCOME10"), id="promocode"),
                        id="promocode-field")
            yield Static("", id="promo-status")
            with Horizontal():
                yield Button(_("Cancel (esc)"), id="cancel")
                yield Button(_("Apply (enter)"), id="apply", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#promo-status").display = False
        self.query_one("#promocode", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_apply()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_apply() if event.button.id == "apply" else self.action_cancel()

    def action_apply(self) -> None:
        code = self.query_one("#promocode", Input).value.strip()
        field = self.query_one("#promocode-field", Field)
        if not code:
            field.set_error(_("Type the code first."))
            return
        field.set_error(None)
        self.run_worker(later(self._apply, code), group="promo", exclusive=True)

    async def _apply(self, code: str) -> None:
        from billtui.api import errors
        from billtui.api.calls import finance

        status = self.query_one("#promo-status", Static)
        status.display = True
        status.update(Text(_("Checking the code…")))
        try:
            basket = await finance.apply_promocode(host(self).client, code)
        except errors.FieldError as exc:
            status.display = False
            self.query_one("#promocode-field", Field).set_error(clean(exc.message) or error_text(exc))
            return
        except Exception as exc:
            status.update(Text(_("✗ {error} Press enter to try again.").format(error=error_text(exc))))
            return
        self.dismiss(basket)

    def action_cancel(self) -> None:
        self.dismiss(None)
