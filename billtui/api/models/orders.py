"""Ordering: the order history and the tariffs on offer."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ClassVar, Self

from .. import assumed
from ..parser import Row, as_list, attr_of, row_of, text_of
from ..values import Money, parse_int, parse_money
from ._cells import Columns, Unreadable, _date, _money, _text, _unreadable, _value, unreadable_field


@dataclass(frozen=True)
class Order:
    """A row of the order history (``order``); its columns are assumed, see ``assumed.ORDER_COLUMNS``."""

    id: str
    number: str
    created: date | None
    description: str
    cost: Money | None
    status_text: str
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = assumed.ORDER_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        created, cost = _date(row, *c["created"]), _money(row, *c["cost"])
        return cls(
            id=_value(row, *c["id"]), number=_text(row, *c["number"]), created=created,
            description=_text(row, *c["description"]), cost=cost, status_text=_text(row, *c["status_text"]),
            unreadable=_unreadable(row, c, created=created, cost=cost),
        )


@dataclass(frozen=True)
class Tariff:
    """A tariff (price list) on offer when ordering; its row shape is assumed and tolerant."""

    id: str
    name: str
    price: Money | None
    description: str
    #: (period in months, price) when the row lists them (``prices.price[]`` with ``$period``).
    prices: tuple[tuple[int, Money], ...] = ()
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {"price": ("price", "cost", "amount")}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        price = _money(row, *cls.COLUMNS["price"])
        return cls(id=_value(row, "pricelist", "id"), name=_text(row, "name", "pricelist_name", "pricelist"),
                   price=price, description=_text(row, "desc", "description"),
                   unreadable=_unreadable(row, cls.COLUMNS, price=price))

    @classmethod
    def from_node(cls, node: Any) -> Self:
        base = cls.from_row(row_of(node))
        prices: list[tuple[int, Money]] = []
        if isinstance(node, dict):
            for holder in as_list(node.get("prices")):
                if not isinstance(holder, dict):
                    continue
                for p in as_list(holder.get("price")):
                    period = parse_int(attr_of(p, "period"))
                    money = parse_money(text_of(p))
                    if period is not None and money is not None:
                        prices.append((period, money))
        return replace(base, prices=tuple(prices))
