"""The account: who is logged in, the balance, payers, discounts and the panel's menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from .. import assumed
from ..parser import Doc, Row, as_list, attr_of, row_of, text_of
from ..values import Money
from ._cells import Columns, _money, _text, _value


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
