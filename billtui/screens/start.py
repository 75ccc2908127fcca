"""The first frame: says what is happening while billtui connects."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, LoadingIndicator, Static


class StartScreen(Screen[None]):
    DEFAULT_CSS = """
    StartScreen Static { width: auto; }
    StartScreen LoadingIndicator { height: 1; }
    """

    def compose(self) -> ComposeResult:
        with Middle():
            with Center():
                yield Static("Connecting to the panel…", id="start-message")
            yield LoadingIndicator()
        yield Footer()
