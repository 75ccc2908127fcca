"""Help and Tutorials: open the link where there is a display, else show and copy it;
a profile can set its own links."""

from __future__ import annotations

from dataclasses import replace

from billtui.storage.config import DEFAULT_HELP_URL
from tests.app.conftest import demo_app, open_item, screen_text


async def test_help_without_a_display_shows_and_copies_the_link():
    app = demo_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "help")
        assert DEFAULT_HELP_URL in screen_text(app)
        app.screen.focus_content()
        await pilot.press("enter")
        await pilot.pause()
        assert copied == [DEFAULT_HELP_URL]


async def test_help_with_a_display_opens_the_browser(monkeypatch):
    opened: list[str] = []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("BILLTUI_NO_BROWSER")
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "help")
        app.screen.focus_content()
        await pilot.press("o")
        await pilot.pause()
        assert opened == [DEFAULT_HELP_URL]


async def test_tutorials_come_from_the_profile():
    app = demo_app()
    app.profile = replace(app.profile, help_url="https://help.provider.example/",
                          tutorials=(("Our first steps", "https://provider.example/t/1"),
                                     ("Paying by card", "https://provider.example/t/2")))
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "tutorials")
        text = screen_text(app)
        assert "Our first steps" in text and "Paying by card" in text
        app.screen.focus_content()
        await pilot.press("down", "c")
        await pilot.pause()
        assert copied == ["https://provider.example/t/2"]
        await open_item(pilot, "help")
        assert "https://help.provider.example/" in screen_text(app)
