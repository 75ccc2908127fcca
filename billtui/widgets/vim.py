"""``j``/``k``/``g``/``G`` next to the arrow keys, for the plain DataTables.

``ResourceTable`` has them built in; the short DataTables (cart, expiring services,
rewards per day) add these so a list moves the same way wherever it appears.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from billtui.i18n import N_

VIM_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", N_("Down"), show=False, id="vim.cursor-down"),
    Binding("k", "cursor_up", N_("Up"), show=False, id="vim.cursor-up"),
    Binding("g", "scroll_top", N_("First"), show=False, id="vim.scroll-top"),
    Binding("G", "scroll_bottom", N_("Last"), show=False, id="vim.scroll-bottom"),
]
