"""``/`` filters the list as you type; ``escape`` clears it.

Lists the panel can filter by text are filtered on the panel (so a filter on
100,000 rows finds rows that were never loaded). For the others, the rows
already in memory are filtered here, and the status line says so: a user must
never mistake "none of the loaded rows match" for "nothing matches".

A mixin for ``ListPane``: it keeps the pane's own module small and the filter's
rules in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from textual.actions import SkipAction
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Input

from billtui.display import format as fmt
from billtui.widgets.resource_table import PageResult, ResourceTable
from billtui.display import styles
from billtui.i18n import N_, _, formats

if TYPE_CHECKING:
    from billtui.widgets.list_pane import ListSpec

# Panel filter fields that match free text, per list (assumed from BILLmanager's list filters:
# payments by number, tickets by subject, services by name/domain/IP). Lists not named here are
# filtered client side.
TEXT_FILTER_FIELDS: dict[str, str] = {"payments": "number", "tickets": "name", "archived_tickets": "name"}
SERVICE_TEXT_FILTER_FIELD = "name"


def text_filter_field(list_key: str) -> str | None:
    """The panel filter field for free text on the list ``list_key`` (a ``ListCall.key``), if any."""
    if list_key.startswith("services:"):
        return SERVICE_TEXT_FILTER_FIELD
    return TEXT_FILTER_FIELDS.get(list_key)


class FilterInput(Input):
    """The filter line; ``down``/``enter`` go back to the rows, keeping the filter."""

    DEFAULT_CSS = styles.load("widgets/FilterInput.tcss")
    BINDINGS = [Binding("down", "to_rows", N_("Rows"), show=False, id="filter-input.to-rows")]

    def action_to_rows(self) -> None:
        pane = next((a for a in self.ancestors if isinstance(a, ListFilter)), None)
        if pane is not None:
            pane.focus_content()


class ListFilter(Widget):
    """Mixin: the filter line and its rules. The pane provides ``spec``, ``table``, ``filters``."""

    # What the pane (ListPane) provides: declarations only, no class attributes.
    spec: ListSpec
    filters: dict[str, str]

    if TYPE_CHECKING:

        @property
        def table(self) -> ResourceTable: ...

        def set_filters(self, filters: Mapping[str, str]) -> None: ...

        def focus_content(self) -> None: ...

    BINDINGS = [
        Binding("slash", "open_filter", N_("Filter"), key_display="/", id="list-filter.open-filter"),
        Binding("escape", "clear_filter", N_("Clear filter"), show=False, id="list-filter.clear-filter"),
    ]

    _filter_text: str = ""
    _snapshot: tuple[Any, ...] | None = None  # rows filtered here, taken when filtering began
    _snapshot_total: int = 0

    def compose_filter(self) -> FilterInput:
        field = self._server_field()
        noun = _(getattr(self.spec, "noun", N_("rows")))
        if field:
            placeholder = _("Filter {noun} (on the panel) — escape clears").format(noun=noun)
        else:
            placeholder = _("Filter {noun} (in the loaded rows) — escape clears").format(noun=noun)
        box = FilterInput(placeholder=placeholder,
                          classes="list-filter", id="list-filter")
        box.display = False
        return box

    def _server_field(self) -> str | None:
        try:
            return text_filter_field(self.spec.call().key)
        except Exception:
            return None

    @property
    def filter_text(self) -> str:
        return self._filter_text

    def _box(self) -> FilterInput:
        return self.query_one("#list-filter", FilterInput)

    def action_open_filter(self) -> None:
        box = self._box()
        box.display = True
        box.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Escape clears only when there is something to clear; otherwise it goes back as usual
        # (and the keys list shows "Back", not a "Clear filter" that would do nothing).
        if action == "clear_filter":
            return bool(self._filter_text) or self._box().display
        return super().check_action(action, parameters)

    def action_clear_filter(self) -> None:
        box = self._box()
        if not box.display and not self._filter_text:
            raise SkipAction()  # nothing to clear: escape goes back as usual
        had_focus = box.has_focus
        box.value = ""
        box.display = False
        self.apply_filter("")
        if had_focus or self.screen.focused is None:
            self.focus_content()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "list-filter":
            event.stop()
            self.apply_filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "list-filter":
            event.stop()
            if not event.value.strip():
                event.input.display = False
            self.focus_content()

    def apply_filter(self, text: str) -> None:
        text = text.strip()
        if text == self._filter_text:
            return
        self._filter_text = text
        field = self._server_field()
        table = self.table
        if field:
            filters = {k: v for k, v in self.filters.items() if k != field}
            if text:
                filters[field] = text
            self.set_filters(filters)
            return
        if text and self._snapshot is None:
            self._snapshot = tuple(table.loaded_rows())
            self._snapshot_total = table.total or 0
        if not text:
            self._snapshot = None
        table.cursor = 0
        table.reload()

    def server_filters(self) -> dict[str, str] | None:
        """What ``fetch_page`` gets: always this list's own filter, ``{}`` when none.

        The panel keeps one stored filter per list and session, so another screen
        (the expenses total, the ticket watcher) may have left its own there;
        sending ``{}`` makes the list show what its label says. It costs no
        request unless somebody else changed the stored filter.
        """
        return dict(self.filters)

    def _row_text(self, row: Any) -> str:
        parts = []
        for col in self.spec.columns:
            label = getattr(row, col.label_field, None) if col.label_field else None
            # What the table shows, unreadable values included (the panel's text), so it filters.
            parts.append(fmt.cell(label, col.kind).plain if label else fmt.field(row, col.field, col.kind).plain)
        return " ".join(parts).lower()

    def local_page(self, page: int, size: int) -> PageResult[Any] | None:
        """A page of the rows filtered here, or None when the panel does the filtering."""
        if self._snapshot is None or not self._filter_text:
            return None
        terms = self._filter_text.lower().split()
        rows = [r for r in self._snapshot if all(t in self._row_text(r) for t in terms)]
        start = (page - 1) * size
        return PageResult(tuple(rows[start:start + size]), len(rows))

    def filter_note(self) -> str:
        """For the status line: what is filtered, and where."""
        if not self._filter_text:
            return " · " + _("filtered") if self.filters else ""
        shown = " · " + _('filter "{text}"').format(text=self._filter_text)
        if self._snapshot is not None and len(self._snapshot) < self._snapshot_total:
            return shown + " " + _("in {loaded} loaded of {total} (not on the panel)").format(
                loaded=formats.number(len(self._snapshot), 0), total=formats.number(self._snapshot_total, 0))
        return shown
