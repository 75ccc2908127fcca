"""``--plain`` (issue #17): no box drawing, no colour, titles as text, for screen readers.

The checks read what a user (or a screen reader) gets: the screen's text, and — with a driver
that records what Textual writes to the terminal — the bytes themselves: no box-drawing or block
character, no colour but the terminal's default foreground and background. Also: ``NO_COLOR``
in normal mode leaves no hue (greys only).
"""

from __future__ import annotations

import re

import httpx
import pytest
from textual import constants
from textual.screen import ModalScreen

from billtui.app import BillTUI
from billtui.storage.config import Config, Profile
from billtui.launch import Launch
from tests.app.conftest import escape_to_main, make_sim, screen_text, settle
from tests.app.test_finances_orders import fill_cart
from tests.terminal import RecordingDriver

#: Box drawing U+2500–U+257F and block elements U+2580–U+259F: borders (round, tall, the
#: input's ▊▎▔▁, hkey ▔▁, vkey ▏▕), tree guides, scrollbars (▁▂▃▄▅▆▇█), check boxes (▐ ▌).
BOXES = frozenset(chr(c) for c in range(0x2500, 0x25A0))

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")

#: A nav label behind every dialog: seen in a dialog's screen text, the screen behind shows through.
BEHIND = "Notification subscript"


@pytest.fixture(autouse=True)
def recording(monkeypatch):
    """Each test starts with an empty record, and Textual writes truecolour (as most terminals
    get it), so that any colour left would show as the 38;2 / 48;2 this looks for."""
    monkeypatch.setattr(constants, "COLOR_SYSTEM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)
    RecordingDriver.written = []


def written() -> str:
    return "".join(RecordingDriver.written)


def boxes(text: str) -> set[str]:
    return set(text) & BOXES


def sgr_colours(data: str) -> list[tuple[str, tuple[int, ...]]]:
    """Every colour an SGR sequence sets, but the default ones (39, 49): ("fg"/"bg", rgb or
    (palette index,)) — a 16-colour code as its index, 0–15."""
    found: list[tuple[str, tuple[int, ...]]] = []
    for params in _SGR.findall(data):
        codes = [int(p) if p else 0 for p in re.split("[;:]", params)]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code in (38, 48):
                where = "fg" if code == 38 else "bg"
                if codes[i + 1:i + 2] == [5]:
                    found.append((where, (codes[i + 2],)))
                    i += 3
                else:  # 2;r;g;b
                    found.append((where, tuple(codes[i + 2:i + 5])))
                    i += 5
                continue
            if 30 <= code <= 37 or 90 <= code <= 97:
                found.append(("fg", (code - 30 if code < 90 else code - 82,)))
            elif 40 <= code <= 47 or 100 <= code <= 107:
                found.append(("bg", (code - 40 if code < 100 else code - 92,)))
            i += 1
    return found


#: The 16 colours and the 256-colour palette's entries without a hue: black, greys, white.
_GREY_INDEXES = {0, 7, 8, 15, 16, 231, *range(232, 256)}


def hues(data: str) -> set[tuple[str, tuple[int, ...]]]:
    return {(where, c) for where, c in sgr_colours(data)
            if not (len(c) == 3 and c[0] == c[1] == c[2]) and not (len(c) == 1 and c[0] in _GREY_INDEXES)}


def plain_demo(**sim_kwargs) -> BillTUI:
    sim = make_sim(**sim_kwargs)
    app = BillTUI(Launch.demo(plain=True), demo_sim=sim)
    app.sim = sim  # type: ignore[attr-defined]
    app.driver_class = RecordingDriver
    return app


def styled(app, what: str) -> list:
    """The styles of the segments on screen whose text holds ``what``."""
    strips = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens).strips
    return [segment.style for line in strips for strip in line for segment in strip
            if what in segment.text and segment.style is not None]


#: (menu item, keys with its content focused, the screen then, a title it shows as text).
DIALOGS: tuple[tuple[str, tuple[str, ...], str, str], ...] = (
    ("customer", ("e",), "EditContactScreen", "Edit contact data"),
    ("services/vds", ("enter", "n"), "RenewScreen", "Renew "),
    ("services/vds", ("enter", "a"), "AutoRenewScreen", "Auto-renew · "),
    ("services/vds", ("enter", "d"), "DeleteServiceScreen", "Delete "),
    ("services/vds", ("o",), "OrderWizard", "Order a new service"),
    ("payments", ("a",), "AddFundsScreen", "Add funds"),
    ("payments", ("t",), "PeriodScreen", "Filter payments"),
    ("payments", ("t", "enter"), "PeriodScreen", "All time"),  # the period list open
    ("payments", ("x",), "ExportChoiceScreen", "Export"),
    ("orders", ("c",), "PromoScreen", "Promo code"),
    ("tickets", ("t",), "StatusFilterScreen", "Show tickets with status"),
    ("tickets", ("n",), "NewTicketScreen", "Subject"),
    ("commissions", ("enter",), "RewardDetailScreen", "Commissions of "),
    ("customer", ("question_mark",), "KeysScreen", "Keys"),
    ("customer", ("colon",), "JumpScreen", "Go to"),
    ("customer", ("colon", *"accounts", "enter"), "AccountsScreen", "All accounts"),
    ("customer", ("ctrl+p",), "CommandPalette", "Search for commands"),
)


async def open_dialog(pilot, item: str, keys: tuple[str, ...]) -> None:
    """Open ``item``, put the focus in its content, and press ``keys`` as a user would (a DIALOGS row)."""
    app = pilot.app
    app.goto(item)
    await settle(pilot)
    app.screen.focus_content()
    await settle(pilot)
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_every_item_and_dialog_at_80x24_has_no_box_drawing_no_colour_and_titles_as_text():
    app = plain_demo()
    texts: dict[str, str] = {}
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        await settle(pilot)
        keys = [e.key for e in app.screen.nav.entries()]
        assert len(keys) > 15
        for key in keys:
            app.goto(key)
            await settle(pilot)
            texts[key] = text = screen_text(app)
            assert not boxes(text), f"{key}: {sorted(boxes(text))}\n{text}"
        for item, keys_, expected, title in DIALOGS:
            await open_dialog(pilot, item, keys_)
            assert type(app.screen).__name__ == expected, (item, keys_)
            text = screen_text(app)
            assert not boxes(text), f"{item} {keys_}: {sorted(boxes(text))}\n{text}"
            assert title in text, f"{item} {keys_}\n{text}"
            if isinstance(app.screen, ModalScreen) and expected != "JumpScreen":
                # One screen at a time: the screen behind a dialog does not show through it.
                assert BEHIND not in text, f"{item} {keys_}\n{text}"
            await escape_to_main(pilot)
    # Border titles and subtitles are text lines of their own.
    assert "Needs attention" in texts["customer"]
    assert "Cart" in texts["orders"].split("Order history")[0]
    assert "Rewards · This year" in texts["commissions"] and "Total " in texts["commissions"]
    assert "Spending per month, last 12 months" in texts["expenses"]
    # What the terminal got: no box drawing, no colour at all (not 16, 256 or truecolour).
    data = written()
    assert "Needs attention" in data
    assert not boxes(data), sorted(boxes(data))
    for forbidden in ("38;5;", "48;5;", "38;2;", "48;2;"):
        assert forbidden not in data
    assert sgr_colours(data) == []
    assert "\x1b[7;" in data or ";7;" in data or "\x1b[7m" in data  # the cursors, reversed


async def test_titles_are_plain_text_lines_that_follow_changes():
    app = plain_demo()
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        fill_cart(app)
        await settle(pilot)
        app.goto("orders")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        title = next(i for i, line in enumerate(lines) if "Cart · 2 items" in line)
        assert "VDS-1 web-02" in "".join(lines[title + 1:title + 4])  # above the box content
        assert "Total 20.00 USD" in "".join(lines[title + 2:])  # the subtitle, below it
        assert all(not style.bold and not style.reverse for style in styled(app, "Cart · 2 items"))
        app.screen.focus_content()
        await pilot.press("d")  # remove an item: the title follows
        await settle(pilot)
        text = screen_text(app)
        assert "Cart · 1 item" in text and "Total 15.00" in text and not boxes(text)


async def test_the_selection_shows_without_colour_as_reverse_video():
    app = plain_demo()
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        await settle(pilot)
        app.goto("payments")
        await settle(pilot)
        # The list has the focus: its cursor reversed, the menu's cursor underlined.
        table = app.focused
        assert type(table).__name__ == "ResourceTable"
        first = styled(app, "PM-000040")
        assert first and all(style.reverse for style in first)
        assert not any(style.reverse for style in styled(app, "Credits/Payments"))
        assert any(style.underline for style in styled(app, "Credits/Payments"))
        await pilot.press("j")
        await pilot.pause()
        assert not any(style.reverse for style in styled(app, "PM-000040"))
        assert all(style.reverse for style in styled(app, "PM-000039"))
        # The menu gets the focus: now its cursor is the reversed one.
        app.screen.nav.focus()
        await pilot.pause()
        assert any(style.reverse for style in styled(app, "Credits/Payments"))
        assert not any(style.reverse for style in styled(app, "PM-000039"))
        assert any(style.underline for style in styled(app, "PM-000039"))
        assert "sorted by Date desc" in screen_text(app)


def plain_profile_app(plain: bool = True) -> BillTUI:
    sim = make_sim()
    profile = Profile("work", "http://panel.test/billmgr", "demo")
    app = BillTUI(Launch("profile", profile, plain=plain), config=Config().with_profile(profile, default=True),
                  transport=httpx.ASGITransport(app=sim))
    app.driver_class = RecordingDriver
    return app


async def test_login_and_profile_form_titles_and_check_boxes_as_text():
    app = plain_profile_app()
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Log in" in text and not boxes(text)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert type(app.screen).__name__ == "ProfileFormScreen"
        verify = app.screen.query_one("#verify_tls")
        verify.focus()
        await settle(pilot)
        text = screen_text(app)
        assert "Profile work" in text and not boxes(text), text
        assert "[x] Verify the panel's TLS certificate" in text, text
        assert any(style.reverse for style in styled(app, "Verify the panel"))  # focused
        await pilot.press("space")
        await pilot.pause()
        assert verify.value is False
        assert "[ ] Verify the panel's TLS certificate" in screen_text(app)
    data = written()
    assert not boxes(data) and sgr_colours(data) == []


async def test_normal_mode_keeps_its_boxes_and_check_boxes():
    """Plain mode changes nothing for an app that is not plain (in the same process, too)."""
    app = plain_profile_app(plain=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        await settle(pilot)
        app.screen.query_one("#verify_tls").focus()
        await settle(pilot)
        text = screen_text(app)
        assert "▐X▌ Verify the panel's TLS certificate" in text and "╭" in text
        assert "[x]" not in text
        assert not app.no_color


async def test_plain_with_no_color_set_writes_no_greys_either(monkeypatch):
    """NO_COLOR alone gives Textual's greys; --plain goes further, to the terminal's colours."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = plain_demo()
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        await settle(pilot)
        for key in ("orders", "services/vds", "tickets"):
            app.goto(key)
            await settle(pilot)
        text = screen_text(app)
        assert "Open tickets" in text and not boxes(text)
    data = written()
    assert sgr_colours(data) == [] and not boxes(data)


@pytest.mark.parametrize("no_color", [True, False])
async def test_no_color_in_normal_mode_leaves_no_hue(monkeypatch, no_color):
    """NO_COLOR: Textual's monochrome filter, greys only (boxes stay: that is --plain's part).
    Without it the same walk has hues, so the check does see them."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    sim = make_sim()
    app = BillTUI(Launch.demo(), demo_sim=sim)
    app.driver_class = RecordingDriver
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        await settle(pilot)
        assert app.no_color is no_color
        for key in ("customer", "services/vds", "payments", "orders", "tickets"):
            app.goto(key)
            await settle(pilot)
        app.screen.focus_content()
        await pilot.press("t")  # a dialog: status filter
        await settle(pilot)
        assert "Show tickets with status" in screen_text(app)
    data = written()
    assert sgr_colours(data)  # colours (greys at least) were written
    assert bool(hues(data)) is not no_color, sorted(hues(data))[:10]


async def test_a_warning_toast_says_warning_in_words_where_colour_is_gone():
    app = plain_demo()
    async with app.run_test(size=(80, 24), headless=False, notifications=True) as pilot:
        await settle(pilot)
        app.goto("payments")
        await settle(pilot)
        app.screen.focus_content()
        await settle(pilot)
        await pilot.press("j", "p")  # a paid payment: nothing to pay
        await settle(pilot)
        assert [n.title for n in app._notifications] == ["Warning"]
        toast = app.screen.query_one("Toast")
        shown = str(toast.render())
        assert "Warning" in shown and "only New payments wait to be paid" in shown, shown


async def test_the_spending_chart_is_a_line_per_month_with_its_amount():
    # Block characters are blanked in plain mode: the bars would vanish. A screen reader reads
    # lines, so each month is one, amount first.
    app = plain_demo()
    async with app.run_test(size=(80, 24), headless=False) as pilot:
        await settle(pilot)
        app.goto("expenses")
        await settle(pilot)
        lines = screen_text(app).splitlines()
        months = [line for line in lines if re.search(r"[A-Z][a-z]{2} 20\d\d\s+[\d,]+\.\d\d USD\s+#+", line)]
        assert len(months) == 12, lines
        peak = re.search(r"peak ([\d,.]+) USD", "\n".join(lines))
        assert peak, lines
        # The peak month has the longest bar.
        longest = max(months, key=lambda line: line.count("#"))
        assert f" {peak.group(1)} USD " in longest
        assert not boxes("\n".join(lines))


async def test_toasts_keep_their_own_titles_outside_plain_mode():
    app = plain_profile_app(plain=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.notify("Something failed.", severity="error")
        await pilot.pause()
        assert [n.title for n in app._notifications] == [""]
