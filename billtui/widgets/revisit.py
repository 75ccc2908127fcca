"""A pane revisited is shown at once from memory, then brought up to date behind it.

MainScreen keeps every opened pane. Going back to one shows it as it was, with
no request before it is drawn; if it was loaded more than ``STALE_AFTER``
seconds ago, it refreshes after that frame: lists refetch the page under the
cursor while still showing their rows, read-only panes reload. Panes with
something typed in them are never reloaded behind the user's back.
"""

from __future__ import annotations

import time
import weakref
from typing import Any

STALE_AFTER = 5.0  # seconds: younger panes are shown as they are

_loaded_at: "weakref.WeakKeyDictionary[Any, float]" = weakref.WeakKeyDictionary()


def mark_fresh(pane: Any) -> None:
    """The pane has just been made (it loads on mount)."""
    _loaded_at[pane] = time.monotonic()


def refresh_if_stale(pane: Any) -> bool:
    """Called as ``pane`` is shown again; schedules a background refresh after it is drawn."""
    now = time.monotonic()
    last = _loaded_at.get(pane)
    if last is not None and now - last < STALE_AFTER:
        return False
    _loaded_at[pane] = now
    if last is None:
        return False
    pane.call_after_refresh(_refresh, pane)
    return True


def _refresh(pane: Any) -> None:
    if not pane.is_attached:
        return
    quiet = getattr(pane, "refresh_in_background", None)
    if callable(quiet):
        quiet()
        return
    from textual.widgets import Input, TextArea

    from billtui.widgets.async_pane import AsyncPane
    from billtui.widgets.resource_table import ResourceTable

    tables = list(pane.query(ResourceTable))
    for table in tables:
        table.refresh_in_background()
    if tables:
        return
    if isinstance(pane, AsyncPane):
        focused = pane.screen.focused if pane.screen else None
        typing = bool(pane.query(Input)) or bool(pane.query(TextArea))
        if not typing and (focused is None or pane not in focused.ancestors_with_self):
            pane.reload()
