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


#: Expiry dates this close (or past) are highlighted in lists.
EXPIRY_WARN_DAYS = 14
_pinned_today: date | None = None


def pin_today(value: date | None) -> None:
    """Use ``value`` as today for expiry highlights (the demo panel's pinned day); None = the clock."""
    global _pinned_today
    _pinned_today = value


def today() -> date:
    return _pinned_today or date.today()


def expiry_style(value: date | None, now: date | None = None) -> str:
    """Past: bold red; within ``EXPIRY_WARN_DAYS``: yellow; otherwise none."""
    if not isinstance(value, date):
        return ""
    if isinstance(value, datetime):
        value = value.date()
    now = now or today()
    if value < now:
        return "bold red"
    if (value - now).days <= EXPIRY_WARN_DAYS:
        return "bold yellow"
    return ""


def expiry(value: date | None, now: date | None = None) -> Text:
    """An expiry date, highlighted when near or past; the words say it too (colour is never alone)."""
    if value is None:
        return Text("", no_wrap=True)
    style = expiry_style(value, now)
    mark = " !" if style else ""
    return Text(day(value) + mark, style=style, no_wrap=True)


def status_style(status: Any) -> str:
    name = getattr(status, "name", "")
    return STATUS_STYLES.get(name, "")


def cell(value: Any, kind: str = "text") -> Text:
    """Render one value for a table cell, by the column's declared kind."""
    if kind == "money":
        return Text(money(value), no_wrap=True)
    if kind in ("date", "datetime"):
        return Text(day(value), no_wrap=True)
    if kind == "expiry":
        return expiry(value)
    if kind == "bool":
        return Text("yes" if value else "", no_wrap=True)
    if kind == "unread":
        return Text("● new" if value else "", style="bold" if value else "", no_wrap=True)
    if isinstance(value, enum.Enum):
        value = getattr(value, "label", value.name)
    return Text(clean(value), no_wrap=True)
