"""Money, dates and periods as the panel writes them.

The panel sends money as text (``15.00 USD``) and sometimes as a bare number; we keep it
as ``Decimal`` with its currency so nothing is ever rounded by float arithmetic.
Parsers are tolerant: a screen showing a thousand rows must not fail on one odd cell,
so anything unparseable becomes ``None`` and the raw text stays available in the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

__all__ = ["Money", "parse_money", "parse_decimal", "parse_date", "parse_datetime", "period_label"]


@dataclass(frozen=True, order=True)
class Money:
    """An amount with its ISO currency code (``currency`` may be "" when the panel omits it)."""

    amount: Decimal
    currency: str

    def __str__(self) -> str:
        amount = self.amount
        # At least two decimals (the panel's own format), more if the value has them.
        if amount.as_tuple().exponent >= -2:  # type: ignore[operator]
            text = f"{amount.quantize(Decimal('0.01')):f}"
        else:
            text = f"{amount:f}"
        return f"{text} {self.currency}" if self.currency else text


_NUM = r"[+-]?(?:\d[\d ]*)?\d(?:\.\d+)?|[+-]?\.\d+"
# A trailing "/ period" is allowed: price cells read "5.00 USD / 1 month".
_SUFFIX = re.compile(rf"^\s*(?P<num>{_NUM})\s*(?P<cur>[A-Za-z]{{3}})?\s*(?:/.*)?$", re.DOTALL)
_PREFIX = re.compile(rf"^\s*(?P<cur>[A-Za-z]{{3}})\s*(?P<num>{_NUM})\s*$")


def parse_decimal(text: object) -> Decimal | None:
    """A plain number (``"123.45"``, ``"1 234.5"``) as Decimal, else None."""
    if text is None:
        return None
    s = str(text).strip().replace("\u00a0", " ")
    if not s:
        return None
    s = s.replace(" ", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return None


def parse_money(text: object, currency: str = "") -> Money | None:
    """``"15.00 USD"``, ``"15 USD"``, ``"-3.5 EUR"``, ``"USD 15"``, ``"5 USD / 1 month"``, or a bare number in ``currency``."""
    if text is None:
        return None
    if isinstance(text, Money):
        return text
    s = str(text).strip().replace("\u00a0", " ")
    if not s:
        return None
    m = _SUFFIX.match(s) or _PREFIX.match(s)
    if not m:
        return None
    amount = parse_decimal(m.group("num"))
    if amount is None:
        return None
    cur = m.group("cur")
    return Money(amount, cur.upper() if cur else currency)


_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TIME = re.compile(r"[ T](\d{1,2}):(\d{2})(?::(\d{2}))?")


def parse_date(text: object) -> date | None:
    """``YYYY-MM-DD`` (also the date part of a date-time, and ``DD.MM.YYYY``); else None."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    s = str(text)
    m = _DATE.match(s)
    try:
        if m:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        m = _DMY.match(s)
        if m:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:  # 0000-00-00 and friends mean "no date"
        return None
    return None


def parse_datetime(text: object) -> datetime | None:
    """``YYYY-MM-DD HH:MM[:SS]`` (a bare date means midnight); else None. Naive: the user's zone."""
    if text is None:
        return None
    if isinstance(text, datetime):
        return text
    d = parse_date(text)
    if d is None:
        return None
    m = _TIME.search(str(text))
    if not m:
        return datetime(d.year, d.month, d.day)
    try:
        return datetime(d.year, d.month, d.day, int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    except ValueError:
        return datetime(d.year, d.month, d.day)


def period_label(months: int) -> str:
    """Human label of a period in months, with the panel's special codes."""
    if months == -100:
        return "Trial"
    if months == -50:
        return "1 day"
    if months == 0:
        return "Lifetime"
    if months < 0:
        return f"{months}"
    if months % 12 == 0:
        years = months // 12
        return f"{years} year" if years == 1 else f"{years} years"
    return f"{months} month" if months == 1 else f"{months} months"
