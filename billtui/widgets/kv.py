"""Label/value grids and small tables for read-only cards, from plain data."""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from billtui.widgets.details import describe
from billtui.display.safe import plain
from billtui.i18n import N_, _


def kv_card(title: str, pairs: Iterable[tuple[str, Any]]) -> Static:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in pairs:
        table.add_row(Text(label), value if isinstance(value, Text) else describe(value))
    static = Static(table, classes="card")
    static.border_title = plain(title)
    return static


def small_table(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]], *, empty: str = N_("None.")) -> Static:
    rows = list(rows)
    if not rows:
        static = Static(Text(_(empty), style="dim"), classes="card")
        static.border_title = plain(title)
        return static
    table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
    for header in headers:
        table.add_column(header)
    for row in rows:
        table.add_row(*(v if isinstance(v, Text) else describe(v) for v in row))
    static = Static(table, classes="card")
    static.border_title = plain(title)
    return static


def paragraph(text: str, style: str = "") -> Static:
    return Static(plain(text, style, multiline=True))
