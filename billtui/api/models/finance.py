"""Payments, expenses, invoices, and the add-funds form."""

from __future__ import annotations

from collections.abc import Mapping
import datetime as dt
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar, Self

from .. import assumed
from ..parser import Doc, Option, Row, as_list, attr_of, row_of
from ..values import Money
from ._cells import Columns, Unreadable, _cell, _date, _money, _text, _unreadable, _value, unreadable_field
from .forms import FormData
from .status import PaymentStatus


@dataclass(frozen=True)
class Payment:
    id: str
    number: str
    created: date | None
    method: str
    credited: Money | None
    paid: Money | None
    status: PaymentStatus
    status_text: str
    #: ``sender_name``: the payer (ISPsystem "Payments (payment)" page; PaymentsTable.jsx reads it).
    payer: str = ""
    unreadable: Unreadable = unreadable_field()

    # Columns: ISPsystem BILLmanager 6 "Payments (payment)" function page, and what
    # Karantir-dev/billing-typescript src/Components/Billing/PaymentsTable/PaymentsTable.jsx reads.
    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "number": ("number",), "created": ("create_date", "createdate"),
        "method": ("paymethod_name", "paymethod"), "credited": ("subaccountamount_iso", "subaccountamount"),
        "paid": ("paymethodamount_iso", "paymethodamount"), "status": ("status",),
        "status_text": ("status",), "payer": ("sender_name",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        text = st.text if st else ""
        status = PaymentStatus.parse(st.orig if st else None, text)
        if status is PaymentStatus.UNKNOWN and text.strip().lower() in assumed.PAYMENT_STATUS_TEXTS:
            # Production panels send the status as text only ("New", "Paid"): PaymentsTableItem.jsx.
            status = PaymentStatus(assumed.PAYMENT_STATUS_TEXTS[text.strip().lower()])
        created, credited, paid = _date(row, *c["created"]), _money(row, *c["credited"]), _money(row, *c["paid"])
        return cls(
            id=_value(row, *c["id"]), number=_text(row, *c["number"]) or _value(row, *c["id"]),
            created=created, method=_text(row, *c["method"]), credited=credited, paid=paid,
            status=status, status_text=text, payer=_text(row, *c["payer"]),
            unreadable=_unreadable(row, c, created=created, credited=credited, paid=paid),
        )

    @property
    def deletable(self) -> bool:
        """Only new (unpaid) payments can be deleted."""
        return self.status is PaymentStatus.NEW


@dataclass(frozen=True)
class Expense:
    id: str
    name: str
    # ``dt.date``: below a field named ``date``, a bare ``date`` in this class is that field.
    date: dt.date | None
    created: dt.date | None
    amount: Money | None
    unpaid: Money | None
    discount: Money | None
    payments: str
    tax: Money | None
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "name": ("locale_name", "name"), "date": ("realdate",), "created": ("cdate",),
        "amount": ("amount",), "unpaid": ("notpayd",), "discount": ("discountamount",),
        "payments": ("payments",), "tax": ("taxamount",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        day, created = _date(row, *c["date"]), _date(row, *c["created"])
        amount, unpaid = _money(row, *c["amount"]), _money(row, *c["unpaid"])
        discount, tax = _money(row, *c["discount"]), _money(row, *c["tax"])
        return cls(
            id=_value(row, *c["id"]), name=_text(row, *c["name"]), date=day, created=created, amount=amount,
            unpaid=unpaid, discount=discount, payments=_text(row, *c["payments"]), tax=tax,
            unreadable=_unreadable(row, c, date=day, created=created, amount=amount, unpaid=unpaid,
                                   discount=discount, tax=tax),
        )


@dataclass(frozen=True)
class Invoice:
    id: str
    number: str
    created: date | None
    customer: str
    amount: Money | None
    status_text: str
    sent: date | None
    #: The status's raw code (``invoice_status.$orig``) when the panel sends one: what ``unpaid``
    #: compares, since the text is translated.
    status_code: str = ""
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "number": ("number",), "created": ("cdate",), "customer": ("customer",),
        "amount": ("amount_iso", "amount"), "status_text": ("invoice_status", "status"), "sent": ("sdate",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        created, amount, sent = _date(row, *c["created"]), _money(row, *c["amount"]), _date(row, *c["sent"])
        return cls(
            id=_value(row, *c["id"]), number=_text(row, *c["number"]) or _value(row, *c["id"]),
            created=created, customer=_text(row, *c["customer"]), amount=amount,
            status_text=_text(row, *c["status_text"]), sent=sent,
            status_code=next((cell.orig for n in c["status_text"] if (cell := row.get(n)) is not None
                              and cell.orig), ""),
            unreadable=_unreadable(row, c, created=created, amount=amount, sent=sent),
        )

    @property
    def unpaid(self) -> bool:
        """Still to be paid: by its code where the panel sends one, else by its words
        (``assumed.INVOICE_UNPAID_CODES`` / ``INVOICE_UNPAID_TEXT``, both UNPROVEN)."""
        if self.status_code:
            return self.status_code.strip() in assumed.INVOICE_UNPAID_CODES
        return bool(assumed.INVOICE_UNPAID_TEXT.search(self.status_text or ""))


@dataclass(frozen=True)
class PayMethod:
    """A row of ``list methodlist`` (Karantir-dev/billing-typescript Cart.jsx, ModalCreatePayment.jsx)."""

    id: str
    name: str
    min: Money | None
    max: Money | None
    #: ``paymethod_type``: ``0`` is the account balance (src/utils/sortPaymethodList.js puts it first).
    kind: str = ""
    #: ``action.button.$name``: the button the panel wants pressed with this method; ``fromsubaccount``
    #: = pay from the balance, sent back as ``clicked_button`` (Cart.jsx payBasketHandler).
    button: str = ""
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {"min": ("payment_minamount",), "max": ("payment_maxamount",)}

    @classmethod
    def from_row(cls, row: Row, currency: str = "") -> Self:
        c = cls.COLUMNS
        low = _money(row, *c["min"], currency=currency)
        high = _money(row, *c["max"], currency=currency)
        return cls(id=_value(row, "paymethod", "id"), name=_text(row, "name", "paymethod"), min=low, max=high,
                   kind=_value(row, "paymethod_type"), unreadable=_unreadable(row, c, min=low, max=high))

    @classmethod
    def from_node(cls, node: Any, currency: str = "") -> Self:
        """From the raw ``elem``: the row, plus the nested ``action.button.$name`` a flat row loses."""
        base = cls.from_row(row_of(node), currency)
        button = ""
        if isinstance(node, dict):
            for action in as_list(node.get("action")):
                if not isinstance(action, dict):
                    continue
                for b in as_list(action.get("button")):
                    name = attr_of(b, "name")
                    if name:
                        button = name
                        break
                if button:
                    break
        return replace(base, button=button) if button else base

    @property
    def from_balance(self) -> bool:
        """Pays from the account balance: the panel's balance row (no payment page follows).

        ``paymethod_type`` 0 alone marks it in production (sortPaymethodList.js, Cart.jsx), whatever
        the language of its name ("Account balance", "Лицевой счёт")."""
        return self.button == assumed.PAY_FROM_BALANCE_BUTTON or self.kind == assumed.BALANCE_PAYMETHOD_TYPE

    def accepts(self, amount: Decimal) -> bool:
        """Whether ``amount`` is within this method's limits (a zero maximum means no limit)."""
        if self.min is not None and amount < self.min.amount:
            return False
        if self.max is not None and self.max.amount > 0 and amount > self.max.amount:
            return False
        return True


@dataclass(frozen=True)
class AddFundsForm:
    """``payment.add.method`` view: methods with limits, currencies and payers to choose from."""

    methods: tuple[PayMethod, ...]
    currencies: tuple[Option, ...]
    payers: tuple[Option, ...]
    values: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        currencies = tuple(doc.slist("payment_currency"))
        default_cur = doc.field("payment_currency") or ""
        if not currencies and default_cur:
            # No option list: the form's own value is the only currency (billingOperations.js
            # getPaymentMethod falls back to ``[{$key: payment_currency.$}]``). Its key may be an id.
            currencies = (Option(default_cur, default_cur),)
        cur_code = default_cur if len(default_cur) == 3 and default_cur.isalpha() else ""
        if not cur_code:
            for opt in currencies:
                words = opt.label.split()
                if opt.key == default_cur and words and len(words[0]) == 3 and words[0].isalpha():
                    cur_code = words[0].upper()
                    break
            else:
                for opt in currencies:
                    words = opt.label.split()
                    if words and len(words[0]) == 3 and words[0].isalpha():
                        cur_code = words[0].upper()
                        break
        return cls(methods=tuple(PayMethod.from_node(n, cur_code) for n in _sublist_nodes(doc, "methodlist")),
                   currencies=currencies, payers=tuple(doc.slist("profile")),
                   values=FormData.from_doc(doc).values)

    def with_payers(self, payers: tuple[Option, ...]) -> "AddFundsForm":
        """The same form with the payers from the ``profile`` list (the form itself had none)."""
        return replace(self, payers=payers)

    @property
    def balance_method(self) -> PayMethod | None:
        return next((m for m in self.methods if m.from_balance), None)

    @property
    def default_payer(self) -> str:
        """The payer to send as ``profile``: the form's own, else the last payer (the production
        panel's default, PayersList.jsx), else none."""
        current = self.values.get("profile", "")
        if current and any(o.key == current for o in self.payers):
            return current
        return self.payers[-1].key if self.payers else ""


def _sublist_nodes(doc: Doc, name: str) -> list[Any]:
    """Raw ``elem`` nodes of ``doc.list[$name=NAME]`` (object or array), for nested cells."""
    out: list[Any] = []
    for node in as_list(doc.get("list")):
        if isinstance(node, dict) and attr_of(node, "name") == name:
            out.extend(e for e in as_list(node.get("elem")) if isinstance(e, dict))
    return out


@dataclass(frozen=True)
class PaymentStart:
    """Where to pay: the payment page URL (open in a browser) and the new payment's id."""

    url: str | None
    payment_id: str | None
    #: The panel paid it at once from the balance (``ok`` = ``func=order``, cartOperations.js
    #: setPaymentMethods): there is no payment page to open.
    paid: bool = False
