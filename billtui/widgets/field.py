"""A labelled form field that can show an error under itself.

Bad input is marked on the field, with the reason, and what was typed stays.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Label, Static
from billtui.display import styles


class Field(Vertical):
    DEFAULT_CSS = styles.load("widgets/Field.tcss")

    def __init__(self, label: str, control: Widget, *, hint: str = "", name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.label = label
        self.control = control
        self.hint = hint

    def compose(self) -> ComposeResult:
        yield Label(Text(self.label))  # labels can come from the panel: never markup
        yield self.control
        if self.hint:
            yield Static(Text(self.hint), classes="field-hint")
        yield Static("", classes="field-error")

    def set_error(self, message: str | None) -> None:
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-error", Static).update(Text(message or ""))
