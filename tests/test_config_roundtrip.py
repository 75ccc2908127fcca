"""The config file stays the user's: saving changes only billtui's values, in place.

Every test writes under the tmp dir the autouse ``isolated_dirs`` fixture points
BILLTUI_CONFIG_DIR at; none reads or writes the real user's config.
"""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path

import pytest

from billtui.menu import Edition
from billtui.storage import config as config_mod
from billtui.storage.config import DEFAULT_HELP_URL, Config, Profile

#: A config as a user might keep it: comments everywhere, a key and a table billtui does not know,
#: its own key order (theme first), a password_command written as one string.
USER_FILE = '''\
# My billtui setup -- hand-edited, please keep my notes.
theme = "gruvbox"  # easy on the eyes
default_profile = "work"
my_note = "x"
ticket_refresh_seconds = 60

# The office panel
[profiles.work]
username = "me"  # not my e-mail
url = "https://billing.example.com/billmgr"
edition = "advanced"
password_command = "pass show billing/work"

[profiles.home]
url = "https://home.example.com/billmgr"
username = "me2"

# my own key bindings, billtui does not read these (yet)
[keymap]
quit = "ctrl+q"
'''

WORK_TABLE = '''\
[profiles.work]
username = "me"  # not my e-mail
url = "https://billing.example.com/billmgr"
edition = "advanced"
password_command = "pass show billing/work"

'''

HOME_TABLE = '''\
[profiles.home]
url = "https://home.example.com/billmgr"
username = "me2"

'''


@pytest.fixture
def user_file(isolated_dirs: Path) -> Path:
    path = config_mod.config_path()
    assert path.is_relative_to(isolated_dirs)  # the tmp dir from conftest, never the user's own
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(USER_FILE, encoding="utf-8")
    return path


def in_order(text: str, *parts: str) -> bool:
    """Each part occurs in ``text``, after the one before it."""
    at = 0
    for part in parts:
        at = text.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def test_saving_what_was_loaded_leaves_the_file_byte_for_byte(user_file: Path) -> None:
    config_mod.save(config_mod.load())
    assert user_file.read_text(encoding="utf-8") == USER_FILE


def test_saving_the_theme_changes_that_value_only(user_file: Path) -> None:
    config_mod.save(replace(config_mod.load(), theme="nord"))
    text = user_file.read_text(encoding="utf-8")
    assert text == USER_FILE.replace('theme = "gruvbox"  # easy', 'theme = "nord"  # easy')
    assert stat.S_IMODE(user_file.stat().st_mode) == 0o600
    assert not list(user_file.parent.glob(".*.tmp"))  # written atomically, nothing left behind


def test_adding_a_profile_keeps_comments_unknown_keys_and_order(user_file: Path) -> None:
    config = config_mod.load().with_profile(Profile(name="lab", url="https://lab.example.com/billmgr",
                                                    username="tester", edition=Edition.CORPORATE))
    config_mod.save(config)
    text = user_file.read_text(encoding="utf-8")
    assert text.startswith(USER_FILE.split("# my own key bindings")[0])  # everything before is untouched
    # The new table goes after the last profile, not between [keymap] and the comment above it.
    assert in_order(text, HOME_TABLE, "[profiles.lab]\n", 'edition = "corporate"\n',
                    "\n# my own key bindings, billtui does not read these (yet)\n[keymap]\n",
                    'quit = "ctrl+q"\n')
    assert config_mod.load() == config


def test_removing_a_profile_removes_exactly_its_table(user_file: Path) -> None:
    config_mod.save(config_mod.load().without_profile("home"))
    text = user_file.read_text(encoding="utf-8")
    assert text == USER_FILE.replace(HOME_TABLE, "")
    assert "# my own key bindings" in text  # parsed into [profiles.home], but it is [keymap]'s


def test_removing_the_default_profile_moves_the_default_and_drops_its_table(user_file: Path) -> None:
    config = config_mod.load().without_profile("work")
    config_mod.save(config)
    text = user_file.read_text(encoding="utf-8")
    assert text == (USER_FILE.replace(WORK_TABLE, "")
                    .replace('default_profile = "work"', 'default_profile = "home"'))
    assert config_mod.load() == config


def test_removing_every_profile_keeps_the_rest(user_file: Path) -> None:
    config_mod.save(config_mod.load().without_profile("work").without_profile("home"))
    text = user_file.read_text(encoding="utf-8")
    assert "[profiles" not in text
    assert in_order(text, "# My billtui setup", 'my_note = "x"', "# The office panel",
                    "# my own key bindings", "[keymap]", 'quit = "ctrl+q"')
    assert config_mod.load().profiles == {}


def test_a_changed_profile_rewrites_only_the_changed_keys(user_file: Path) -> None:
    before = config_mod.load()
    work = replace(before.profiles["work"], username="boss", help_url="https://wiki.example.com")
    config_mod.save(before.with_profile(work))
    text = user_file.read_text(encoding="utf-8")
    assert 'username = "boss"  # not my e-mail' in text  # the value changes, its comment stays
    assert 'password_command = "pass show billing/work"' in text  # same meaning: kept as written
    # A new key goes with its table's keys, above the comment that belongs to the next header.
    assert in_order(text, 'password_command = "pass show billing/work"\n',
                    'help_url = "https://wiki.example.com"\n', "\n[profiles.home]")
    assert config_mod.load().profiles["work"] == work

    config_mod.save(config_mod.load().with_profile(replace(work, help_url=DEFAULT_HELP_URL)))
    assert "help_url" not in user_file.read_text(encoding="utf-8")  # back to the default: the key goes


def test_settings_missing_from_the_file_are_added_only_when_they_differ(user_file: Path) -> None:
    user_file.write_text('# just my panel\n\n# the one\n[profiles.work]\nurl = "https://a"\n', encoding="utf-8")
    config_mod.save(config_mod.load())
    assert "theme" not in user_file.read_text(encoding="utf-8")  # the default needs no line
    config_mod.save(replace(config_mod.load(), theme="nord"))
    text = user_file.read_text(encoding="utf-8")
    assert in_order(text, "# just my panel\n", 'theme = "nord"\n', "# the one\n[profiles.work]\n")


def test_profiles_apart_from_each_other_are_edited_where_they_are(user_file: Path) -> None:
    """``[profiles.a]``, then another table, then ``[profiles.b]`` (out-of-order tables)."""
    user_file.write_text('[profiles.a]\nurl = "https://a"\n\n# keys\n[keymap]\nquit = "q"\n\n'
                         '[profiles.b]\nurl = "https://b"\n', encoding="utf-8")
    config = config_mod.load().without_profile("a").with_profile(Profile(name="c", url="https://c", username="u"))
    config_mod.save(config)
    text = user_file.read_text(encoding="utf-8")
    assert config_mod.load() == config
    assert "[profiles.a]" not in text and in_order(text, "# keys\n[keymap]\n", 'quit = "q"\n')


def test_inline_profiles_stay_inline_and_a_new_one_goes_above_the_next_comment(user_file: Path) -> None:
    user_file.write_text('[profiles]\nwork = { url = "https://a", username = "x" }  # mine\n\n'
                         '# keys\n[keymap]\nquit = "q"\n', encoding="utf-8")
    before = config_mod.load()
    config = before.with_profile(replace(before.profiles["work"], username="y")).with_profile(
        Profile(name="new", url="https://n", username="z"))
    config_mod.save(config)
    text = user_file.read_text(encoding="utf-8")
    assert 'work = { url = "https://a", username = "y" }  # mine\n' in text
    assert in_order(text, "[profiles.new]\n", "\n# keys\n[keymap]\n")
    assert config_mod.load() == config


def test_a_value_billtui_cannot_read_is_overwritten_but_unknown_keys_stay(user_file: Path) -> None:
    user_file.write_text('ticket_refresh_seconds = "soon"  # hmm\n\n[profiles.w]\nurl = "u"\nmine = 1\n',
                         encoding="utf-8")
    config = Config(default_profile="w", profiles={"w": Profile(name="w", url="https://w", username="q")})
    config_mod.save(config)
    text = user_file.read_text(encoding="utf-8")
    assert "ticket_refresh_seconds = 120  # hmm\n" in text and "mine = 1\n" in text
    assert config_mod.load() == config


def test_the_cli_edits_the_users_file_in_place(user_file: Path, capsys) -> None:
    from billtui.cli import main as cli

    assert cli.main(["profiles", "add", "lab", "--url", "https://lab.example.com/billmgr", "--user", "t"]) == 0
    assert cli.main(["profiles", "remove", "lab"]) == 0
    capsys.readouterr()
    assert user_file.read_text(encoding="utf-8") == USER_FILE


def test_a_file_that_is_not_toml_is_left_alone(user_file: Path) -> None:
    user_file.write_text("theme = \n[half written", encoding="utf-8")
    with pytest.raises(OSError, match="not valid TOML"):  # every caller reports OSErrors
        config_mod.save(Config(theme="nord"))
    assert user_file.read_text(encoding="utf-8") == "theme = \n[half written"


def test_a_fresh_file_has_a_clean_layout_and_loads_back_equal() -> None:
    path = config_mod.config_path()
    assert not path.exists()
    config = (Config(theme="nord", ticket_refresh_seconds=30)
              .with_profile(Profile(name="work", url="https://b.example.com/billmgr", username="me"))
              .with_profile(Profile(name="my lab", url="https://lab.example.com/billmgr", username="t",
                                    edition=Edition.ADVANCED, verify_tls=False, ca_bundle="/etc/ca.pem",
                                    password_command=("pass", "show", "lab"), remember_password=False,
                                    help_url="https://wiki.example.com",
                                    tutorials=(("Start", "https://wiki.example.com/start"),)), default=True))
    config_mod.save(config)
    assert config_mod.load() == config
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# billtui settings and panel profiles. Passwords are never stored here.\n\n"
                           'default_profile = "my lab"\ntheme = "nord"\nticket_refresh_seconds = 30\n\n'
                           "[profiles.work]\n")
    assert '[profiles."my lab"]\n' in text
    assert 'tutorials = [\n    {title = "Start", url = "https://wiki.example.com/start"},\n]\n' in text
    assert text.endswith("]\n") and not text.endswith("\n\n")
    config_mod.save(config)  # and saving it again changes nothing
    assert path.read_text(encoding="utf-8") == text


def test_an_empty_config_writes_a_loadable_file() -> None:
    path = config_mod.save(Config())
    assert config_mod.load() == Config()
    assert "[profiles" not in path.read_text(encoding="utf-8")
