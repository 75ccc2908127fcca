"""Reading cells: the tolerant helpers every model's ``from_row`` uses.

A missing or odd cell becomes ``None`` or ``""``, never an exception, so one strange row
cannot break a screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from .. import assumed
from ..parser import Cell, Row
from ..values import Money, parse_date, parse_datetime, parse_money

#: Model field → the panel column names tried, in order.
Columns = Mapping[str, tuple[str, ...]]


def _cell(row: Row, names: tuple[str, ...]) -> Cell | None:
    """The first candidate column with a value (else the first present, possibly empty)."""
    first: Cell | None = None
    for n in names:
        c = row.get(n)
        if c is None:
            continue
        if c.text or c.orig:
            return c
        if first is None:
            first = c
    return first


def _text(row: Row, *names: str) -> str:
    c = _cell(row, names)
    return c.text if c is not None else ""


def _value(row: Row, *names: str) -> str:
    c = _cell(row, names)
    return c.value if c is not None else ""


def _money(row: Row, *names: str, currency: str = "") -> Money | None:
    for n in names:
        c = row.get(n)
        if c is None:
            continue
        m = parse_money(c.text, currency) or (parse_money(c.orig, currency) if c.orig is not None else None)
        if m is not None:
            return m
    return None


def _date(row: Row, *names: str) -> date | None:
    c = _cell(row, names)
    if c is None:
        return None
    return parse_date(c.orig) if c.orig is not None and parse_date(c.orig) else parse_date(c.text)


def _datetime(row: Row, *names: str) -> datetime | None:
    c = _cell(row, names)
    if c is None:
        return None
    return (parse_datetime(c.orig) if c.orig is not None and parse_datetime(c.orig)
            else parse_datetime(c.text))


def _flag(row: Row, *names: str) -> bool:
    c = _cell(row, names)
    if c is None:
        return False
    return c.value.strip().lower() in assumed.TRUE_VALUES


def _col(columns: Columns, name: str) -> tuple[str, ...]:
    return columns.get(name, (name,))


def sort_columns(columns: Columns) -> dict[str, str]:
    """Model field → the column to sort by (the first name tried)."""
    return {f: names[0] for f, names in columns.items() if names}
