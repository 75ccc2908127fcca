"""``:`` — jump anywhere by typing: ``:pay``, ``:inv``, ``:tickets``, ``:vds``, ``:ticket 1001``.

The words are the menu's own aliases (``billtui.menu.MenuItem.alias``), item keys and
titles, the panel's service types, and object kinds followed by an id, number or name.
Anything else is answered with what is possible, and what was typed stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Static

from billtui.menu import ITEMS, Edition, MenuItem, items_for
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.i18n import N_, _, ngettext


# Words that name an object kind, for ":ticket 1001", ":inv INV-2026-0012", ":svc db-01".
KIND_WORDS: dict[str, str] = {
    "ticket": "ticket", "t": "ticket", "tickets": "ticket", "archive": "ticket",
    "invoice": "invoice", "inv": "invoice", "invoices": "invoice",
    "payment": "payment", "pay": "payment", "payments": "payment",
    "service": "service", "svc": "service", "services": "service",
}


#: What the bar says while it looks for an object, by kind (whole sentences: Russian declines the
#: kind's noun), when the search failed, and when nothing was found.
LOOKING: dict[str, str] = {
    "ticket": N_("Looking for ticket {ident}…"),
    "invoice": N_("Looking for invoice {ident}…"),
    "payment": N_("Looking for payment {ident}…"),
    "service": N_("Looking for service {ident}…"),
}
NOT_LOOKED: dict[str, str] = {
    "ticket": N_("Could not look for ticket {ident}: {error}. Enter tries again."),
    "invoice": N_("Could not look for invoice {ident}: {error}. Enter tries again."),
    "payment": N_("Could not look for payment {ident}: {error}. Enter tries again."),
    "service": N_("Could not look for service {ident}: {error}. Enter tries again."),
}
NOT_FOUND: dict[str, str] = {
    "ticket": N_("No ticket {ident!r} found (searched the most recent ones). "
                 "Try its number as shown in the list, or press escape."),
    "invoice": N_("No invoice {ident!r} found (searched the most recent ones). "
                  "Try its number as shown in the list, or press escape."),
    "payment": N_("No payment {ident!r} found (searched the most recent ones). "
                  "Try its number as shown in the list, or press escape."),
    "service": N_("No service {ident!r} found (searched the most recent ones). "
                  "Try its number as shown in the list, or press escape."),
}


#: ``:accounts`` opens the All accounts view, not a menu item.
ACCOUNTS = "\x00accounts"
VIEW_WORDS: dict[str, str] = {"accounts": ACCOUNTS, "all accounts": ACCOUNTS}


@dataclass(frozen=True)
class Target:
    """What a typed line means: a menu key to open, or an object to find."""

    key: str = ""
    kind: str = ""
    ident: str = ""


def _names(item: MenuItem) -> tuple[str, ...]:
    """What an item is called at the ``:`` prompt: its alias, key, and title in English and in the
    current language (the aliases, ``:pay``, are the same in every language)."""
    return (item.alias, item.key, item.key.replace("_", "-"), item.title.lower(), item.label.lower())


def menu_words(app: HostApp) -> dict[str, str]:
    """Every word that opens a menu entry in the current edition → its key."""
    words: dict[str, str] = {}
    for item in items_for(app.edition):
        for word in _names(item):
            if word:
                words.setdefault(word.lower(), item.key)
    menu = app.session.menu
    for stype in getattr(menu, "service_types", ()):
        words.setdefault(stype.name.lower(), f"services/{stype.name}")
        words.setdefault(str(stype.title).lower(), f"services/{stype.name}")
    for word, key in VIEW_WORDS.items():
        words.setdefault(word, key)
    words.setdefault(_("All accounts").lower(), ACCOUNTS)
    return words


def other_edition_item(line: str, edition: Edition) -> MenuItem | None:
    """The item a word names in another edition (":contact" on Advanced), to say where it is."""
    low = " ".join(line.strip().lstrip(":").split()).lower()
    for item in ITEMS:
        if not item.in_edition(edition) and low in set(_names(item)):
            return item
    return None


def parse(line: str, words: dict[str, str]) -> Target | None:
    text = " ".join(line.strip().lstrip(":").split())
    if not text:
        return None
    low = text.lower()
    if low in words:
        return Target(key=words[low])
    head, _sep, rest = text.partition(" ")
    kind = KIND_WORDS.get(head.lower())
    if kind and rest:
        return Target(kind=kind, ident=rest)
    # A bare ticket number or payment/invoice number is unambiguous enough to try.
    if text.lstrip("#").isdigit():
        return Target(kind="ticket", ident=text)
    upper = text.upper()
    if upper.startswith("PM-"):
        return Target(kind="payment", ident=text)
    if upper.startswith("INV-"):
        return Target(kind="invoice", ident=text)
    # A unique prefix of a menu word (":not" → notifications).
    prefixed = {key for word, key in words.items() if word.startswith(low)}
    if len(prefixed) == 1:
        return Target(key=prefixed.pop())
    return None


class JumpScreen(ModalScreen[None]):
    """A one-line prompt at the bottom, as in vim and k9s."""

    DEFAULT_CSS = styles.load("screens/shell/JumpScreen.tcss")
    BINDINGS = [Binding("escape", "close", N_("Close"), id="jump.close")]

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        words = sorted(menu_words(self.billtui))
        with Vertical():
            yield Static(Text(self._hint()), id="jump-help")
            yield Input(placeholder=":pay  :inv  :tickets  :svc  :ticket 1001  :service db-01",
                        suggester=SuggestFromList(words, case_sensitive=False), id="jump-input")

    def _aliases(self) -> str:
        return " ".join([*(f":{i.alias}" for i in items_for(self.billtui.edition) if i.alias), ":accounts"])

    def _hint(self) -> str:
        return _("Go to {aliases} — or an object: ticket N, invoice N, payment N, "
                 "service NAME. Enter jumps, escape closes.").format(aliases=self._aliases())

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    async def on_key(self, event: events.Key) -> None:
        """Keys that reached the bar itself, not its input: typed in one burst with the ``:``
        (a fast typist, a tmux script sending ``:inv⏎``), they arrive before the input has the
        focus. They belong to the input, in order; before, they were dropped and the Enter lost."""
        field = self.query_one("#jump-input", Input)
        if event.key == "enter":
            event.stop()
            field.focus()
            await field.action_submit()
        elif event.is_printable and event.character:
            event.stop()
            field.insert_text_at_cursor(event.character)
            field.focus()

    def _say(self, text: str, error: bool = False) -> None:
        help_line = self.query_one("#jump-help", Static)
        help_line.set_class(error, "-error")
        help_line.update(Text(text))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.app.screen is not self:
            return  # Enter arrived after escape closed the bar: nothing to go to, nothing to dismiss
        line = event.value
        target = parse(line, menu_words(self.billtui))
        if target is None:
            if not line.strip():
                self.dismiss(None)
                return
            elsewhere = other_edition_item(line, self.billtui.edition)
            if elsewhere is not None:
                names = [e.title for e in Edition if elsewhere.in_edition(e)]
                editions = names[0]
                for name in names[1:]:
                    editions = _("{first} and {second}").format(first=editions, second=name)
                self._say(ngettext("{title} ({alias}) exists only in the {editions} edition; this panel is {edition}.",
                                   "{title} ({alias}) exists only in the {editions} editions; this panel is {edition}.",
                                   len(names)).format(
                    title=elsewhere.label, alias=elsewhere.alias or elsewhere.key, editions=editions,
                    edition=self.billtui.edition.title), error=True)
                return
            self._say(_("Nothing is called {line!r}. Possible: {aliases}; "
                        "ticket N, invoice N, payment N, service NAME (or its IP).").format(
                line=line.strip(), aliases=self._aliases()), error=True)
            return
        if target.key == ACCOUNTS:
            from billtui.screens.shell.accounts import open_accounts

            self.dismiss(None)
            open_accounts(self.billtui)
            return
        if target.key:
            self.dismiss(None)
            self.billtui.goto(target.key)
            return
        self._find(target)

    @work(exclusive=True, group="jump")
    async def _find(self, target: Target) -> None:
        from billtui.screens.shell.objects import find, open_object

        app = self.billtui
        self._say(_(LOOKING[target.kind]).format(ident=target.ident))
        try:
            ref = await find(app.client, app.session.menu, target.kind, target.ident)
        except Exception as exc:  # the prompt stays, with what went wrong
            self._say(_(NOT_LOOKED[target.kind]).format(
                ident=target.ident, error=getattr(exc, 'message', '') or exc), error=True)
            return
        if ref is None:
            self._say(_(NOT_FOUND[target.kind]).format(ident=target.ident), error=True)
            return
        self.dismiss(None)
        open_object(app, ref)
