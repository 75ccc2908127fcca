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


async def test_help_and_quit_are_visible_at_80_columns_on_every_list(app):
    # A narrow footer cuts keys off at the right: help and quit come first so they never go.
    from billtui.menu import Edition, items_for

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for item in items_for(Edition.STANDARD):
            await open_item(pilot, item.key)
            app.screen.focus_content()
            await settle(pilot)
            line = _footer_line(app)
            if app.focused is not None and app.focused.check_consume_key("q", "q"):
                assert "esc Back" in line, (item.key, line)  # a text field takes ? and q: esc leaves it
            else:
                assert line.lstrip().startswith("? Keys  q Quit"), (item.key, line)
