"""The first screen appears once, complete — or, from a slow panel, after a short wait with what it has."""

from __future__ import annotations

import billtui.app as app_module
from billtui.screens.shell.main import MainScreen
from tests.app.conftest import demo_app, screen_text, settle


async def _main_screen(pilot) -> MainScreen:
    while not isinstance(pilot.app.screen, MainScreen):
        await pilot.pause()
    return pilot.app.screen


async def test_drawing_waits_for_the_first_answers_then_shows_them_all(monkeypatch):
    monkeypatch.setattr(app_module, "FIRST_FRAME_WAIT", 60.0)  # released by the answers, not the clock
    app = demo_app()
    app.sim.faults.set("account.discountinfo", "latency", count=1, delay=0.2)
    async with app.run_test(size=(120, 40)) as pilot:
        await _main_screen(pilot)
        assert app._first_frame_held  # logged in; the Discounts card's answer is not in yet
        await settle(pilot)
        assert not app._first_frame_held
        text = screen_text(app)
        assert "Balance $124.50" in text.splitlines()[0]
        assert "Needs attention" in text and "Loading…" not in text


async def test_a_slow_panel_gets_the_main_screen_after_a_short_wait(monkeypatch):
    monkeypatch.setattr(app_module, "FIRST_FRAME_WAIT", 0.05)
    app = demo_app()
    app.sim.faults.set("user.edit", "latency", count=1, delay=5.0)  # the account card hangs
    async with app.run_test(size=(120, 40)) as pilot:
        await _main_screen(pilot)
        while app._first_frame_held or app.session.dashboard is None:
            await pilot.pause()
        text = screen_text(app)
        assert "Balance $124.50" in text.splitlines()[0]  # what has arrived is shown
        assert "Loading…" in text  # and what has not says so


async def test_the_first_screen_asks_for_each_thing_once():
    """Header and Customer share the balance; the ticket watch and Needs attention share the tickets."""
    from collections import Counter

    from bench.panel import RecordingPanel
    from tests.app.conftest import make_sim
    from billtui.app import BillTUI
    from billtui.launch import Launch

    panel = RecordingPanel(make_sim())
    app = BillTUI(Launch.demo(), demo_sim=panel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        asked = Counter(call.func for call in panel.calls)
        assert asked["dashboard.info"] == 1
        assert asked["clientticket"] == 1
        assert "New replies in 1 ticket" in screen_text(app)
        before = len(panel.calls)
        await pilot.press("tab")  # into the Customer pane
        await pilot.press("r")  # a reload asks the panel again
        await settle(pilot)
        again = Counter(call.func for call in panel.calls[before:])
        assert again["dashboard.info"] == 1 and again["clientticket"] == 1
