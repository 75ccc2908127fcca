"""The main screens in Russian (``--lang ru``), at 80x24 and 120x40: long Russian words must not
break the layout (a cut title, a column pushed off, a footer key lost)."""

from __future__ import annotations

import pytest

from tests.app.conftest import demo_app, open_item, settle

SCREENS = ("customer", "services", "services/vds", "payments", "expenses", "orders", "invoices", "tickets",
           "notifications", "user_settings")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("item", SCREENS, ids=[s.replace("/", "-") for s in SCREENS])
def test_screen_in_russian(snap_compare, item, size):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await open_item(pilot, item)
        await settle(pilot)

    assert snap_compare(demo_app(lang="ru"), terminal_size=size, run_before=run_before)
