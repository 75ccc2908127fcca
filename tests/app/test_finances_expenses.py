"""Expenses with Pilot against the demo panel: a period filter, its total, the monthly chart."""

from __future__ import annotations

from decimal import Decimal

from billtui.screens.finances.expenses import ExpensesPane, MonthBars
from billtui.screens.finances.period import PeriodScreen
from tests.app.conftest import demo_app, open_item, screen_text, settle


def panel_total(app, start: str, end: str) -> tuple[Decimal, int]:
    row = app.sim.state.one("SELECT COALESCE(SUM(amount), 0) AS s, COUNT(*) AS n FROM expenses"
                            " WHERE realdate >= ? AND realdate <= ?", (start, end + " 99"))
    return Decimal(row["s"]) / 100, row["n"]


async def test_last_month_shows_its_total_and_only_its_rows():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "expenses")
        assert "All time: total 1,322.50 USD" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, PeriodScreen)
        # Period: All time → This month → Last month.
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert app.screen.query_one("#from").value == "2026-10-01"
        assert app.screen.query_one("#to").value == "2026-10-31"
        await pilot.press("ctrl+s")
        await settle(pilot)

        total, count = panel_total(app, "2026-10-01", "2026-10-31")
        assert count > 0
        text = screen_text(app)
        assert f"Last month: total {total:,.2f} USD" in text
        assert f"1 of {count} expenses · sorted by Date ▼ · filtered" in text
        dates = [ln.split("▕")[-1].split()[0] for ln in text.splitlines() if "▕ 2026-" in ln]
        assert dates and all(d.startswith("2026-10-") for d in dates)


async def test_custom_dates_and_a_bad_date_kept_and_marked():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "expenses")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("tab", *"2026-06-01", "tab", *"2026-08-3x", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PeriodScreen)
        assert "“2026-08-3x” is not a date" in screen_text(app)
        await pilot.press("backspace", "1", "ctrl+s")
        await settle(pilot)
        total, _ = panel_total(app, "2026-06-01", "2026-08-31")
        assert f"2026-06-01 – 2026-08-31: total {total:,.2f} USD" in screen_text(app)


async def test_the_chart_has_twelve_months_ending_this_month():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "expenses")
        chart = app.screen.query_one(MonthBars)
        months = [m.strftime("%Y-%m") for m, _ in chart.months]
        assert months[0] == "2025-12" and months[-1] == "2026-11" and len(months) == 12
        november, _ = panel_total(app, "2026-11-01", "2026-11-30")
        assert chart.months[-1][1] == november
        assert "Spending per month, last 12 months" in screen_text(app)
        assert "Dec   Jan   Feb" in screen_text(app)
        pane = app.screen.query_one(ExpensesPane)
        await pilot.press("b")
        await pilot.pause()
        assert not chart.display or chart.has_class("-hidden")
        assert pane.totals is not None
