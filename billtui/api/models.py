"""Typed rows: what screens get instead of JSON.

Each model names the panel columns it reads in a ``COLUMNS`` table (model field → column
names tried in order) so list sorting and parsing share one spelling; undocumented
columns come from ``assumed``. ``from_row`` is tolerant: a missing or odd cell becomes
``None`` or ``""``, never an exception, so one strange row cannot break a screen.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, ClassVar, Literal, Self

from . import assumed
from .parser import Cell, Doc, Option, Row, as_list, attr_of, cell_of, row_of, rows_of, text_of
from .values import Money, parse_date, parse_datetime, parse_money, period_label

Columns = Mapping[str, tuple[str, ...]]


# --- cell helpers -------------------------------------------------------------------

def _cell(row: Row, names: tuple[str, ...]) -> Cell | None:
    """The first candidate column with a value (else the first present, possibly empty)."""
    first: Cell | None = None
    for n in names:
        c = row.get(n)
        if c is None:
            continue
        if c.text or c.orig:
            return c
        if first is None:
            first = c
    return first


def _text(row: Row, *names: str) -> str:
    c = _cell(row, names)
    return c.text if c is not None else ""


def _value(row: Row, *names: str) -> str:
    c = _cell(row, names)
    return c.value if c is not None else ""


def _money(row: Row, *names: str, currency: str = "") -> Money | None:
    for n in names:
        c = row.get(n)
        if c is None:
            continue
        m = parse_money(c.text, currency) or (parse_money(c.orig, currency) if c.orig is not None else None)
        if m is not None:
            return m
    return None


def _date(row: Row, *names: str) -> date | None:
    c = _cell(row, names)
    if c is None:
        return None
    return parse_date(c.orig) if c.orig is not None and parse_date(c.orig) else parse_date(c.text)


def _datetime(row: Row, *names: str) -> datetime | None:
    c = _cell(row, names)
    if c is None:
        return None
    return (parse_datetime(c.orig) if c.orig is not None and parse_datetime(c.orig)
            else parse_datetime(c.text))


def _flag(row: Row, *names: str) -> bool:
    c = _cell(row, names)
    if c is None:
        return False
    return c.value.strip().lower() in assumed.TRUE_VALUES


def _col(columns: Columns, name: str) -> tuple[str, ...]:
    return columns.get(name, (name,))


def sort_columns(columns: Columns) -> dict[str, str]:
    """Model field → the column to sort by (the first name tried)."""
    return {f: names[0] for f, names in columns.items() if names}


# --- status enums ----------------------------------------------------------------------

class _Status(enum.IntEnum):
    """A numbered status with a display label; unknown codes map to UNKNOWN."""

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, raw: str | None, text: str = "") -> Self:
        """From ``$orig`` (``3``, ``3_autosuspend``) or, failing that, from the display text."""
        s = (raw or "").strip()
        digits = ""
        for ch in s:
            if ch.isdigit():
                digits += ch
            else:
                break
        if digits:
            try:
                return cls(int(digits))
            except ValueError:
                return cls["UNKNOWN"]
        t = (text or s).strip().lower()
        for member in cls:
            if member.label.lower() == t:
                return member
        return cls["UNKNOWN"]


class PaymentStatus(_Status):
    UNKNOWN = -1
    NEW = 1
    IN_PROGRESS = 2
    PLEDGED = 3
    CREDITED = 4
    REFUND_PENDING = 5
    REFUNDED = 6
    FRAUD = 7


class ServiceStatus(_Status):
    UNKNOWN = -1
    ORDERED = 1
    ACTIVE = 2
    SUSPENDED = 3
    DELETED = 4
    IN_PROGRESS = 5


class TicketStatus(_Status):
    UNKNOWN = -1
    NEW = 0
    UNDER_REVIEW = 1
    AWAITING_REPLY = 2
    CLOSED = 3
    ARCHIVED = 10

    @property
    def label(self) -> str:
        return "Awaiting your reply" if self is TicketStatus.AWAITING_REPLY else super().label


# --- finance -----------------------------------------------------------------------------

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
class Order:
    """A row of the order history (``order``); its columns are assumed, see ``assumed.ORDER_COLUMNS``."""

    id: str
    number: str
    created: date | None
    description: str
    cost: Money | None
    status_text: str

    COLUMNS: ClassVar[Columns] = assumed.ORDER_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(
            id=_value(row, *c["id"]), number=_text(row, *c["number"]), created=_date(row, *c["created"]),
            description=_text(row, *c["description"]), cost=_money(row, *c["cost"]),
            status_text=_text(row, *c["status_text"]),
        )


@dataclass(frozen=True)
class BasketItem:
    id: str
    tariff: str
    description: str
    cost: Money | None

    COLUMNS: ClassVar[Columns] = {"id": ("id",), "tariff": ("pricelist_name", "pricelist"),
                                  "description": ("desc", "description"), "cost": ("cost",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), tariff=_text(row, *c["tariff"]),
                   description=_text(row, *c["description"]), cost=_money(row, *c["cost"]))


@dataclass(frozen=True)
class Basket:
    items: tuple[BasketItem, ...]
    total: Money | None
    billorder: str | None

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        total = doc.cell("total_sum")
        money = None
        if total is not None:
            money = parse_money(total.text) or (parse_money(total.orig) if total.orig else None)
        return cls(items=tuple(BasketItem.from_row(r) for r in doc.sublist("itemlist")),
                   total=money, billorder=(doc.field("billorder") or None))

    @property
    def empty(self) -> bool:
        return not self.items


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
class Reward:
    date: date
    amount: Money


@dataclass(frozen=True)
class RewardDetail:
    id: str
    referral: str
    services: str
    amount: Money | None
    reward: Money | None
    created: date | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=_value(row, "id"), referral=_text(row, "referal", "referral"),
                   services=_text(row, "services"), amount=_money(row, "amount"),
                   reward=_money(row, "reward"), created=_date(row, "cdate"))


@dataclass(frozen=True)
class Click:
    """A referral click; columns are assumed (``assumed.CLICK_COLUMNS``), all cells kept in ``raw``."""

    id: str
    created: datetime | None
    referrer: str
    url: str
    ip: str
    raw: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    COLUMNS: ClassVar[Columns] = assumed.CLICK_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), created=_datetime(row, *c["created"]),
                   referrer=_text(row, *c["referrer"]), url=_text(row, *c["url"]), ip=_text(row, *c["ip"]),
                   raw={k: v.text for k, v in row.items()})


# --- services ---------------------------------------------------------------------------

def _autoprolong_months(raw: str) -> int | None:
    s = raw.strip().lower()
    if s in assumed.AUTOPROLONG_OFF:
        return None
    try:
        n = int(s)
    except ValueError:
        return None
    return n


@dataclass(frozen=True)
class Service:
    id: str
    type: str
    name: str
    ip: str
    tariff: str
    datacenter: str
    created: date | None
    expires: date | None
    autoprolong: str
    autoprolong_months: int | None
    status: ServiceStatus
    status_detail: str
    status_text: str
    cost: Money | None

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "name": ("domain", "name"), "ip": ("ip",), "tariff": ("pricelist",),
        "datacenter": ("datacentername", "datacenter"), "created": ("createdate",), "expires": ("expiredate",),
        "autoprolong": ("autoprolong",), "status": ("status",), "status_text": ("status",),
        "item_status": ("item_status",), "cost": ("cost",),
    }

    @classmethod
    def from_row(cls, row: Row, type: str = "") -> Self:  # noqa: A002 - the model's field name
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        raw_status = st.value if st else ""
        detail = raw_status.split("_", 1)[1] if "_" in raw_status else ""
        if not detail:
            item = _cell(row, c["item_status"])
            detail = item.text if item and st and item.text != st.text else ""
        ap = _cell(row, c["autoprolong"])
        months = _autoprolong_months(ap.value) if ap else None
        ap_text = ap.text if ap and ap.text else ("Off" if months is None else period_label(months))
        return cls(
            id=_value(row, *c["id"]), type=type, name=_text(row, *c["name"]), ip=_text(row, *c["ip"]),
            tariff=_text(row, *c["tariff"]), datacenter=_text(row, *c["datacenter"]),
            created=_date(row, *c["created"]), expires=_date(row, *c["expires"]),
            autoprolong=ap_text, autoprolong_months=months,
            status=ServiceStatus.parse(st.orig if st else None, st.text if st else ""),
            status_detail=detail, status_text=st.text if st else "", cost=_money(row, *c["cost"]),
        )


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    changed: datetime | None
    description: str
    user: str
    ip: str

    COLUMNS: ClassVar[Columns] = {"id": ("id",), "changed": ("changedate",), "description": ("desc",),
                                  "user": ("user",), "ip": ("ip",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), changed=_datetime(row, *c["changed"]),
                   description=_text(row, *c["description"]), user=_text(row, *c["user"]),
                   ip=_text(row, *c["ip"]))


@dataclass(frozen=True)
class ProlongForm:
    """``service.prolong`` view: the periods on offer and what the expiry date becomes."""

    periods: tuple[Option, ...]
    period: str
    expires: date | None
    new_expires: date | None
    values: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        return cls(periods=tuple(doc.slist("period")), period=doc.field("period") or "",
                   expires=parse_date(doc.field("expiredate")), new_expires=parse_date(doc.field("newexpiredate")),
                   values=FormData.from_doc(doc).values)


# --- support ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ticket:
    id: str
    subject: str
    last_message: datetime | None
    wait_time: str
    status: TicketStatus
    status_text: str
    unread: bool
    can_archive: bool

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "subject": ("name", "subject"), "last_message": ("last_message",),
        "wait_time": ("wait_time",), "status": ("tstatus", "status"), "status_text": ("tstatus", "status"),
        "unread": ("unread",), "can_archive": ("toarchive",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        return cls(
            id=_value(row, *c["id"]), subject=_text(row, *c["subject"]),
            last_message=_datetime(row, *c["last_message"]), wait_time=_text(row, *c["wait_time"]),
            status=TicketStatus.parse(st.orig if st else None, st.text if st else ""),
            status_text=st.text if st else "", unread=_flag(row, *c["unread"]),
            can_archive=_flag(row, *c["can_archive"]),
        )


@dataclass(frozen=True)
class Attachment:
    id: str
    name: str
    size: int | None

    @classmethod
    def from_node(cls, node: Any) -> Self:
        row = row_of(node) if isinstance(node, dict) else {}
        size_text = _value(row, *assumed.ATTACHMENT_SIZE_FIELDS).strip()
        size = int(size_text) if size_text.isdigit() else None
        return cls(id=_value(row, "param", "id"), name=_text(row, "name") or text_of(node), size=size)

    from_row = from_node


@dataclass(frozen=True)
class TicketMessage:
    """One message. ``kind`` is seen from the customer: ``incoming`` was written by support,
    ``outcoming`` by the customer, ``info`` is a system note (see ``assumed.TICKET_FROM_*``)."""

    id: str
    kind: Literal["incoming", "outcoming", "info"]
    author: str
    posted: datetime | None
    body: str
    attachments: tuple[Attachment, ...]

    @property
    def from_support(self) -> bool:
        return self.kind == assumed.TICKET_FROM_SUPPORT

    @property
    def from_customer(self) -> bool:
        return self.kind == assumed.TICKET_FROM_CUSTOMER

    @classmethod
    def from_node(cls, node: Any) -> Self:
        if not isinstance(node, dict):
            node = {}
        kind_raw = (attr_of(node, "type") or "").strip().lower()
        kind: Literal["incoming", "outcoming", "info"] = (
            kind_raw if kind_raw in ("incoming", "outcoming", "info") else "info")  # type: ignore[assignment]
        user = node.get("user")
        author = ""
        for u in as_list(user):
            if isinstance(u, dict):
                author = text_of(u.get("realname")) or attr_of(u, "realname") or text_of(u.get("name")) \
                    or attr_of(u, "name") or text_of(u)
            else:
                author = text_of(u)
            if author:
                break
        return cls(
            id=attr_of(node, "id") or text_of(node.get("id")), kind=kind, author=author,
            posted=parse_datetime(text_of(node.get("date_post"))), body=text_of(node.get("body")),
            attachments=tuple(Attachment.from_node(f) for f in as_list(node.get("file")) if isinstance(f, dict)),
        )

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=_value(row, "id"), kind="info", author=_text(row, "user"),
                   posted=_datetime(row, "date_post"), body=_text(row, "body"), attachments=())


@dataclass(frozen=True)
class TicketThread:
    id: str
    subject: str
    messages: tuple[TicketMessage, ...]

    @classmethod
    def from_doc(cls, doc: Doc, id: str = "") -> Self:  # noqa: A002
        messages: list[TicketMessage] = []
        for mlist in as_list(doc.get("mlist")):
            if isinstance(mlist, dict):
                messages.extend(TicketMessage.from_node(m) for m in as_list(mlist.get("message"))
                                if isinstance(m, dict))
        return cls(id=id or doc.field("elid") or doc.field("id") or "", subject=doc.field("subject") or "",
                   messages=tuple(messages))


# --- account ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Payer:
    id: str
    name: str
    kind: str
    status_text: str

    COLUMNS: ClassVar[Columns] = {"id": ("id",), "name": ("name",), "kind": ("profiletype",),
                                  "status_text": ("status",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), name=_text(row, *c["name"]), kind=_text(row, *c["kind"]),
                   status_text=_text(row, *c["status_text"]))


@dataclass(frozen=True)
class Discount:
    id: str
    name: str
    value: str

    COLUMNS: ClassVar[Columns] = assumed.DISCOUNT_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), name=_text(row, *c["name"]), value=_text(row, *c["value"]))


@dataclass(frozen=True)
class User:
    id: str
    login: str
    realname: str
    email: str
    phone: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=_value(row, "id", "elid"), login=_text(row, "name", "login", "username"),
                   realname=_text(row, "realname"), email=_text(row, "email"), phone=_text(row, "phone"))

    @classmethod
    def from_whoami(cls, doc: Doc) -> Self:
        """``whoami`` → ``doc.user`` with attributes ``$id $realname $email $phone`` (login is its text)."""
        node = doc.get("user")
        row = row_of(node[0] if isinstance(node, list) and node else node)
        user = cls.from_row(row)
        if not user.login:
            login = attr_of(node, "name") or attr_of(node, "login") or text_of(node)
            user = cls(user.id, login, user.realname, user.email, user.phone)
        return user


@dataclass(frozen=True)
class Dashboard:
    balance: Money | None
    credit: Money | None
    phone: str

    @classmethod
    def from_row(cls, row: Row) -> Self:
        balance = _money(row, "realbalance", "balance")
        currency = balance.currency if balance else ""
        return cls(balance=balance, credit=_money(row, "credit", currency=currency), phone=_text(row, "phone"))


@dataclass(frozen=True)
class ServiceType:
    name: str
    title: str


@dataclass(frozen=True)
class PanelMenu:
    """Which functions this panel offers this user, from ``menu&sok=ok``."""

    functions: frozenset[str]
    service_types: tuple[ServiceType, ...]

    def offers(self, func: str) -> bool:
        """Offered if the menu names it, or names the list it belongs to (``vds.edit`` → ``vds``)."""
        if func in self.functions:
            return True
        return func.split(".", 1)[0] in self.functions

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        messages = doc.messages
        functions: set[str] = set()
        types: list[ServiceType] = []

        def walk(nodes: Any, section: str | None) -> None:
            for n in as_list(nodes):
                if not isinstance(n, dict):
                    continue
                name = attr_of(n, "name") or ""
                if name:
                    functions.add(name)
                    if section == assumed.SERVICES_MENU_SECTION:
                        own = text_of(n).strip()
                        title = (messages.get(name) or (own if own and own != name else "")
                                 or assumed.SERVICE_TYPE_TITLES.get(name) or name)
                        types.append(ServiceType(name, title))
                walk(n.get("node"), name if section is None else section)

        for menu in as_list(doc.get("mainmenu")):
            if isinstance(menu, dict):
                walk(menu.get("node"), None)
        return cls(functions=frozenset(functions), service_types=tuple(types))


# --- settings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Notice:
    """A notification subscription row (``mainsubscribe`` / ``subscribe``); its shape is assumed,
    so every cell is also kept in ``raw``."""

    id: str
    name: str
    type: str
    channel: str
    status_text: str
    active: bool | None
    raw: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: Per-channel state when the row has one column per channel (``email sms telegram panel``).
    channels: Mapping[str, bool] = field(default_factory=dict, compare=False, hash=False)

    COLUMNS: ClassVar[Columns] = assumed.NOTICE_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        st = _cell(row, c["status_text"])
        active: bool | None = None
        if st is not None and st.value.strip():
            active = st.value.strip().lower() in assumed.NOTICE_ACTIVE_VALUES
        channels = {ch: row[ch].value.strip().lower() in assumed.NOTICE_ACTIVE_VALUES
                    for ch in assumed.NOTICE_CHANNEL_COLUMNS if ch in row}
        return cls(id=_value(row, *c["id"]), name=_text(row, *c["name"]), type=_text(row, *c["type"]),
                   channel=_text(row, *c["channel"]), status_text=st.text if st else "", active=active,
                   raw={k: v.text for k, v in row.items()}, channels=channels)


Subscription = Notice


@dataclass(frozen=True)
class FormData:
    """A generic form view: field values, option lists and sub-lists, for forms the app renders itself."""

    values: dict[str, str]
    options: dict[str, list[Option]]
    lists: dict[str, list[dict[str, Cell]]] = field(default_factory=dict)
    #: The panel's own field labels (``messages``), for forms whose fields are not known in advance.
    labels: dict[str, str] = field(default_factory=dict)

    _NOISE: ClassVar[frozenset[str]] = frozenset({
        "metadata", "messages", "tparams", "tips", "slist", "list", "page", "ok", "error", "auth",
        "saved_filters", "p_possible_filters", "elem", "mgrurl", "customfields", "pagelist"})

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        values: dict[str, str] = {}
        for k, v in doc.raw.items():
            if not isinstance(k, str) or k.startswith("$") or k in cls._NOISE:
                continue
            node = v[0] if isinstance(v, list) and v else v
            if isinstance(node, dict) and any(isinstance(x, str) and not x.startswith("$") for x in node):
                continue  # a nested structure, not a field
            if isinstance(node, (dict, str, int, float)) or node is None:
                values[k] = cell_of(node).value
        options = {name: doc.slist(name) for name in doc.slist_names()}
        lists: dict[str, list[dict[str, Cell]]] = {}
        for node in as_list(doc.get("list")):
            name = attr_of(node, "name")
            if name and isinstance(node, dict):
                lists[name] = rows_of(node.get("elem"))
        return cls(values=values, options=options, lists=lists, labels=dict(doc.messages))

    def get(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)


__all__ = [
    "PaymentStatus", "ServiceStatus", "TicketStatus", "Payment", "Expense", "Invoice", "Order",
    "BasketItem", "Basket", "PayMethod", "Reward", "RewardDetail", "Click", "Service", "HistoryEntry",
    "ProlongForm", "Ticket", "Attachment", "TicketMessage", "TicketThread", "Payer", "Discount", "User",
    "Dashboard", "ServiceType", "PanelMenu", "Notice", "Subscription", "FormData", "sort_columns",
    "Option", "Row", "Cell", "Money", "Decimal",
]


# --- results of single calls -------------------------------------------------------------------

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


@dataclass(frozen=True)
class Tariff:
    """A tariff (price list) on offer when ordering; its row shape is assumed and tolerant."""

    id: str
    name: str
    price: Money | None
    description: str
    #: (period in months, price) when the row lists them (``prices.price[]`` with ``$period``).
    prices: tuple[tuple[int, Money], ...] = ()

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=_value(row, "pricelist", "id"), name=_text(row, "name", "pricelist_name", "pricelist"),
                   price=_money(row, "price", "cost", "amount"), description=_text(row, "desc", "description"))

    @classmethod
    def from_node(cls, node: Any) -> Self:
        base = cls.from_row(row_of(node))
        prices: list[tuple[int, Money]] = []
        if isinstance(node, dict):
            for holder in as_list(node.get("prices")):
                if not isinstance(holder, dict):
                    continue
                for p in as_list(holder.get("price")):
                    period = (attr_of(p, "period") or "").strip()
                    money = parse_money(text_of(p))
                    if period.lstrip("-").isdigit() and money is not None:
                        prices.append((int(period), money))
        return cls(base.id, base.name, base.price, base.description, tuple(prices))


__all__ += ["AddFundsForm", "PaymentStart", "Tariff"]


@dataclass(frozen=True)
class RenewResult:
    """What paying a renewal did: renewed at once from the balance (``expires``), or a page to pay on."""

    expires: date | None
    url: str | None
    billorder: str | None = None


__all__ += ["RenewResult"]
