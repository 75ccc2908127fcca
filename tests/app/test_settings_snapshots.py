"""The notifications matrix as a user sees it, with one unsaved change marked."""

from __future__ import annotations

from tests.app.conftest import demo_app, settle


def test_notifications_matrix(snap_compare):
    async def flip_one(pilot) -> None:
        await settle(pilot)
        pilot.app.goto("notifications")
        await settle(pilot)
        await pilot.press("down", "right", "space")
        await pilot.pause()

    assert snap_compare(demo_app(), terminal_size=(120, 40), run_before=flip_one)
