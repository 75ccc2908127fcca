"""A link from the panel reaches the browser or the clipboard only if it is a web page (issue #16).

``javascript:`` (a payment "page"), ``file:///etc/passwd`` (a control panel "login link") and a
"URL" that is really browser options (``--user-data-dir=… --load-extension=…``) are refused:
shown, marked as refused, never passed to the browser nor copied. https opens; http only when
the user's own panel is http. The browser never inherits ``BILLTUI_PASSWORD``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

import pytest

from billtui.runtime import links
from tests.app.conftest import demo_app, settle

HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "file:///etc/passwd",
    "--user-data-dir=/tmp/x --load-extension=/tmp/evil",
    "-https://pay.example.com/",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "https:///etc/passwd",  # no host
    "https://pay.example.com/ --load-extension=/tmp/evil",  # two arguments to a shell-minded launcher
    "https://pay.example.com:99999/",  # no such port
    "//pay.example.com/no-scheme",
    "",
]


@dataclass
class FakeApp:
    """What links.py uses of the app: notify, the clipboard, the panel URL."""

    panel: str = "https://my.provider.example:1500/billmgr"
    notes: list[tuple[str, str]] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)

    @property
    def client(self) -> Any:
        return type("Client", (), {"url": self.panel})()

    def notify(self, message: str, *, title: str = "", severity: str = "information", timeout: Any = None) -> None:
        self.notes.append((message, severity))

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


@pytest.fixture
def browser(monkeypatch) -> list[str]:
    """A machine with a display and a browser; records what the browser was asked to open."""
    import webbrowser

    opened: list[str] = []
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("BILLTUI_NO_BROWSER", raising=False)
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    return opened


@pytest.mark.parametrize("url", HOSTILE)
def test_a_link_that_is_not_a_web_page_is_never_opened_nor_copied(url, browser):
    app = FakeApp()
    links.open_link(app, url)
    links.copy_link(app, url)
    assert browser == [] and app.copied == []
    (opened, severity), (copied, _) = app.notes
    assert opened.startswith("Refused to open a link that is not a web page: ") and severity == "warning"
    assert copied.startswith("Refused to copy a link that is not a web page: ")


def test_the_refused_link_is_shown_cleaned_and_short(browser):
    app = FakeApp()
    links.open_link(app, "javascript:\x1b[31malert(1)\x07" + "A" * 500)
    message, _ = app.notes[0]
    assert "\x1b" not in message and "\x07" not in message
    assert "javascript:" in message and "alert(1)" in message and len(message) < 300


def test_a_web_page_opens_in_the_browser(browser):
    app = FakeApp()
    links.open_link(app, "https://pay.example.com/pay/1?token=abc")
    assert browser == ["https://pay.example.com/pay/1?token=abc"]
    assert app.notes == [("Opened in your browser: https://pay.example.com/pay/1?token=abc", "information")]


def test_without_a_display_a_web_page_is_shown_and_copied(monkeypatch):
    import webbrowser

    monkeypatch.setattr(webbrowser, "open", lambda url: pytest.fail("no browser without a display"))
    app = FakeApp()
    links.open_link(app, "https://docs.example.com/")
    assert app.copied == ["https://docs.example.com/"]
    assert "No display here" in app.notes[0][0]


def test_http_only_when_the_users_own_panel_is_http(browser):
    secure = FakeApp(panel="https://my.provider.example/billmgr")
    links.open_link(secure, "http://pay.example.com/")
    assert browser == [] and "Refused" in secure.notes[0][0]

    lan = FakeApp(panel="http://10.0.0.5:1500/billmgr")
    links.open_link(lan, "http://10.0.0.5:1500/manager?func=auth")
    assert browser == ["http://10.0.0.5:1500/manager?func=auth"]


def test_the_panel_url_comes_from_the_client_else_the_profile():
    class App:
        client = None
        profile = type("Profile", (), {"url": "http://lan-panel/billmgr"})()

    assert links.panel_url(App()) == "http://lan-panel/billmgr"
    assert links.web_url("http://lan-panel/x", links.panel_url(App())) == "http://lan-panel/x"
    assert links.web_url("http://lan-panel/x", "") is None
    assert links.web_url("  https://ok.example/  ") == "https://ok.example/"


def test_the_browser_never_inherits_billtuis_variables(monkeypatch):
    """The browser (here a tiny python the fake launcher starts, as webbrowser would) sees no
    BILLTUI_* variable; billtui's own environment has them back afterwards."""
    import webbrowser

    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("BILLTUI_NO_BROWSER", raising=False)
    monkeypatch.setenv("BILLTUI_PASSWORD", "Zq7-distinctive-Passw0rd-91")
    seen: list[str] = []

    def launcher(url: str) -> bool:
        child = "import os; print(sorted(k for k in os.environ if k.startswith('BILLTUI_')))"
        seen.append(subprocess.run([sys.executable, "-c", child], capture_output=True, text=True,
                                   check=True).stdout.strip())
        return True

    monkeypatch.setattr(webbrowser, "open", launcher)
    links.open_link(FakeApp(), "https://pay.example.com/")
    assert seen == ["[]"]
    assert os.environ["BILLTUI_PASSWORD"] == "Zq7-distinctive-Passw0rd-91"
    assert os.environ["BILLTUI_CONFIG_DIR"]


# --------------------------------------------------------------------------- in the TUI


def _refused(app) -> list[str]:
    return [str(n.message) for n in app._notifications if "Refused to open" in str(n.message)]


@pytest.mark.parametrize("url", ["file:///etc/passwd", "--user-data-dir=/tmp/x --load-extension=/tmp/evil"])
async def test_a_control_panel_link_to_a_file_or_options_is_refused(url, browser, monkeypatch):
    from billtui.api.calls import services
    from billtui.screens.services import service_actions

    async def goto_server(client, elid):
        return url

    monkeypatch.setattr(services, "goto_server", goto_server)
    app = demo_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        service = type("Service", (), {"id": "101", "name": "db-01", "domain": "", "ip": ""})()
        await service_actions._goto(app, service)
        await settle(pilot)
        assert browser == [] and copied == []
        assert _refused(app) and not any("Opened in your browser" in str(n.message) for n in app._notifications)


async def test_a_javascript_payment_page_is_refused(browser):
    from billtui.screens.common.payflow import PaymentPageScreen, show_payment_page

    app = demo_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await show_payment_page(app, "javascript:alert(document.cookie)", "Adding 5.00 USD")
        await settle(pilot)
        assert browser == [] and copied == []
        assert not isinstance(app.screen, PaymentPageScreen)
        assert _refused(app)
        await show_payment_page(app, "https://pay.example.com/pay/7", "Adding 5.00 USD")
        await settle(pilot)
        assert browser == ["https://pay.example.com/pay/7"]


async def test_a_payment_page_screen_never_copies_what_is_not_a_web_page():
    from billtui.screens.common.payflow import PaymentPageScreen

    app = demo_app()
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await app.push_screen(PaymentPageScreen("file:///etc/passwd", "Adding"))
        await settle(pilot)
        assert copied == [] and not isinstance(app.screen, PaymentPageScreen) and _refused(app)
