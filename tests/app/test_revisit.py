"""A pane revisited shows at once from memory and refreshes behind it when it is old."""

from __future__ import annotations

from billtui.widgets import revisit

from tests.app.conftest import demo_app, open_item, screen_text, settle


async def test_old_list_refreshes_in_background_keeping_its_rows(monkeypatch) -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        assert "PM-000040" in screen_text(app)
        await open_item(pilot, "customer")
        monkeypatch.setattr(revisit, "STALE_AFTER", 0.0)  # as if minutes had passed
        app.sim.state.db.execute("UPDATE payments SET number = 'PM-NEWEST' WHERE id = 40")
        app.goto("payments")
        table = app.screen.query_one("#pane-payments ResourceTable")
        assert table.row_at(0).number == "PM-000040"  # shown from memory, no request first
        await settle(pilot)
        assert table.row_at(0).number == "PM-NEWEST"
        assert "PM-NEWEST" in screen_text(app)  # brought up to date behind it


async def test_young_pane_is_not_reloaded() -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await open_item(pilot, "customer")
        table = app.screen.query_one("#pane-payments ResourceTable")
        before = table.requests
        await open_item(pilot, "payments")
        assert table.requests == before
