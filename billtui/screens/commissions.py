"""Affiliate program commissions: rewards by day this year, and referral clicks."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical

from .. import format as fmt
from ..widgets.async_pane import AsyncPane
from ..widgets.kv import small_table
from ..widgets.list_pane import ListPane
from .specs import clicks_spec


class RewardsCard(AsyncPane):
    DEFAULT_CSS = "RewardsCard { height: auto; max-height: 60%; }"
    title = "Rewards this year"

    async def fetch(self) -> Any:
        from ..api.calls import finance

        return await finance.rewards(self.billtui.client, "currentyear")

    def show(self, rewards: Any) -> list[Any]:
        totals: dict[str, Decimal] = defaultdict(Decimal)
        for r in rewards:
            totals[r.amount.currency] += r.amount.amount
        total = ", ".join(f"{amount:,.2f} {cur}" for cur, amount in sorted(totals.items())) or "nothing yet"
        rows = [(r.date, r.amount) for r in sorted(rewards, key=lambda r: r.date, reverse=True)]
        return [small_table(f"Total {total}", ("Date", "Reward"), rows, empty="No rewards this year.")]


class CommissionsPane(Vertical):
    DEFAULT_CSS = "CommissionsPane { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield RewardsCard()
        yield ListPane(clicks_spec())

    def focus_table(self) -> None:
        self.query_one(ListPane).focus_table()

    def reload(self) -> None:
        self.query_one(RewardsCard).reload()
        self.query_one(ListPane).reload()
