"""Formatting at the edge: typed values in, ``rich.text.Text`` out.

Money stays ``Decimal`` until here; dates stay dates. Colour is never the only
meaning: a status is always spelled out, the colour only helps.

A value the panel sent but billtui could not read (a model field that is None, with the
panel's text in the model's ``unreadable``) is shown as that text, or ``UNKNOWN`` when it has
none — never as a blank that would look like "nothing": see ``field`` and ``money``.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, localcontext
from typing import Any

from rich.text import Text

from billtui.api.values import MONEY_CONTEXT
from billtui.display.safe import clean
from billtui.i18n import _
from billtui.i18n import formats

#: Shown for a value that could not be read and has no text of its own.
UNKNOWN = "?"
#: How such a value is set apart from values that were read (the text itself says it too).
UNREADABLE_STYLE = "italic"

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


def unreadable_text(obj: Any, name: str) -> str | None:
    """The panel's text for ``obj.name`` when the model could not read it (``obj.unreadable``), else None."""
    texts = getattr(obj, "unreadable", None)
    if isinstance(texts, Mapping):
        text = texts.get(name)
        if isinstance(text, str):
            return text
    return None


def unknown(text: str | None) -> str:
    """What to show for a value that could not be read: the panel's text, cleaned, or ``UNKNOWN``."""
    return clean(text).strip() or UNKNOWN


def money(value: Any, unreadable: str | None = None) -> str:
    """``1234.5 USD`` → ``1,234.50 USD`` (``1 234,50 USD`` in Russian); None → empty, or — when the panel sent text that could
    not be read as money (``unreadable``, see ``money_of``) — that text, or ``UNKNOWN``."""
    if value is None:
        return "" if unreadable is None else unknown(unreadable)
    amount = getattr(value, "amount", None)
    currency = getattr(value, "currency", "")
    if not isinstance(amount, Decimal):
        return clean(value)
    # The money context, not the thread's: formatting must not depend on (or fail with) 28 digits.
    with localcontext(MONEY_CONTEXT):
        return f"{formats.number(amount)} {clean(currency)}".strip()


def money_of(obj: Any, name: str) -> str:
    """``money(obj.name)``, with the panel's own text when it could not be read."""
    return money(getattr(obj, name, None), unreadable_text(obj, name))


def day(value: date | datetime | None) -> str:
    """A date (``2026-12-02``), or a date and time to the minute, as the language writes them."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return formats.moment(value)
    return formats.day(value)


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


def field(obj: Any, name: str, kind: str = "text") -> Text:
    """Render ``obj.name`` for a table cell, by the column's kind: like ``cell``, except that a value
    the model could not read shows the panel's text (or ``UNKNOWN``) instead of a blank."""
    value = getattr(obj, name, None)
    if value is None:
        text = unreadable_text(obj, name)
        if text is not None:
            return Text(unknown(text), style=UNREADABLE_STYLE, no_wrap=True)
    return cell(value, kind)


def cell(value: Any, kind: str = "text") -> Text:
    """Render one value for a table cell, by the column's declared kind."""
    if kind == "money":
        return Text(money(value), no_wrap=True)
    if kind in ("date", "datetime"):
        return Text(day(value), no_wrap=True)
    if kind == "expiry":
        return expiry(value)
    if kind == "bool":
        return Text(_("yes") if value else "", no_wrap=True)
    if kind == "unread":
        return Text(_("● new") if value else "", style="bold" if value else "", no_wrap=True)
    if isinstance(value, enum.Enum):
        # An enum's label is billtui's English fallback for a status the panel gave no text for.
        value = _(getattr(value, "label", value.name))
    return Text(clean(value), no_wrap=True)
