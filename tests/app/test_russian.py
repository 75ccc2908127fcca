"""``billtui --demo --lang ru``: every screen and dialog in Russian, the panel's texts and billtui's.

What counts as billtui's English: a Latin word on screen that the panel did not send. The panel's
answers are read as they pass (``AnsweredWords``): the customer's own data (a service called
``db-01``, a ticket subject the customer wrote in English, an e-mail address) is the customer's,
in any language. What is left must be one of the few Latin words Russian text keeps (``LATIN``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from textual.screen import ModalScreen

from billtui.menu import Edition
from tests.app.conftest import demo_app, escape_to_main, open_item, screen_text, settle
from tests.app.test_plain import DIALOGS, open_dialog

WORD = re.compile(r"[A-Za-z][A-Za-z]+")
#: Latin that stays Latin in Russian: names, codes, keys as the keyboard writes them.
LATIN = {
    "billtui", "BILLmanager", "Standard", "Advanced", "Corporate", "ISPsystem",
    "Esc", "esc", "Enter", "enter", "Tab", "tab", "ctrl", "shift", "alt", "PgUp", "PgDn", "Home", "End", "pgup", "pgdn", "home", "end", "Space", "space",
    "USD", "EUR", "RUB", "PDF", "CSV", "JSON", "URL", "ID", "IP", "SSL", "VDS", "SSH", "TOTP", "Email", "email",
    "vCPU", "RAM", "SSD", "NVMe", "HTTP", "HTTPS", "API", "SMS", "SVG", "Telegram", "escape", "demo",
}


@dataclass
class AnsweredWords:
    """The demo panel, with every Latin word it answers kept (``words``)."""

    sim: Any
    words: set[str] = field(default_factory=set)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.sim, name)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        async def keeping_send(message: Any) -> None:
            if message.get("type") == "http.response.body":
                self.words.update(WORD.findall(" ".join(texts_of(bytes(message.get("body", b""))))))
            await send(message)

        await self.sim(scope, receive, keeping_send)


def texts_of(body: bytes) -> list[str]:
    """The texts a panel answer holds: a JSON answer's string values (its keys are field names,
    not words anybody reads), or the whole body of another answer (a PDF, a page)."""
    import json

    try:
        doc = json.loads(body)
    except ValueError:
        return [body.decode("utf-8", "replace")]
    out: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(doc)
    return out


def russian_demo(edition: Edition = Edition.STANDARD):
    app = demo_app(edition, lang="ru")
    panel = AnsweredWords(app.sim)
    app._demo_sim = panel  # the client is made at login, from this
    return app, panel


#: Not words: a binding's keymap id (``services-list.renew``, shown by ``?`` so a user can remap
#: it), a host name, a ``:`` command (``:svc``, typed as it is), an address, a theme's name
#: (``textual-dark``), a code with digits in it (``WELCOME10``).
IDENTIFIER = re.compile(r"\b[a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+\b|:[a-z_]+\b|\S+://\S+|\btextual-[a-z-]+"
                        r"|\b\w*\d\w*\b|\[keymap\]")
#: Where a text is cut: by a column's ellipsis, or by a dialog drawn over it.
CUT = set("…╭╮╰╯│─▕▏")


def english(text: str, panel: AnsweredWords) -> list[str]:
    """The Latin words in ``text`` that neither the panel sent nor Russian keeps Latin. A word cut
    short (``hos…`` of the panel's ``hosting``) counts as the word it is cut from."""
    allowed = panel.words | LATIN | help_link_words()
    text = IDENTIFIER.sub(" ", text)
    left = set()
    for match in WORD.finditer(text):
        word = match.group()
        if word in allowed:
            continue
        after = text[match.end():match.end() + 1]
        before = text[match.start() - 1:match.start()] if match.start() else ""
        if (after in CUT and any(a.startswith(word) for a in allowed)) or (
                before in CUT and any(a.endswith(word) for a in allowed)):
            continue
        left.add(word)
    return sorted(left)


def help_link_words() -> set[str]:
    """The words of the documentation addresses Help and Tutorials show (an address wraps, so
    its pieces reach the screen apart)."""
    from billtui.storage.config import DEFAULT_HELP_URL, DEFAULT_TUTORIALS

    words = {w for url in (DEFAULT_HELP_URL, *(u for _title, u in DEFAULT_TUTORIALS)) for w in WORD.findall(url)}
    return {w[i:j] for w in words for i in range(len(w)) for j in range(i + 2, len(w) + 1)}


async def test_every_item_and_dialog_speaks_russian_at_80x24():
    app, panel = russian_demo(Edition.ADVANCED)  # Advanced: every item but Settings' contact form
    found: dict[str, list[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = [e.key for e in app.screen.nav.entries()]
        assert len(keys) > 15
        for key in keys:
            await open_item(pilot, key)
            left = english(screen_text(app), panel)
            if left:
                found[key] = left
        for item, keys_, expected, _title in DIALOGS:
            await open_dialog(pilot, item, keys_)
            assert type(app.screen).__name__ == expected, (item, keys_)
            left = english(screen_text(app), panel)
            if left:
                found[f"{item} {' '.join(keys_)}"] = left
            await escape_to_main(pilot)
    assert found == {}, "\n".join(f"{k}: {v}" for k, v in found.items())


async def test_the_standard_edition_s_contact_settings_speak_russian():
    app, panel = russian_demo(Edition.STANDARD)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "contact_settings")
        text = screen_text(app)
        assert english(text, panel) == [], text
        assert "Standard" in text  # the edition is always shown, by its product name


async def test_keys_help_and_footer_in_russian():
    app, panel = russian_demo()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        footer = screen_text(app).splitlines()[-1]
        assert "Выход" in footer and english(footer, panel) == []
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, ModalScreen)
        text = screen_text(app)
        assert english(text, panel) == [], text


async def test_a_wrong_password_and_an_unreachable_panel_are_said_in_russian():
    """The errors a user meets first, before any panel text: billtui's own, from the api layer."""
    import httpx

    from billtui.app import BillTUI
    from billtui.launch import Launch
    from billtui.screens.shell.login import LoginScreen
    from billtui.storage.config import Config, Profile
    from tests.app.conftest import make_sim
    from tests.app.test_login import type_into

    profile = Profile("work", "http://panel.test/billmgr", "demo", language="ru")
    app = BillTUI(Launch("profile", profile), config=Config().with_profile(profile, default=True),
                  transport=httpx.ASGITransport(app=make_sim()))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LoginScreen)
        await type_into(pilot, "#password", "wrong")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "Неверный логин или пароль" in text, text
        assert app.screen.query_one("#password").value == "wrong"  # kept

    def unreachable(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    app = BillTUI(Launch("profile", profile), config=Config().with_profile(profile, default=True),
                  transport=httpx.MockTransport(unreachable))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await type_into(pilot, "#password", "secret")
        await pilot.press("enter")
        await settle(pilot)
        text = " ".join(screen_text(app).split())
        assert "Не удалось подключиться к панели. Проверьте URL панели" in text, text


async def test_a_wide_services_list_says_auto_renew_in_russian():
    """Columns that only a wide terminal shows: the auto-renew column is billtui's word for it."""
    app, panel = russian_demo()
    async with app.run_test(size=(170, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "services/vds")
        text = screen_text(app)
        assert "Автопродление" in text and "Отключено" in text and "1 месяц" in text
        assert english(text, panel) == [], text


async def test_the_palette_and_the_jump_bar_take_russian_names_cold():
    """Right after start, into panes never opened: the palette finds an item by its Russian name
    (and still by its English one), and ``:`` takes the Russian name as well as the alias."""
    from tests.app.conftest import palette

    app, _panel = russian_demo()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "счета")
        assert hits and hits[0] == "Перейти: Счета", hits
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.current_key == "invoices"
        assert (await palette(pilot, "expenses", close=True))[0] == "Перейти: Расходы"
        await pilot.press("colon", *"расходы", "enter")
        await settle(pilot)
        assert app.screen.current_key == "expenses"
        await pilot.press("colon", *"pay", "enter")
        await settle(pilot)
        assert app.screen.current_key == "payments"
        assert "Платежи" in screen_text(app)
