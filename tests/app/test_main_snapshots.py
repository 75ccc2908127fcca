"""The main screen as a user first sees it, per edition, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from billtui.menu import Edition
from tests.app.conftest import demo_app, settle


async def _loaded(pilot) -> None:
    await settle(pilot)


@pytest.mark.parametrize("edition", list(Edition))
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen(snap_compare, edition, size):
    assert snap_compare(demo_app(edition), terminal_size=size, run_before=_loaded)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_payments_list(snap_compare, size):
    async def open_payments(pilot) -> None:
        await settle(pilot)
        pilot.app.goto("payments")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=size, run_before=open_payments)
