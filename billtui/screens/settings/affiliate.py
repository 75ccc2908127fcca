"""Affiliate program (Advanced only): join a program, see and copy the
referral link and the promo code (c / p, one key each)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Input, Static

from billtui.display.safe import clean
from billtui.display import styles
from billtui.screens.settings.settings_form import FormPane, form_status, select
from billtui.workers import later


class AffiliatePane(FormPane):
    title = "Affiliate program"
    prefix = "aff"
    DEFAULT_CSS = styles.load("screens/settings/AffiliatePane.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Join / save", id="affiliate.save"),
        Binding("c", "copy('url')", "Copy link", id="affiliate.copy-link"),
        Binding("p", "copy('promocode')", "Copy promo code", id="affiliate.copy-promo-code"),
    ]

    async def fetch(self) -> Any:
        from billtui.api.calls import settings

        return await settings.affiliate_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        self.form = form
        joined = bool(form.get("affiliate"))
        intro = ("You are in the program below. Share the link or the promo code: c copies the link, "
                 "p the promo code." if joined else
                 "Choose a program and press ctrl+s to join it.")
        return [
            Static(Text(intro), classes="muted"),
            self.make_field("Program", "affiliate", select(form, "affiliate", self.fid("affiliate"))),
            Static(Text("Referral link (c copies)"), classes="section"),
            Static(Text(clean(form.get("url")) or "—"), id="aff-link"),
            self.make_field("Promo code (p copies)", "promocode", Input(value=form.get("promocode")),
                            hint="Letters, digits, - and _; leave empty for none."),
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
            label = "Promo code"
        else:
            value, label = form.get("url"), "Referral link"
        value = clean(value)
        if not value:
            self.notify(f"No {label.lower()} yet: join a program first.", severity="warning")
            return
        self.app.copy_to_clipboard(value)
        self.notify(f"{label} copied to the clipboard: {value}")

    def action_save(self) -> None:
        if not self.query(f"#{self.fid('affiliate')}"):
            return
        program = self.value("affiliate")
        self.clear_errors(("affiliate", "promocode"))
        if not program:
            self.mark("affiliate", "Choose a program to join.")
            return
        values = {"affiliate": program, "promocode": self.value("promocode").strip()}
        self.form_status("Saving…")
        self.run_worker(later(self._save, values), exclusive=True, group="aff-save")

    async def _save(self, values: dict[str, str]) -> None:
        from billtui.api.calls import settings

        joined = bool(self.form.get("affiliate"))
        try:
            await settings.affiliate_save(self.billtui.client, **values)
        except Exception as exc:
            self.form_status("")
            self.show_failure(exc, "Affiliate program not saved")
            return
        self.notify("Affiliate program saved." if joined else "You joined the affiliate program.")
        self.reload()  # the referral link and code come from the panel
