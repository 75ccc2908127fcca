"""The language billtui asks the panel in, as a user meets it: ``--lang``, the User settings form
(applied at once, no restart), remembered for the next start, learned from the panel after a
login, and fixed by a profile's ``language`` in the config file. Every test reads what reached the
panel (``lang=`` of each request) as well as what the screen shows."""

from __future__ import annotations

import httpx
from textual.widgets import Select

from billtui.app import BillTUI
from billtui.launch import Launch
from billtui.storage import languages
from billtui.storage.config import Config, Profile
from tests.app.conftest import make_sim, screen_text, settle
from tests.recording import Recorder

URL = "http://panel.test/billmgr"


def demo(**launch) -> tuple[BillTUI, Recorder]:
    panel = Recorder(make_sim())
    app = BillTUI(Launch.demo(**launch), demo_sim=panel)
    app.sim = panel  # type: ignore[attr-defined]
    return app, panel


def saved_profile(profile: Profile, panel: Recorder) -> BillTUI:
    """A start with a saved profile (its password from BILLTUI_PASSWORD) against ``panel``."""
    config = Config().with_profile(profile, default=True)
    app = BillTUI(Launch("profile", profile), config=config, transport=httpx.ASGITransport(app=panel))
    app.sim = panel  # type: ignore[attr-defined]
    return app


async def jump(pilot, where: str) -> None:
    await pilot.press("colon", *where, "enter")
    await settle(pilot)


async def choose_language(pilot, steps: int) -> None:
    """In User settings (the Language list has the focus): open the list, move ``steps`` down, pick."""
    await jump(pilot, "user_settings")
    assert pilot.app.focused is pilot.app.screen.query_one("#usr-lang", Select)
    await pilot.press("enter", *(["down"] * steps), "enter")
    await pilot.pause()


def notes(app) -> str:
    """The notifications shown so far, as the user read them."""
    return "\n".join(n.message for n in app._notifications)


def usrparam_saves(panel: Recorder, mark: int = 0) -> list[dict[str, str]]:
    return [r for r in panel.after(mark) if r.get("func") == "usrparam" and r.get("sok") == "ok"]


# --- --lang -------------------------------------------------------------------------------


async def test_lang_ru_asks_the_demo_panel_in_russian_from_the_first_request():
    app, panel = demo(lang="ru")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert panel.requests[0]["func"] == "auth"
        assert panel.langs() == {"ru"}  # the login, the menu, the balance, the tickets: all of them
        text = screen_text(app)
        assert "Виртуальные серверы" in text and "Виртуальный хостинг" in text  # the panel's menu
        assert "Клиент" in text and "Customer" not in text  # billtui's own words too
        await jump(pilot, "vds")
        text = screen_text(app)
        assert "Активен" in text and "Заказан" in text and "Active" not in text


# --- User settings: at once, without a restart ------------------------------------------------------


async def test_choosing_russian_in_user_settings_applies_at_once():
    app, panel = demo()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "vds")  # a pane open before the change: it follows too
        assert "Active" in screen_text(app) and panel.langs() == {"en"}
        await choose_language(pilot, 1)  # English → Русский
        mark = len(panel.requests)
        await pilot.press("ctrl+s")
        await settle(pilot)
        save, = usrparam_saves(panel, mark)
        assert save["lang"] == "ru"  # the panel's setting: what the form chose
        assert {k: save[k] for k in ("elid", "timezone")} == {"elid": "7", "timezone": "Europe/Amsterdam"}
        after = panel.requests[panel.requests.index(save) + 1:]
        assert after and {r["lang"] for r in after} == {"ru"}  # every request since: no restart
        assert {"menu", "usrparam"} <= {r["func"] for r in after}  # the session and the screen reload
        assert app.client.lang == "ru"
        text = screen_text(app)
        assert "Виртуальные серверы" in text  # the menu, in the panel's new words
        assert "Язык изменён." in notes(app)
        assert app.sim.state.one("SELECT lang FROM users WHERE id=7")["lang"] == "ru"
        await jump(pilot, "vds")
        text = screen_text(app)
        assert "Активен" in text and "Active" not in text
        assert "Услуги › Виртуальные серверы" in text  # the crumb follows the menu
    # The demo panel starts afresh each run: nothing is remembered for it.
    assert languages.remembered_language("demo") is None


async def test_the_language_chosen_is_remembered_for_the_next_start(monkeypatch):
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    panel = Recorder(make_sim())
    profile = Profile("work", URL, "demo")
    app = saved_profile(profile, panel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert panel.langs() == {"en"}
        await choose_language(pilot, 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Виртуальные серверы" in screen_text(app)
    assert languages.remembered_language("work") == "ru"
    assert "language" not in (profile.to_toml())  # remembered in the state dir, not the config

    mark = len(panel.requests)
    again = saved_profile(profile, panel)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first = panel.after(mark)
        assert first[0]["func"] == "auth" and first[0]["lang"] == "ru"  # the login already speaks it
        assert panel.langs(mark) == {"ru"}
        assert "Виртуальные серверы" in screen_text(again)


async def test_the_panels_own_choice_is_learned_after_login_and_remembered(monkeypatch):
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    panel = Recorder(make_sim())
    panel.state.run("UPDATE users SET lang='ru' WHERE id=7")  # chosen in the web panel
    app = saved_profile(Profile("work", URL, "demo"), panel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert panel.requests[0]["lang"] == "en"  # nothing known yet: the terminal's (English)
        learned = next(i for i, r in enumerate(panel.requests) if r["func"] == "usrparam")
        assert panel.langs(learned + 1) == {"ru"}
        assert app.client.lang == "ru" and app.language.source == languages.PANEL
        assert "Виртуальные серверы" in screen_text(app)
        assert not usrparam_saves(panel)  # learning reads, never writes
    assert languages.remembered_language("work") == "ru"


# --- a language fixed for billtui: the config file, --lang --------------------------------------------


async def test_a_profiles_language_in_the_config_wins_and_the_form_says_so(monkeypatch):
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    panel = Recorder(make_sim())
    panel.state.run("UPDATE users SET lang='ru' WHERE id=7")  # the panel's own choice: Russian
    app = saved_profile(Profile("work", URL, "demo", language="en"), panel)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert panel.langs() == {"en"}  # the config file over the panel's choice
        assert "usrparam" not in panel.funcs()  # nothing to learn: the config decides
        assert "Virtual private servers" in screen_text(app)
        await choose_language(pilot, 1)  # the form shows the panel's Русский; one down: Deutsch
        mark = len(panel.requests)
        await pilot.press("ctrl+s")
        await settle(pilot)
        save, = usrparam_saves(panel, mark)
        assert save["lang"] == "de"  # the panel's setting changes all the same
        assert panel.langs(panel.requests.index(save) + 1) <= {"en"}
        assert app.client.lang == "en"
        text = " ".join(screen_text(app).split())
        assert 'billtui keeps English for this profile (language = "en" in the config file).' in text
        assert "Virtual private servers" in text


async def test_lang_on_the_command_line_wins_over_the_form():
    app, panel = demo(lang="ru")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await choose_language(pilot, 2)  # English → Deutsch
        await pilot.press("ctrl+s")
        await settle(pilot)
        save, = usrparam_saves(panel)
        assert save["lang"] == "de"  # the panel's setting: the save's own field
        assert {r["lang"] for r in panel.requests if r is not save} == {"ru"}  # every other request
        text = " ".join(screen_text(app).split())
        assert "billtui оставляет язык «русский» на этот запуск (--lang ru в командной строке)." in notes(app)
        assert "billtui оставляет язык «русский»" in text  # and under the form


# --- billtui's own words follow -------------------------------------------------------------------


async def test_choosing_russian_redraws_billtuis_own_words_on_the_same_item():
    app, panel = demo()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Finances" in screen_text(app)
        await choose_language(pilot, 1)  # English → Русский
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Финансы" in text and "Finances" not in text  # billtui's menu sections
        assert "Выход" in text.splitlines()[-1]  # the footer
        assert "Язык изменён." in notes(app)
        assert app.screen.current_key == "user_settings"  # still where the user was
        assert app.screen.query_one("#usr-lang", Select).value == "ru"  # the form, read again in Russian
        await jump(pilot, "vds")
        text = screen_text(app)
        assert "Услуги › Виртуальные серверы" in text and "Активен" in text
        # And back: English again, at once.
        await jump(pilot, "user_settings")
        await pilot.press("enter", "up", "enter")  # Русский → English
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        text = screen_text(app)
        assert "Finances" in text and "Финансы" not in text
        assert {r["lang"] for r in panel.requests[-3:]} == {"en"}


async def test_unsaved_input_elsewhere_is_kept_and_the_switch_says_when_billtui_follows():
    app, panel = demo()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "notifications")
        await pilot.press("down", "right", "space")  # a subscription ticked, not saved
        await settle(pilot)
        assert app.screen.has_unsaved()
        screen = app.screen
        await choose_language(pilot, 1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen and screen.has_unsaved()  # nothing typed is lost
        assert app.client.lang == "ru"
        text = screen_text(app)
        assert "Виртуальные серверы" in text  # the panel's words follow now
        assert "billtui's own texts change language at the next start" in notes(app)
        assert "Language and time zone saved." in notes(app)  # the form's own note, in the screen's words
        assert "Finances" in text  # billtui's words stay those of the screen on show
        await jump(pilot, "payments")
        assert "Method" in screen_text(app)  # and what opens next matches them
