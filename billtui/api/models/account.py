"""The account: who is logged in, the balance, payers, discounts and the panel's menu."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, ClassVar, Self

from billtui.i18n import _

from .. import assumed
from ..parser import Doc, Row, as_list, attr_of, row_of, text_of
from ..values import Money
from ._cells import Columns, Unreadable, _money, _text, _unreadable, _value, unreadable_field


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


def _unwrap(node: Any) -> Any:
    """A new-API promotion cell wraps its text one level down (``name.name.$``, ``value.text.$``,
    billmgr_api.py AccountDiscountinfoRequest): take that inner element, else the cell as it is."""
    if isinstance(node, dict) and "$" not in node:
        for inner in assumed.DISCOUNT_INNER_TEXT:
            if isinstance(node.get(inner), (dict, str, int, float)):
                return node[inner]
    return node


@dataclass(frozen=True)
class Discount:
    """One discount of the account: a ``promotion`` row (new API) or an old-API ``elem`` row."""

    id: str
    name: str
    value: str
    applies_to: str = ""

    COLUMNS: ClassVar[Columns] = assumed.DISCOUNT_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), name=_text(row, *c["name"]), value=_text(row, *c["value"]),
                   applies_to=_text(row, *c["applies_to"]))

    @classmethod
    def from_node(cls, node: Any) -> Self:
        """From a raw ``elem`` node of either shape (nested cells unwrapped first)."""
        if not isinstance(node, dict):
            return cls.from_row({})
        return cls.from_row(row_of({k: _unwrap(v) for k, v in node.items()}))


@dataclass(frozen=True)
class User:
    id: str
    login: str
    realname: str
    email: str
    phone: str
    #: Fields the panel's ``user.edit`` form marks read-only (production disables them: see readonly_fields).
    readonly: frozenset[str] = frozenset()

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


def readonly_fields(doc: Doc) -> frozenset[str]:
    """Inputs a form's ``metadata.form.page[].field[].input[]`` marks ``$readonly="yes"`` (Karantir-dev/
    billing-typescript settingsOperations.js getUserEdit reads them for email, realname and phone).
    Every level may be one object or an array."""
    names: set[str] = set()
    for meta in as_list(doc.raw.get("metadata")):
        for form in as_list(meta.get("form") if isinstance(meta, dict) else None):
            for page in as_list(form.get("page") if isinstance(form, dict) else None):
                for fld in as_list(page.get("field") if isinstance(page, dict) else None):
                    for inp in as_list(fld.get("input") if isinstance(fld, dict) else None):
                        if attr_of(inp, "readonly") == "yes" and (name := attr_of(inp, "name")):
                            names.add(name)
    return frozenset(names)


@dataclass(frozen=True)
class Dashboard:
    """The header's numbers: ``dashboard.info`` ``elem[0]`` (``realbalance``, ``phone``) and the credit,
    from ``dashboard.info`` if it has one, else ``dashboard.subaccount_credit`` ``elem[0]``
    (``credit``, ``available_credit``: bare numbers there, read in the balance's currency)."""

    balance: Money | None
    credit: Money | None
    phone: str
    available_credit: Money | None = None
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {"balance": assumed.BALANCE_FIELDS, "credit": ("credit",),
                                  "available_credit": ("available_credit",)}

    @classmethod
    def from_row(cls, row: Row, credit_row: Row | None = None) -> Self:
        balance = _money(row, *cls.COLUMNS["balance"])
        currency = balance.currency if balance else ""
        credit = _money(row, "credit", currency=currency)
        available = _money(row, "available_credit", currency=currency)
        if credit_row is not None:
            credit = credit or _money(credit_row, "credit", currency=currency)
            available = available or _money(credit_row, "available_credit", currency=currency)
        if balance is not None and balance.symbol:
            # Bare numbers read in the balance's currency are shown the way the panel wrote the balance.
            credit, available = (replace(m, symbol=balance.symbol, symbol_first=balance.symbol_first)
                                 if m is not None and m.currency == balance.currency and not m.symbol else m
                                 for m in (credit, available))
        # The credit may come from the second row: its texts count where the first has none.
        cells = {**(credit_row or {}), **{k: v for k, v in row.items() if v.text or v.orig}}
        return cls(balance=balance, credit=credit, phone=_text(row, "phone"), available_credit=available,
                   unreadable=_unreadable(cells, cls.COLUMNS, balance=balance, credit=credit,
                                          available_credit=available))


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
                                 or _(assumed.SERVICE_TYPE_TITLES.get(name, "")) or name)
                        types.append(ServiceType(name, title))
                walk(n.get("node"), name if section is None else section)

        for menu in as_list(doc.get("mainmenu")):
            if isinstance(menu, dict):
                walk(menu.get("node"), None)
        return cls(functions=frozenset(functions), service_types=tuple(types))
