"""All accounts: every saved profile at a glance — reachable or not, the balance, what expires
soon, tickets awaiting the customer's reply — judged by the rules ``billtui check`` uses.
Enter switches to the highlighted profile. From the palette and ``:accounts``.

The profile in use is read through the app's own client (already logged in: no second
session); each other profile logs in without asking anything (``accounts.connect``), all at
once, and logs out again. A profile without a saved password says so; Enter on it opens its
login as switching profiles always does.
"""

from __future__ import annotations

import asyncio
from typing import Any

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from billtui.accounts.health import Health
from billtui.display import styles
from billtui.display.safe import clean
from billtui.host import HostApp, host
from billtui.widgets.footer import Footer
from billtui.i18n import N_, _

#: The row key of the account in use when it is the demo panel (it has no saved profile).
DEMO_ROW = "\x00demo"
#: The columns' keys, and their titles in English (shown with ``_()``).
COLUMNS = (N_("Profile"), N_("Panel"), N_("State"), N_("Balance"), N_("Expiring"), N_("To reply"), N_("Unpaid"))
#: Marks the account of this session in the Profile column (the rest are read on their own).
IN_USE = "● "
#: The terminal width from which the panel's address has a column of its own.
WIDE = 100


def state_text(health: Health | None) -> Text:
    """The state in words first (plain mode and 16 colours read the same), coloured as a hint."""
    if health is None:
        return Text(_("checking…"), style="dim")
    if health.verdict is None:
        return Text(_("✗ unreachable") if not health.reachable else _("✗ not checked"), style="bold red")
    from billtui.accounts.rules import Level

    level = health.verdict.level
    words = {Level.OK: (_("✓ OK"), "green"), Level.WARNING: (_("! warning"), "yellow"),
             Level.CRITICAL: (_("‼ critical"), "bold red"), Level.UNKNOWN: (_("? unknown"), "magenta")}
    word, style = words[level]
    return Text(word, style=style)


def _count(health: Health | None, key: str) -> str:
    if health is None or health.verdict is None:
        return ""
    return str(health.verdict.counts.get(key, 0))


def _balance(health: Health | None) -> Text:
    if health is None or health.verdict is None or health.verdict.balance is None:
        return Text("")
    from billtui.display import format as fmt

    return Text(fmt.money(health.verdict.balance), justify="right")


class AccountsTable(DataTable[Any]):
    """The accounts, one row each; Enter switches (shown in the footer, unlike DataTable's own)."""

    BINDINGS = [Binding("enter", "select_cursor", N_("Switch to it"), id="accounts.switch")]


class AccountsScreen(ModalScreen[None]):
    DEFAULT_CSS = styles.load("screens/shell/AccountsScreen.tcss")
    BINDINGS = [
        Binding("escape", "close", N_("Close"), id="accounts.close"),
        Binding("r", "recheck", N_("Check again"), id="accounts.recheck"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.health: dict[str, Health | None] = {}
        self.panels: dict[str, str] = {}  # row key -> the panel's address
        self.panel_column = True

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        with Vertical(id="accounts"):
            yield Static(Text(_("All accounts   ({mark} this session)").format(mark=IN_USE.strip())),
                         classes="pane-title")
            yield AccountsTable(cursor_type="row", id="accounts-table")
            yield Static("", id="accounts-detail")
        yield Footer()

    # ---------------------------------------------------------------- rows

    def _rows(self) -> list[tuple[str, str, str]]:
        """(row key, profile name, panel host) for every account shown, the one in use first."""
        app = self.billtui
        current = app.profile.name if app.profile and app.launch.mode != "demo" else ""
        rows: list[tuple[str, str, str]] = []
        if app.launch.mode == "demo":
            rows.append((DEMO_ROW, IN_USE + "demo", _("demo panel")))
        for name, profile in app.config.profiles.items():
            panel = profile.url.split("//", 1)[-1].split("/", 1)[0]
            rows.append((name, (IN_USE if name == current else "  ") + name, panel))
        current_rows = [r for r in rows if r[0] in (DEMO_ROW, current)]
        return current_rows + [r for r in rows if r not in current_rows]

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # Under 100 columns the panel's address goes under the table, not in a column of its own:
        # at 80x24 the counts stay in view without scrolling sideways.
        self.panel_column = self.app.size.width >= WIDE
        for column in COLUMNS:
            if column != "Panel" or self.panel_column:
                table.add_column(_(column), key=column)
        for key, label, panel in self._rows():
            self.health[key] = None
            self.panels[key] = panel
            first = (Text(clean(label)), Text(clean(panel))) if self.panel_column else (Text(clean(label)),)
            table.add_row(*first, *self._cells(None), key=key)
        table.focus()
        self.check_all()

    @staticmethod
    def _cells(health: Health | None) -> tuple[Any, ...]:
        return (state_text(health), _balance(health), _count(health, "expiring"),
                _count(health, "tickets_awaiting_reply"), _count(health, "unpaid"))

    def _show(self, key: str, health: Health) -> None:
        self.health[key] = health
        table = self.query_one(DataTable)
        for column, cell in zip(COLUMNS[2:], self._cells(health)):
            table.update_cell(key, column, cell, update_width=True)
        self._describe()

    def _describe(self) -> None:
        """Under the table: what the highlighted account's state is made of."""
        table = self.query_one(DataTable)
        detail = self.query_one("#accounts-detail", Static)
        if not table.row_count:
            detail.update(Text(_("No saved profiles yet: add one with `billtui profiles add`.")))
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        health = self.health.get(key)
        head = [] if self.panel_column else [_("Panel: {panel}").format(panel=clean(self.panels.get(key, '')))]
        if health is None:
            lines = [_("Checking…")]
        elif health.verdict is None:
            lines = [health.error]
        else:
            problems = health.verdict.problems()
            lines = [clean(f.text) for f in problems[:6]] or [_("Nothing needs your attention.")]
            if len(problems) > 6:
                lines.append(_("and {n} more: `billtui check` lists them all").format(n=len(problems) - 6))
        detail.update(Text("\n".join(head + lines)))

    def on_data_table_row_highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._describe()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # Enter on a row
        self.action_switch()

    # -------------------------------------------------------------- checks

    @work(exclusive=True, group="accounts")
    async def check_all(self) -> None:
        await asyncio.gather(*(self._check(key) for key in list(self.health)))

    async def _check(self, key: str) -> None:
        from billtui.accounts.health import check_profile, verdict_of

        app = self.billtui
        today = app.today()
        in_use = key == DEMO_ROW or (app.profile is not None and key == app.profile.name
                                     and app.launch.mode != "demo")
        if in_use and app.client is not None and app.offline is None:
            try:
                health = Health(key, await verdict_of(app.client, today))
            except Exception as exc:
                from billtui.accounts.connect import one_line

                health = Health(key, error=one_line(exc))
        else:
            profile = app.config.profiles[key]
            health = await check_profile(key, lambda: app.unattended_client(profile), today)
        if self.is_attached:
            self._show(key, health)

    # ------------------------------------------------------------- actions

    def action_close(self) -> None:
        self.dismiss(None)

    def action_recheck(self) -> None:
        table = self.query_one(DataTable)
        for key in self.health:
            self.health[key] = None
            for column, cell in zip(COLUMNS[2:], self._cells(None)):
                table.update_cell(key, column, cell)
        self._describe()
        self.check_all()

    def action_switch(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or ""
        app = self.billtui
        self.dismiss(None)
        in_use = key == DEMO_ROW or (app.profile is not None and key == app.profile.name
                                     and app.launch.mode != "demo")
        if not in_use:
            app.switch_profile(key)


def open_accounts(app: HostApp) -> None:
    """Show the All accounts view (the palette, ``:accounts``)."""
    if not isinstance(app.screen, AccountsScreen):
        app.push_screen(AccountsScreen())
