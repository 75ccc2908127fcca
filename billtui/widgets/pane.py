"""What the shell asks of a content pane (the right-hand side of a menu item), in one place.

Every pane mixes this in (``class PaymentsPane(Pane, Vertical)``), so the main screen calls
these methods instead of probing each pane with ``getattr`` for the ones it happens to have.
The defaults suit a pane with nothing to load, nothing to type and nothing to reload.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:
    # A plain class at run time, not a Widget: Textual takes a widget's CSS (its DEFAULT_CSS and
    # type selectors) from the *first* DOMNode among each class's bases, so a Widget mixin put
    # first would hide VerticalScroll's own (a scrollable pane lost its scrollbar).
    _Base = object


class Pane(_Base):
    """Mixin for content panes (put it first: ``class X(Pane, Vertical)``): reload, focus,
    first load, unsaved changes."""

    #: The menu item the pane shows (set by the shell when it mounts the pane).
    item_key: str = ""

    def reload(self) -> None:
        """Fetch again what the pane shows (``r``, ``F5``). Nothing to fetch by default."""

    def retitle(self, title: str) -> None:
        """The item's title, as the panel's menu names it, changed (the panel answers in another
        language now). A pane whose title is billtui's own has nothing to change."""

    def focus_content(self) -> None:
        """Put the focus where the user works in this pane: its list, its first field.
        By default the pane itself when it can take the focus (a card scrolls with the arrow
        keys, and stays scrolled where it is), else the first widget inside that can."""
        if self.focusable:
            self.focus(scroll_visible=False)
            return
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus(scroll_visible=False)
                return

    async def wait_loaded(self) -> None:
        """Return once the first load has finished (shown or failed): the first frame waits for
        it. A pane with nothing to load is loaded at once."""

    def has_unsaved(self) -> bool:
        """Changes typed here and not sent yet (leaving the item warns; quitting asks first)."""
        return False
