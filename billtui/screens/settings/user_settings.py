"""User settings: language and time zone (the panel's lists), the colour theme
(billtui's own, applied at once), the password, two-factor authentication.

A new language applies at once: billtui asks the panel in it from the next request on, the
panes on screen reload in it, and it is remembered for the profile — unless ``--lang`` or the
profile's ``language`` in the config file fix billtui's, which the status line then says.

Two-factor: the panel says whether it is on in ``status_totp``; ctrl+t turns
it on (``totp.new``) or, when it is on, off with a current code
(``usrparam`` ``disable_totp``), as the production panel does.

The password change updates what billtui logs in with (the client and, when
the password was remembered, the keyring), so a silent re-login after the
session expires keeps working with the new password.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Input, Select, Static

from billtui.screens.settings.settings_form import FormPane, form_status, select
from billtui.workers import later

PASSWORD_FIELDS = ("old_passwd", "passwd", "confirm")


class UserSettingsPane(FormPane):
    title = "User settings"
    prefix = "usr"
    #: What the status line says once the pane has loaded again (a new language reloads it).
    _note_after_load = ""
    BINDINGS = [
        Binding("ctrl+s", "save", "Save language/time zone", id="user-settings.save"),
        Binding("ctrl+o", "change_password", "Change password", id="user-settings.change-password"),
        Binding("ctrl+t", "two_factor", "Two-factor on/off", id="user-settings.two-factor"),
    ]

    async def fetch(self) -> Any:
        from billtui.api.calls import settings

        return await settings.usrparam_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        from billtui.api.calls.settings import totp_status

        self.form = form
        self.totp = totp_status(form)
        app = self.app
        themes = sorted(app.available_themes)
        theme = Select([(Text(name), name) for name in themes], value=app.theme, allow_blank=False)
        totp = {True: "on — to turn it off, type a current code below and press ctrl+t",
                False: "off — press ctrl+t to turn it on", None: "the panel does not say"}[self.totp]
        two_factor: list[Any] = [
            Static(Text("Two-factor authentication"), classes="section"),
            Static(Text(f"Two-factor authentication: {totp}"), id="usr-totp", classes="muted"),
        ]
        if self.totp:
            two_factor.append(self.make_field("Code from your authenticator app", "disable_totp",
                                              Input(placeholder="6-digit code")))
        return [
            Static(Text("Preferences (ctrl+s saves)"), classes="section"),
            self.make_field("Language", "lang", select(form, "lang", self.fid("lang"))),
            self.make_field("Time zone", "timezone", select(form, "timezone", self.fid("timezone"))),
            Static(Text("Colour theme (applied at once, remembered)"), classes="section"),
            self.make_field("Theme", "theme", theme),
            Static(Text("Password (ctrl+o changes it)"), classes="section"),
            self.make_field("Current password", "old_passwd", Input(password=True)),
            self.make_field("New password", "passwd", Input(password=True)),
            self.make_field("Confirm new password", "confirm", Input(password=True)),
            *two_factor,
            form_status(self._take_note()),
        ]

    def _take_note(self) -> str:
        note, self._note_after_load = self._note_after_load, ""
        return note

    def focus_content(self) -> None:
        found = self.query(f"#{self.fid('lang')}")
        (found.first() if found else self).focus()

    # ---------------------------------------------------------- theme

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != self.fid("theme") or event.value is Select.NULL:
            return
        app: Any = self.app
        if app.theme == event.value:
            return
        app.theme = str(event.value)
        app.save_theme()
        where = "for this session" if app.launch.mode == "demo" else "and remembered"
        self.notify(f"Theme {event.value} applied {where}.")

    # ---------------------------------------------------- preferences

    def action_save(self) -> None:
        if not self.query(f"#{self.fid('lang')}"):
            return
        # Only what this section edits: the production panel saves usrparam in parts, and
        # echoing the whole view would put back notice switches changed since it was read.
        # A blank one (a panel whose form has no language list) is left out, not sent empty.
        values = {name: value for name in ("lang", "timezone") if (value := self.value(name))}
        self.clear_errors(("lang", "timezone"))
        self.form_status("Saving…")
        self.run_worker(later(self._save, values), exclusive=True, group="usr-save")

    async def _save(self, values: dict[str, str]) -> None:
        from billtui.api.calls import settings

        try:
            await settings.usrparam_save(self.billtui.client, **values)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, "Settings not saved")
            return
        before = self.form.get("lang")
        self.form = type(self.form)(values={**self.form.values, **values}, options=self.form.options,
                                    lists=self.form.lists)
        kept = ""
        chosen = values.get("lang", "")
        if chosen and chosen != before:
            was = self.billtui.language.code
            # Set first: a change of billtui's language reloads this pane too, after this returns.
            self._note_after_load = "Saved."
            now = self.billtui.panel_language_chosen(chosen)
            if now.code != chosen:
                kept = f" {now.kept()}"
            if now.code == was:
                self._note_after_load = ""  # nothing reloads: the line below stays
        self.form_status(f"Saved.{kept}")
        # Also a toast: the status line sits under the whole form, often below the fold.
        self.notify(f"Language and time zone saved.{kept}", timeout=10 if kept else None)

    # ------------------------------------------------------- password

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter moves through the password fields; on the last one it changes the password."""
        if event.input.id == self.fid("confirm"):
            event.stop()
            self.action_change_password()
        elif event.input.id == self.fid("disable_totp"):
            event.stop()
            self.action_two_factor()
        elif event.input.id in (self.fid("old_passwd"), self.fid("passwd")):
            event.stop()
            self.screen.focus_next()

    def action_change_password(self) -> None:
        if not self.query(f"#{self.fid('old_passwd')}"):
            return
        old, new, confirm = (self.value(n) for n in PASSWORD_FIELDS)
        self.clear_errors(PASSWORD_FIELDS)
        self.form_status("")
        if not old:
            self.mark("old_passwd", "Type your current password.")
            return
        if not new:
            self.mark("passwd", "Type the new password.")
            return
        if new != confirm:
            self.mark("confirm", "The two new passwords do not match: type the same one twice.")
            return
        self.form_status("Changing the password…")
        self.run_worker(later(self._change_password, old, new), exclusive=True, group="usr-password")

    async def _change_password(self, old: str, new: str) -> None:
        from billtui.api.calls import settings

        client = self.billtui.client
        try:
            await settings.change_password(client, old, new, self.form)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, "Password not changed")
            return
        client.set_password(new)
        where = self._remember_new_password(new)
        for name in PASSWORD_FIELDS:
            self.query_one(f"#{self.fid(name)}", Input).value = ""
        self.form_status(f"Password changed. {where}")
        self.notify(f"Password changed. {where}", timeout=10)

    def _remember_new_password(self, new: str) -> str:
        """Keep the remembered copy in step; say where the user must update it themselves."""
        app: Any = self.app
        profile = app.profile
        if app.launch.mode == "demo" or profile is None:
            return "This demo session logs in with it from now on."
        from billtui.storage import credentials

        if profile.password_command:
            return "Update it in your password manager too (the profile's password_command)."
        try:
            found = credentials.find_password(profile.name, profile.username)
        except credentials.CredentialError:
            found = None
        if found is not None and found.source == "environment":
            return f"Update {credentials.ENV_VAR} too: it still holds the old one."
        if found is not None and found.source == "keyring":
            if credentials.store_password(profile.name, profile.username, new):
                return "The remembered password was updated."
            return "The keyring could not be updated: type the new password at the next start."
        return "Type the new password at the next start."

    # ------------------------------------------------------ two-factor

    def action_two_factor(self) -> None:
        if not hasattr(self, "totp"):
            return  # still loading
        if self.totp:
            self._ask_to_disable()
            return
        from billtui.screens.settings.totp_setup import TotpSetupScreen

        def done(enabled: bool | None) -> None:
            if enabled:
                self.reload()

        self.app.push_screen(TotpSetupScreen(), callback=done)

    def _ask_to_disable(self) -> None:
        code = self.value("disable_totp").strip() if self.query(f"#{self.fid('disable_totp')}") else ""
        self.clear_errors(("disable_totp",))
        if not (code.isdigit() and len(code) == 6):
            self.mark("disable_totp", "Type the 6-digit code your app shows now, then press ctrl+t.")
            return
        from billtui.widgets.confirm import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self.form_status("Turning two-factor authentication off…")
                self.run_worker(later(self._disable, code), exclusive=True, group="usr-totp")

        self.app.push_screen(ConfirmScreen("Turn two-factor authentication off? Logging in will ask "
                                           "only for the password.", yes="Turn off"), callback=decided)

    async def _disable(self, code: str) -> None:
        from billtui.api.calls import settings

        try:
            await settings.totp_disable(self.billtui.client, code, self.form)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, "Two-factor authentication is still on")
            return
        self.notify("Two-factor authentication is off.")
        self.reload()
