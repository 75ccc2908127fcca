"""Telling the menu that the panel turned out not to offer an item.

The ``menu`` reply is the first evidence; the second is a call answering
"not available" (a module the provider has not loaded). A pane that meets the
second posts ``ItemUnavailable`` and the main screen dims the item with why.
"""

from __future__ import annotations

from textual.message import Message
from textual.widget import Widget


class ItemUnavailable(Message):
    def __init__(self, key: str, reason: str) -> None:
        super().__init__()
        self.key = key
        self.reason = reason


def report_if_unavailable(widget: Widget, exc: BaseException) -> None:
    """Post ``ItemUnavailable`` for the pane ``widget`` sits in, if ``exc`` says so."""
    from billtui.api.errors import NotAvailable

    if not isinstance(exc, NotAvailable):
        return
    for node in widget.ancestors_with_self:
        key = getattr(node, "item_key", "")
        if key:
            message = getattr(exc, "message", "") or str(exc)
            widget.post_message(ItemUnavailable(key, message))
            return
