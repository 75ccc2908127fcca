"""The first frame: says what is happening while billtui connects.

Kept deliberately light (one line of text, no footer, no animated widget): on a
fast panel it is on screen for a frame or two, and everything it mounts delays
the main screen (``make bench``: startup). A spinner starts only if connecting
takes long enough to need one.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static
from billtui.display import styles
from billtui.i18n import _

SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"
#: Seconds before the spinner starts: a quick login never needs it.
SPIN_AFTER = 0.3


class StartScreen(Screen[None]):
    DEFAULT_CSS = styles.load("screens/shell/StartScreen.tcss")

    def __init__(self) -> None:
        super().__init__()
        self._frame = 0
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(self._text(), id="start-message")

    def on_mount(self) -> None:
        self.set_timer(SPIN_AFTER, self._start_spinning)

    def _text(self) -> str:
        spinner = SPINNER[self._frame % len(SPINNER)] + " " if self._frame else ""
        return spinner + _("Connecting to the panel…  (q quits)")

    def _start_spinning(self) -> None:
        from billtui.display.plain import is_plain

        if is_plain(self):  # screen readers: no characters that change ten times a second
            return
        self._timer = self.set_interval(0.1, self._spin)

    def _spin(self) -> None:
        self._frame += 1
        self.query_one("#start-message", Static).update(self._text())
