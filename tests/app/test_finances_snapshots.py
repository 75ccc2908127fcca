"""Snapshots of the payments list and the expenses screen (chart, total, list) at 120x40."""

from __future__ import annotations

from tests.app.conftest import demo_app, open_item, settle


def _at(key: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await open_item(pilot, key)
        await settle(pilot)

    return run_before


def test_payments_list(snap_compare):
    assert snap_compare(demo_app(), terminal_size=(120, 40), run_before=_at("payments"))


def test_expenses_screen(snap_compare):
    assert snap_compare(demo_app(), terminal_size=(120, 40), run_before=_at("expenses"))
