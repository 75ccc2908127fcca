"""Value formatting shared by every handler: money, dates and periods.

Money lives in the database as integer cents so that sorting and arithmetic are exact;
it only becomes the protocol's ``"15.00 USD"`` string at the edge.
"""
from __future__ import annotations

import calendar
import datetime as dt
from decimal import Decimal, InvalidOperation

DATE = "%Y-%m-%d"
DATETIME = "%Y-%m-%d %H:%M:%S"


def money(cents: int, currency: str = "USD") -> str:
    """Render cents as the panel does: ``-5.00 USD``."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d} {currency}"


#: How this panel writes a currency's symbol instead of its code: (symbol, before the amount?).
#: Real panels write ``12.34 €`` (Karantir-dev/billing-typescript userOperations.js strips " €").
SYMBOLS: dict[str, tuple[str, bool]] = {"USD": ("$", True), "EUR": ("€", False)}


def money_symbol(cents: int, currency: str = "USD") -> str:
    """Render cents with the currency's symbol, as real panels write ``realbalance``: ``$124.50``,
    ``-$5.00``, ``12.34 €``; a currency without a symbol keeps its code."""
    if currency not in SYMBOLS:
        return money(cents, currency)
    symbol, before = SYMBOLS[currency]
    number = bare(abs(cents))
    sign = "-" if cents < 0 else ""
    return f"{sign}{symbol}{number}" if before else f"{sign}{number} {symbol}"


def bare(cents: int) -> str:
    """Render cents as a bare number (some attributes carry no currency)."""
    return money(cents, "").strip()


def parse_amount(text: str) -> int | None:
    """Parse a user-typed amount into cents, or None when it is not a positive number."""
    try:
        value = Decimal(text.strip().replace(",", "."))
    except (InvalidOperation, AttributeError):
        return None
    if not value.is_finite() or value <= 0:
        return None
    # A finite Decimal's exponent is an int ("n", "N", "F" are for NaN and infinity only).
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent < -2:
        return None
    return int(value * 100)


def add_months(day: dt.date, months: int) -> dt.date:
    """Calendar month arithmetic, clamping the day (Jan 31 + 1 month = Feb 28)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def period_label(months: int) -> str:
    """Human label of a period in months, as the panel's slists show it."""
    if months == 0:
        return "Lifetime"
    if months == -50:
        return "1 day"
    if months == -100:
        return "Trial"
    if months % 12 == 0:
        years = months // 12
        return "1 year" if years == 1 else f"{years} years"
    return "1 month" if months == 1 else f"{months} months"


def parse_date(text: str) -> dt.date | None:
    """Parse ``YYYY-MM-DD`` or return None (filters ignore bad dates instead of failing)."""
    try:
        return dt.datetime.strptime(text.strip(), DATE).date()
    except (ValueError, AttributeError):
        return None
