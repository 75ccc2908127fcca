"""The reference for terminal_bytes: a bare Textual Tree and DataTable where billtui has its menu and list.

Nothing but the two stock widgets, each at the region billtui's menu tree and
Payments list take at the same terminal size, with as many lines, columns and
rows (the spec comes from billtui laid out headless, see
``bench.terminal_bytes.probe``). The bytes a key makes this app write are what
Textual itself costs for that key; billtui's figures are reported as a ratio to them.

Run: ``python -m bench.bare_widgets SPEC.json`` — SPEC is ``Spec`` as JSON.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TypedDict

from textual.app import App, ComposeResult
from textual.widget import Widget
from textual.widgets import DataTable, Tree
from textual.widgets.tree import TreeNode


class Spec(TypedDict):
    tree_region: list[int]  # x, y, width, height
    tree: list[Any]  # [label, [children…]] for each top-level line, as billtui's menu has them
    table_region: list[int]
    columns: list[list[Any]]  # [title, width in cells as billtui lays it out]
    rows: int


def _place(widget: Widget, region: list[int]) -> Widget:
    """Put ``widget`` at ``region`` (x, y, width, height) of the screen, as billtui has its own there."""
    x, y, width, height = region
    widget.styles.position = "absolute"
    widget.styles.offset = (x, y)
    widget.styles.width, widget.styles.height = width, height
    return widget


class BareWidgets(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, spec: Spec) -> None:
        super().__init__()
        self.spec = spec

    def compose(self) -> ComposeResult:
        # The places are billtui's; nothing else of its look (no header, footer, theme) is copied.
        yield _place(Tree("Menu", id="nav"), self.spec["tree_region"])
        # A row cursor, as billtui's list has: a step repaints two whole rows at most.
        yield _place(DataTable(id="table", cursor_type="row"), self.spec["table_region"])

    def on_mount(self) -> None:
        tree: Tree[None] = self.query_one(Tree)
        tree.show_root = False

        def add(parent: TreeNode[None], label: str, children: list[Any]) -> None:
            if children:
                node = parent.add(label, expand=True)
                for child_label, grandchildren in children:
                    add(node, child_label, grandchildren)
            else:
                parent.add_leaf(label)

        for label, children in self.spec["tree"]:
            add(tree.root, label, children)
        tree.root.expand()
        table: DataTable[str] = self.query_one(DataTable)
        columns = self.spec["columns"]
        # DataTable pads each cell by one on both sides where billtui leaves one space between
        # columns: each column is one cell narrower (the last two) so the table is as wide.
        widths = [max(1, int(w) - 1) for _, w in columns]
        widths[-1] = max(1, widths[-1] - 1)
        for (title, _), width in zip(columns, widths):
            table.add_column(str(title), width=width)
        for n in range(self.spec["rows"]):
            table.add_row(*(f"{title} {n + 1}"[:width] for (title, _), width in zip(columns, widths)))
        tree.focus()  # billtui starts with its menu focused too


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        BareWidgets(json.load(f)).run()
