"""Rows out for scripts: an aligned table, JSON or CSV on stdout.

Scripts parse what billtui prints, so money is never a float and never a
formatted string with a currency glued on in JSON/CSV: each amount is an exact
decimal string with its currency in a column of its own (``paid`` = "12.50",
``paid_currency`` = "USD"). Dates are ISO 8601. Statuses are spelled out.
Server text is cleaned of control characters before it reaches a terminal.
The table is for people: its headers, yes/no, billtui's own status labels, dates and money are
in the current language (``billtui.i18n``); JSON and CSV never are (their keys and values are
the same in every language).
CSV cells that a spreadsheet would run as a formula are neutralised (``display.safe.csv_safe``,
used by every CSV billtui writes) unless the caller asks for raw cells.
"""

from __future__ import annotations

import csv
import enum
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Callable, Sequence

from billtui.api.values import Money
from billtui.display import format as display
from billtui.display.safe import clean, csv_safe
from billtui.i18n import _, language, pgettext

FORMATS = ("table", "json", "csv")

@dataclass(frozen=True)
class Field:
    """One output column: its name, where its value comes from, and whether it is money."""

    name: str
    get: Callable[[Any], Any]
    money: bool = False


def attr(name: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, name, None)


def status_text(row: Any) -> str:
    """The panel's own wording if it sent one, else our label for the code."""
    text = getattr(row, "status_text", "") or ""
    if text:
        return str(text)
    status = getattr(row, "status", None)
    return getattr(status, "label", "") or ("" if status is None else str(status))


def status_words(row: Any) -> str:
    """``status_text`` for the table: the panel's own wording, else our label in the current language."""
    text = getattr(row, "status_text", "") or ""
    if text:
        return str(text)
    label = getattr(getattr(row, "status", None), "label", "")
    return _(label) if label else status_text(row)


def header(name: str) -> str:
    """A table's header for the field ``name``: ``LAST_MESSAGE`` in English (the field's name in
    capitals, as ever), a word of the current language in another."""
    words = {
        "id": pgettext("script table", "ID"), "number": pgettext("script table", "NUMBER"),
        "date": pgettext("script table", "DATE"), "method": pgettext("script table", "METHOD"),
        "credited": pgettext("script table", "CREDITED"), "paid": pgettext("script table", "PAID"),
        "status": pgettext("script table", "STATUS"), "name": pgettext("script table", "NAME"),
        "amount": pgettext("script table", "AMOUNT"), "discount": pgettext("script table", "DISCOUNT"),
        "tax": pgettext("script table", "TAX"), "unpaid": pgettext("script table", "UNPAID"),
        "customer": pgettext("script table", "CUSTOMER"), "sent": pgettext("script table", "SENT"),
        "description": pgettext("script table", "DESCRIPTION"), "cost": pgettext("script table", "COST"),
        "subject": pgettext("script table", "SUBJECT"),
        "last_message": pgettext("script table", "LAST_MESSAGE"),
        "unread": pgettext("script table", "UNREAD"), "type": pgettext("script table", "TYPE"),
        "ip": pgettext("script table", "IP"), "tariff": pgettext("script table", "TARIFF"),
        "expires": pgettext("script table", "EXPIRES"), "autorenew": pgettext("script table", "AUTORENEW"),
        "days": pgettext("script table", "DAYS"), "balance": pgettext("script table", "BALANCE"),
        "credit": pgettext("script table", "CREDIT"), "profile": pgettext("script table", "PROFILE"),
        "default": pgettext("script table", "DEFAULT"), "url": pgettext("script table", "URL"),
        "user": pgettext("script table", "USER"), "edition": pgettext("script table", "EDITION"),
    }
    return words.get(name) or name.upper()


def money_words(value: Money) -> str:
    """An amount for people: as ``str(Money)`` in English (``1234.50 USD``, as billtui's tables and
    messages always wrote it), as the language writes it in another (``1 234,50 USD``)."""
    return clean(str(value)) if language() == "en" else display.money(value)


def amount_or(value: Any, missing: str) -> str:
    """An amount (``Money``) for people (``money_words``), or ``missing`` when there is none."""
    if isinstance(value, Money):
        return money_words(value)
    return clean(str(value)) if value else missing


def day_or(value: Any, missing: str) -> str:
    """A date (or a date and time) for people, as the language writes it, or ``missing``."""
    return display.day(value) if value else missing


def _plain(value: Any) -> Any:
    """A JSON-safe scalar: exact decimals as strings, dates ISO, enums by value."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, (int, float)):
        return value
    return clean(str(value))


def record(row: Any, fields: Sequence[Field]) -> dict[str, Any]:
    """One row as a flat mapping; a money field becomes ``name`` and ``name_currency``."""
    out: dict[str, Any] = {}
    for f in fields:
        value = f.get(row)
        if f.money:
            money = value if isinstance(value, Money) else None
            out[f.name] = format(money.amount, "f") if money else None
            out[f"{f.name}_currency"] = (money.currency or None) if money else None
        else:
            out[f.name] = _plain(value)
    return out


def _table_cell(value: Any, f: Field) -> str:
    if value is None:
        return ""
    if f.money:
        return money_words(value) if isinstance(value, Money) else clean(str(value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (datetime, date)):
        return display.day(value)  # 2026-12-02 14:05 / 02.12.2026 14:05
    if isinstance(value, enum.Enum):
        label = getattr(value, "label", None)
        return str(value.value) if label is None else _(label)
    return clean(str(value)).replace("\n", " ")


def render(rows: Sequence[Any], fields: Sequence[Field], fmt: str, *, headers: bool = True,
           raw_csv: bool = False) -> str:
    """The whole output as one string (ends with a newline unless there is nothing).

    CSV cells go through ``csv_safe`` unless ``raw_csv`` (a script that wants the panel's text as is).
    """
    if fmt == "json":
        return json.dumps([record(r, fields) for r in rows], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        records = [record(r, fields) for r in rows]
        names = list(records[0]) if records else [n for f in fields for n in
                                                   ((f.name, f"{f.name}_currency") if f.money else (f.name,))]
        writer = csv.writer(buf, lineterminator="\n")
        if headers:
            writer.writerow(names)
        cell = (lambda v: v) if raw_csv else csv_safe
        for rec in records:
            writer.writerow(["" if rec[n] is None else cell(rec[n]) for n in names])
        return buf.getvalue()
    if fmt != "table":
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    grid = [[_table_cell(f.get(r), f) for f in fields] for r in rows]
    if headers:
        grid.insert(0, [header(f.name) for f in fields])
    if not grid:
        return ""
    widths = [max(len(line[i]) for line in grid) for i in range(len(fields))]
    lines = []
    for line in grid:
        cells = [c.rjust(w) if f.money else c.ljust(w) for c, w, f in zip(line, widths, fields)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
