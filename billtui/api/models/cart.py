"""The cart (``basket``): what is ordered and not yet paid."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Self

from ..parser import Doc, Row
from ..values import Money, parse_money
from ._cells import Columns, _money, _text, _value


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
