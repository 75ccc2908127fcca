"""What the shell asks of a content pane (the right-hand side of a menu item), in one place.

Every pane mixes this in (``class PaymentsPane(Pane, Vertical)``), so the main screen calls
these methods instead of probing each pane with ``getattr`` for the ones it happens to have.
The defaults suit a pane with nothing to load, nothing to type and nothing to reload.
"""

from __future__ import annotations

from textual.widget import Widget


class Pane(Widget):
    """Mixin for content panes: reload, focus, first load, unsaved changes."""

    #: The menu item the pane shows (set by the shell when it mounts the pane).
    item_key: str = ""

    def reload(self) -> None:
        """Fetch again what the pane shows (``r``, ``F5``). Nothing to fetch by default."""

    def focus_content(self) -> None:
        """Put the focus where the user works in this pane: its list, its first field.
        By default the first widget that can take the focus, else the pane itself."""
        for widget in self.query("*"):
            if widget.focusable:
                widget.focus()
                return
        if self.focusable:
            self.focus()

    async def wait_loaded(self) -> None:
        """Return once the first load has finished (shown or failed): the first frame waits for
        it. A pane with nothing to load is loaded at once."""

    def has_unsaved(self) -> bool:
        """Changes typed here and not sent yet (leaving the item warns; quitting asks first)."""
        return False
