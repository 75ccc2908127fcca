"""The key footer: Textual's, rebuilt only when the keys it shows change.

Textual's Footer throws its keys away and mounts new ones on every bindings
signal — each focus move, each pane mounted — even when the keys shown are the
same. At start that was four builds of the main screen's footer before its
first frame (~5 ms, ``make bench``: startup), and on a slow SSH link every
rebuild is a repaint of the bottom line. This one compares what it would show
with what it shows and skips the rebuild when nothing changed.

Binding descriptions are marked ``N_()`` where they are declared (at import, before the
language is known): the keys are translated here, as they are shown, and the language is part of
what is compared, so a change of language rebuilds the footer even when the keys are the same.
"""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.screen import Screen
from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey, FooterLabel  # what Footer.compose yields (no public names)

from billtui.i18n import _, language

#: The language the keys are shown in, then (key, binding, enabled, tooltip) of each key shown,
#: plus the command palette key; a Binding is a frozen dataclass, so this compares its label,
#: display and group too.
Shown = tuple[str, tuple[tuple[str, Binding, bool, str], ...]]


def shown_keys(screen: Screen[Any]) -> Shown:
    """What Textual's ``Footer.compose`` would show for ``screen`` now, and in which language."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return language(), tuple(
        (key, binding, enabled, tooltip or "")
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == palette
    )


def _translated(widget: Any) -> Any:
    """A key (or a group's label) of Textual's footer, in the current language."""
    if isinstance(widget, FooterKey):
        widget.description = _(widget.description)
        tooltip = widget.tooltip
        if isinstance(tooltip, str) and tooltip:
            widget.tooltip = _(tooltip)
        return widget
    if isinstance(widget, FooterLabel):
        content = widget.content
        if isinstance(content, str) and content:
            return FooterLabel(_(content))
    return widget


#: Keys that must be visible on every screen at any width: how to get help and how to leave.
#: They come first, because a narrow footer cuts keys off at the right (80 columns dropped both).
ALWAYS_SHOWN = ("app.keys", "app.quit_app", "keys", "quit_app")


class Footer(TextualFooter):
    """Textual's Footer that skips rebuilding identical keys, with help and quit first."""

    def compose(self) -> ComposeResult:
        widgets = [_translated(w) for w in super().compose()]
        first = [w for w in widgets if isinstance(w, FooterKey) and w.action in ALWAYS_SHOWN]
        yield from first
        yield from (w for w in widgets if w not in first)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        rebuilds = screen.app.app_focus and self.is_attached and screen is self.screen
        if not rebuilds:  # Textual's Footer does nothing now either (it only notes the bindings are ready)
            super().bindings_changed(screen)
            return
        shown = shown_keys(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
