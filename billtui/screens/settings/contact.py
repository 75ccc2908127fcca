"""Settings (contact data, Standard only): where the provider sends notices.

Checked here first (so an obvious typo never costs a round trip), then by the
panel, whose message lands on the field it names.
"""

from __future__ import annotations

import re
from typing import Any

from textual.binding import Binding
from textual.widgets import Input

from billtui.i18n import N_, _
from billtui.screens.settings.settings_form import FormPane, form_status, select
from billtui.workers import later

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_RE = re.compile(r"^\+?[0-9 ()\-]{5,20}$")

#: (panel field, label) in the order shown; the label is translated where it is shown.
FIELDS = (("contactperson", N_("Contact person")), ("email", N_("Email for notices")),
          ("phone", N_("Phone")), ("country", N_("Country")))


def validate(values: dict[str, str]) -> dict[str, str]:
    """Field → message for what is plainly wrong; the panel has the last word."""
    errors: dict[str, str] = {}
    if not values.get("contactperson", "").strip():
        errors["contactperson"] = _("Type the name of the person to contact.")
    if not EMAIL_RE.match(values.get("email", "").strip()):
        errors["email"] = _("Type an email address like name@example.com.")
    phone = values.get("phone", "").strip()
    if phone and not PHONE_RE.match(phone):
        errors["phone"] = _("Use digits, spaces, ( ) and -, optionally starting with +.")
    return errors


class ContactSettingsPane(FormPane):
    title = N_("Settings (contact data)")
    prefix = "contact"
    BINDINGS = [Binding("ctrl+s", "save", N_("Save"), id="contact-settings.save")]

    async def fetch(self) -> Any:
        from billtui.api.calls import settings

        return await settings.clientoption_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        self.form = form
        widgets: list[Any] = []
        for name, label in FIELDS:
            if name == "country" and form.options.get("country"):
                control: Any = select(form, name, self.fid(name))
            else:
                control = Input(value=form.values.get(name, ""))
            widgets.append(self.make_field(_(label), name, control))
        widgets.append(form_status())
        return widgets

    def focus_content(self) -> None:
        found = self.query(f"#{self.fid('contactperson')}")
        (found.first() if found else self).focus()

    def action_save(self) -> None:
        if not self.query(f"#{self.fid('email')}"):
            return  # still loading
        values = {name: self.value(name).strip() for name, _label in FIELDS}
        self.clear_errors(values)
        self.form_status("")
        errors = validate(values)
        if errors:
            for name, message in reversed(list(errors.items())):
                self.mark(name, message)
            self.notify(_("Contact data not saved: check the marked fields."), severity="error")
            return
        self.form_status(_("Saving…"))
        self.run_worker(later(self._save, values), exclusive=True, group="contact-save")

    async def _save(self, values: dict[str, str]) -> None:
        from billtui.api.calls import settings

        try:
            await settings.clientoption_save(self.billtui.client, **values)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, _("Contact data not saved"))
            return
        self.form_status(_("Saved."))
        self.notify(_("Contact data saved."))
