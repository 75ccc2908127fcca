"""`?`: every key that works right now, with what it does."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static
from billtui.display import styles
from billtui.i18n import N_, _

GLOBAL_KEYS: tuple[tuple[str, str], ...] = (
    ("ctrl+p", N_("Command palette: jump to any screen, switch edition, log out")),
    ("tab / shift+tab", N_("Move between the menu and the content")),
    ("escape", N_("Go back")),
)  # ? and q are app keys: listed under "Here", as the user's [keymap] may have moved them

LIST_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓ / j k", N_("Move in a list")),
    ("pgup pgdn", N_("Page up / down")),
    ("home g / end G", N_("First / last row (fetches only that page)")),
    ("enter", N_("Open the highlighted row")),
    ("s / S", N_("Sort by the next column / reverse the order")),
    ("/", N_("Filter the rows by what they say")),
    ("t", N_("Narrow by period or status")),
    ("r", N_("Reload (ctrl+r where you are typing)")),
    ("ctrl+s", N_("Save or send (never s)")),
)


#: Descriptions Textual gives keys of its own that this screen lists (the palette key, from
#: ``App._bindings``), for the catalog: ``_rows`` shows every description with ``_()``.
TEXTUAL_DESCRIPTIONS = (N_("palette"),)


def _declares(cls: type, binding: Binding) -> bool:
    for declared in cls.__dict__.get("BINDINGS", ()):
        if isinstance(declared, Binding):
            keys, action = declared.key, declared.action
        elif isinstance(declared, tuple) and len(declared) >= 2:
            keys, action = declared[0], declared[1]
        else:
            continue
        if action == binding.action and binding.key in [k.strip() for k in keys.split(",")]:
            return True
        if binding.id and isinstance(declared, Binding) and declared.id == binding.id:
            return True  # remapped by the user's [keymap]: the key differs, the id does not
    return False


def declared_by_billtui(node: object, binding: Binding) -> bool:
    """Whether ``binding`` on ``node`` is one of billtui's keys: not one that only a Textual class
    declares. Textual's widgets bring their own (``super+c Copy selected text``, ``shift+→ Cursor
    to next ancestor``), which are the framework's, not this screen's; billtui's classes and the
    row actions a list binds at run time are kept."""
    mro = type(node).__mro__
    if any(c.__module__.startswith("billtui") and _declares(c, binding) for c in mro):
        return True
    return not any(c.__module__.startswith("textual") and _declares(c, binding) for c in mro)


class KeysScreen(ModalScreen[None]):
    DEFAULT_CSS = styles.load("screens/shell/KeysScreen.tcss")
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", N_("Close"), id="keys.dismiss")]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def _rows(self) -> list[tuple[str, str, str]]:
        rows: list[tuple[str, str, str]] = []
        seen: set[str] = set()
        # The keys the footer shows first: an action with a shown key (q Quit) is listed by it,
        # not by a hidden spare (ctrl+c).
        actives = sorted(self.under.active_bindings.values(), key=lambda a: not a.binding.show)
        for active in actives:
            binding = active.binding
            if not binding.description or binding.action in seen or not declared_by_billtui(active.node, binding):
                continue
            seen.add(binding.action)
            display = binding.key_display or self.app.get_key_display(binding)
            rows.append((display, _(binding.description), binding.id or ""))
        return rows

    def compose(self) -> ComposeResult:
        here = Table.grid(padding=(0, 2))
        here.add_column(style="bold", no_wrap=True)
        here.add_column()
        here.add_column(style="dim", no_wrap=True)  # what [keymap] in the config calls the key
        here.add_row(Text(_("Here"), style="underline"), "", Text("[keymap] id"))
        for key, what, ident in self._rows():
            here.add_row(Text(key), Text(what), Text(ident))
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        table.add_row("", "")
        table.add_row(Text(_("Everywhere"), style="underline"), "")
        for key, what in GLOBAL_KEYS:
            table.add_row(Text(key), Text(_(what)))
        table.add_row("", "")
        table.add_row(Text(_("In lists"), style="underline"), "")
        for key, what in LIST_KEYS:
            table.add_row(Text(key), Text(_(what)))
        with VerticalScroll() as scroll:
            scroll.border_title = _("Keys")
            scroll.border_subtitle = _("escape closes")
            yield Static(here)
            yield Static(table)
