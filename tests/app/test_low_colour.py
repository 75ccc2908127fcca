"""In a 16-colour terminal (TERM=xterm over SSH, the Linux console) every theme stays readable:
each cell of text is checked as the terminal will draw it, against its background."""

from __future__ import annotations

import pytest
from rich.style import Style
from textual import constants
from textual.screen import ModalScreen
from textual.theme import BUILTIN_THEMES

from billtui.display import low_colour
from billtui.display.low_colour import MIN_CONTRAST, ansi_number, contrast, readable_on
from tests.app.conftest import demo_app, settle

# Drawn as decoration, not read: box drawing, block elements, and the palette's emoji.
DECORATION = {chr(c) for c in range(0x2500, 0x25A0)} | {" ", "🔎"}


def unreadable_cells(app) -> list[tuple[int, str, int, int]]:
    """(row, text, fg, bg) of every piece of text that would not stand out from its background."""
    dark = app.current_theme.dark
    default_fg, default_bg = (7, 0) if dark else (0, 15)
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    found = []
    for y, line in enumerate(update.strips):
        for strip in line:
            for text, style, control in strip:
                if control or set(text) <= DECORATION:
                    continue
                style = style or Style()
                fg = ansi_number(style.color)
                bg = ansi_number(style.bgcolor)
                fg = default_fg if fg is None else fg
                bg = default_bg if bg is None else bg
                if style.reverse:
                    fg, bg = bg, fg
                if contrast(fg, bg) < MIN_CONTRAST:
                    found.append((y, text.strip(), fg, bg))
    return found


@pytest.fixture
def sixteen_colours(monkeypatch):
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "standard")


async def check_every_theme(app, pilot, where: str) -> None:
    await settle(pilot)
    failures = {}
    for theme in BUILTIN_THEMES:
        app.theme = theme
        await settle(pilot)
        bad = unreadable_cells(app)
        if bad:
            failures[theme] = bad[:5]
    assert not failures, (where, failures)


async def test_every_theme_is_readable_in_16_colours_on_lists_forms_and_dialogs(sixteen_colours):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.console.color_system == "standard"
        await check_every_theme(app, pilot, "start: tree and the Customer card")
        app.goto("payments")
        await settle(pilot)
        app.screen.focus_content()
        await check_every_theme(app, pilot, "payments list, cursor on a row")
        app.goto("tickets")
        await settle(pilot)
        app.screen.focus_content()
        await check_every_theme(app, pilot, "open tickets (status colours)")
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, ModalScreen)
        await check_every_theme(app, pilot, "keys dialog over the dimmed list")
        await pilot.press("escape")
        app.goto("user_settings")
        await settle(pilot)
        app.screen.focus_content()
        await check_every_theme(app, pilot, "user settings form")


async def test_a_truecolour_terminal_gets_the_theme_untouched(monkeypatch):
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "truecolor")
    app = demo_app()
    assert not any(isinstance(f, low_colour.SixteenColourContrast) for f in app.get_line_filters())


def test_readable_pairs_are_kept_and_unreadable_ones_move_to_their_own_bright_form_first():
    assert readable_on(1, 0) == 1  # red on black reads: left as the theme made it
    assert readable_on(5, 8) == 13  # magenta on grey: bright magenta, still magenta
    assert readable_on(8, 8) == 0  # grey on grey (dimmed): black, the sibling of bright black
    assert readable_on(6, 7) == 0  # cyan on light grey: neither cyan reads, so black
    assert readable_on(15, 15) == 0
    assert all(contrast(readable_on(fg, bg), bg) >= MIN_CONTRAST for fg in range(16) for bg in range(16))
