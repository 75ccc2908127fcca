"""What a hostile panel can make billtui write to the terminal: nothing but billtui's own drawing.

A proxy between billtui and the demo panel rewrites every reply the way a compromised panel (or a
hoster's buggy plugin) could: each text value gets escape sequences (OSC 52 clipboard, OSC 2
title, OSC 8 hyperlink, a C1 CSI), bidi overrides, zero-width characters and Rich markup,
including a ``[@click=...]`` action and a stray closing tag. billtui then logs in (once with a
wrong password, so the panel's error is shown), opens every menu item and every dialog a user
can reach with keys, and the test reads the **bytes written to the terminal** — not the screen
text — to check that none of it got through.
"""

from __future__ import annotations

import re

import pytest

from billtui.app import BillTUI
from billtui.storage.config import Config, Profile
from billtui.launch import Launch
from billtui.screens.shell.main import MainScreen
from tests.app.conftest import escape_to_main, make_sim, screen_text, settle
from tests.terminal import RecordingDriver, RewritingPanel

URL = "http://panel.test/billmgr"

#: Appended to every text value of every reply.
PAYLOAD = ("\x1b]52;c;cm0gLXJmIH4K\x1b\\"            # put "rm -rf ~" into the clipboard
           "\x1b]2;pwned-title\x07"                   # set the terminal title
           "\x1b]8;;https://evil.example/\x1b\\here\x1b]8;;\x1b\\"  # a hyperlink
           "\x9b31m\x1b[5m\u202e\u200b\u2066"          # C1 CSI, blink, bidi override, zero width
           " [link=https://evil.example/m]M[/link] [@click=app.quit]Q[/] [bold red]B[/] [/]")

#: What a terminal must never receive from billtui, whatever the panel sent.
FORBIDDEN = {
    "OSC 52 (clipboard)": "\x1b]52",
    "OSC 0/1/2 (title)": re.compile("\x1b\\][012];"),
    "a hyperlink of the panel's": re.compile("\x1b\\]8;[^\x07\x1b]*;https://evil"),
    "C1 CSI": "\x9b",
    "bidi override": re.compile("[\u202a-\u202e\u2066-\u2069]"),
    "zero-width space": "\u200b",
    "blink (the panel's CSI)": "\x1b[5m",
}

#: billtui's (Textual's) own sequences: CSI, OSC 22 (the mouse pointer's shape), ESC 7/8.
_OWN = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|\x1b\\]22;[a-z-]*\x07|\x1b[78=>]")


def _poison(node: object) -> object:
    """Every text value (``$``, not attributes: ids, keys and codes are left to work) that holds a
    letter and is not a function redirect, a link or an amount gets the payload (amounts are left
    readable so that every dialog behind them can still be reached)."""
    if isinstance(node, dict):
        return {k: (_poison_text(v) if k == "$" else v if k.startswith("$") else _poison(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_poison(v) for v in node]
    return node


def _poison_text(v: object) -> object:
    if (not isinstance(v, str) or not re.search(r"[^\W\d_]", v) or "=" in v  # a letter, Latin or Cyrillic
            or re.match(r"[-+\d$€£₽/]|http", v)):
        return v
    return v + PAYLOAD


def hostile_app(lang: str = "") -> BillTUI:
    """billtui on the poisoned panel; ``lang="ru"``: both speak Russian (billtui's translated
    templates are filled with the panel's texts too)."""
    sim = make_sim()
    profile = Profile("work", URL, "demo", language=lang)
    app = BillTUI(Launch("profile", profile), config=Config().with_profile(profile, default=True),
                  transport=RewritingPanel(sim, _poison))
    app.driver_class = RecordingDriver
    return app


def offences(written: str) -> list[str]:
    found = []
    for name, pattern in FORBIDDEN.items():
        hit = pattern.search(written) if isinstance(pattern, re.Pattern) else pattern in written
        if hit:
            found.append(name)
    rest = _OWN.sub("", written)
    if "\x1b" in rest:
        i = rest.index("\x1b")
        found.append(f"an escape sequence not of billtui's own: {rest[i:i + 20]!r}")
    controls = set(re.findall("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", rest))
    if controls:
        found.append(f"control characters {sorted(controls)!r}")
    return found


#: (menu item, keys on its content, the screen a user then sees). Every dialog a user opens with a
#: key from a list; each path starts at the item with the list focused.
DIALOGS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("customer", ("e",), "EditContactScreen"),
    ("services/vds", ("enter",), "ServiceDetailScreen"),
    ("services/vds", ("enter", "n"), "RenewScreen"),
    ("services/vds", ("enter", "a"), "AutoRenewScreen"),
    ("services/vds", ("enter", "h"), "HistoryScreen"),
    ("services/vds", ("enter", "i"), "InstructionsScreen"),
    ("services/vds", ("enter", "d"), "DeleteServiceScreen"),
    ("services/vds", ("o",), "OrderWizard"),
    ("services/vds", ("o", "enter"), "OrderWizard"),
    ("services/vds", ("o", "enter", "enter"), "OrderWizard"),
    ("services/vds", ("o", "enter", "enter", "enter", "ctrl+n"), "OrderWizard"),
    ("payments", ("enter",), "DetailsScreen"),
    ("payments", ("a",), "AddFundsScreen"),
    ("payments", ("t",), "PeriodScreen"),
    ("payments", ("x",), "ExportChoiceScreen"),
    ("orders", ("c",), "PromoScreen"),
    ("orders", ("p",), "AddFundsScreen"),
    ("tickets", ("enter",), "TicketScreen"),
    ("tickets", ("enter", "ctrl+o"), "AttachScreen"),
    ("tickets", ("colon", *"ticket 1004", "enter", "d"), "AttachmentPicker"),
    ("tickets", ("t",), "StatusFilterScreen"),
    ("tickets", ("a",), "ConfirmScreen"),
    ("tickets", ("n",), "NewTicketScreen"),
    ("archived_tickets", ("enter",), "TicketScreen"),
    ("commissions", ("enter",), "RewardDetailScreen"),
    ("commissions", ("t",), "PeriodScreen"),
    ("expenses", ("t",), "PeriodScreen"),
    ("user_settings", ("ctrl+t",), "TotpSetupScreen"),
    ("customer", ("question_mark",), "KeysScreen"),
    ("customer", ("colon",), "JumpScreen"),
    ("customer", ("colon", *"accounts", "enter"), "AccountsScreen"),
    ("customer", ("ctrl+p",), "CommandPalette"),
)


@pytest.mark.parametrize("lang", ["", "ru"], ids=["english", "russian"])
async def test_a_hostile_panel_writes_nothing_to_the_terminal_but_billtui_s_own_drawing(lang):
    RecordingDriver.written = []
    app = hostile_app(lang)
    seen: set[str] = set()
    async with app.run_test(size=(80, 24), headless=False) as pilot:  # the smallest screen: most cut cells
        await settle(pilot)
        await pilot.press("ctrl+e")  # the profile form, then back
        await settle(pilot)
        seen.add(type(app.screen).__name__)
        await pilot.press("escape")
        await settle(pilot)
        # A wrong password first: the panel's refusal is shown on the login screen.
        password = app.screen.query_one("#password")
        password.focus()
        await pilot.press(*"wrong", "enter")
        await settle(pilot)
        said = screen_text(app).lower()
        assert "wrong login" in said or "login" in said or "неверный логин" in said
        password.value = ""
        await pilot.press(*"demo", "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen), screen_text(app)
        for key in [e.key for e in app.screen.nav.entries()]:
            app.goto(key)
            await settle(pilot)
        for item, keys, expected in DIALOGS:
            app.goto(item)
            await settle(pilot)
            app.screen.focus_content()
            await settle(pilot)
            for k in keys:
                await pilot.press(k)
                await settle(pilot)
            seen.add(type(app.screen).__name__)
            assert app.is_running, f"{item} {keys} ended the app"
            await escape_to_main(pilot)
        assert app.is_running and app.return_code is None
    missing = {"ProfileFormScreen", *(expected for _, _, expected in DIALOGS)} - seen
    assert not missing, f"dialogs never reached: {sorted(missing)}"
    written = "".join(RecordingDriver.written)
    assert "Q" in written  # the payload's text did reach the screen, as plain text
    found = offences(written)
    assert found == [], found

