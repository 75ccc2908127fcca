"""Order a new service, one step at a time: type → tariff → period → options → cart or pay now.

Each step is a list the arrow keys walk and Enter picks, or a short form;
escape goes one step back, so nothing typed is lost by looking around. When the
panel refuses the order, the wizard goes to the step of the field it names,
with the field marked and everything typed still there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, ContentSwitcher, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from billtui.display import format as fmt
from billtui.api.values import parse_int, period_text
from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.widgets.async_pane import error_text
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.screens.services.service_actions import show_payment
from billtui.host import HostApp, announce, host
from billtui.display import styles

if TYPE_CHECKING:
    from billtui.api.models import FormData, Tariff

STEPS = ("type", "tariff", "period", "options", "review", "pay")
#: Shown with ``_()``: translated where the step bar is drawn.
STEP_TITLES = {"type": N_("Product type"), "tariff": N_("Tariff"), "period": N_("Period"),
               "options": N_("Options"), "review": N_("Review"), "pay": N_("Pay with")}
#: Order-form fields the wizard asks for in its own steps, or that the panel fills itself.
#: ``orderinfo`` is the panel's own order summary (HTML, read-only: vhostOperations.js orderParamVhost).
NOT_OPTIONS = frozenset({"pricelist", "period", "cost", "licence_agreement", "elid", "func", "sok",
                         "clicked_button", "sv_field", "orderinfo", "snext"})

#: Where the panel's own label reads badly (shown with ``_()``).
OWN_LABELS = {"autoprolong": N_("Auto-renew")}


@dataclass
class OrderDraft:
    """What the user picked so far (mutable: it is the wizard's working state)."""

    type_name: str = ""
    type_title: str = ""
    tariff: "Tariff | None" = None
    period: str = ""
    form: "FormData | None" = None
    values: dict[str, str] = field(default_factory=dict)


class OrderWizard(ModalScreen[bool]):
    DEFAULT_CSS = styles.load("screens/services/OrderWizard.tcss")
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="order-wizard.back"),
        Binding("ctrl+n", "next", N_("Next"), id="order-wizard.next"),
        Binding("b", "basket", N_("Add to cart"), id="order-wizard.basket"),
        Binding("p", "pay", N_("Pay now"), id="order-wizard.pay"),
    ]

    def __init__(self, type_name: str | None = None) -> None:
        super().__init__()
        self.draft = OrderDraft(type_name=type_name or "")
        self.step = "type"
        self.busy = False
        self.tariffs: list["Tariff"] = []
        self.methods: list[Any] = []
        self.billorder: str | None = None
        #: The cart's total when it was shown: sent as ``amount`` when paying it (as the payments screen does).
        self.cart_total: Any = None
        self.cart_total_money: Any = None
        self.payer = ""

    @property
    def client(self) -> Any:
        return host(self).client

    # ------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Vertical(id="wizard") as box:
            box.border_title = _("Order a new service")
            yield Static("", id="steps")
            with ContentSwitcher(initial="step-type"):
                yield OptionList(id="step-type")
                yield OptionList(id="step-tariff")
                yield OptionList(id="step-period")
                with Vertical(id="step-options"):
                    yield VerticalScroll(id="options-form")
                    with Horizontal(classes="buttons"):
                        yield Button(_("Review (ctrl+n)"), id="to-review", variant="primary")
                with VerticalScroll(id="step-review"):
                    yield Static("", id="review-text")
                    with Horizontal(classes="buttons"):
                        yield Button(_("Back (esc)"), id="back")
                        yield Button(_("Add to cart (b)"), id="basket")
                        yield Button(_("Pay now (p)"), id="pay", variant="primary")
                yield OptionList(id="step-pay")
            yield Static("", classes="wizard-status")
        yield Footer()

    def on_mount(self) -> None:
        self.load_types()

    def status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one(".wizard-status", Static)
        status.set_class(error, "-error")
        status.update(Text(text))

    def go(self, step: str) -> None:
        self.step = step
        self.query_one(ContentSwitcher).current = f"step-{step}"
        shown = [s for s in STEPS if s != "pay" or step == "pay"]
        parts = []
        for s in shown:
            title = _(STEP_TITLES[s])
            parts.append(f"[{title}]" if s == step else title)
        self.query_one("#steps", Static).update(Text(" → ".join(parts)))
        self.refresh_bindings()
        target = self.query_one(f"#step-{step}")
        if step == "options":
            inputs = [w for w in self.query_one("#options-form").query("Input, Select")]
            (inputs[0] if inputs else self.query_one("#to-review", Button)).focus()
        elif step == "review":
            self.query_one("#pay", Button).focus()
        else:
            if isinstance(target, OptionList) and target.highlighted is None and target.option_count:
                target.highlighted = 0
            target.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("basket", "pay"):
            return self.step == "review"
        if action == "next":
            return self.step == "options"
        return True

    # -------------------------------------------------------------- steps

    @work(exclusive=True, group="order-load")
    async def load_types(self) -> None:
        app: Any = self.app
        menu = getattr(app.session, "menu", None)
        if menu is None:
            from billtui.api.calls import account

            self.status(_("Loading the product types…"))
            try:
                menu = await account.menu(self.client)
            except Exception as exc:
                self.status(_("✗ {error} Press escape and try again.").format(error=error_text(exc)), error=True)
                return
        types = list(menu.service_types)
        options = self.query_one("#step-type", OptionList)
        options.add_options([Option(Text(clean(t.title)), id=t.name) for t in types])
        self.status(_("Pick what to order; Enter goes on.") if types else _("The panel offers nothing to order."))
        self.go("type")
        names = [t.name for t in types]
        if self.draft.type_name in names:
            options.highlighted = names.index(self.draft.type_name)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        list_id = event.option_list.id
        key = event.option.id or ""
        if list_id == "step-type":
            self.draft.type_name = key
            self.draft.type_title = str(event.option.prompt)
            self.load_tariffs()
        elif list_id == "step-tariff":
            self.draft.tariff = next((t for t in self.tariffs if t.id == key), None)
            self.show_periods()
        elif list_id == "step-period":
            self.draft.period = key
            self.load_options()
        elif list_id == "step-pay":
            self.pay_with(key)

    @work(exclusive=True, group="order-load")
    async def load_tariffs(self) -> None:
        from billtui.api.calls import services

        self.status(_("Loading the tariffs for {type}…").format(type=self.draft.type_title))
        try:
            tariffs = await services.order_pricelist(self.client, self.draft.type_name)
        except Exception as exc:
            self.status(_("✗ {error} Pick again or press escape.").format(error=error_text(exc)), error=True)
            return
        self.tariffs = tariffs
        options = self.query_one("#step-tariff", OptionList)
        options.clear_options()
        for t in tariffs:
            prompt = Text(clean(t.name), style="bold")
            prices = " · ".join(f"{period_text(m)} {fmt.money(p)}" for m, p in t.prices)
            if not prices and t.price is not None:
                prices = fmt.money(t.price)
            if prices:
                prompt.append("\n  " + prices, style="")
            if t.description:
                prompt.append("\n  " + clean(t.description), style="dim")
            options.add_option(Option(prompt, id=t.id))
        self.status(_("Pick a tariff (prices per period below each); Enter goes on.") if tariffs
                    else _("No tariffs on sale for this type. Press escape."))
        self.go("tariff")

    def show_periods(self) -> None:
        tariff = self.draft.tariff
        options = self.query_one("#step-period", OptionList)
        options.clear_options()
        if tariff is not None and tariff.prices:
            for months, price in tariff.prices:
                options.add_option(Option(Text(f"{period_text(months)} — {fmt.money(price)}"), id=str(months)))
            self.status(_("Pick how long to order for; Enter goes on."))
            self.go("period")
            return
        # No per-period prices in the list: the order form has the periods.
        self.draft.period = ""
        self.load_options()

    @work(exclusive=True, group="order-load")
    async def load_options(self) -> None:
        from billtui.api.calls import services

        tariff = self.draft.tariff
        if tariff is None:
            return
        self.status(_("Loading the options of this tariff…"))
        params = {"period": self.draft.period} if self.draft.period else {}
        try:
            form = await services.order_params(self.client, self.draft.type_name, tariff.id, **params)
        except Exception as exc:
            self.status(_("✗ {error} Pick again or press escape.").format(error=error_text(exc)), error=True)
            return
        if not self.draft.period:
            self.draft.period = form.get("period")
            periods = form.options.get("period") or []
            if periods and not self.draft.period:
                self.draft.period = periods[0].key
        self.draft.form = form
        await self._build_options(form)
        self.status(_("Fill in the options; ctrl+n (or the button) reviews the order."))
        self.go("options")

    async def _build_options(self, form: "FormData") -> None:
        holder = self.query_one("#options-form", VerticalScroll)
        await holder.remove_children()
        fields: list[Field] = []
        for name, value in form.values.items():
            if name in NOT_OPTIONS:
                continue
            own = OWN_LABELS.get(name)
            label = clean((_(own) if own else "") or form.labels.get(name) or name.replace("_", " ").capitalize())
            kept = self.draft.values.get(name, value)
            choices = form.options.get(name)
            if choices:
                keys = [o.key for o in choices]
                control: Any = Select([(Text(clean(o.label)), o.key) for o in choices], allow_blank=False,
                                      value=kept if kept in keys else keys[0], id=f"opt-{name}")
            else:
                control = Input(value=kept, id=f"opt-{name}")
            fields.append(Field(label, control, id=f"field-{name}", name=name))
        if not fields:
            fields_widgets: list[Any] = [Static(Text(_("This tariff has no options."), style="dim"))]
        else:
            fields_widgets = list(fields)
        await holder.mount_all(fields_widgets)

    def collect(self) -> dict[str, str]:
        values: dict[str, str] = {}
        for f in self.query_one("#options-form").query(Field):
            control = f.control
            if isinstance(control, Select):
                value = control.value
                values[f.name or ""] = "" if value is Select.BLANK else str(value)
            elif isinstance(control, Input):
                values[f.name or ""] = control.value.strip()
        self.draft.values.update(values)
        return values

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next()

    def action_next(self) -> None:
        if self.step == "options":
            self.collect()
            self.show_review()

    def show_review(self) -> None:
        d = self.draft
        form = d.form
        lines = Text()
        heads = [_("Product:"), _("Tariff:"), _("Period:"), _("Cost:")]
        width = max(len(h) for h in heads) + 2  # the values line up after the longest label
        product, tariff, period, cost_head = (h.ljust(width) for h in heads)
        lines.append(product, "bold").append(clean(d.type_title) + "\n")
        lines.append(tariff, "bold").append(clean(d.tariff.name if d.tariff else "") + "\n")
        price = None
        months = parse_int(d.period)
        if d.tariff is not None and months is not None:
            price = next((p for m, p in d.tariff.prices if m == months), None)
        shown = period_text(months) if months is not None else clean(d.period)
        lines.append(period, "bold").append(shown + "\n")
        for f in self.query_one("#options-form").query(Field):
            value = d.values.get(f.name or "", "")
            if isinstance(f.control, Select) and form is not None:
                value = next((o.label for o in form.options.get(f.name or "", []) if o.key == value), value)
            lines.append(f"{clean(f.label)}: ", "bold").append(clean(value) or "—").append("\n")
        cost = fmt.money(price) if price is not None else clean(form.get("cost") if form else "")
        lines.append("\n" + cost_head, "bold").append(cost or "—", "bold")
        lines.append(" " + _("(add-ons, if any, are added by the panel)") + "\n", "dim")
        lines.append("\n" + _("b puts it in the cart · p puts it in the cart and pays the cart now · esc goes back"),
                     "dim")
        self.query_one("#review-text", Static).update(lines)
        self.status("")
        self.go("review")

    # ------------------------------------------------------------- submit

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        button = event.button.id
        if button == "to-review":
            self.action_next()
        elif button == "basket":
            self.action_basket()
        elif button == "pay":
            self.action_pay()
        elif button == "back":
            self.action_back()

    def action_basket(self) -> None:
        if self.step == "review" and not self.busy:
            self.busy = True
            self.submit(pay=False)

    def action_pay(self) -> None:
        if self.step == "review" and not self.busy:
            self.busy = True
            self.submit(pay=True)

    @work(exclusive=True, group="order-submit")
    async def submit(self, pay: bool) -> None:
        from billtui.api import errors
        from billtui.api.calls import finance, services

        d = self.draft
        assert d.tariff is not None
        self.status(_("Adding the order to the cart…"))
        values = {k: v for k, v in d.values.items() if k in self._option_names()}
        try:
            await services.order_submit(self.client, d.type_name, d.tariff.id, d.period, **values)
        except errors.FieldError as exc:
            self.busy = False
            self._mark(exc.field, exc.message)
            return
        except Exception as exc:
            self.busy = False
            self.status(_("✗ {error} Nothing was ordered; press b or p to try again.").format(error=error_text(exc)),
                        error=True)
            return

        announce(self.app, "balance", "payments", "orders")  # the cart changed: an Orders pane opened before must not say "empty"
        months = parse_int(d.period)
        what = f"{clean(d.tariff.name)}, {period_text(months) if months is not None else clean(d.period)}"
        if not pay:
            self.app.notify(_("In the cart: {what}. Pay it under Finances › Orders.").format(what=what))
            self.dismiss(True)
            return
        self.status(_("In the cart. Loading the ways to pay…"))
        try:
            cart = await finance.basket(self.client)
            if not cart.billorder:
                raise errors.ApiError(_("The panel did not say which order to pay."),
                                      _("Pay the cart under Finances › Orders."))
            pay_form = await finance.pay_basket_form(self.client, cart.billorder)
        except Exception as exc:
            self.status(_("✗ In the cart, but paying failed: {error}").format(error=error_text(exc)), error=True)
            self.app.notify(_("In the cart: {what}. Pay it under Finances › Orders.").format(what=what))
            self.busy = False
            return
        self.billorder = cart.billorder
        # Production sends the payer with every cart payment (cartOperations.js setPaymentMethods).
        self.payer = pay_form.default_payer
        total = cart.total.amount if cart.total is not None else None
        self.cart_total = total
        self.cart_total_money = cart.total
        # The balance first, as the production panel lists it (sortPaymethodList.js) and as the
        # cart's own pay form does: it needs no payment page.
        self.methods = sorted((m for m in pay_form.methods if total is None or m.accepts(Decimal(total))),
                              key=lambda m: not m.from_balance)
        options = self.query_one("#step-pay", OptionList)
        options.clear_options()
        for m in self.methods:
            limits = f"{fmt.money(m.min)} – {fmt.money(m.max)}" if m.min or m.max else ""
            options.add_option(Option(Text(f"{clean(m.name)}  {limits}".rstrip()), id=m.id))
        if not self.methods:
            self.status(_("No way to pay this amount; it stays in the cart."))
        elif cart.total is not None:
            self.status(_("In the cart. Pay {total} (the whole cart) with… Enter picks; escape leaves it "
                          "in the cart.").format(total=fmt.money(cart.total)))
        else:
            self.status(_("In the cart. Pay the cart (the whole cart) with… Enter picks; escape leaves it "
                          "in the cart."))
        self.busy = False
        self.go("pay")

    @work(exclusive=True, group="order-pay")
    async def pay_with(self, method: str) -> None:
        from billtui.api.calls import finance

        if not self.billorder or self.busy:
            return
        self.busy = True
        self.status(_("Asking for the payment page…"))
        try:
            chosen = next((m for m in self.methods if m.id == method), None)
            if chosen is not None:  # the method's own button (pay from the balance) goes with it
                start = await finance.pay_basket(self.client, self.billorder, method=chosen, amount=self.cart_total,
                                                 payer=self.payer)
            else:
                start = await finance.pay_basket(self.client, self.billorder, paymethod=method, amount=self.cart_total,
                                                 payer=self.payer)
        except Exception as exc:
            self.busy = False
            self.status(_("✗ {error} Pick again, or escape to leave it in the cart.").format(error=error_text(exc)),
                        error=True)
            return

        app = self.app
        self.dismiss(True)
        announce(app, "balance", "payments", "orders")  # the balance, and the Orders/Payments panes that show this order
        if start.paid:
            # ``ok`` = ``func=order``: the panel took it from the balance, no payment page follows.
            if self.cart_total_money is not None:
                paid = _("Paid {total} from your balance.").format(total=fmt.money(self.cart_total_money))
            else:
                paid = _("Paid the cart from your balance.")
            app.notify(paid, title=_("Payment"), timeout=10)
        elif start.url:
            show_payment(app, start.url, _("Paying the cart"))
        else:
            app.notify(_("The panel accepted the payment."))

    def _option_names(self) -> set[str]:
        return {f.name or "" for f in self.query_one("#options-form").query(Field)}

    def _mark(self, field_name: str, message: str) -> None:
        """Go to the step that has the field, mark it, keep every value."""
        if field_name in ("pricelist",):
            self.go("tariff")
        elif field_name == "period" and self.query_one("#step-period", OptionList).option_count:
            self.go("period")
        elif field_name in self._option_names():
            self.go("options")
            f = self.query_one(f"#field-{field_name}", Field)
            f.set_error(message)
            f.control.focus()
        self.status(f"✗ {message}", error=True)

    def action_back(self) -> None:
        if self.busy:
            return
        order = ["type", "tariff", "period", "options", "review", "pay"]
        index = order.index(self.step)
        if self.step == "pay":
            self.app.notify(_("The order stays in the cart: pay it under Finances › Orders."))
            self.dismiss(True)
            return
        if index == 0:
            self.dismiss(False)
            return
        previous = order[index - 1]
        if self.step == "options":
            self.collect()
            if not self.query_one("#step-period", OptionList).option_count:
                previous = "tariff"
        self.status("")
        self.go(previous)
