"""The cart (``basket``): what is ordered and not yet paid.

Shape from Karantir-dev/billing-typescript src/Redux/cart/cartOperations.js ``getBasket`` and
src/Components/Cart/Cart.jsx: ``total_sum``, ``tax``, ``full_discount``, ``billorder`` are
direct children of ``doc`` (bare numbers there: the web panel appends "EUR" itself); the items
are ``list[$name=itemlist].elem[]`` with ``id desc cost fullcost discount_percent
pricelist_name item.type item.period item.id``, and rows marked ``rolled_back`` are not shown.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import ClassVar, Self

from ..parser import Doc, Row
from ..values import Money, parse_money
from ._cells import Columns, Unreadable, _money, _text, _unreadable, _value, unreadable_field


@dataclass(frozen=True)
class BasketItem:
    id: str
    tariff: str
    description: str
    cost: Money | None
    #: Price before discounts (``fullcost``), when the panel sends it.
    full_cost: Money | None = None
    #: ``discount_percent`` as the panel wrote it.
    discount: str = ""
    #: Product type (``item.type``: ``vds``, ``domain``...) and period (``item.period``, months).
    kind: str = ""
    period: str = ""
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {"id": ("id",), "tariff": ("pricelist_name", "pricelist"),
                                  "description": ("desc", "description"), "cost": ("cost",),
                                  "full_cost": ("fullcost",), "discount": ("discount_percent",),
                                  "kind": ("item.type",), "period": ("item.period",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        cost, full_cost = _money(row, *c["cost"]), _money(row, *c["full_cost"])
        return cls(id=_value(row, *c["id"]), tariff=_text(row, *c["tariff"]),
                   description=_text(row, *c["description"]), cost=cost, full_cost=full_cost,
                   discount=_text(row, *c["discount"]), kind=_value(row, *c["kind"]),
                   period=_value(row, *c["period"]),
                   unreadable=_unreadable(row, c, cost=cost, full_cost=full_cost))


def _doc_money(doc: Doc, name: str) -> Money | None:
    cell = doc.cell(name)
    if cell is None:
        return None
    return parse_money(cell.text) or (parse_money(cell.orig) if cell.orig else None)


def _in_currency(money: Money | None, currency: str) -> Money | None:
    """A bare amount (no currency written) read in ``currency``; a written currency wins."""
    if money is None or money.currency or money.symbol or not currency:
        return money
    return replace(money, currency=currency)


@dataclass(frozen=True)
class Basket:
    items: tuple[BasketItem, ...]
    total: Money | None
    billorder: str | None
    tax: Money | None = None
    #: ``full_discount``: what the discounts save on this cart.
    discount: Money | None = None
    unreadable: Unreadable = unreadable_field()

    #: Field → the ``doc`` child it is read from.
    FIELDS: ClassVar[Columns] = {"total": ("total_sum",), "tax": ("tax",), "discount": ("full_discount",)}

    @classmethod
    def from_doc(cls, doc: Doc, currency: str = "") -> Self:
        """``currency``: the account's, for the bare amounts real carts write (Cart.jsx prints them
        with the account currency appended)."""
        rows = [r for r in doc.sublist("itemlist") if "rolled_back" not in r]
        items = []
        for r in rows:
            item = BasketItem.from_row(r)
            items.append(replace(item, cost=_in_currency(item.cost, currency),
                                 full_cost=_in_currency(item.full_cost, currency)))
        f = cls.FIELDS
        total = _in_currency(_doc_money(doc, f["total"][0]), currency)
        tax = _in_currency(_doc_money(doc, f["tax"][0]), currency)
        discount = _in_currency(_doc_money(doc, f["discount"][0]), currency)
        # The doc's own children, as a row, for the texts of the ones that could not be read.
        cells = {names[0]: cell for names in f.values() if (cell := doc.cell(names[0])) is not None}
        return cls(items=tuple(items), total=total, billorder=(doc.field("billorder") or None), tax=tax,
                   discount=discount, unreadable=_unreadable(cells, f, total=total, tax=tax, discount=discount))

    @property
    def empty(self) -> bool:
        return not self.items
