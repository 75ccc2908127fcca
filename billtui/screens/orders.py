"""Orders: the cart (what you are about to buy) above your order history."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical

from ..widgets.async_pane import AsyncPane
from ..widgets.kv import small_table
from ..widgets.list_pane import ListPane
from .specs import orders_spec


class CartCard(AsyncPane):
    DEFAULT_CSS = "CartCard { height: auto; max-height: 50%; }"
    title = "Cart"

    async def fetch(self) -> Any:
        from ..api.calls import finance

        return await finance.basket(self.billtui.client)

    def show(self, basket: Any) -> list[Any]:
        from .. import format as fmt

        rows = [(i.tariff, i.description, i.cost) for i in basket.items]
        title = f"In the cart · total {fmt.money(basket.total)}" if rows else "In the cart"
        return [small_table(title, ("Tariff", "Details", "Cost"), rows, empty="The cart is empty.")]


class OrdersPane(Vertical):
    DEFAULT_CSS = "OrdersPane { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield CartCard()
        yield ListPane(orders_spec())

    def focus_table(self) -> None:
        self.query_one(ListPane).focus_table()

    def reload(self) -> None:
        self.query_one(CartCard).reload()
        self.query_one(ListPane).reload()
