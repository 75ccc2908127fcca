"""Affiliate program (Advanced only): join a program, see and copy the
referral link and the promo code (c / p, one key each)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Input, Static

from billtui.display.safe import clean
from billtui.display import styles
from billtui.i18n import N_, _
from billtui.screens.settings.settings_form import FormPane, form_status, select
from billtui.workers import later


class AffiliatePane(FormPane):
    title = N_("Affiliate program")
    prefix = "aff"
    DEFAULT_CSS = styles.load("screens/settings/AffiliatePane.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", N_("Join / save"), id="affiliate.save"),
        Binding("c", "copy('url')", N_("Copy link"), id="affiliate.copy-link"),
        Binding("p", "copy('promocode')", N_("Copy promo code"), id="affiliate.copy-promo-code"),
    ]

    async def fetch(self) -> Any:
        from billtui.api.calls import settings

        return await settings.affiliate_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        self.form = form
        joined = bool(form.get("affiliate"))
        intro = (_("You are in the program below. Share the link or the promo code: c copies the link, "
                   "p the promo code.") if joined else
                 _("Choose a program and press ctrl+s to join it."))
        return [
            Static(Text(intro), classes="muted"),
            self.make_field(_("Program"), "affiliate", select(form, "affiliate", self.fid("affiliate"))),
            Static(Text(_("Referral link (c copies)")), classes="section"),
            Static(Text(clean(form.get("url")) or "—"), id="aff-link"),
            self.make_field(_("Promo code (p copies)"), "promocode", Input(value=form.get("promocode")),
                            hint=_("Letters, digits, - and _; leave empty for none.")),
            form_status(),
        ]

    def focus_content(self) -> None:
        found = self.query(f"#{self.fid('affiliate')}")
        (found.first() if found else self).focus()

    def action_copy(self, what: str) -> None:
        form = getattr(self, "form", None)
        if form is None:
            return
        if what == "promocode":
            value = self.value("promocode").strip() if self.query(f"#{self.fid('promocode')}") else ""
            value = value or form.get("promocode")
            missing = _("No promo code yet: join a program first.")
            copied = _("Promo code copied to the clipboard: {value}")
        else:
            value = form.get("url")
            missing = _("No referral link yet: join a program first.")
            copied = _("Referral link copied to the clipboard: {value}")
        value = clean(value)
        if not value:
            self.notify(missing, severity="warning")
            return
        self.app.copy_to_clipboard(value)
        self.notify(copied.format(value=value))

    def action_save(self) -> None:
        if not self.query(f"#{self.fid('affiliate')}"):
            return
        program = self.value("affiliate")
        self.clear_errors(("affiliate", "promocode"))
        if not program:
            self.mark("affiliate", _("Choose a program to join."))
            return
        values = {"affiliate": program, "promocode": self.value("promocode").strip()}
        self.form_status(_("Saving…"))
        self.run_worker(later(self._save, values), exclusive=True, group="aff-save")

    async def _save(self, values: dict[str, str]) -> None:
        from billtui.api.calls import settings

        joined = bool(self.form.get("affiliate"))
        try:
            await settings.affiliate_save(self.billtui.client, **values)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, _("Affiliate program not saved"))
            return
        self.notify(_("Affiliate program saved.") if joined else _("You joined the affiliate program."))
        self.reload()  # the referral link and code come from the panel
