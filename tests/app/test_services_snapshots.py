"""Snapshots of the customer overview and a services list, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.app.conftest import demo_app, open_item, settle


def _at(key: str):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await open_item(pilot, key)
        await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_customer_overview(snap_compare, size):
    assert snap_compare(demo_app(), terminal_size=size, run_before=_at("customer"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_virtual_servers_list(snap_compare, size):
    assert snap_compare(demo_app(), terminal_size=size, run_before=_at("services/vds"))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_services_expiring_soon(snap_compare, size):
    assert snap_compare(demo_app(), terminal_size=size, run_before=_at("services"))
