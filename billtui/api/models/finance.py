"""Payments, expenses, invoices, and the add-funds form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import ClassVar, Self

from ..parser import Doc, Option, Row
from ..values import Money
from ._cells import Columns, _cell, _date, _money, _text, _value
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

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "number": ("number",), "created": ("create_date", "createdate"),
        "method": ("paymethod_name", "paymethod"), "credited": ("subaccountamount_iso", "subaccountamount"),
        "paid": ("paymethodamount_iso", "paymethodamount"), "status": ("status",),
        "status_text": ("status",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        return cls(
            id=_value(row, *c["id"]), number=_text(row, *c["number"]) or _value(row, *c["id"]),
            created=_date(row, *c["created"]), method=_text(row, *c["method"]),
            credited=_money(row, *c["credited"]), paid=_money(row, *c["paid"]),
            status=PaymentStatus.parse(st.orig if st else None, st.text if st else ""),
            status_text=st.text if st else "",
        )

    @property
    def deletable(self) -> bool:
        """Only new (unpaid) payments can be deleted."""
        return self.status is PaymentStatus.NEW


@dataclass(frozen=True)
class Expense:
    id: str
    name: str
    date: date | None
    created: date | None
    amount: Money | None
    unpaid: Money | None
    discount: Money | None
    payments: str
    tax: Money | None

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "name": ("locale_name", "name"), "date": ("realdate",), "created": ("cdate",),
        "amount": ("amount",), "unpaid": ("notpayd",), "discount": ("discountamount",),
        "payments": ("payments",), "tax": ("taxamount",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(
            id=_value(row, *c["id"]), name=_text(row, *c["name"]), date=_date(row, *c["date"]),
            created=_date(row, *c["created"]), amount=_money(row, *c["amount"]),
            unpaid=_money(row, *c["unpaid"]), discount=_money(row, *c["discount"]),
            payments=_text(row, *c["payments"]), tax=_money(row, *c["tax"]),
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

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "number": ("number",), "created": ("cdate",), "customer": ("customer",),
        "amount": ("amount_iso", "amount"), "status_text": ("invoice_status", "status"), "sent": ("sdate",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(
            id=_value(row, *c["id"]), number=_text(row, *c["number"]) or _value(row, *c["id"]),
            created=_date(row, *c["created"]), customer=_text(row, *c["customer"]),
            amount=_money(row, *c["amount"]), status_text=_text(row, *c["status_text"]),
            sent=_date(row, *c["sent"]),
        )


@dataclass(frozen=True)
class PayMethod:
    id: str
    name: str
    min: Money | None
    max: Money | None

    @classmethod
    def from_row(cls, row: Row, currency: str = "") -> Self:
        return cls(id=_value(row, "paymethod", "id"), name=_text(row, "name", "paymethod"),
                   min=_money(row, "payment_minamount", currency=currency),
                   max=_money(row, "payment_maxamount", currency=currency))

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
        cur_code = default_cur if len(default_cur) == 3 and default_cur.isalpha() else ""
        if not cur_code:
            for opt in currencies:
                if opt.label[:3].isalpha() and len(opt.label.split()[0]) == 3:
                    cur_code = opt.label.split()[0].upper()
                    break
        return cls(methods=tuple(PayMethod.from_row(r, cur_code) for r in doc.sublist("methodlist")),
                   currencies=currencies, payers=tuple(doc.slist("profile")),
                   values=FormData.from_doc(doc).values)


@dataclass(frozen=True)
class PaymentStart:
    """Where to pay: the payment page URL (open in a browser) and the new payment's id."""

    url: str | None
    payment_id: str | None
