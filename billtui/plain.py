"""``--plain``: for screen readers and minimal terminals.

No colour (the monochrome filter Textual uses for ``NO_COLOR``), no box drawing (borders
off, tree guides as indentation, ``|`` between header parts), and words where a
symbol would carry meaning (sort order "asc"/"desc" instead of ▲/▼). Statuses are
always spelled out in billtui, so nothing depends on colour alone.
"""

from __future__ import annotations

from typing import Any

PLAIN_CLASS = "-plain"

# Tree guides: indentation only (blank, vertical, end, branch).
TREE_LINES: dict[str, tuple[str, str, str, str]] = {
    name: ("  ", "  ", "  ", "  ") for name in ("default", "bold", "double")
}


def apply_monochrome(app: Any) -> None:
    """What Textual does for ``NO_COLOR``, for this app only."""
    from textual.filter import Monochrome, NoColor

    app.no_color = True
    app._filters.append(NoColor() if app.native_ansi_color else Monochrome())


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
