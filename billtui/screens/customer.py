"""Customer: who you are to the provider — contact data, balance, payers, discounts."""

from __future__ import annotations

import asyncio
from typing import Any

from ..widgets.async_pane import AsyncPane
from ..widgets.kv import kv_card, small_table


class CustomerPane(AsyncPane):
    title = "Customer"

    async def fetch(self) -> Any:
        from ..api.calls import account

        client = self.billtui.client
        return await asyncio.gather(
            account.user_view(client), account.dashboard(client),
            account.payers(client), account.discounts(client),
        )

    def show(self, data: Any) -> list[Any]:
        user, dashboard, payers, discounts = data
        return [
            kv_card("Account", [
                ("Name", user.realname), ("Login", user.login),
                ("Email", user.email), ("Phone", user.phone),
            ]),
            kv_card("Balance", [
                ("Balance", dashboard.balance), ("Credit", dashboard.credit),
            ]),
            small_table("Payers (shown on invoices)", ("Name", "Type", "Status"),
                        [(p.name, p.kind, p.status_text) for p in payers], empty="No payers yet."),
            small_table("Discounts", ("Discount", "Value"),
                        [(d.name, d.value) for d in discounts], empty="No discounts."),
        ]
