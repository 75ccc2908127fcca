"""Reading cells: the tolerant helpers every model's ``from_row`` uses.

A missing or odd cell becomes ``None`` or ``""``, never an exception, so one strange row
cannot break a screen. A cell that has text but cannot be read (``12,5,0 USD``, ``2026-13-45``)
is ``None`` too, and its text is kept in the model's ``unreadable`` (see ``Unreadable``) so the
screen shows what the panel wrote instead of a blank.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field
from datetime import date, datetime
from typing import Any

from .. import assumed
from ..parser import Cell, Row
from ..values import Money, parse_date, parse_datetime, parse_money

#: Model field → the panel column names tried, in order.
Columns = Mapping[str, tuple[str, ...]]


class Unreadable(Mapping[str, str]):
    """Model field → the panel's text for a value that could not be read (the field is None).

    One small mapping per model instead of a ``*_text`` twin for every field: display code asks
    it for the text to show (``billtui.display.format.field``), and it is empty for almost every row
    (all of them share ``NOTHING_UNREADABLE``). ``str()`` lists the texts, for cards that show
    every field of a model.
    """

    __slots__ = ("_texts",)

    def __init__(self, texts: Mapping[str, str] | None = None) -> None:
        self._texts: dict[str, str] = dict(texts or {})

    def __getitem__(self, name: str) -> str:
        return self._texts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __hash__(self) -> int:  # immutable: one shared empty instance can be a field default
        return hash(frozenset(self._texts.items()))

    def __repr__(self) -> str:
        return f"Unreadable({self._texts!r})"

    def __str__(self) -> str:
        return "; ".join(f"{name}: {text}" for name, text in self._texts.items())


NOTHING_UNREADABLE = Unreadable()


def _means_something(text: str) -> bool:
    """Text that says something: a letter or a non-zero digit. ``0000-00-00``, ``-`` and ``—`` are
    how panels write "none", and stay blank rather than be shown as unreadable."""
    return any(ch.isalpha() or ("1" <= ch <= "9") for ch in text)


def _unreadable(row: Row, columns: Columns, **read: object) -> Unreadable:
    """Of the fields in ``read`` (field name = the value read from ``row``), those that are None
    although their column has text: field → that text. Columns by ``columns`` (else the field's name)."""
    texts: dict[str, str] | None = None
    for name, value in read.items():
        if value is not None:
            continue
        c = _cell(row, _col(columns, name))
        text = (c.text or c.orig or "").strip() if c is not None else ""
        if text and _means_something(text):
            if texts is None:
                texts = {}
            texts[name] = text
    return Unreadable(texts) if texts else NOTHING_UNREADABLE


def unreadable_field() -> Any:
    """The ``unreadable`` field of a model: not compared, not in ``repr``, empty by default."""
    return field(default=NOTHING_UNREADABLE, compare=False, hash=False, repr=False)


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
