"""The footer shows the keys of what has focus, and is rebuilt only when those keys change."""

from __future__ import annotations

from billtui.widgets.footer import Footer
from textual.widgets._footer import FooterKey

from tests.app.conftest import open_item, screen_text, settle


def _footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_footer_follows_focus_and_keeps_identical_keys(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "esc Back" in _footer_line(app) and "Sort" not in _footer_line(app)  # the menu has focus

        await open_item(pilot, "payments")
        line = _footer_line(app)
        assert "s Sort" in line and "a Add funds" in line  # the payments list has focus

        footer = app.screen.query_one(Footer)
        keys = list(footer.query(FooterKey))
        app.screen.refresh_bindings()  # the same keys announced again: nothing to rebuild
        await settle(pilot)
        assert list(footer.query(FooterKey)) == keys

        await pilot.press("shift+tab")  # back to the menu: its keys again
        await settle(pilot)
        assert "Sort" not in _footer_line(app) and "esc Back" in _footer_line(app)
