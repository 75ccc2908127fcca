"""A small centred dialog over the current screen: a bordered box, a status line, buttons.

Subclasses compose ``Vertical(id="dialog")`` holding their fields, a
``Static(classes="dialog-status")`` and ``Horizontal(classes="buttons")``; they
dismiss True when they changed something. Escape cancels.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static


class DialogScreen(ModalScreen[bool]):
    DEFAULT_CSS = """
    DialogScreen { align: center middle; }
    DialogScreen > #dialog {
        width: 76; max-width: 96%; height: auto; max-height: 92%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    DialogScreen .dialog-status { height: auto; color: $text-muted; }
    DialogScreen .dialog-status.-error { color: $error; text-style: bold; }
    DialogScreen Horizontal.buttons { height: auto; align-horizontal: right; }
    DialogScreen Horizontal.buttons Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Close", id="dialog.cancel")]

    def status(self, text: str, *, error: bool = False) -> None:
        """Say what is happening (or what went wrong, marked) — always plain text."""
        status = self.query_one(".dialog-status", Static)
        status.set_class(error, "-error")
        status.update(Text(text))

    def action_cancel(self) -> None:
        self.dismiss(False)
