"""Every use of a private Textual API, in one place.

billtui needs a few things Textual has no public API for. Each is wrapped here, with why it is
needed and the Textual version it was checked against; pyproject.toml pins that version, and
``tests/test_compat.py`` fails loudly, naming the internal, when an upgrade removes one. Nothing
outside this module touches a Textual name that starts with an underscore.

Checked against: Textual 8.2.8.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

#: The Textual version every wrapper below was checked against.
CHECKED_TEXTUAL = "8.2.8"

#: (class, attribute) of every internal used below: the compat test checks each exists, on the
#: class or, for those set in ``__init__`` (``INSTANCE_INTERNALS``), on a new instance.
INTERNALS: tuple[tuple[type, str], ...] = (
    (App, "_begin_batch"),
    (App, "_end_batch"),
    (Screen, "_on_timer_update"),
    (Screen, "_compositor_refresh"),
)
INSTANCE_INTERNALS: tuple[tuple[type, str], ...] = (
    (App, "_batch_count"),
    (DOMNode, "_bindings"),
)


def begin_batch(app: App[Any]) -> None:
    """Hold drawing (what ``App.batch_update()`` does), begun and ended in two places because
    the first frame's answers arrive across awaits (``BillTUI.hold_first_frame``)."""
    app._begin_batch()


def end_batch(app: App[Any]) -> None:
    app._end_batch()


def in_batch(app: App[Any]) -> bool:
    """Whether drawing is held (``batch_update`` or ``begin_batch``)."""
    return bool(getattr(app, "_batch_count", 0))


def draw_now(screen: Screen[Any]) -> None:
    """Lay out and draw ``screen`` now, as the next tick of its update timer would (up to 1/60 s
    later: ``make bench`` startup measures the difference)."""
    screen._on_timer_update()


def bind_on_instance(
    node: DOMNode, key: str, action: str, description: str, *, show: bool = True, id: str | None = None
) -> None:
    """A binding on one widget only (a list pane's row actions come from its spec, not its class).
    Textual binds per class (``BINDINGS``); its per-instance map is private, and its ``bind``
    takes no id, so the ``Binding`` is added here with one (a ``[keymap]`` entry can move it:
    Textual applies the keymap to every map in the binding chain, instance ones included)."""
    node._bindings.key_to_bindings.setdefault(key, []).append(
        Binding(key, action, description, show=bool(description and show), id=id)
    )


class HeldFrameScreen(Screen[Any]):
    """A screen that does not render while its app holds drawing.

    While the app holds its first frame (``BillTUI.hold_first_frame``), Textual still renders
    after every layout pass and then drops the result (``App._display`` ignores updates in a
    batch): ~7 ms of start-up spent on a frame nobody sees. Skipped here; the compositor keeps
    its dirty regions, so the frame drawn on release has everything.
    """

    def _compositor_refresh(self) -> None:
        if in_batch(self.app):
            return
        super()._compositor_refresh()
