"""Create or edit a profile: which panel, which login, how to get the password.

The form never writes the password to disk: it goes to the keyring when there
is one (and the user asks), otherwise it is used for this session only.
"""

from __future__ import annotations

import shlex
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlparse

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Select, Static

from billtui.storage import config as config_mod
from billtui.storage import credentials
from billtui.storage.config import Profile
from billtui.display.safe import plain
from billtui.menu import Edition
from billtui.widgets.field import Field
from billtui.widgets.footer import Footer
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.i18n import N_, _


URL_HINT = N_("e.g. https://billing.example.com:1500/billmgr")


class ProfileFormScreen(Screen[None]):
    DEFAULT_CSS = styles.load("screens/shell/ProfileFormScreen.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save and log in"), id="profile-form.save"),
        Binding("escape", "cancel", N_("Cancel"), id="profile-form.cancel"),
    ]

    def __init__(self, *, profile: Profile | None = None, first_run: bool = False) -> None:
        super().__init__()
        self.profile = profile
        self.first_run = first_run
        self.has_keyring = credentials.keyring_available()

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        p = self.profile
        with VerticalScroll() as box:
            # a name may hold "["
            box.border_title = _("New profile") if p is None else plain(_("Profile {name}").format(name=p.name))
            if self.first_run:
                yield Static(
                    _("Welcome to billtui. Tell it which BILLmanager panel to use. "
                      "Try the demo panel any time with: billtui --demo"),
                    id="intro",
                )
            yield Field(_("Profile name"), Input(value=p.name if p else "default", id="name"), id="f-name")
            yield Field(_("Panel URL"), Input(value=p.url if p else "", placeholder=_(URL_HINT), id="url"),
                        hint=_(URL_HINT), id="f-url")
            yield Field(_("Login"), Input(value=p.username if p else "", id="username"), id="f-username")
            yield Field(_("Password"), Input(password=True, id="password"), id="f-password",
                        hint=_("Never written to a file."))
            if self.has_keyring:
                yield Checkbox(_("Remember the password in the system keyring"),
                               p.remember_password if p else True, id="remember")
            else:
                yield Static(Text(_(credentials.NO_KEYRING_HINT)), id="keyring-note")
            yield Field(_("Edition"), Select(
                [(e.title, e.value) for e in Edition],
                value=(p.edition if p else Edition.STANDARD).value,
                allow_blank=False, id="edition"), id="f-edition",
                hint=_("Your provider's BILLmanager edition decides which menu items exist."))
            yield Field(_("Password command (optional)"), Input(
                value=shlex.join(p.password_command) if p and p.password_command else "",
                placeholder="pass show hosting/billing", id="password_command"),
                id="f-password_command", hint=_("Run without a shell; its first line is the password."))
            yield Checkbox(_("Verify the panel's TLS certificate"), p.verify_tls if p else True, id="verify_tls")
            yield Field(_("CA bundle (optional)"), Input(value=p.ca_bundle if p else "",
                        placeholder="/path/to/ca.pem", id="ca_bundle"), id="f-ca_bundle",
                        hint=_("For a panel with a self-signed certificate."))
            with Horizontal():
                if not self.first_run:
                    yield Button(_("Cancel (esc)"), id="cancel")
                yield Button(_("Save and log in (ctrl+s)"), id="save", variant="primary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#url" if self.profile is None else "#password", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.focus_next()

    def _value(self, name: str) -> str:
        return self.query_one(f"#{name}", Input).value.strip()

    def _errors(self) -> dict[str, str]:
        errors: dict[str, str] = {}
        if not self._value("name"):
            errors["name"] = _("Give the profile a name.")
        url = self._value("url")
        parsed = urlparse(url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            errors["url"] = _("Enter the panel's full address, {example}.").format(example=_(URL_HINT))
        if not self._value("username"):
            errors["username"] = _("Enter your login.")
        command = self._value("password_command")
        if command:
            try:
                shlex.split(command)
            except ValueError as exc:
                errors["password_command"] = _("Cannot read this command: {error}.").format(error=exc)
        return errors

    def action_save(self) -> None:
        errors = self._errors()
        for name in ("name", "url", "username", "password", "password_command"):
            self.query_one(f"#f-{name}", Field).set_error(errors.get(name))
        if errors:
            first = next(iter(errors))
            self.query_one(f"#{first}", Input).focus()
            return
        remember = self.has_keyring and self.query_one("#remember", Checkbox).value
        profile = Profile(
            name=self._value("name"),
            url=self._value("url"),
            username=self._value("username"),
            edition=Edition(self.query_one("#edition", Select).value),
            verify_tls=self.query_one("#verify_tls", Checkbox).value,
            ca_bundle=self._value("ca_bundle"),
            password_command=tuple(shlex.split(self._value("password_command"))),
            remember_password=remember,
        )
        if self.profile is not None:
            profile = replace(self.profile, **{
                k: getattr(profile, k) for k in (
                    "name", "url", "username", "edition", "verify_tls", "ca_bundle",
                    "password_command", "remember_password")
            })
        app = self.billtui
        config = app.config
        if self.profile is not None and self.profile.name != profile.name:
            config = config.without_profile(self.profile.name)
        app.config = config.with_profile(profile, default=self.first_run)
        try:
            where = config_mod.save(app.config)
        except OSError as exc:
            self.notify(_("Could not save the profile: {error}").format(error=exc), severity="error")
            return
        self.notify(_("Profile saved to {where}.").format(where=where))
        password = self.query_one("#password", Input).value
        if not self.first_run:
            app.pop_screen()
        app.profile = profile
        app.launch = replace(app.launch, mode="profile", profile=profile, edition=None)
        app.edition = profile.edition
        if password:
            app.login(password, remember=remember)
        else:
            app.begin()

    def action_cancel(self) -> None:
        if self.first_run:
            self.app.exit()
        else:
            self.app.pop_screen()
