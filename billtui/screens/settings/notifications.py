"""Notification subscription: a matrix of notices by channel.

Space flips a cell; nothing reaches the panel until ``s`` saves, after a
confirmation that lists exactly what changes. Unsaved flips are marked with
``*`` so a user never wonders what the panel really has.

Rows and channels come from the panel: production panels keep the switches as
``usrparam`` fields (one row per notice group, channels such as Email, SMS,
Messenger), others may answer the ``mainsubscribe``/``subscribe`` lists (one row
per notice, under its group). ``settings.notice_matrix`` picks; this pane shows
either the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Static

from billtui.display.safe import clean
from billtui.i18n import N_, _, ngettext, pgettext
from billtui.widgets.async_pane import error_text
from billtui.host import HostApp, host
from billtui.workers import later
from billtui.display import styles
from billtui.widgets.pane import Pane


#: Channel key as the panel names it → column title, before the panel has said which it has.
#: A title is translated where it is shown (``channel_title``): "Email", "SMS", "Telegram" are names.
CHANNELS: tuple[tuple[str, str], ...] = (
    ("email", "Email"), ("sms", "SMS"), ("telegram", "Telegram"), ("panel", N_("Panel")),
)
_TITLES = dict(CHANNELS)


@dataclass(frozen=True)
class Change:
    """One flipped cell: notice, channel, and the state it will have."""

    notice_id: str
    notice: str
    channel: str
    on: bool
    channel_title: str = ""

    def describe(self) -> str:
        title = channel_title(self.channel_title or _TITLES.get(self.channel, self.channel))
        text = _("{notice}: {channel} on") if self.on else _("{notice}: {channel} off")
        return text.format(notice=clean(self.notice), channel=clean(title))


def channel_title(title: str) -> str:
    """A channel's title as shown: billtui's own ("Panel") in the current language; the panel's
    own titles have no entry in the catalog and stay as the panel wrote them."""
    return _(title)


def describe_changes(changes: list[Change]) -> str:
    return "\n".join(f"  • {c.describe()}" for c in changes)


class NotificationsPane(Pane, Vertical, can_focus=False):
    """The matrix; rows are notices grouped under their notice group."""

    title = N_("Notification subscription")

    DEFAULT_CSS = styles.load("screens/settings/NotificationsPane.tcss")
    BINDINGS = [
        Binding("space", "toggle_cell", N_("Toggle"), id="notifications.toggle-cell"),
        Binding("ctrl+s", "save", N_("Save"), id="notifications.save"),  # as in every form: s means Sort in billtui
        Binding("u", "discard", N_("Undo all"), id="notifications.discard"),
        Binding("r", "reload", N_("Reload"), id="notifications.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        #: notice id → (name, group title, {channel: on}) as the panel has it.
        self.saved: dict[str, tuple[str, str, dict[str, bool]]] = {}
        #: (notice id, channel) → wanted state, only for cells that differ from ``saved``.
        self.pending: dict[tuple[str, str], bool] = {}
        self._order: list[str] = []  # row keys: notice ids, or "group:<title>"
        self._saved_note = ""  # what the last save did, shown once in the status line
        #: The panel's channels, (key, title), in column order.
        self.channels: tuple[tuple[str, str], ...] = CHANNELS
        #: The matrix as last read (its source says how to save).
        self.matrix: Any = None

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        yield Static(Text(_(self.title)), classes="pane-title")
        yield Static(Text(_("Loading…")), classes="pane-status")
        table: DataTable[Text] = DataTable(cursor_type="cell", zebra_stripes=False, id="matrix")
        self._add_columns(table)
        yield table

    def _add_columns(self, table: DataTable[Text]) -> None:
        table.add_column(Text(pgettext("column", "Notification")), key="name")
        for key, title in self.channels:
            table.add_column(Text(clean(channel_title(title))), key=key)

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#matrix", DataTable)

    def on_mount(self) -> None:
        self.reload()

    def focus_content(self) -> None:
        self.table.focus()

    def has_unsaved(self) -> bool:
        return bool(self.pending)

    # ------------------------------------------------------------ loading

    def reload(self) -> None:
        self._status(_("Loading…"))
        self.run_worker(later(self._load), exclusive=True, group="notices-load")

    def action_reload(self) -> None:
        if self.pending:
            self.notify(_("Unsaved changes were dropped: the matrix now shows what the panel has."))
        self.pending.clear()
        self.reload()

    async def _load(self) -> None:
        from billtui.api.calls import settings

        client = self.billtui.client
        try:
            matrix = await settings.notice_matrix(client)
        except Exception as exc:
            self._status(_("✗ Could not read your subscriptions: {error} Press r to retry.").format(
                error=error_text(exc)), error=True)
            return
        self._fill(matrix)

    def _fill(self, matrix: Any) -> None:
        from billtui.api.calls.settings import SOURCE_USRPARAM

        self.matrix = matrix
        groups, notices = matrix.groups, matrix.notices
        titles = {g.id: g.name for g in groups}
        order = {g.id: i for i, g in enumerate(groups)}
        # usrparam switches are one row per group already: no group header rows above them.
        headed = matrix.source != SOURCE_USRPARAM
        self.saved = {
            n.id: (n.name, titles.get(n.type, n.type) if headed else "", dict(n.channels)) for n in notices
        }
        self.pending = {k: v for k, v in self.pending.items() if k[0] in self.saved}
        ordered = sorted(notices, key=lambda n: (order.get(n.type, len(order)), n.type)) if headed else notices
        table = self.table
        row, col = table.cursor_coordinate
        if tuple(matrix.channels) != self.channels:
            self.channels = tuple(matrix.channels)
            table.clear(columns=True)
            self._add_columns(table)
        else:
            table.clear()
        self._order = []
        group = None
        for n in ordered:
            if headed:
                title = titles.get(n.type, n.type)
                if title != group:
                    group = title
                    key = f"group:{title}"
                    table.add_row(Text(clean(title) or pgettext("notice group", "Other"), style="bold"),
                                  *[Text("")] * len(self.channels), key=key)
                    self._order.append(key)
            table.add_row(*self._cells(n.id), key=n.id)
            self._order.append(n.id)
        if not notices:
            self._status(_("The panel lists no notices to subscribe to."))
            return
        if row == 0 and col == 0 and headed:  # first load: start on the first notice's first channel
            row, col = (1, 1)
        table.move_cursor(row=min(row, table.row_count - 1), column=max(col, 1))
        self._show_pending()

    def _cells(self, notice_id: str) -> list[Text]:
        name, _group, states = self.saved[notice_id]
        cells = [Text(" " + clean(name))]
        for channel, _title in self.channels:
            cells.append(self._mark(notice_id, channel, states))
        return cells

    def _mark(self, notice_id: str, channel: str, states: dict[str, bool]) -> Text:
        if channel not in states:
            return Text(" — ", style="dim")
        changed = (notice_id, channel) in self.pending
        on = self.pending.get((notice_id, channel), states[channel])
        text = Text("[✓]" if on else "[ ]", style="bold" if on else "")
        if changed:
            text.append("*", style="bold")
        return text

    # ------------------------------------------------------------ editing

    def state(self, notice_id: str, channel: str) -> bool | None:
        """What the matrix shows now (pending change, else the panel's)."""
        states = self.saved.get(notice_id, ("", "", {}))[2]
        if channel not in states:
            return None
        return self.pending.get((notice_id, channel), states[channel])

    def action_toggle_cell(self) -> None:
        table = self.table
        if not self._order:
            return
        coordinate = table.cursor_coordinate
        row_key = self._order[coordinate.row]
        if coordinate.column == 0:
            names = ", ".join(clean(channel_title(title)) for _key, title in self.channels)
            self.notify(_("Move right to a channel ({names}) and press space.").format(names=names))
            return
        channel = self.channels[coordinate.column - 1][0]
        if row_key.startswith("group:"):
            # The group's row flips the channel for every notice under it.
            members = self._members(coordinate.row)
            known = [m for m in members if self.state(m, channel) is not None]
            if not known:
                return
            target = not all(self.state(m, channel) for m in known)
            for m in known:
                self._set(m, channel, target)
        else:
            current = self.state(row_key, channel)
            if current is None:
                self.notify(_("The panel does not send this notice by {channel}.").format(
                    channel=clean(channel_title(self._title(channel)))), severity="warning")
                return
            self._set(row_key, channel, not current)
        self._show_pending()

    def _members(self, group_row: int) -> list[str]:
        out = []
        for key in self._order[group_row + 1:]:
            if key.startswith("group:"):
                break
            out.append(key)
        return out

    def _set(self, notice_id: str, channel: str, on: bool) -> None:
        saved = self.saved[notice_id][2][channel]
        if on == saved:
            self.pending.pop((notice_id, channel), None)
        else:
            self.pending[(notice_id, channel)] = on
        self.table.update_cell(notice_id, channel, self._mark(notice_id, channel, self.saved[notice_id][2]),
                               update_width=True)

    def _title(self, channel: str) -> str:
        return dict(self.channels).get(channel, _TITLES.get(channel, channel))

    def changes(self) -> list[Change]:
        out = []
        for notice_id in self._order:
            if notice_id.startswith("group:"):
                continue
            for channel, title in self.channels:
                if (notice_id, channel) in self.pending:
                    out.append(Change(notice_id, self.saved[notice_id][0], channel,
                                      self.pending[(notice_id, channel)], title))
        return out

    def action_discard(self) -> None:
        if not self.pending:
            self.notify(_("Nothing to undo."))
            return
        keys = list(self.pending)
        self.pending.clear()
        for notice_id, channel in keys:
            self.table.update_cell(notice_id, channel, self._mark(notice_id, channel, self.saved[notice_id][2]),
                               update_width=True)
        self._show_pending()

    # ------------------------------------------------------------- saving

    def action_save(self) -> None:
        from billtui.widgets.confirm import ConfirmScreen

        changes = self.changes()
        if not changes:
            self.notify(_("Nothing to save: flip a cell with space first."))
            return
        question = ngettext("Save {n} change to your subscriptions?", "Save {n} changes to your subscriptions?",
                            len(changes)).format(n=len(changes))

        def decided(ok: bool | None) -> None:
            if ok:
                self.run_worker(later(self._save, changes), exclusive=True, group="notices-save")

        self.app.push_screen(
            ConfirmScreen(f"{question}\n{describe_changes(changes)}", yes=_("Save")),
            callback=decided,
        )

    async def _save(self, changes: list[Change]) -> None:
        from billtui.api.calls import settings

        client = self.billtui.client
        self._status(_("Saving…"))
        if self.matrix is not None and self.matrix.source == settings.SOURCE_USRPARAM:
            await self._save_switches(changes)
            return
        # One call per (channel, on/off): the panel takes several notice ids at once.
        batches: dict[tuple[str, bool], list[str]] = {}
        for c in changes:
            batches.setdefault((c.channel, c.on), []).append(c.notice_id)
        done: list[Change] = []
        try:
            for (channel, on), notice_ids in batches.items():
                call = settings.resume if on else settings.suspend
                await call(client, notice_ids, channel=channel)
                done.extend(c for c in changes if c.channel == channel and c.on == on)
                for nid in notice_ids:
                    self.pending.pop((nid, channel), None)
        except Exception as exc:
            saved_part = f" {_('Saved before the error:')}\n{describe_changes(done)}" if done else ""
            self.notify(_("Could not save your subscriptions.") + saved_part, severity="error", timeout=10)
            await self._reload_quietly()
            self._status(_("✗ Could not save: {error} Your other changes are kept (marked *): press ctrl+s to try "
                           "again.").format(error=error_text(exc)), error=True)
            return
        self.notify(f"{_('Saved:')}\n{describe_changes(done)}", title=_("Subscriptions"))
        self._saved_note = saved_note_for(done)
        await self._reload_quietly()

    async def _save_switches(self, changes: list[Change]) -> None:
        """``usrparam`` switches: one save carrying every switch (as the production panel sends
        them), so it either all lands or nothing does."""
        from billtui.api.calls import settings

        wanted = {(nid, ch): on for nid, (_n, _g, states) in self.saved.items() for ch, on in states.items()}
        wanted.update(self.pending)
        try:
            await settings.save_notice_switches(self.billtui.client, wanted, self.matrix.form)
        except Exception as exc:
            self.notify(_("Could not save your subscriptions."), severity="error", timeout=10)
            await self._reload_quietly()
            self._status(_("✗ Could not save: {error} Your changes are kept (marked *): press ctrl+s to try "
                           "again.").format(error=error_text(exc)), error=True)
            return
        self.pending.clear()
        self.notify(f"{_('Saved:')}\n{describe_changes(changes)}", title=_("Subscriptions"))
        self._saved_note = saved_note_for(changes)
        await self._reload_quietly()

    async def _reload_quietly(self) -> None:
        await self._load()

    # ------------------------------------------------------------- status

    def _show_pending(self) -> None:
        count = len(self.pending)
        if count:
            self._status(ngettext("{n} unsaved change (marked *): ctrl+s saves, u undoes.",
                                  "{n} unsaved changes (marked *): ctrl+s saves, u undoes.", count).format(n=count))
        else:
            note, self._saved_note = self._saved_note, ""
            groups = any(key.startswith("group:") for key in self._order)
            hint = (_("Space flips a cell; a group's row flips the whole group. ctrl+s saves.") if groups else
                    _("Space flips a cell; ctrl+s saves."))
            self._status(note + hint)

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one(".pane-status", Static)
        status.set_class(error, "-error")
        status.update(Text(text))


def saved_note_for(changes: list[Change]) -> str:
    """What the last save did, for the status line (a sentence, then a space for the next one)."""
    return _("Saved: {changes}.").format(changes="; ".join(c.describe() for c in changes)) + " "
