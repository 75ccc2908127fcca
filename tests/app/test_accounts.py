"""All accounts (#20): every saved profile at a glance, from the palette and `:accounts`; a
panel that does not answer is said so and does not hide the others; Enter switches."""

from __future__ import annotations

import httpx

from billtui.app import BillTUI
from billtui.launch import Launch
from billtui.screens.shell.accounts import AccountsScreen
from billtui.storage.config import Config, Profile
from tests.app.conftest import make_sim, palette, screen_text, settle

WORK = Profile(name="work", url="http://panel.test/billmgr", username="demo")
HOME = Profile(name="home", url="http://home.test/billmgr", username="demo")
OLD = Profile(name="old", url="http://gone.test/billmgr", username="demo")


class Panels(httpx.AsyncBaseTransport):
    """Two hosts answer (one demo panel behind both); gone.test refuses the connection."""

    def __init__(self) -> None:
        self.sim = make_sim()
        self.inner = httpx.ASGITransport(app=self.sim)
        self.hosts: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.hosts.append(request.url.host)
        if request.url.host == "gone.test":
            raise httpx.ConnectError("connection refused", request=request)
        return await self.inner.handle_async_request(request)


def three_accounts(monkeypatch) -> tuple[BillTUI, Panels]:
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")  # every profile's password, as in a CI job
    config = Config().with_profile(WORK, default=True).with_profile(HOME).with_profile(OLD)
    panels = Panels()
    return BillTUI(Launch("profile", WORK), config=config, transport=panels), panels


def rows(app: BillTUI) -> list[str]:
    return [" ".join(line.split()) for line in screen_text(app).splitlines() if "│" in line]


async def test_every_profile_is_shown_and_an_unreachable_one_does_not_hide_the_others(monkeypatch):
    app, panels = three_accounts(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("colon", *"accounts", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AccountsScreen)
        await screen.workers.wait_for_complete()
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "● work" in text and "home" in text and "old" in text
        health = screen.health
        assert health["work"].verdict is not None and health["home"].verdict is not None
        assert health["old"].verdict is None and not health["old"].reachable
        assert "✗ unreachable" in text
        assert "124.50 USD" in text  # the balance of the reachable accounts
        # The other two were asked on their own (the one in use through the app's session).
        assert "home.test" in panels.hosts and "gone.test" in panels.hosts


async def test_the_palette_opens_it_and_enter_switches_to_the_highlighted_profile(monkeypatch):
    app, _ = three_accounts(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "All accounts")
        assert "All accounts" in hits
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AccountsScreen)
        await screen.workers.wait_for_complete()
        await pilot.press("down")  # work (in use) is first, then home
        await settle(pilot)
        assert "Nothing needs your attention" in screen_text(app) or "expires" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, AccountsScreen)
        assert app.profile is not None and app.profile.name == "home"


async def test_a_profile_without_a_saved_password_says_so_and_asks_nothing(monkeypatch):
    app, panels = three_accounts(monkeypatch)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.delenv("BILLTUI_PASSWORD")  # the others have none saved anywhere now
        await pilot.press("colon", *"accounts", "enter")
        await settle(pilot)
        await app.screen.workers.wait_for_complete()
        await settle(pilot)
        health = app.screen.health
        assert health["work"].verdict is not None  # the session in use needs no password
        assert "no saved password" in health["home"].error
        assert "home.test" not in panels.hosts  # nothing was sent for it
