"""``--plain``: for screen readers and minimal terminals.

What reaches the terminal in plain mode:

* **No colour at all**: every colour is reset to the terminal's default foreground and
  background (Textual's ``NoColor`` filter). Not the ``Monochrome`` filter Textual uses for
  ``NO_COLOR``: that one still writes truecolour greys (``38;2;r;r;r``). Selection and focus
  are shown with reverse video and underline instead (``styles/plain.tcss``), which are not
  colours.
* **No box drawing or block characters** (U+2500–U+259F: borders, Textual's tall and input
  borders, tree guides, scrollbars, check boxes): one line filter turns each of them into a
  space, whatever widget drew it. Borders are kept in the layout as blank lines, so a
  border title ("Cart · 1 item", "Rewards · This year", "Needs attention") and subtitle stay
  where they were, now as a line of text above (below) the box's content, and follow every
  change the screens make to them. Scrollbars are off (``styles/plain.tcss``).
* **Words where a symbol would carry meaning**: sort order "asc"/"desc" instead of ▲/▼,
  ``|`` between header parts, tree guides as indentation, ``[x]``/``[ ]`` check boxes.
  Statuses are always spelled out in billtui, so nothing depends on colour alone.
* **One screen at a time**: dialogs are opaque (``styles/plain.tcss``), so a screen reader
  does not read the screen behind a dialog interleaved with it.

The user's theme is left alone: with every colour reset it decides nothing that is drawn,
and forcing another one would be remembered as the user's choice by the theme picker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from rich.segment import Segment
from rich.style import Style
from textual.filter import LineFilter

from billtui.i18n import _

PLAIN_CLASS = "-plain"

# Tree guides: indentation only (blank, vertical, end, branch).
TREE_LINES: dict[str, tuple[str, str, str, str]] = {
    name: ("  ", "  ", "  ", "  ") for name in ("default", "bold", "double")
}

#: Box drawing (U+2500–U+257F) and block elements (U+2580–U+259F, ▁▂▃▄▅▆▇█ ▏▕ ▔ ▐▌ ▛▜…).
BOX_AND_BLOCKS = frozenset(chr(c) for c in range(0x2500, 0x25A0))
_BOX_RE = re.compile("[\u2500-\u259f]")
_TO_SPACE = {ord(c): " " for c in BOX_AND_BLOCKS}
_NOT_REVERSED = Style(reverse=False)


class NoBoxDrawing(LineFilter):
    """Box-drawing and block characters become spaces.

    A segment that held nothing else loses reverse video too: Textual draws some border
    pieces reversed, and a reversed space is a solid block on the terminal.
    """

    def apply(self, segments: list[Segment], background: Any) -> list[Segment]:
        search = _BOX_RE.search
        out: list[Segment] = []
        for segment in segments:
            text, style, control = segment
            if control is None and search(text):
                text = text.translate(_TO_SPACE)
                if style is not None and style.reverse and text.isspace():
                    style = style + _NOT_REVERSED
                segment = Segment(text, style, control)
            out.append(segment)
        return out


class _PlainToggle:
    """A check box's part as text in plain mode: ``[x]`` / ``[ ]`` (Textual's own
    ``▐X▌`` shows the value by colour only). Outside plain mode, Textual's character."""

    def __init__(self, normal: str, on: str, off: str) -> None:
        self.normal, self.on, self.off = normal, on, off

    def __get__(self, obj: Any, objtype: Any = None) -> str:
        if obj is None or not is_plain(obj):
            return self.normal
        return self.on if getattr(obj, "value", False) else self.off


def _plain_toggle_buttons() -> None:
    from textual.widgets._toggle_button import ToggleButton

    if isinstance(ToggleButton.__dict__.get("BUTTON_INNER"), _PlainToggle):
        return  # already (another app in this process)
    ToggleButton.BUTTON_LEFT = _PlainToggle(ToggleButton.BUTTON_LEFT, "[", "[")  # type: ignore[assignment]
    ToggleButton.BUTTON_INNER = _PlainToggle(ToggleButton.BUTTON_INNER, "x", " ")  # type: ignore[assignment]
    ToggleButton.BUTTON_RIGHT = _PlainToggle(ToggleButton.BUTTON_RIGHT, "]", "]")  # type: ignore[assignment]
    # Subclasses that set their own characters (RadioButton's ●) keep them, box-free
    # once filtered; billtui uses only Checkbox.


def install(app: Any) -> list[LineFilter]:
    """Plain mode for ``app`` (called from its ``__init__``); touches no other app.

    Returns the filters the app adds to Textual's own (``App.get_line_filters``): box drawing
    out, every colour reset. ``without_colour_filters`` drops the ``Monochrome`` filter Textual
    adds for ``NO_COLOR`` (greys), which the terminal's own colours replace.
    """
    from textual.filter import NoColor

    app.no_color = True
    _plain_toggle_buttons()
    return [NoBoxDrawing(), NoColor()]


def without_colour_filters(filters: Sequence[LineFilter]) -> list[LineFilter]:
    """Textual's filters without its own colour ones (plain mode brings ``NoColor``)."""
    from textual.filter import Monochrome, NoColor

    return [f for f in filters if not isinstance(f, (Monochrome, NoColor))]


def is_plain(node: Any) -> bool:
    """Whether ``node``'s app runs in plain mode (safe before the app is running)."""
    try:
        return bool(node.app.has_class(PLAIN_CLASS))
    except Exception:
        return False


def sort_mark(descending: bool, plain: bool) -> str:
    if plain:
        return _("desc") if descending else _("asc")
    return "▼" if descending else "▲"


def separator(plain: bool) -> str:
    return " | " if plain else "│"
