"""The one-line header: where you are logged in, your balance, the edition.

The edition is always on screen (DESIGN.md §1): it decides what the menu holds,
so a user must never have to guess which one billtui is showing.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from billtui.display import format as fmt
from billtui.api.values import Money, money_text
from billtui.display.safe import clean
from billtui.display import styles
from billtui.i18n import _


class HeaderBar(Widget):
    DEFAULT_CSS = styles.load("widgets/HeaderBar.tcss")

    host: reactive[str] = reactive("")
    user: reactive[str] = reactive("")
    balance: reactive[str] = reactive("")
    edition: reactive[str] = reactive("")
    warning: reactive[str] = reactive("")
    crumb: reactive[str] = reactive("")

    def show_session(self, app: Any) -> None:
        """Fill in who, where, the balance and the edition from the app.

        Every full screen shows this bar, so the edition is never out of sight.
        """
        self.edition = app.edition.title
        client = app.client
        self.host = getattr(client, "host", "") if client else ""
        user = app.session.user
        self.user = (getattr(user, "login", "") or getattr(user, "realname", "")) if user else (
            app.profile.username if app.profile else ""
        )
        dashboard = app.session.dashboard
        balance = getattr(dashboard, "balance", None) if dashboard else None
        # As the panel wrote it: its currency symbol where it put it (``$124.50``, ``12.34 €``), else the code.
        self.balance = (money_text(balance) if isinstance(balance, Money)
                        else fmt.money(balance) if balance is not None else "")
        self.warning = _("TLS not verified") if app.profile and not app.profile.verify_tls else ""
        stale = app.offline
        if stale is not None:  # saved data while the panel is unreachable (billtui.runtime.offline)
            self.warning = " · ".join(w for w in (stale.warning, self.warning) if w)

    def render(self) -> Text:
        # Fixed parts first so that at 80 columns the least useful part (the
        # breadcrumb) is what gets cut, never the edition.
        parts: list[tuple[str, str]] = [(" billtui ", "bold reverse")]
        if self.edition:
            parts.append((f" {self.edition} ", "bold"))
        if self.warning:
            parts.append((f" ⚠ {clean(self.warning)} ", "bold red"))
        who = clean(self.user)
        if self.host:
            who = f"{who}@{clean(self.host)}" if who else clean(self.host)
        if who:
            parts.append((f" {who} ", ""))
        if self.balance:
            parts.append((" " + _("Balance {amount}").format(amount=clean(self.balance)) + " ", "bold"))
        if self.crumb:
            parts.append((f" › {clean(self.crumb)} ", "dim"))
        from billtui.display.plain import is_plain, separator

        sep = separator(is_plain(self))
        # Where you are matters more than the host you already know: when the line is too
        # narrow for the breadcrumb, the host goes first, then the login.
        width = self.size.width
        if who and self.crumb and width:
            def length() -> int:
                return sum(len(c) for c, _style in parts) + len(sep) * (len(parts) - 1)

            index = next(i for i, (c, _style) in enumerate(parts) if c == f" {who} ")
            if length() > width and self.host and clean(self.user):
                parts[index] = (f" {clean(self.user)} ", "")
            if length() > width:
                del parts[index]
        text = Text(no_wrap=True, overflow="ellipsis")
        for i, (chunk, style) in enumerate(parts):
            if i:
                text.append(sep, "dim")
            text.append(chunk, style)
        return text
