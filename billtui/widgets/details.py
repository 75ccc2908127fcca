"""A read-only card with every field of one object (a payment, an invoice…)."""

from __future__ import annotations

import dataclasses
import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Iterable, Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from billtui.display import format as fmt
from billtui.display.safe import clean, plain
from billtui.i18n import N_, _
from billtui.widgets.footer import Footer
from billtui.display import styles


def describe(value: Any) -> Text:
    if isinstance(value, Text):
        return value  # already made safe by the caller
    if value is None or value == "":
        return Text("—", style="dim")
    if hasattr(value, "amount") and isinstance(getattr(value, "amount"), Decimal):
        return Text(fmt.money(value))
    if isinstance(value, (date, datetime)):
        return Text(fmt.day(value))
    if isinstance(value, enum.Enum):
        # An enum's label is billtui's English fallback for a status the panel gave no text for.
        return Text(clean(_(getattr(value, "label", value.name))), style=fmt.status_style(value))
    if isinstance(value, bool):
        return Text(_("yes") if value else _("no"))
    if isinstance(value, (tuple, list)):
        return Text(", ".join(clean(getattr(v, "name", v)) for v in value) or "—")
    return plain(value, multiline=True)


def humanize(name: str) -> str:
    return name.replace("_", " ").capitalize()


class DetailsScreen(ModalScreen[None]):
    DEFAULT_CSS = styles.load("widgets/DetailsScreen.tcss")
    BINDINGS = [Binding("escape,q", "dismiss", N_("Close"), id="details.dismiss")]

    def __init__(self, title: str, fields: Iterable[tuple[str, Any]]) -> None:
        super().__init__()
        self.title_text = title
        self.fields = list(fields)

    @classmethod
    def for_row(cls, title: str, row: Any) -> "DetailsScreen":
        if dataclasses.is_dataclass(row):
            fields = []
            for f in dataclasses.fields(row):
                value = getattr(row, f.name)
                if isinstance(value, Mapping):
                    continue  # the raw cells, the unreadable values: bookkeeping, not fields to read
                if value is None and fmt.unreadable_text(row, f.name) is not None:
                    # What the panel sent where it could not be read: shown, marked, never blank.
                    value = Text(fmt.unknown(fmt.unreadable_text(row, f.name)), style=fmt.UNREADABLE_STYLE)
                fields.append((humanize(f.name), value))
        else:
            fields = [(humanize(str(k)), v) for k, v in dict(row).items()]
        return cls(title, fields)

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for label, value in self.fields:
            # A field's name made readable (humanize): in the catalog when a column or label has it.
            table.add_row(Text(_(label)), describe(value))
        with VerticalScroll() as scroll:
            scroll.border_title = plain(self.title_text)  # a Text: a str title would be read as markup
            yield Static(table)
        yield Footer()
