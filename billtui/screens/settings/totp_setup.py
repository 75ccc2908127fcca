"""Turning on two-factor authentication: the secret to add to an
authenticator app, then the first code to prove it works.

Real panels give the secret and a link to a QR code *image* (``qrimage``),
which a terminal cannot show: the key is typed (or pasted) into the app. An
``otpauth://`` link is shown only when the panel gives one.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.widgets.async_pane import error_text
from billtui.widgets.field import Field
from billtui.host import HostApp, host
from billtui.workers import later
from billtui.display import styles


class TotpSetupScreen(ModalScreen[bool]):
    DEFAULT_CSS = styles.load("screens/settings/TotpSetupScreen.tcss")
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="totp-setup.cancel"),
        Binding("ctrl+y", "copy", N_("Copy the key"), id="totp-setup.copy"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.secret = ""
        self.url = ""
        self.form: Any = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(_("Turn on two-factor authentication"), style="bold"))
            yield Static(Text(_("Asking the panel for a secret key…")), id="totp-info", classes="muted")
            yield Field(_("Code from your authenticator app"), Input(placeholder="123456", id="totp-code"),
                        id="totp-code-field", hint=_("Enter confirms; escape cancels."))

    def on_mount(self) -> None:
        self.query_one("#totp-code", Input).focus()
        self.run_worker(later(self._load), exclusive=True)

    async def _load(self) -> None:
        from billtui.api.calls import settings

        info = self.query_one("#totp-info", Static)
        try:
            form = await settings.totp_new(host(self).client)
        except Exception as exc:
            info.update(Text(_("✗ {error} Press escape and try again later.").format(error=error_text(exc))))
            return
        self.form = form
        self.values = form.values
        self.secret = clean(form.get("secret"))
        self.url = clean(settings.totp_otpauth_url(form))
        if not self.secret:
            info.update(Text(_("✗ The panel gave no secret key. Press escape and turn it on in the panel's "
                               "web page instead.")))
            return
        text = _("Add this key to your authenticator app (ctrl+y copies it), as a time-based key:\n\n"
                 "  {secret}").format(secret=self.secret)
        if self.url:
            text += "\n\n" + _("or open this link on the phone: {url}").format(url=self.url)
        info.update(Text(text))

    def action_copy(self) -> None:
        if self.secret:
            self.app.copy_to_clipboard(self.secret)
            self.notify(_("Secret key copied to the clipboard."))

    def action_cancel(self) -> None:
        self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        code = event.value.strip()
        field = self.query_one("#totp-code-field", Field)
        if not (code.isdigit() and len(code) == 6):
            field.set_error(_("Type the 6-digit code your app shows now."))
            return
        field.set_error(None)
        self.run_worker(later(self._confirm, code), exclusive=True)

    async def _confirm(self, code: str) -> None:
        from billtui.api.calls import settings

        try:
            await settings.totp_confirm_new(host(self).client, code, self.form)
        except Exception as exc:
            self.query_one("#totp-code-field", Field).set_error(error_text(exc))
            return
        self.notify(_("Two-factor authentication is on. The next login asks for a code."))
        self.dismiss(True)
