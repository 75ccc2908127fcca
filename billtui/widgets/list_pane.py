"""The generic list screen: renders any declared ``ListSpec``.

Like k9s renders every resource through one view, every plain list in billtui
(payments, expenses, invoices, tickets, services…) is this pane plus a spec.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Mapping

from rich.text import Text
from textual.app import ComposeResult
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static
from textual.worker import Worker

from billtui.display.safe import clean
from billtui.i18n import N_, _, formats
from billtui.widgets.list_filter import ListFilter
from billtui.widgets.resource_table import Column, PageResult, ResourceTable
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.widgets.pane import Pane



@dataclass(frozen=True)
class RowAction:
    """A key that acts on the highlighted row (or the list, if ``needs_row`` is False)."""

    key: str
    #: The footer's and the keys list's text: marked ``N_()`` where declared, translated where shown
    #: (and the default id is made from it in English: ``row_action_id``).
    description: str
    run: Callable[["ListPane", Any], Awaitable[None] | None]
    needs_row: bool = True
    show: bool = True
    #: The id a ``[keymap]`` entry moves it by; by default ``<list>-list.<description>``
    #: (``services-list.renew``), see ``row_action_id``.
    id: str = ""


@dataclass(frozen=True)
class ListSpec:
    """A declared list: what to fetch, which columns, what Enter and keys do."""

    key: str
    title: str
    call: Callable[[], Any]  # -> billtui.api.lists.ListCall
    columns: tuple[Column, ...]
    default_sort: tuple[str, bool] | None = None
    #: What the rows are, in the status line ("3 of 40 payments"): a translated plural in the
    #: nominative ("payments", «платежи»), as the sentences that use it are written for that.
    noun: str = N_("rows")
    actions: tuple[RowAction, ...] = ()
    on_select: Callable[["ListPane", Any], Awaitable[None] | None] | None = None
    filters: Mapping[str, str] = field(default_factory=dict)


def list_call(name: str, *args: Any) -> Callable[[], Any]:
    """A ``ListSpec.call``: ``billtui.api.lists.<name>`` (a ``ListCall``, or a function of
    ``args`` making one), looked up when the list is first fetched, so declaring a list does not
    import the api layer's list table at start-up (``make bench``: imports)."""

    def call() -> Any:
        from billtui.api import lists

        found = getattr(lists, name)
        return found(*args) if args else found

    return call


def row_action_id(spec: ListSpec, action: RowAction) -> str:
    """The keymap id of a list's row action: the list's kind (the spec key's first part, one id
    for every service type's list) and the action's description, e.g. ``services-list.renew``."""
    if action.id:
        return action.id
    kind = spec.key.split("/", 1)[0].replace("_", "-")
    return f"{kind}-list." + re.sub(r"[^a-z0-9]+", "-", action.description.lower()).strip("-")


class ListPane(ListFilter, Pane, Vertical):
    DEFAULT_CSS = styles.load("widgets/ListPane.tcss")
    BINDINGS = [
        Binding("x", "export", N_("Export"), id="list.export"),
        # A class's bindings for a key replace its bases' (Textual merges by key), so the
        # filter's escape is repeated here, after cancelling: escape first stops a running
        # export, else clears the filter, else goes back (each one skips when it has nothing to do).
        Binding("escape", "cancel_export", N_("Cancel export"), id="list.cancel-export"),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="list.clear-filter"),
    ]

    def __init__(self, spec: ListSpec, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.filters: dict[str, str] = dict(spec.filters)
        self._bindings_for_actions()

    def _bindings_for_actions(self) -> None:
        from billtui.compat import bind_on_instance

        for action in self.spec.actions:
            bind_on_instance(self, action.key, f"row_action('{action.key}')", action.description,
                             show=action.show, id=row_action_id(self.spec, action))

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        yield Static(Text(self.spec.title), classes="list-title")
        yield self.compose_filter()
        yield ResourceTable(
            self.spec.columns, self._fetch, default_sort=self.spec.default_sort, id="table"
        )
        yield Static("", classes="list-status")

    @property
    def table(self) -> ResourceTable:
        return self.query_one(ResourceTable)

    def retitle(self, title: str) -> None:
        """A product type's list is titled as the panel's menu names it: it follows that name."""
        from dataclasses import replace

        if title == self.spec.title:
            return
        self.spec = replace(self.spec, title=title)
        found = self.query(".list-title")
        if found:
            found.first(Static).update(Text(title))

    async def _fetch(self, page: int, size: int, sort: tuple[str, bool] | None) -> PageResult[Any]:
        from billtui.api.lists import fetch_page

        local = self.local_page(page, size)  # `/` on a list the panel cannot filter by text
        if local is not None:
            return local
        result = await fetch_page(
            self.billtui.client, self.spec.call(), page, size, sort=sort, filters=self.server_filters()
        )
        return PageResult(tuple(result.rows), int(result.total))

    def focus_content(self) -> None:
        tables = self.query(ResourceTable)
        if tables:
            tables.first().focus()
        else:  # a list inside another pane composes a refresh later: focus it once it is there
            self.call_after_refresh(self.focus_content)

    def reload(self) -> None:
        self.table.reload()

    def set_filters(self, filters: Mapping[str, str]) -> None:
        self.filters = {k: v for k, v in filters.items() if v}
        self.table.cursor = 0
        self.reload()

    # ------------------------------------------------------------- status

    def show_status(self, text: str, error: bool = False) -> None:
        """Say something on the list's status line (progress of an export, a download…)."""
        self._status(text, error)

    def action_export(self) -> None:
        """Export every page of this list, with its filter, to CSV or JSON."""
        from billtui.widgets.list_export import start_export

        start_export(self)

    def action_cancel_export(self) -> None:
        from billtui.widgets.list_export import cancel_export

        if not cancel_export(self):
            raise SkipAction()  # nothing running: escape clears the filter or goes back

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel_export":
            from billtui.widgets.list_export import export_running

            return export_running(self)  # shown in the keys list only while an export runs
        return super().check_action(action, parameters)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        from billtui.widgets.list_export import EXPORT_GROUP

        if event.worker.node is self and event.worker.group == EXPORT_GROUP:
            self.refresh_bindings()  # "Cancel export" comes and goes with the export

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one(".list-status", Static)
        # The status is one line, except an error (up to four): only a change to or from an
        # error can change its size. A layout pass on every cursor step ("3 of 40") repainted
        # the scrollbars of the whole screen.
        resize = error or status.has_class("-error")
        if not resize and isinstance(status.content, Text) and status.content.plain == text:
            return  # drawn already: a step within a loading list, a repeated "Loading…"
        status.set_class(error, "-error")
        status.update(Text(text), layout=resize)

    def on_resource_table_state_changed(self, event: ResourceTable.StateChanged) -> None:
        event.stop()
        if event.error is not None:
            from billtui.widgets.availability import report_if_unavailable

            report_if_unavailable(self, event.error)
            message = clean(getattr(event.error, "message", "") or str(event.error))
            hint = clean(getattr(event.error, "hint", "") or "")
            self._status(_("✗ {message} {hint} Press r to retry.").format(message=message, hint=hint)
                         .replace("  ", " "), error=True)
        elif event.loading:
            self._status(_("Loading…"))
        else:
            self._show_position()

    def on_resource_table_highlighted(self, event: ResourceTable.Highlighted) -> None:
        event.stop()
        if not self.table.loading_pages and self.table.error is None:
            self._show_position()

    def _show_position(self) -> None:
        table = self.table
        total = table.total or 0
        noun = _(self.spec.noun)
        if total == 0:
            self._status(_("No {noun}{filter}.").format(noun=noun, filter=self.filter_note()))
            return
        sort = ""
        if table.sort:
            title = next((_(c.title) for c in table.columns if c.field == table.sort[0]), table.sort[0])
            from billtui.display.plain import is_plain, sort_mark

            sort = " · " + _("sorted by {column} {order}").format(
                column=title, order=sort_mark(table.sort[1], is_plain(self)))
        filt = self.filter_note()
        position = _("{row} of {total} {noun}").format(
            row=formats.number(table.cursor + 1, 0), total=formats.number(total, 0), noun=noun)
        self._status(f"{position}{sort}{filt}")

    # ------------------------------------------------------------ actions

    async def on_resource_table_selected(self, event: ResourceTable.Selected) -> None:
        event.stop()
        await self.open_row(event.row)

    async def open_row(self, row: Any) -> None:
        """What Enter on ``row`` does: the spec's own action, else every field on a card. The one
        path for Enter, the palette's object search and a favourite."""
        if self.spec.on_select is not None:
            result = self.spec.on_select(self, row)
        else:
            from billtui.widgets.details import DetailsScreen

            result = self.app.push_screen(DetailsScreen.for_row(self.spec.title, row))
        if result is not None and hasattr(result, "__await__"):
            await result

    async def action_row_action(self, key: str) -> None:
        action = next((a for a in self.spec.actions if a.key == key), None)
        if action is None:
            return
        row = self.table.current_row
        if action.needs_row and row is None:
            self.notify(_("Select a row first."), severity="warning")
            return
        result = action.run(self, row)
        if result is not None and hasattr(result, "__await__"):
            await result
