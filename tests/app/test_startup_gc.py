"""The garbage collector is paused while the TUI starts and comes back after the first frame."""

from __future__ import annotations

import gc

from billtui.runtime import startup_gc
from tests.app.conftest import demo_app, screen_text, settle


async def test_the_collector_is_back_on_after_the_first_frame(monkeypatch):
    monkeypatch.setattr(startup_gc, "RESUME_AFTER", 0.01)
    try:
        startup_gc.pause()  # as `billtui` does before importing the app
        assert not gc.isenabled()
        app = demo_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert "Balance $124.50" in screen_text(app).splitlines()[0]
            for _ in range(1000):  # until the resume timer has fired
                if gc.isenabled():
                    break
                await pilot.pause(0.01)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects are not scanned again
            await pilot.press("ctrl+p", *"Log out")
            await app.screen.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot)
            assert gc.get_freeze_count() == 0  # the first screen is going: it may be collected
    finally:
        startup_gc._paused = False
        gc.unfreeze()
        gc.enable()


def test_pause_and_resume_leave_an_enabled_collector_alone_otherwise():
    frozen = gc.get_freeze_count()
    startup_gc.resume()  # nothing paused: nothing happens
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    gc.disable()
    try:
        startup_gc.pause()  # already off (someone else's choice): not ours to turn back on
        startup_gc.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
