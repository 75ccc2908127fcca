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
from billtui.display import styles
from billtui.i18n import N_


class DialogScreen(ModalScreen[bool]):
    DEFAULT_CSS = styles.load("widgets/DialogScreen.tcss")
    BINDINGS = [Binding("escape", "cancel", N_("Close"), id="dialog.cancel")]

    def status(self, text: str, *, error: bool = False) -> None:
        """Say what is happening (or what went wrong, marked) — always plain text."""
        status = self.query_one(".dialog-status", Static)
        status.set_class(error, "-error")
        status.update(Text(text))

    def action_cancel(self) -> None:
        self.dismiss(False)
