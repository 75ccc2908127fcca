"""Money, dates and periods as the panel writes them.

The panel sends money as text (``15.00 USD``) and sometimes as a bare number; we keep it
as ``Decimal`` with its currency so nothing is ever rounded by float arithmetic.
Parsers are tolerant: a screen showing a thousand rows must not fail on one odd cell,
so anything unparseable becomes ``None`` and the raw text stays available in the cell.

Decimal arithmetic here never uses the thread's global context (28 digits, where a 40-digit
amount makes ``quantize`` raise ``InvalidOperation``): it uses ``MONEY_CONTEXT``, and numbers
longer than ``MAX_DIGITS`` digits are refused as unreadable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal, DivisionByZero, InvalidOperation, Overflow, localcontext

from billtui.i18n import _, ngettext
from billtui.i18n import formats

__all__ = ["Money", "SYMBOLS", "MAX_DIGITS", "MONEY_CONTEXT", "money_text", "parse_money", "parse_decimal",
           "parse_int", "parse_date", "parse_datetime", "period_label", "period_text"]

#: The most digits a number from the panel may have to be read (amounts, sizes, periods, counts).
#: No real amount comes near it; a longer one is a broken or hostile value and reads as None.
MAX_DIGITS = 60

#: The context of every Decimal operation on money: room for ``MAX_DIGITS`` digits plus the
#: decimals shown, whatever the caller's thread context is. Errors still raise (never a silent NaN).
MONEY_CONTEXT = Context(prec=2 * MAX_DIGITS, rounding=ROUND_HALF_EVEN,
                        traps=[InvalidOperation, DivisionByZero, Overflow])
_CENTS = Decimal("0.01")


#: Currency symbols panels write instead of the ISO code (API.md §5: production's userOperations.js
#: strips ``" €"`` from ``realbalance``). ``¥``/``kr`` name several currencies: they are kept as written
#: (``Money.symbol``) with no code.
SYMBOLS: dict[str, str] = {
    "€": "EUR", "$": "USD", "US$": "USD", "£": "GBP", "₽": "RUB", "руб.": "RUB", "руб": "RUB", "р.": "RUB",
    "₴": "UAH", "грн.": "UAH", "грн": "UAH", "₸": "KZT", "₺": "TRY", "₹": "INR", "₩": "KRW", "₪": "ILS",
    "zł": "PLN", "Kč": "CZK", "₾": "GEL", "֏": "AMD", "₼": "AZN", "₫": "VND", "฿": "THB", "¥": "", "kr": "",
}


@dataclass(frozen=True, order=True)
class Money:
    """An amount with its ISO currency code (``currency`` may be "" when the panel omits it).

    ``symbol`` is the sign the panel wrote instead of a code (``€``), ``symbol_first`` where it
    stood: kept for display only (never compared), so ``12.34 €`` reads back as the panel wrote it
    while still being 12.34 EUR for every comparison and sum.
    """

    amount: Decimal
    currency: str
    symbol: str = field(default="", compare=False)
    symbol_first: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return _with_unit(self, _plain_number(self.amount))


def _two_places(amount: Decimal) -> bool:
    """Whether ``amount`` is shown with two decimals: it has at most two (NaN and infinities, which
    only code can make, are shown as they are)."""
    exponent = amount.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2


def _plain_number(amount: Decimal) -> str:
    """At least two decimals (the panel's own format), more if the value has them."""
    if not amount.is_finite():
        return str(amount)
    if _two_places(amount):
        try:
            return f"{amount.quantize(_CENTS, context=MONEY_CONTEXT):f}"
        except InvalidOperation:  # more digits than MONEY_CONTEXT holds: only code can make one
            pass
    return f"{amount:f}"


def _with_unit(m: Money, number: str) -> str:
    if m.symbol and m.symbol_first:
        sign, digits = (number[0], number[1:]) if number.startswith("-") else ("", number)
        return f"{sign}{m.symbol}{digits}"
    unit = m.symbol or m.currency
    return f"{number} {unit}" if unit else number


def money_text(m: Money) -> str:
    """For display: thousands grouped, two decimals, the panel's symbol where it put it, else the code
    (``1,234.50 USD``, ``€1,234.50``, ``12.34 €``), as the current language writes numbers
    (``1 234,50 USD`` in Russian, ``billtui.i18n.formats``)."""
    amount = m.amount
    exponent = amount.as_tuple().exponent
    with localcontext(MONEY_CONTEXT):
        if _two_places(amount):
            number = formats.number(amount, 2)
        elif isinstance(exponent, int):  # more decimals than two: all of them
            number = formats.number(amount, -exponent)
        else:  # NaN and infinities, which only code can make
            number = f"{amount:,f}"
    return _with_unit(m, number)


_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
#: Digits with optional thousands separators (space, ``,``, ``.``, ``'``) and a decimal part.
_NUM = r"[+-]?\s*(?:\d[\d ,.']*)?\d|[+-]?\s*[.,]\d+"
_UNIT = r"[A-Za-z]{3}|" + "|".join(re.escape(k) for k in sorted(SYMBOLS, key=len, reverse=True))
# A trailing "/ period" is allowed: price cells read "5.00 USD / 1 month".
_TAIL = r"\s*(?:/.*)?$"
#: The longest money text looked at: digits, a unit and a "/ period" tail fit many times over.
_MAX_MONEY_TEXT = 1000
_SUFFIX = re.compile(rf"^\s*(?P<num>{_NUM})\s*(?P<cur>{_UNIT})?{_TAIL}", re.DOTALL)
_PREFIX = re.compile(rf"^\s*(?P<sign>[+-]?)\s*(?P<cur>{_UNIT})\s*(?P<num>{_NUM}){_TAIL}", re.DOTALL)


def _number(text: str) -> Decimal | None:
    """``1 234.50``, ``1,234.50``, ``1.234,50``, ``1 234,50``, ``1'234.50`` → Decimal; else None.

    The last ``.`` or ``,`` followed by 1, 2 or 4+ digits (or the only one, not in 3-digit groups)
    is the decimal mark; the other marks must then be proper thousands groups.
    """
    s = text.replace(" ", "").replace("'", "")
    sign = ""
    if s[:1] in "+-":
        sign, s = s[:1], s[1:]
    if not s or not re.fullmatch(r"[\d.,]+", s):
        return None
    if len(s) - s.count(".") - s.count(",") > MAX_DIGITS:
        return None
    marks = [c for c in s if c in ".,"]
    if not marks:
        return Decimal(sign + s)
    last = max(s.rfind("."), s.rfind(","))
    whole, frac = s[:last], s[last + 1:]
    grouped = re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", s)
    if len(marks) > 1 and len(set(marks)) == 1:
        # 1,234,567 / 1.234.567: thousands only.
        return Decimal(sign + re.sub(r"[.,]", "", s)) if grouped else None
    if len(set(marks)) == 1 and s[last] == "," and grouped:
        return Decimal(sign + s.replace(",", ""))  # 1,234 = one thousand two hundred and thirty-four
    if not frac.isdigit():
        return None
    if whole and not re.fullmatch(r"\d+|\d{1,3}(?:[.,]\d{3})+", whole):
        return None
    if whole and not whole.isdigit() and s[last] in whole:
        return None  # the same mark cannot group thousands and mark the decimals
    return Decimal(sign + (re.sub(r"[.,]", "", whole) or "0") + "." + frac)


def parse_int(text: object) -> int | None:
    """A whole number (``12``, ``-50``, `` 3 ``) as int, else None. ``str.isdigit`` is not the test:
    it accepts ``²`` and other digits ``int`` refuses."""
    if text is None:
        return None
    s = str(text).strip()
    # The length test first: ``int`` refuses more than 4,300 digits, and no count has 60.
    if len(s) > MAX_DIGITS + 1 or not re.fullmatch(r"[+-]?[0-9]+", s):
        return None
    return int(s)


def parse_decimal(text: object) -> Decimal | None:
    """A plain number (``"123.45"``, ``"1 234.5"``) as Decimal, else None."""
    if text is None:
        return None
    s = str(text).strip().translate(_SPACES)
    if not s:
        return None
    s = s.replace(" ", "")
    if len(s) > MAX_DIGITS + 2 or not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - guarded by the regex
        return None


def parse_money(text: object, currency: str = "") -> Money | None:
    """Money as panels write it, or None.

    ``15.00 USD``, ``USD 15``, ``-3.5 EUR``, ``5 USD / 1 month``, a currency symbol on either side
    (``12.34 €``, ``€12.34``, ``$5.00``, ``-€5``, ``1 234,50 ₽``), thousands grouped by spaces,
    no-break spaces, ``,`` or ``.``; or a bare number, in ``currency``.
    """
    if text is None:
        return None
    if isinstance(text, Money):
        return text
    s = str(text).strip().translate(_SPACES)
    if not s or len(s) > _MAX_MONEY_TEXT:
        return None
    m = _SUFFIX.match(s)
    first = False
    if m is None:
        m = _PREFIX.match(s)
        first = m is not None
    if not m:
        return None
    try:
        amount = _number(m.group("num"))
    except InvalidOperation:
        return None
    if amount is None:
        return None
    if first and m.group("sign") == "-":
        if amount < 0:
            return None  # "--5"
        amount = amount.copy_negate()  # exact: ``-amount`` would round to the global context
    cur = m.group("cur")
    if not cur:
        return Money(amount, currency)
    if cur in SYMBOLS:
        return Money(amount, SYMBOLS[cur], cur, first)
    if not cur.isascii():
        return None
    return Money(amount, cur.upper())


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
    """Human label of a period in months, with the panel's special codes, in English: the text a
    model keeps when the panel wrote none (``Service.autoprolong``; script output reads it). For
    display in the user's language, ``period_text``."""
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


def period_text(months: int) -> str:
    """``period_label`` in the user's language: what a screen or a message shows."""
    if months == -100:
        return _("Trial")
    if months == -50:
        return _("1 day")
    if months == 0:
        return _("Lifetime")
    if months < 0:
        return f"{months}"
    if months % 12 == 0:
        years = months // 12
        return ngettext("{n} year", "{n} years", years).format(n=years)
    return ngettext("{n} month", "{n} months", months).format(n=months)
