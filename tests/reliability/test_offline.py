"""The panel is unreachable at start: billtui opens with the last data it saw, read-only, and
comes back by itself when the panel answers again."""

from __future__ import annotations

import json
import os
import stat

from billtui.storage import paths
from billtui.widgets.header_bar import HeaderBar
from tests.app.conftest import make_sim, open_item, screen_text, settle, top_text

from tests.reliability.helpers import Cable, flat, profile_app, session_ids

PASSWORD = "Offline-Pa55-word"


def set_password(sim, password: str = PASSWORD) -> None:
    sim.state.run("UPDATE users SET password=? WHERE login='demo'", (password,))


def cache_files() -> list:
    root = paths.cache_dir()
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


async def first_visit(monkeypatch, sim, cable):
    """Log in while the panel answers, look at payments and services, quit."""
    monkeypatch.setenv("BILLTUI_PASSWORD", PASSWORD)
    app = profile_app(sim, cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        assert "PM-000040" in screen_text(app)
        await open_item(pilot, "services")
        await settle(pilot)
    return app


async def test_the_last_data_seen_is_saved_per_profile_without_secrets(monkeypatch):
    sim = make_sim()
    set_password(sim)
    cable = Cable(sim)
    await first_visit(monkeypatch, sim, cable)
    files = cache_files()
    assert files, "nothing was cached"
    for path in files:
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        body = path.read_text("utf-8")
        assert PASSWORD not in body
        sids = session_ids(cable)
        assert sids
        for sid in sids:
            assert sid not in body
        data = json.loads(body)
        keys = list(data["entries"])
        assert any(k.startswith("whoami?") for k in keys)
        assert any(k.startswith("dashboard.info?") for k in keys)
        assert any(k.startswith("menu?") for k in keys)
        assert any(k.startswith("payment?") for k in keys)


async def test_unreachable_at_start_opens_stale_and_read_only_then_recovers(monkeypatch):
    sim = make_sim()
    set_password(sim)
    cable = Cable(sim)
    await first_visit(monkeypatch, sim, cable)

    cable.up = False
    app = profile_app(sim, cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        header = app.screen.query_one(HeaderBar)
        assert header.warning.startswith("Offline (saved ") and header.warning.endswith("read-only")
        text = screen_text(app)
        assert "Offline" in text and "read-only" in text
        assert "John Smith" in text  # the customer pane, from the saved copy
        await open_item(pilot, "payments")
        assert "PM-000040" in screen_text(app)
        # A change is refused, saying why, and nothing is sent.
        app.screen.focus_content()
        await pilot.pause()
        await pilot.press("a")  # add funds: its form was never loaded online
        await settle(pilot)
        assert "Offline: the panel cannot be reached" in flat(top_text(app))
        await pilot.press("escape")
        await settle(pilot)
        sent_before = len(cable.requests)
        await pilot.press("d")  # delete the New payment PM-000040
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        text = flat(screen_text(app))
        assert "Offline: nothing was sent" in text
        assert len(cable.requests) == sent_before
        assert sim.state.one("SELECT id FROM payments WHERE id=40") is not None
        # The panel answers again: F5 reconnects now (the timer would, a bit later).
        cable.up = True
        await pilot.press("f5")
        await settle(pilot)
        assert getattr(app, "offline", None) is None
        assert "Offline" not in app.screen.query_one(HeaderBar).warning
        assert "PM-000040" in screen_text(app)


async def test_it_reconnects_by_itself(monkeypatch):
    sim = make_sim()
    set_password(sim)
    cable = Cable(sim)
    await first_visit(monkeypatch, sim, cable)
    cable.up = False
    app = profile_app(sim, cable)
    app.reconnect_delays = (0.05, 0.1)  # type: ignore[attr-defined]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        state = app.offline
        assert state is not None
        await pilot.pause(0.3)
        await settle(pilot)
        assert app.offline is not None and state.reconnector.tries >= 1  # still down: keeps trying
        cable.up = True
        for _ in range(40):  # wait for the next scheduled attempt, not a fixed time
            await pilot.pause(0.05)
            if app.offline is None:
                break
        await settle(pilot)
        assert app.offline is None
        assert "John Smith" in screen_text(app)


async def test_without_saved_data_an_unreachable_panel_is_an_error(monkeypatch):
    monkeypatch.setenv("BILLTUI_PASSWORD", PASSWORD)
    sim = make_sim()
    set_password(sim)
    cable = Cable(sim)
    cable.up = False
    app = profile_app(sim, cable)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert getattr(app, "offline", None) is None
        text = screen_text(app)
        assert "Could not connect to the panel" in text
        # Said once, on top: it is not about the password, so that field is not marked.
        assert text.count("Could not connect to the panel") == 1
        assert not app.screen.query_one("#f-password").has_class("-invalid")
