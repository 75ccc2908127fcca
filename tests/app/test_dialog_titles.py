"""Dialogs are drawn whole where there is room: at 120x40 no title or line of a dialog is cut
short with an ellipsis (at 80x24 only a panel's long text may be)."""

from __future__ import annotations

import pytest
from textual.screen import ModalScreen

from tests.app.conftest import demo_app, escape_to_main, screen_text, settle
from tests.app.test_plain import DIALOGS, open_dialog


def dialog_lines(app) -> list[str]:
    """The lines of the screen inside the dialog's own box (the dimmed screen behind left out)."""
    lines = screen_text(app).splitlines()
    out = []
    for child in app.screen.children:
        region = child.region
        if not region.area or child.id in ("textual-toastrack", "textual-tooltip"):
            continue
        for y in range(region.y, min(region.bottom, len(lines))):
            out.append(lines[y][region.x:region.right])
    return out


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_no_dialog_is_cut_short(size):
    app = demo_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for item, keys, expected, title in DIALOGS:
            await open_dialog(pilot, item, keys)
            assert type(app.screen).__name__ == expected, (item, keys)
            # The palette is one full-screen layer: its lines are the screen's.
            lines = screen_text(app).splitlines() if expected == "CommandPalette" else dialog_lines(app)
            assert any(title in line for line in lines), (item, keys, lines)
            if isinstance(app.screen, ModalScreen) and expected != "CommandPalette":
                # The palette's own placeholder ends in "…" ("Search for commands…").
                cut = [line for line in lines if "…" in line]
                assert not cut, (item, keys, cut)
            await escape_to_main(pilot)
