"""Test isolation: no test touches the real user's files, keyring or browser."""

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring so tests never reach the user's real one."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """Point every billtui dir at a temporary directory, and block browsers."""
    for name, sub in (
        ("BILLTUI_CONFIG_DIR", "config"),
        ("BILLTUI_DATA_DIR", "data"),
        ("BILLTUI_STATE_DIR", "state"),
        ("BILLTUI_CACHE_DIR", "cache"),
        ("BILLTUI_DOWNLOADS_DIR", "downloads"),
    ):
        monkeypatch.setenv(name, str(tmp_path / sub))
    monkeypatch.delenv("BILLTUI_PASSWORD", raising=False)
    monkeypatch.setenv("BILLTUI_NO_BROWSER", "1")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def english_terminal(monkeypatch):
    """billtui asks the panel in the terminal's language when nothing else names one
    (billtui/storage/languages.py): every test runs as on an English (or C) terminal, whatever
    locale the machine running them has. A locale variable naming another language becomes
    C.UTF-8 (still UTF-8, for the tests that start a terminal); tests of the locale set their own."""
    import os

    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value.split(".")[0].split("_")[0].split("@")[0].lower() not in ("", "c", "posix", "en"):
            monkeypatch.setenv(name, "C.UTF-8")


@pytest.fixture(autouse=True)
def english_texts():
    """billtui's own texts are process-wide (billtui.i18n): each test starts in English, and one
    that switches to Russian leaves English behind it."""
    from billtui import i18n

    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(autouse=True)
def preview_at_once(monkeypatch):
    """The tree shows an item as soon as its cursor is on it: tests walk the menu without waiting
    for the rest delay (tests/app/test_slow_link.py tests the delay itself)."""
    import billtui.screens.shell.main as main

    monkeypatch.setattr(main, "PREVIEW_DELAY", 0.0)


@pytest.fixture(autouse=True)
def memory_keyring():
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    """A machine without a keyring daemon (a server over SSH)."""
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def pytest_configure(config):
    config.addinivalue_line("markers", "soak: long random runs against the demo panel (still run by default)")


@pytest.fixture(autouse=True)
def quick_read_retries(monkeypatch):
    """Reads still retry transient failures in tests, just without the real waits."""
    from billtui.api import retry

    monkeypatch.setattr(retry, "READS", retry.RetryPolicy((0.0, 0.01, 0.01)))


@pytest.fixture(autouse=True)
def truecolour_terminal(monkeypatch):
    """Every app in a test draws as on a truecolour terminal, whatever TERM the machine running the
    tests has (TERM=xterm would make it a 16-colour one, and add the contrast filter of
    display/low_colour.py to every snapshot). Tests of 16 colours set it themselves."""
    from textual import constants

    monkeypatch.setattr(constants, "COLOR_SYSTEM", "truecolor")
