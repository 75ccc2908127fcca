"""``--plain``: for screen readers and minimal terminals.

No colour (Textual's own ``NO_COLOR`` monochrome filter), no box drawing (borders
off, tree guides as indentation, ``|`` between header parts), and words where a
symbol would carry meaning (sort order "asc"/"desc" instead of ▲/▼). Statuses are
always spelled out in billtui, so nothing depends on colour alone.
"""

from __future__ import annotations

import os
from typing import Any

PLAIN_CLASS = "-plain"

# Tree guides: indentation only (blank, vertical, end, branch).
TREE_LINES: dict[str, tuple[str, str, str, str]] = {
    name: ("  ", "  ", "  ", "  ") for name in ("default", "bold", "double")
}


def prepare_environment() -> None:
    """Before the app is built: Textual reads ``NO_COLOR`` once, at start-up."""
    os.environ["NO_COLOR"] = "1"


def is_plain(node: Any) -> bool:
    """Whether ``node``'s app runs in plain mode (safe before the app is running)."""
    try:
        return bool(node.app.has_class(PLAIN_CLASS))
    except Exception:
        return False


def sort_mark(descending: bool, plain: bool) -> str:
    if plain:
        return "desc" if descending else "asc"
    return "▼" if descending else "▲"


def separator(plain: bool) -> str:
    return " | " if plain else "│"
