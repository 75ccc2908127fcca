"""Logging in: profiles, the keyring (or its absence), wrong passwords, 2FA."""

from __future__ import annotations

import os
import stat

import httpx

from billtui.storage import config as config_mod
from billtui.app import BillTUI
from billtui.storage.config import Config, Profile
from billtui.launch import Launch
from billtui.screens.shell.login import LoginScreen, TotpScreen
from billtui.screens.shell.main import MainScreen
from tests.app.conftest import make_sim, screen_text, settle

URL = "http://panel.test/billmgr"


def profile_app(profile: Profile, sim=None, config: Config | None = None) -> BillTUI:
    sim = sim or make_sim()
    config = config or Config().with_profile(profile, default=True)
    app = BillTUI(Launch("profile", profile), config=config, transport=httpx.ASGITransport(app=sim))
    app.sim = sim  # type: ignore[attr-defined]
    return app


async def type_into(pilot, selector: str, text: str) -> None:
    widget = pilot.app.screen.query_one(selector)
    widget.focus()
    widget.value = ""
    await pilot.press(*text)


async def test_wrong_password_keeps_the_form_and_says_why():
    app = profile_app(Profile("work", URL, "demo"))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)  # nothing stored: it asks
        await type_into(pilot, "#password", "wrong")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        text = screen_text(app)
        assert "Wrong login or password" in text
        assert app.screen.query_one("#username").value == "demo"
        assert app.screen.query_one("#password").value == "wrong"  # kept, selected to retype
        await type_into(pilot, "#password", "demo")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_remembered_password_goes_to_the_keyring_and_is_used_next_time(memory_keyring):
    profile = Profile("work", URL, "demo")
    sim = make_sim()
    app = profile_app(profile, sim)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#password", "demo")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert "demo" in memory_keyring.store.values()
    again = profile_app(profile, sim)
    async with again.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(again.screen, MainScreen)  # no prompt


async def test_without_a_keyring_billtui_says_so_and_asks_each_time(no_keyring):
    app = profile_app(Profile("work", URL, "demo"))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        text = " ".join(screen_text(app).split())
        assert "No system keyring is available" in text
        assert "password_command" in text and "BILLTUI_PASSWORD" in text
        assert not app.screen.query("#remember")
        await type_into(pilot, "#password", "demo")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_password_command_and_environment_are_used_without_asking(no_keyring, monkeypatch):
    profile = Profile("work", URL, "demo", password_command=("echo", "demo"))
    app = profile_app(profile)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    app = profile_app(Profile("work", URL, "demo"))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_first_run_profile_form_saves_0600_toml_without_the_password(memory_keyring):
    sim = make_sim()
    app = BillTUI(Launch("setup"), config=Config(), transport=httpx.ASGITransport(app=sim))
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#url", "not a url")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Enter the panel's full address" in screen_text(app)
        assert app.screen.query_one("#url").value == "not a url"  # kept
        await type_into(pilot, "#url", URL)
        await type_into(pilot, "#username", "demo")
        await type_into(pilot, "#password", "demo")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    path = config_mod.config_path()
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    text = path.read_text()
    import tomllib

    saved = tomllib.loads(text)["profiles"]["default"]
    assert saved["url"] == URL and saved["username"] == "demo"  # the login is there…
    assert "password" not in saved
    assert text.count('"demo"') == 1  # …and the password (also "demo") is not
    loaded = config_mod.load()
    assert loaded.profile().url == URL
    assert list(memory_keyring.store.values()) == ["demo"]  # …the password only here


async def test_two_factor_code_is_asked_when_the_panel_wants_it(monkeypatch):
    monkeypatch.setenv("BILLTUI_PASSWORD", "totp")
    app = profile_app(Profile("work", URL, "totp"))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        for _ in range(20):
            if isinstance(app.screen, TotpScreen):
                break
            await pilot.pause()
        assert isinstance(app.screen, TotpScreen)
        await pilot.press(*"123456", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_the_login_screen_names_how_to_leave_and_escape_quits():
    app = profile_app(Profile("work", URL, "demo"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "esc Quit" in footer and "Log in" in footer
        await pilot.press("escape")
        await settle(pilot)
    assert app.return_code == 0 and not app.is_running


async def test_ctrl_e_edits_the_profile_from_the_password_box():
    from billtui.screens.shell.profile_form import ProfileFormScreen

    app = profile_app(Profile("work", URL, "demo"))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert app.focused is app.screen.query_one("#password")
        await pilot.press("ctrl+e")  # the button says so; the input must not swallow it
        await settle(pilot)
        assert isinstance(app.screen, ProfileFormScreen)


async def test_the_palette_offers_quit_everywhere():
    from tests.app.conftest import demo_app, palette

    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "quit")
        assert hits and hits[0] == "Quit"
        await pilot.press("enter")
        await settle(pilot)
    assert not app.is_running
