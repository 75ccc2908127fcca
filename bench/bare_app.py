"""The reference for startup: a bare Textual app with billtui's first-screen widgets.

Header, Tree, DataTable and Footer, a few rows in each, exiting after its first
frame. billtui's startup is reported as a ratio to this, measured in the same
run, so the figure says what billtui adds on top of Textual itself.

Run: ``BILLTUI_BENCH_EXIT_AFTER_FIRST_FRAME=/tmp/x python -m bench.bare_app``
"""

from __future__ import annotations

import os
import time

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Tree

ENV = "BILLTUI_BENCH_EXIT_AFTER_FIRST_FRAME"


class BareApp(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield Tree("Menu", id="nav")
            yield DataTable(id="table")
        yield Footer()

    def on_mount(self) -> None:
        tree = self.query_one(Tree)
        for section in ("Finances", "Services", "Support", "Settings"):
            node = tree.root.add(section, expand=True)
            for n in range(3):
                node.add_leaf(f"{section} {n + 1}")
        tree.root.expand()
        table = self.query_one(DataTable)
        table.add_columns("Date", "Service", "Amount")
        for n in range(20):
            table.add_row(f"2026-11-{n + 1:02d}", f"Service {n}", f"{n}.00 USD")
        table.focus()
        target = os.environ.get(ENV)
        if target:
            self.call_after_refresh(self._first_frame, target)

    def _first_frame(self, target: str) -> None:
        if target != "1":
            with open(target, "w", encoding="utf-8") as out:
                out.write(repr(time.monotonic()))
        self.exit()


if __name__ == "__main__":
    BareApp().run()
