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

from billtui.i18n import N_, _
from billtui.screens.settings.settings_form import FormPane, form_status, select
from billtui.workers import later

PASSWORD_FIELDS = ("old_passwd", "passwd", "confirm")


class UserSettingsPane(FormPane):
    title = N_("User settings")
    prefix = "usr"
    #: What the status line says once the pane has loaded again (a new language reloads it): a text
    #: marked with ``N_``, translated when shown, so that it is in the language the pane reloads in.
    _note_after_load = ""
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Save language/time zone"), id="user-settings.save"),
        Binding("ctrl+o", "change_password", N_("Change password"), id="user-settings.change-password"),
        Binding("ctrl+t", "two_factor", N_("Two-factor on/off"), id="user-settings.two-factor"),
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
        totp = {True: _("Two-factor authentication: on — to turn it off, type a current code below and press "
                        "ctrl+t"),
                False: _("Two-factor authentication: off — press ctrl+t to turn it on"),
                None: _("Two-factor authentication: the panel does not say")}[self.totp]
        two_factor: list[Any] = [
            Static(Text(_("Two-factor authentication")), classes="section"),
            Static(Text(totp), id="usr-totp", classes="muted"),
        ]
        if self.totp:
            two_factor.append(self.make_field(_("Code from your authenticator app"), "disable_totp",
                                              Input(placeholder=_("6-digit code"))))
        return [
            Static(Text(_("Preferences (ctrl+s saves)")), classes="section"),
            self.make_field(_("Language"), "lang", select(form, "lang", self.fid("lang"))),
            self.make_field(_("Time zone"), "timezone", select(form, "timezone", self.fid("timezone"))),
            Static(Text(_("Colour theme (applied at once, remembered)")), classes="section"),
            self.make_field(_("Theme"), "theme", theme),
            Static(Text(_("Password (ctrl+o changes it)")), classes="section"),
            self.make_field(_("Current password"), "old_passwd", Input(password=True)),
            self.make_field(_("New password"), "passwd", Input(password=True)),
            self.make_field(_("Confirm new password"), "confirm", Input(password=True)),
            *two_factor,
            form_status(self._take_note()),
        ]

    def _take_note(self) -> str:
        note, self._note_after_load = self._note_after_load, ""
        return _(note)

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
        applied = (_("Theme {theme} applied for this session.") if app.launch.mode == "demo" else
                   _("Theme {theme} applied and remembered."))
        self.notify(applied.format(theme=event.value))

    # ---------------------------------------------------- preferences

    def action_save(self) -> None:
        if not self.query(f"#{self.fid('lang')}"):
            return
        # Only what this section edits: the production panel saves usrparam in parts, and
        # echoing the whole view would put back notice switches changed since it was read.
        # A blank one (a panel whose form has no language list) is left out, not sent empty.
        values = {name: value for name in ("lang", "timezone") if (value := self.value(name))}
        self.clear_errors(("lang", "timezone"))
        self.form_status(_("Saving…"))
        self.run_worker(later(self._save, values), exclusive=True, group="usr-save")

    async def _save(self, values: dict[str, str]) -> None:
        from billtui.api.calls import settings

        try:
            await settings.usrparam_save(self.billtui.client, **values)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, _("Settings not saved"))
            return
        before = self.form.get("lang")
        self.form = type(self.form)(values={**self.form.values, **values}, options=self.form.options,
                                    lists=self.form.lists)
        kept = ""
        chosen = values.get("lang", "")
        if chosen and chosen != before:
            was = self.billtui.language.code
            # Set first: a change of billtui's language reloads this pane too, after this returns.
            self._note_after_load = N_("Saved.")
            now = self.billtui.panel_language_chosen(chosen)
            if now.code != chosen:
                kept = f" {now.kept()}"
            if now.code == was:
                self._note_after_load = ""  # nothing reloads: the line below stays
        self.form_status(_("Saved.") + kept)
        # Also a toast: the status line sits under the whole form, often below the fold.
        self.notify(_("Language and time zone saved.") + kept, timeout=10 if kept else None)

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
            self.mark("old_passwd", _("Type your current password."))
            return
        if not new:
            self.mark("passwd", _("Type the new password."))
            return
        if new != confirm:
            self.mark("confirm", _("The two new passwords do not match: type the same one twice."))
            return
        self.form_status(_("Changing the password…"))
        self.run_worker(later(self._change_password, old, new), exclusive=True, group="usr-password")

    async def _change_password(self, old: str, new: str) -> None:
        from billtui.api.calls import settings

        client = self.billtui.client
        try:
            await settings.change_password(client, old, new, self.form)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, _("Password not changed"))
            return
        client.set_password(new)
        where = self._remember_new_password(new)
        for name in PASSWORD_FIELDS:
            self.query_one(f"#{self.fid(name)}", Input).value = ""
        changed = _("Password changed.") + " " + where
        self.form_status(changed)
        self.notify(changed, timeout=10)

    def _remember_new_password(self, new: str) -> str:
        """Keep the remembered copy in step; say where the user must update it themselves."""
        app: Any = self.app
        profile = app.profile
        if app.launch.mode == "demo" or profile is None:
            return _("This demo session logs in with it from now on.")
        from billtui.storage import credentials

        if profile.password_command:
            return _("Update it in your password manager too (the profile's password_command).")
        try:
            found = credentials.find_password(profile.name, profile.username)
        except credentials.CredentialError:
            found = None
        if found is not None and found.source == "environment":
            return _("Update {variable} too: it still holds the old one.").format(variable=credentials.ENV_VAR)
        if found is not None and found.source == "keyring":
            if credentials.store_password(profile.name, profile.username, new):
                return _("The remembered password was updated.")
            return _("The keyring could not be updated: type the new password at the next start.")
        return _("Type the new password at the next start.")

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
            self.mark("disable_totp", _("Type the 6-digit code your app shows now, then press ctrl+t."))
            return
        from billtui.widgets.confirm import ConfirmScreen

        def decided(yes: bool | None) -> None:
            if yes:
                self.form_status(_("Turning two-factor authentication off…"))
                self.run_worker(later(self._disable, code), exclusive=True, group="usr-totp")

        self.app.push_screen(ConfirmScreen(_("Turn two-factor authentication off? Logging in will ask "
                                             "only for the password."), yes=_("Turn off")), callback=decided)

    async def _disable(self, code: str) -> None:
        from billtui.api.calls import settings

        try:
            await settings.totp_disable(self.billtui.client, code, self.form)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, _("Two-factor authentication is still on"))
            return
        self.notify(_("Two-factor authentication is off."))
        self.reload()
