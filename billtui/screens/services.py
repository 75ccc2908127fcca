"""Services: an overview across every product type the panel offers."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta
from typing import Any

from rich.text import Text

from .. import format as fmt
from ..widgets.async_pane import AsyncPane
from ..widgets.kv import paragraph, small_table

EXPIRING_DAYS = 14


class ServicesOverview(AsyncPane):
    title = "Services"

    async def fetch(self) -> Any:
        from ..api import lists
        from ..api.calls._util import fetch_all

        app = self.billtui
        menu = app.session.menu
        types = list(menu.service_types) if menu else []
        results = await asyncio.gather(*(fetch_all(app.client, lists.services(t.name)) for t in types))
        return list(zip(types, results))

    def show(self, data: Any) -> list[Any]:
        if not data:
            return [paragraph("The panel lists no product types for your account.")]
        today = date.today()
        soon = today + timedelta(days=EXPIRING_DAYS)
        counts = []
        expiring = []
        for stype, services in data:
            services = list(services)
            counts.append((stype.title, str(len(services))))
            for s in services:
                if s.expires and s.expires <= soon:
                    expiring.append((s.expires, stype.title, s))
        expiring.sort(key=lambda e: e[0])
        rows = []
        for when, title, s in expiring:
            style = "bold red" if when < today else "yellow"
            rows.append((Text(fmt.day(when), style=style), title, s.name, s.status_text))
        return [
            paragraph("Pick a product type in the menu to see and manage its services."),
            small_table("By type", ("Type", "Services"), counts),
            small_table(f"Expiring within {EXPIRING_DAYS} days", ("Expires", "Type", "Service", "Status"),
                        rows, empty="Nothing expires soon."),
        ]
