"""Which language billtui asks the panel in: the order of the sources, the locale, what is
remembered per profile, and the profile's ``language`` in the config file."""

from __future__ import annotations

import json
import os
import stat

import pytest

from billtui.api.language import panel_key, panel_lang
from billtui.storage import config as config_mod
from billtui.storage import languages
from billtui.storage.config import Config, Profile
from billtui.storage.languages import Language, from_locale, resolve

URL = "https://billing.example.com:1500/billmgr"


# --- names → lang= ---------------------------------------------------------------


@pytest.mark.parametrize("name,lang", [
    ("ru", "ru"), ("RU", "ru"), ("ru_RU.UTF-8", "ru"), ("ru-RU", "ru"), ("ru_RU@euro", "ru"),
    ("en_GB.UTF-8", "en"), ("de_DE", "de"),
    # Ukrainian is "ua" on the panel (assumed.LANG_ALIASES, with its evidence); Kazakh's i18next "kz" is "kk".
    ("uk_UA.UTF-8", "ua"), ("uk", "ua"), ("kz", "kk"),
    ("C", None), ("POSIX", None), ("C.UTF-8", None), ("", None), ("  ", None), (None, None), ("1x", None),
])
def test_a_language_as_people_and_locales_write_it(name, lang) -> None:
    assert panel_lang(name) == lang


def test_the_panels_own_key_goes_back_as_it_wrote_it() -> None:
    assert panel_key("ua") == "ua" and panel_key(" pt-br ") == "pt-br"
    assert panel_key("") is None and panel_key("ru; DROP") is None


# --- the terminal's locale ----------------------------------------------------------


@pytest.mark.parametrize("env,lang", [
    ({"LANG": "ru_RU.UTF-8"}, "ru"),
    ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),   # LC_MESSAGES before LANG
    ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "ru_RU.UTF-8"}, "en"),  # LC_ALL before both
    ({"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, None),                    # the first one set decides
    ({"LC_ALL": "", "LANG": "ru_RU.UTF-8"}, "ru"),                     # empty is not set
    ({"LANG": "uk_UA.UTF-8"}, "ua"),
    ({"LANG": "de_DE.UTF-8"}, None),  # a guess: only languages panels are seen to speak
    ({"LANG": "C.UTF-8"}, None),
    ({}, None),
])
def test_the_locale_names_a_language(env, lang) -> None:
    assert from_locale(env) == lang


# --- the order -------------------------------------------------------------------------


def test_each_source_wins_over_the_next() -> None:
    russian_terminal = {"LANG": "ru_RU.UTF-8"}
    configured = Profile("work", URL, "alice", language="en")
    plain = Profile("work", URL, "alice")
    languages.remember("work", "ua")

    assert resolve("de", configured, environ=russian_terminal) == Language("de", languages.COMMAND_LINE)
    assert resolve(None, configured, environ=russian_terminal) == Language("en", languages.CONFIG)
    assert resolve(None, plain, environ=russian_terminal) == Language("ua", languages.PANEL)
    assert resolve(None, plain, remembered=False, environ=russian_terminal) == Language("ru", languages.LOCALE)
    assert resolve(None, plain, remembered=False, environ={}) == Language("en", languages.DEFAULT)
    assert resolve(None, None, environ={"LANG": "ru_RU.UTF-8"}).code == "ru"  # the demo: no profile


def test_a_fixed_language_says_why_it_is_kept() -> None:
    assert Language("ru", languages.CONFIG).fixed and Language("ru", languages.COMMAND_LINE).fixed
    assert not Language("ru", languages.PANEL).fixed and not Language("ru", languages.LOCALE).fixed
    assert Language("ru", languages.CONFIG).kept() == (
        'billtui keeps Russian for this profile (language = "ru" in the config file).')
    assert "--lang ru" in Language("ru", languages.COMMAND_LINE).kept()


# --- remembered per profile, in the state dir, never in the config ---------------------------


def test_the_panels_language_is_remembered_per_profile_in_the_state_dir(isolated_dirs) -> None:
    assert languages.remembered_language("work") is None
    assert languages.remember("work", "ru")
    assert languages.remember("home", "en")
    assert (languages.remembered_language("work"), languages.remembered_language("home")) == ("ru", "en")
    path = languages.languages_path()
    assert path.parent == isolated_dirs / "state"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert json.loads(path.read_text()) == {"home": "en", "work": "ru"}
    assert not (isolated_dirs / "config").exists()  # the config file is the user's: not touched
    languages.forget("work")
    assert languages.remembered_language("work") is None and languages.remembered_language("home") == "en"


def test_an_unreadable_languages_file_means_nothing_remembered() -> None:
    path = languages.languages_path()
    path.parent.mkdir(parents=True)
    path.write_text("not json")
    assert languages.remembered_language("work") is None
    path.write_text('{"work": "ru; rm -rf", "home": 5, "lab": "ru"}')
    assert languages.remembered_language("work") is None and languages.remembered_language("lab") == "ru"


# --- the profile's language in the config file -----------------------------------------------


def test_the_profiles_language_round_trips_and_is_written_only_when_set(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# mine\n[profiles.work]\nurl = "https://b.example/billmgr"\nusername = "alice"\n'
                    'language = "ru"  # Russian, whatever the panel says\n')
    config = config_mod.load(path)
    assert config.profiles["work"].language == "ru"
    config_mod.save(config.with_profile(config.profiles["work"]), path)
    assert 'language = "ru"  # Russian, whatever the panel says' in path.read_text()

    from dataclasses import replace

    config_mod.save(config.with_profile(replace(config.profiles["work"], language="")), path)
    assert "language" not in path.read_text() and "# mine" in path.read_text()
    fresh = tmp_path / "fresh.toml"
    config_mod.save(Config().with_profile(Profile("home", URL, "bob")), fresh)
    assert "language" not in fresh.read_text()


def test_profiles_add_takes_a_language_and_remove_forgets_the_remembered_one(capsys) -> None:
    from billtui.cli import main as cli

    assert cli.main(["profiles", "add", "work", "--url", URL, "--user", "alice", "--language", "uk_UA"]) == 0
    assert config_mod.load().profiles["work"].language == "ua"
    assert cli.main(["profiles", "add", "home", "--url", URL, "--user", "bob"]) == 0
    assert config_mod.load().profiles["home"].language == ""
    languages.remember("work", "ua")
    assert cli.main(["profiles", "remove", "work"]) == 0
    assert languages.remembered_language("work") is None
    capsys.readouterr()


def test_lang_on_the_command_line_must_name_a_language(capsys) -> None:
    from billtui.cli import main as cli

    with pytest.raises(SystemExit) as exited:
        cli.main(["get", "balance", "--demo", "--lang", "C"])
    assert exited.value.code == 2
    assert "'C' is not a language code" in capsys.readouterr().err
