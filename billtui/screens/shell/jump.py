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


# Words that name an object kind, for ":ticket 1001", ":inv INV-2026-0012", ":svc db-01".
KIND_WORDS: dict[str, str] = {
    "ticket": "ticket", "t": "ticket", "tickets": "ticket", "archive": "ticket",
    "invoice": "invoice", "inv": "invoice", "invoices": "invoice",
    "payment": "payment", "pay": "payment", "payments": "payment",
    "service": "service", "svc": "service", "services": "service",
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


def menu_words(app: HostApp) -> dict[str, str]:
    """Every word that opens a menu entry in the current edition → its key."""
    words: dict[str, str] = {}
    for item in items_for(app.edition):
        for word in (item.alias, item.key, item.key.replace("_", "-"), item.title.lower()):
            if word:
                words.setdefault(word.lower(), item.key)
    menu = app.session.menu
    for stype in getattr(menu, "service_types", ()):
        words.setdefault(stype.name.lower(), f"services/{stype.name}")
        words.setdefault(str(stype.title).lower(), f"services/{stype.name}")
    for word, key in VIEW_WORDS.items():
        words.setdefault(word, key)
    return words


def other_edition_item(line: str, edition: Edition) -> MenuItem | None:
    """The item a word names in another edition (":contact" on Advanced), to say where it is."""
    low = " ".join(line.strip().lstrip(":").split()).lower()
    for item in ITEMS:
        if not item.in_edition(edition) and low in {item.alias, item.key, item.key.replace("_", "-"),
                                                     item.title.lower()}:
            return item
    return None


def parse(line: str, words: dict[str, str]) -> Target | None:
    text = " ".join(line.strip().lstrip(":").split())
    if not text:
        return None
    low = text.lower()
    if low in words:
        return Target(key=words[low])
    head, _, rest = text.partition(" ")
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
    BINDINGS = [Binding("escape", "close", "Close", id="jump.close")]

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
        return (f"Go to {self._aliases()} — or an object: ticket N, invoice N, payment N, "
                "service NAME. Enter jumps, escape closes.")

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
                editions = " and ".join(e.title for e in Edition if elsewhere.in_edition(e))
                self._say(f"{elsewhere.title} ({elsewhere.alias or elsewhere.key}) exists only in the {editions} "
                          f"edition{'s' if ' and ' in editions else ''}; this panel is "
                          f"{self.billtui.edition.title}.", error=True)
                return
            self._say(f"Nothing is called {line.strip()!r}. Possible: {self._aliases()}; "
                      "ticket N, invoice N, payment N, service NAME (or its IP).", error=True)
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
        self._say(f"Looking for {target.kind} {target.ident}…")
        try:
            ref = await find(app.client, app.session.menu, target.kind, target.ident)
        except Exception as exc:  # the prompt stays, with what went wrong
            self._say(f"Could not look for {target.kind} {target.ident}: "
                      f"{getattr(exc, 'message', '') or exc}. Enter tries again.", error=True)
            return
        if ref is None:
            self._say(f"No {target.kind} {target.ident!r} found (searched the most recent ones). "
                      "Try its number as shown in the list, or press escape.", error=True)
            return
        self.dismiss(None)
        open_object(app, ref)
