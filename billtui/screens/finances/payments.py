"""Credits/Payments: the list with its filter, adding funds, paying, deleting, PDFs.

The list is the generic ``ListPane`` (declared in this section's ``specs.payments_spec``); this
module holds what its keys do and the add-funds form.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from billtui.display import format as fmt
from billtui.api.values import parse_decimal
from billtui.i18n import N_, _, pgettext
from billtui.i18n import formats
from billtui.display.safe import clean, plain
from billtui.widgets.async_pane import error_text
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.widgets.list_pane import ListPane, RowAction
from billtui.screens.finances.period import FilterChoice, Period, PeriodScreen, describe
from billtui.host import HostApp, announce, host
from billtui.workers import later
from billtui.display import styles
from billtui.widgets.pane import Pane

if TYPE_CHECKING:
    from billtui.api.models import AddFundsForm, Payment, PayMethod
    from billtui.api.values import Money

#: Status filter choices: (PaymentStatus number, label).
#: The labels are translated where shown (``period.PeriodScreen``, ``period.describe``).
STATUSES: tuple[tuple[str, str], ...] = (
    ("1", N_("New")), ("2", N_("In progress")), ("3", N_("Pledged")), ("4", N_("Credited")),
    ("5", N_("Refund pending")), ("6", N_("Refunded")), ("7", N_("Fraud")),
)
PERIODS = ("all", "month", "last_month", "year")


# --------------------------------------------------------------------------- the pane

class PaymentsPane(Pane, Vertical):
    """The payments list with a line saying how it is filtered; ``t`` changes the filter."""

    DEFAULT_CSS = styles.load("screens/finances/PaymentsPane.tcss")
    BINDINGS = [Binding("t", "filter", N_("Period/status"), id="payments.filter")]  # "/ Filter" is the text filter: one name each

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.choice = FilterChoice(Period("all"))

    def compose(self) -> ComposeResult:
        from billtui.screens.finances.specs import payments_spec

        yield ListPane(payments_spec())
        yield Static(self._filter_text(), classes="filter-line")

    @property
    def list(self) -> ListPane:
        return self.query_one(ListPane)

    def focus_content(self) -> None:
        self.list.focus_content()

    def reload(self) -> None:
        self.list.reload()

    def _filter_text(self) -> Text:
        return Text(_("Showing: {filter}  (t to change)").format(filter=describe(self.choice, STATUSES).plain))

    def action_filter(self) -> None:
        def chosen(choice: FilterChoice | None) -> None:
            if choice is not None:
                self.apply_filter(choice)

        self.app.push_screen(PeriodScreen(_("Filter payments"), host(self).today(), self.choice,
                                          presets=PERIODS, statuses=STATUSES), callback=chosen)

    def apply_filter(self, choice: FilterChoice) -> None:
        self.choice = choice
        filters = choice.period.filters()
        if choice.status:
            filters["status"] = choice.status
        self.query_one(".filter-line", Static).update(self._filter_text())
        self.list.set_filters(filters)


# ----------------------------------------------------------------------- row actions

def open_payment(pane: ListPane, payment: "Payment") -> None:
    """Enter: every field of one payment, and what can be done with it."""
    from billtui.widgets.details import DetailsScreen

    can = [_("D save PDF")]
    if payment.deletable:
        can = [_("p pay"), _("d delete")] + can
    pane.app.push_screen(DetailsScreen(_("Payment {number}").format(number=payment.number), [
        (_("Number"), payment.number), (_("Date"), payment.created), (_("Method"), payment.method),
        (pgettext("amount", "Credited"), payment.credited), (pgettext("amount", "Paid"), payment.paid),
        (_("Status"), payment.status), (_("Panel's status"), payment.status_text), (_("Id"), payment.id),
        (_("Keys in the list"), ", ".join(can)),
    ]))


def add_funds(pane: ListPane, _row: Any) -> None:
    pane.app.push_screen(AddFundsScreen())


def pay_payment(pane: ListPane, payment: "Payment") -> None:
    """Resume paying a New payment: the panel gives its payment page again."""
    if not payment.deletable:
        pane.notify(_("Payment {number} is {status}: only New payments wait to be paid.").format(
            number=clean(payment.number), status=clean(payment.status_text) or _("not new")), severity="warning")
        return
    pane.run_worker(later(_pay, pane, payment), group="payment-action", exclusive=True)


async def _pay(pane: ListPane, payment: "Payment") -> None:
    from billtui.api.calls import finance
    from billtui.screens.common.payflow import show_payment_page

    pane.show_status(_("Asking the panel for the payment page of {number}…").format(number=payment.number))
    try:
        url = await finance.payment_redirect(pane.billtui.client, payment.id)
    except Exception as exc:
        pane.show_status(_("✗ Could not resume {number}: {error}").format(number=payment.number,
                                                                          error=error_text(exc)), error=True)
        return
    pane.show_status("")
    await show_payment_page(pane.app, url or "", _("Paying {number} ({amount})").format(
        number=payment.number, amount=fmt.money(payment.credited)))


def delete_payment(pane: ListPane, payment: "Payment") -> None:
    """Delete a New payment, after a confirmation."""
    from billtui.widgets.confirm import ConfirmScreen

    if not payment.deletable:
        pane.notify(_("Payment {number} is {status}: only New payments can be deleted.").format(
            number=clean(payment.number), status=clean(payment.status_text)), severity="warning")
        return

    def decided(yes: bool | None) -> None:
        if yes:
            pane.run_worker(later(_delete, pane, payment), group="payment-action", exclusive=True)

    pane.app.push_screen(ConfirmScreen(
        _("Delete payment {number} of {amount}? It was never paid; this cannot be undone.").format(
            number=clean(payment.number), amount=fmt.money(payment.credited)), yes=_("Delete")), callback=decided)


async def _delete(pane: ListPane, payment: "Payment") -> None:
    from billtui.api.calls import finance

    pane.show_status(_("Deleting {number}…").format(number=payment.number))
    try:
        await finance.delete_payment(pane.billtui.client, payment.id)
    except Exception as exc:
        pane.show_status(_("✗ Could not delete {number}: {error}").format(number=payment.number,
                                                                          error=error_text(exc)), error=True)
        return
    pane.notify(_("Deleted payment {number}.").format(number=clean(payment.number)))
    pane.reload()


def save_pdf(pane: ListPane, payment: "Payment") -> None:
    pane.run_worker(later(_save_pdf, pane, payment), group="payment-pdf", exclusive=True)


async def _save_pdf(pane: ListPane, payment: "Payment") -> None:
    from billtui.api.calls import finance
    from billtui.screens.finances import pdf_download

    what = _("payment {number}").format(number=payment.number)
    try:
        path = await pdf_download.save_pdf(
            lambda progress: finance.payment_pdf(pane.billtui.client, payment.id, progress),
            what, f"payment_{payment.number}.pdf", pane.show_status)
    except Exception as exc:
        message = pdf_download.failure(exc, what)
        pane.show_status(f"✗ {message}", error=True)
        pane.notify(message, severity="error", timeout=10)
        return
    pane.show_status(pdf_download.where([path]))
    pane.notify(f"{what}: {pdf_download.where([path])}", title=_("PDF saved"), timeout=12)


ACTIONS: tuple[RowAction, ...] = (
    RowAction("a", N_("Add funds"), add_funds, needs_row=False),
    RowAction("p", N_("Pay"), pay_payment),
    RowAction("d", N_("Delete"), delete_payment),
    RowAction("D", N_("PDF"), save_pdf),
)


# ------------------------------------------------------------------- add funds form

def amount_text(amount: Decimal, currency: str) -> str:
    """A typed amount and its currency code, as the language writes numbers: ``1,234.50 USD``."""
    return f"{formats.number(amount)} {currency}"


def typed_amount(amount: Decimal) -> str:
    """A bare amount for the amount field, with the language's decimal sign (``check_amount`` reads both)."""
    return f"{amount:.2f}".replace(".", formats.convention().decimal)


def method_label(method: "PayMethod") -> str:
    name = clean(method.name)
    low = fmt.money(method.min) if method.min is not None else None
    high = fmt.money(method.max) if method.max is not None and method.max.amount > 0 else None
    if low is not None and high is not None:
        return _("{name} (from {min} up to {max})").format(name=name, min=low, max=high)
    if low is not None:
        return _("{name} (from {min})").format(name=name, min=low)
    if high is not None:
        return _("{name} (up to {max})").format(name=name, max=high)
    return name


def check_amount(text: str, method: "PayMethod | None") -> tuple[Decimal | None, str | None]:
    """The typed amount as Decimal, or why not (within the method's min/max)."""
    text = text.strip().replace(",", ".") if text.count(",") == 1 and "." not in text else text.strip()
    example = formats.number(Decimal("25.00"))
    if not text:
        return None, _("Enter the amount to add, e.g. {example}.").format(example=example)
    amount = parse_decimal(text)
    if amount is None or not amount.is_finite():
        return None, _("“{text}” is not an amount. Use digits and a dot, e.g. {example}.").format(
            text=clean(text), example=example)
    if amount <= 0:
        return None, _("The amount must be more than zero.")
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None, _("Use at most two decimals (cents).")
    if method is not None and not method.accepts(amount):
        lo = fmt.money(method.min) if method.min else "0"
        if method.max and method.max.amount > 0:
            return None, _("{name} takes from {lo} to {hi}.").format(name=clean(method.name), lo=lo,
                                                                    hi=fmt.money(method.max))
        return None, _("{name} takes from {lo} to any amount.").format(name=clean(method.name), lo=lo)
    return amount, None


@dataclass(frozen=True)
class OrderToPay:
    """An order (the cart, or one awaiting payment) whose amount the panel fixes."""

    billorder: str
    total: "Money | None"
    #: The order's number as shown ("503"); "" for the cart. Each sentence about it is translated
    #: whole (``title``, ``paying``, ``paid``): Russian puts "the cart"/"order 503" in different cases.
    number: str = ""

    def title(self) -> str:
        if not self.number:
            return _("Pay the cart")
        return _("Pay order {number}").format(number=self.number)

    def paying(self, method: str) -> str:
        """What the payment page is for: "Paying the cart (12.00 USD) by Bank card"."""
        if not self.number:
            return _("Paying the cart ({amount}) by {method}").format(amount=fmt.money(self.total), method=method)
        return _("Paying order {number} ({amount}) by {method}").format(
            number=self.number, amount=fmt.money(self.total), method=method)

    def paid(self) -> str:
        if not self.number:
            return _("Paid the cart ({amount}) from your balance.").format(amount=fmt.money(self.total))
        return _("Paid order {number} ({amount}) from your balance.").format(
            number=self.number, amount=fmt.money(self.total))


class AddFundsScreen(ModalScreen[None]):
    """Choose a method (its limits shown), the amount, currency and payer; then pay on the page.

    With an ``order`` it pays that order instead (``payment.add&billorder``): the
    amount is the order's total and cannot be changed.
    """

    DEFAULT_CSS = styles.load("screens/finances/AddFundsScreen.tcss")
    BINDINGS = [
        Binding("ctrl+s", "submit", N_("Go to payment"), id="add-funds.submit"),
        Binding("escape", "cancel", N_("Cancel"), id="add-funds.cancel"),
        Binding("ctrl+r", "reload", N_("Reload form"), show=False, id="add-funds.reload"),
    ]

    def __init__(self, order: OrderToPay | None = None) -> None:
        super().__init__()
        self.order = order
        self.form: "AddFundsForm | None" = None
        self.busy = False

    @property
    def billtui(self) -> Any:
        return self.app

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = plain(self.order.title() if self.order else _("Add funds"))
            yield Static(_("Loading the payment methods…"), id="af-status")
            with Vertical(id="af-form"):
                yield Field(_("Payment method"), Select([], prompt=_("Choose a method"), id="paymethod"),
                            id="paymethod-field")
                example = formats.number(Decimal("25.00"))
                yield Field(_("Amount"), Input(placeholder=_("e.g. {example}").format(example=example), id="amount"),
                            id="amount-field")
                yield Field(_("Currency"), Select([], allow_blank=True, prompt=_("Currency"), id="payment_currency"),
                            id="payment_currency-field")
                yield Field(_("Payer"), Select([], allow_blank=True, prompt=_("Payer"), id="profile"),
                            id="profile-field")
                with Horizontal(classes="buttons"):
                    yield Button(_("Cancel (esc)"), id="cancel")
                    yield Button(_("Go to payment (ctrl+s)"), id="submit", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#af-form").display = False
        self.action_reload()

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#af-status", Static)
        status.set_class(error, "-error")
        status.display = bool(text)
        status.update(Text(text))

    def action_reload(self) -> None:
        self.run_worker(later(self._load), group="add-funds", exclusive=True)

    async def _load(self) -> None:
        from billtui.api.calls import finance

        self._status(_("Loading the payment methods…"))
        try:
            if self.order is not None:
                form = await finance.pay_basket_form(self.billtui.client, self.order.billorder)
            else:
                form = await finance.payment_methods(self.billtui.client)
        except Exception as exc:
            self._status(_("✗ Could not load the payment methods: {error} Press ctrl+r to retry.").format(
                error=error_text(exc)), error=True)
            return
        self.form = form
        if not form.methods:
            self._status(_("The panel offers no payment method for your account. Ask support."), error=True)
            return
        methods = self.query_one("#paymethod", Select)
        # The balance first, as the production panel lists it (src/utils/sortPaymethodList.js).
        ordered = sorted(form.methods, key=lambda m: not m.from_balance)
        methods.set_options([(Text(method_label(m)), m.id) for m in ordered])
        if len(form.methods) == 1:
            methods.value = form.methods[0].id
        elif self.order is not None and ordered[0].from_balance:
            methods.value = ordered[0].id
        currency = self.query_one("#payment_currency", Select)
        currency.set_options([(Text(clean(o.label)), o.key) for o in form.currencies])
        current = form.values.get("payment_currency", "")
        if current and any(o.key == current for o in form.currencies):
            currency.value = current
        payer = self.query_one("#profile", Select)
        payer.set_options([(Text(clean(o.label)), o.key) for o in form.payers])
        if form.default_payer:
            payer.value = form.default_payer
        self.query_one("#payment_currency-field").display = bool(form.currencies)
        self.query_one("#profile-field").display = bool(form.payers)
        if self.order is not None:
            amount = self.query_one("#amount", Input)
            # The bare number (the currency is the form's own field); an order's amount is fixed.
            amount.value = (typed_amount(self.order.total.amount) if self.order.total
                            else form.values.get("amount", ""))
            amount.disabled = True
        self._status("")
        self.query_one("#af-form").display = True
        methods.focus()

    def _method(self) -> "PayMethod | None":
        value = self.query_one("#paymethod", Select).value
        if self.form is None or value is Select.BLANK:
            return None
        return next((m for m in self.form.methods if m.id == value), None)

    def _value(self, select_id: str) -> str:
        value = self.query_one(f"#{select_id}", Select).value
        return "" if value is Select.BLANK else str(value)

    def _clear_errors(self) -> None:
        for field in self.query(Field):
            field.set_error(None)

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "paymethod":
            self.query_one("#paymethod-field", Field).set_error(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.action_submit()
        else:
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self.form is None or self.busy:
            return
        self._clear_errors()
        method = self._method()
        if method is None:
            self.query_one("#paymethod-field", Field).set_error(_("Choose how you will pay."))
            self.query_one("#paymethod", Select).focus()
            return
        if self.order is not None:
            total = self.order.total.amount if self.order.total else None
            if total is not None and not method.accepts(total):
                self.query_one("#paymethod-field", Field).set_error(
                    check_amount(str(total), method)[1] or _("This method does not take this amount."))
                return
            self.busy = True
            self.run_worker(later(self._submit, method, total or Decimal(0)), group="add-funds", exclusive=True)
            return
        amount, problem = check_amount(self.query_one("#amount", Input).value, method)
        if problem is not None or amount is None:
            self.query_one("#amount-field", Field).set_error(problem)
            self.query_one("#amount", Input).focus()
            return
        self.busy = True
        self.run_worker(later(self._submit, method, amount), group="add-funds", exclusive=True)

    async def _submit(self, method: "PayMethod", amount: Decimal) -> None:
        from billtui.api import errors
        from billtui.api.calls import finance
        from billtui.screens.common.payflow import show_payment_page

        currency = self._value("payment_currency")
        self._status(_("Creating the payment of {amount} by {method}…").format(
            amount=amount_text(amount, currency), method=clean(method.name)))
        try:
            if self.order is not None:
                total = self.order.total.amount if self.order.total else None
                start = await finance.pay_basket(self.billtui.client, self.order.billorder, method=method,
                                                 amount=total, payer=self._value("profile"),
                                                 currency="" if method.from_balance else currency)
            else:
                start = await finance.add_funds(self.billtui.client, paymethod=method.id, amount=amount,
                                                currency=currency, payer=self._value("profile"))
        except errors.FieldError as exc:
            self.busy = False
            self._status("")
            self._mark(exc.field, clean(exc.message) or error_text(exc))
            return
        except Exception as exc:
            self.busy = False
            self._status(_("✗ {error} Your input is kept: press ctrl+s to try again.").format(error=error_text(exc)),
                         error=True)
            return
        self.busy = False
        app = self.app
        self.dismiss(None)
        announce(app, "balance", "payments", "orders")
        what = _("Adding {amount} by {method}").format(amount=amount_text(amount, currency), method=clean(method.name))
        if self.order is not None:
            what = self.order.paying(clean(method.name))
        if start.paid:
            # ``ok`` = ``func=order``: the panel took it from the balance, no payment page follows.
            paid = self.order.paid() if self.order else _("Paid {amount} from your balance.").format(
                amount=fmt.money(amount))
            app.notify(paid, title=_("Payment"), timeout=10)
        elif start.url:
            # This screen (and its workers) is going away: the app shows the page.
            app.run_worker(show_payment_page(app, start.url, what), group="payflow")
        else:
            app.notify(_("{what}: the payment was created but the panel sent no payment page. "
                         "Press p on it in Credits/Payments.").format(what=what), severity="warning", timeout=12)

    def _mark(self, field_name: str, message: str) -> None:
        target = {"paymethod": "paymethod", "amount": "amount", "payment_currency": "payment_currency",
                  "profile": "profile"}.get(field_name)
        if target is None:
            self._status(f"✗ {message}", error=True)
            return
        self.query_one(f"#{target}-field", Field).set_error(message)
        self.query_one(f"#{target}").focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
