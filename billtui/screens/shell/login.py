"""Log in to a profile's panel, and the two-factor code prompt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Checkbox, Input, Static

from billtui.storage import credentials
from billtui.api.secret import Secret
from billtui.storage.config import Profile
from billtui.display.safe import clean
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.i18n import N_, _, pgettext



class LoginScreen(Screen[None]):
    DEFAULT_CSS = styles.load("screens/shell/LoginScreen.tcss")
    BINDINGS = [
        Binding("ctrl+s", "submit", N_("Log in"), id="login.submit"),
        # priority: the login and password boxes take ctrl+e (end of line) and would swallow it;
        # End still goes to the end of the line.
        Binding("ctrl+e", "edit_profile", N_("Edit profile"), priority=True, id="login.edit-profile"),
        # The first screen: leaving it is leaving billtui, and the footer must say how.
        Binding("escape", "app.quit_app", N_("Quit"), id="login.quit-app"),
    ]

    def __init__(self, profile: Profile | None, *, error: str | None = None, field: str | None = None) -> None:
        super().__init__()
        self.profile = profile
        self.error = error
        self.error_field = field  # the field the error is about (shown there), or None: shown on top
        self.has_keyring = credentials.keyring_available()

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        profile = self.profile
        with VerticalScroll() as box:
            box.border_title = pgettext("title", "Log in")
            if profile is not None:
                yield Static(
                    Text.assemble((_("Profile") + " ", "dim"), clean(profile.name), ("  " + _("Panel") + " ", "dim"),
                                  clean(profile.url)),
                    id="login-where",
                )
            yield Static("", id="login-error")
            yield Field(_("Login"), Input(value=profile.username if profile else "", id="username"), id="f-username")
            yield Field(_("Password"), Input(password=True, id="password"), id="f-password")
            if self.has_keyring:
                yield Checkbox(_("Remember the password in the system keyring"), True, id="remember")
            else:
                yield Static(Text(_(credentials.NO_KEYRING_HINT)), id="login-note")
            with Horizontal():
                yield Button(_("Edit profile (ctrl+e)"), id="edit")
                yield Button(_("Log in (enter)"), id="login", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.show_error(self.error, field=self.error_field)
        if not self.error_field:
            self.query_one("#password", Input).focus()

    def show_error(self, message: str | None, *, field: str | None = None) -> None:
        """On the field it is about (marked, focused), else on top: never both, never twice."""
        self.query_one("#login-error", Static).update(Text("" if field else message or ""))
        for name in ("username", "password"):
            self.query_one(f"#f-{name}", Field).set_error(None)
        if field:
            target = self.query_one(f"#f-{field}", Field)
            target.set_error(message)
            control = target.query_one(Input)
            control.focus()
            control.action_select_all()
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        button = self.query_one("#login", Button)
        button.disabled = busy
        button.label = _("Logging in…") if busy else _("Log in (enter)")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "login":
            self.action_submit()
        elif event.button.id == "edit":
            self.action_edit_profile()

    def action_submit(self) -> None:
        username = self.query_one("#username", Input).value.strip()
        # A Secret from the start: this handler's locals are in a crash report too.
        password = Secret(self.query_one("#password", Input).value)
        if not username:
            self.query_one("#f-username", Field).set_error(_("Enter your login."))
            return
        if not password:
            self.query_one("#f-password", Field).set_error(_("Enter your password."))
            self.query_one("#password", Input).focus()
            return
        remember = self.has_keyring and self.query_one("#remember", Checkbox).value
        app = self.billtui
        if app.profile is not None and username != app.profile.username:
            from dataclasses import replace

            app.profile = replace(app.profile, username=username)
        self.query_one("#login-error", Static).update("")
        self.set_busy(True)
        app.login(password, remember=remember)

    def action_edit_profile(self) -> None:
        from billtui.screens.shell.profile_form import ProfileFormScreen

        self.app.push_screen(ProfileFormScreen(profile=self.profile))


class TotpScreen(ModalScreen[str]):
    """The panel wants a two-factor code (``whoami`` said ``totp.confirm``)."""

    DEFAULT_CSS = styles.load("screens/shell/TotpScreen.tcss")
    BINDINGS = [Binding("escape", "cancel", N_("Cancel"), id="totp.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Two-factor authentication")
            yield Static(_("Enter the 6-digit code from your authenticator app."))
            yield Field(_("Code"), Input(max_length=6, restrict=r"[0-9]*", id="code"), id="f-code")

    def on_mount(self) -> None:
        self.query_one("#code", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        code = event.value.strip()
        if len(code) != 6:
            self.query_one("#f-code", Field).set_error(_("The code has 6 digits."))
            return
        self.dismiss(code)

    def action_cancel(self) -> None:
        self.dismiss("")
