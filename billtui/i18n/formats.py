"""Dates and numbers as the current language writes them, for billtui's display only.

English: ``2026-12-02``, ``2026-12-02 14:05``, ``1,234.50``. Russian: ``02.12.2026``,
``02.12.2026 14:05``, ``1 234,50`` (a no-break space between thousands, so a number never wraps,
and a comma before the fraction). Script output (JSON, CSV) never comes here: it stays ISO dates
and ``.`` decimals in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from billtui.i18n import language

__all__ = ["Convention", "convention", "day", "moment", "number", "date_hint"]


@dataclass(frozen=True)
class Convention:
    date: str  # strftime pattern
    time: str
    group: str  # between thousands
    decimal: str
    #: How a date is typed into a field (the hint beside it); billtui reads both this and ISO.
    date_hint: str


CONVENTIONS = {
    "en": Convention("%Y-%m-%d", "%H:%M", ",", ".", "YYYY-MM-DD"),
    "ru": Convention("%d.%m.%Y", "%H:%M", "\u00a0", ",", "ДД.ММ.ГГГГ"),
}


def convention() -> Convention:
    return CONVENTIONS.get(language(), CONVENTIONS["en"])


def day(value: date) -> str:
    """A date: ``2026-12-02`` / ``02.12.2026``; the year always in four digits (strftime's ``%Y``
    drops the zeros of a year below 1000 on glibc)."""
    return value.strftime(convention().date.replace("%Y", f"{value.year:04d}"))


def moment(value: datetime) -> str:
    """A date and time to the minute: ``2026-12-02 14:05`` / ``02.12.2026 14:05``."""
    c = convention()
    return value.strftime(f"{c.date} {c.time}".replace("%Y", f"{value.year:04d}"))


def number(value: Decimal | int, places: int = 2) -> str:
    """``1234.5`` → ``1,234.50`` / ``1 234,50``: grouped, with ``places`` digits after the point."""
    c = convention()
    text = f"{value:,.{places}f}" if places else f"{value:,}"
    if c.group == "," and c.decimal == ".":
        return text
    return text.replace(",", "\0").replace(".", c.decimal).replace("\0", c.group)


def date_hint() -> str:
    """How a date is typed in the current language: ``YYYY-MM-DD`` / ``ДД.ММ.ГГГГ``."""
    return convention().date_hint
