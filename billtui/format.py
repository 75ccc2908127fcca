"""Formatting at the edge: typed values in, ``rich.text.Text`` out.

Money stays ``Decimal`` until here; dates stay dates. Colour is never the only
meaning: a status is always spelled out, the colour only helps.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from rich.text import Text

from .safe import clean

# Status styles by the enum member's name; members not listed stay unstyled.
STATUS_STYLES: dict[str, str] = {
    "ACTIVE": "green",
    "CREDITED": "green",
    "CLOSED": "dim",
    "ARCHIVED": "dim",
    "NEW": "cyan",
    "ORDERED": "cyan",
    "IN_PROGRESS": "yellow",
    "PLEDGED": "yellow",
    "UNDER_REVIEW": "yellow",
    "AWAITING_REPLY": "bold magenta",
    "SUSPENDED": "red",
    "FRAUD": "red",
    "REFUND_PENDING": "yellow",
    "REFUNDED": "dim",
    "DELETED": "dim",
}


def money(value: Any) -> str:
    """``1234.5 USD`` → ``1,234.50 USD``; None → empty."""
    if value is None:
        return ""
    amount = getattr(value, "amount", None)
    currency = getattr(value, "currency", "")
    if not isinstance(amount, Decimal):
        return clean(value)
    return f"{amount:,.2f} {clean(currency)}".strip()


def day(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def status_style(status: Any) -> str:
    name = getattr(status, "name", "")
    return STATUS_STYLES.get(name, "")


def cell(value: Any, kind: str = "text") -> Text:
    """Render one value for a table cell, by the column's declared kind."""
    if kind == "money":
        return Text(money(value), no_wrap=True)
    if kind in ("date", "datetime"):
        return Text(day(value), no_wrap=True)
    if kind == "bool":
        return Text("yes" if value else "", no_wrap=True)
    if kind == "unread":
        return Text("● new" if value else "", style="bold" if value else "", no_wrap=True)
    if isinstance(value, enum.Enum):
        value = getattr(value, "label", value.name)
    return Text(clean(value), no_wrap=True)
