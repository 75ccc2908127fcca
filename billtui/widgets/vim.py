"""``j``/``k``/``g``/``G`` next to the arrow keys, for the plain DataTables.

``ResourceTable`` has them built in; the short DataTables (cart, expiring services,
rewards per day) add these so a list moves the same way wherever it appears.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

VIM_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False, id="vim.cursor-down"),
    Binding("k", "cursor_up", "Up", show=False, id="vim.cursor-up"),
    Binding("g", "scroll_top", "First", show=False, id="vim.scroll-top"),
    Binding("G", "scroll_bottom", "Last", show=False, id="vim.scroll-bottom"),
]
