"""Affiliate commissions with Pilot against the demo panel: the report by period and a day's detail."""

from __future__ import annotations

from decimal import Decimal

from billtui.screens.finances.commissions import RewardDetailScreen
from tests.app.conftest import demo_app, open_item, screen_text, settle


def panel_rewards(app, start: str, end: str) -> Decimal:
    row = app.sim.state.one("SELECT COALESCE(SUM(reward), 0) AS s FROM rewards WHERE cdate BETWEEN ? AND ?",
                            (start, end))
    return Decimal(row["s"]) / 100


async def test_rewards_of_the_year_then_this_month_with_totals_and_a_days_detail():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "commissions")
        year = panel_rewards(app, "2026-01-01", "2026-11-25")
        text = screen_text(app)
        assert "Rewards · This year" in text and f"Total {year:,.2f} EUR" in text
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")  # open the period list (it opens on This year)
        await pilot.pause()
        await pilot.press("up", "enter")  # This month
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        month = panel_rewards(app, "2026-11-01", "2026-11-25")
        text = screen_text(app)
        assert "Rewards · This month" in text and f"Total {month:,.2f} EUR" in text
        assert "2026-11-25" in text and "12.00 EUR" in text
        await pilot.press("enter")  # today's row is first
        await settle(pilot)
        assert isinstance(app.screen, RewardDetailScreen)
        text = screen_text(app)
        assert "Commissions of 2026-11-25" in text and "total 12.00 EUR" in text
        # The real detail shape: the service, the rate (reward = "10%"), the commission (amount).
        assert "Rate" in text and "10%" in text and "VDS-2" in text
        referral = app.sim.state.one("SELECT referal FROM rewards WHERE cdate='2026-11-25'")["referal"]
        assert referral in text


async def test_jumping_to_commissions_focuses_the_days_without_a_crash():
    # ``:com`` asks the new pane for focus before it has composed its table (it used to raise NoMatches).
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("colon", "c", "o", "m", "enter")
        await settle(pilot)
        assert "Rewards · This year" in screen_text(app)
        assert app.focused is not None and app.focused.id == "reward-days"
