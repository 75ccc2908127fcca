"""A virtual, server-paged table: 20 rows or 100,000 feel the same.

Textual's DataTable must be handed every row (seconds and hundreds of MB for a
large list), so this widget never holds the whole list. It knows the total from
the panel (``p_elems``), renders only the lines on screen through the Line API,
keeps a few pages around the viewport, and asks for the page it is missing when
the user scrolls or jumps: ``End`` fetches the last page, not everything before.

Columns are laid out from what they hold (``ResourceTable._widths``): each is as wide
as its widest loaded cell, the identifying ones (priority 1) are kept at any width and
the descriptive ones give way first. ``w`` shows every column in full instead, the
table then scrolling sideways (← →, a column at a time), as k9s's wide mode does.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Generic, Sequence, TypeVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from billtui.display import format as fmt
from billtui.workers import later
from billtui.display import styles
from billtui.i18n import N_, _, language

T = TypeVar("T")

PAGE_SIZE = 100
KEEP_PAGES = 12  # pages kept in memory around the viewport (1,200 rows)

#: From this priority on a column is optional: shown only when the more important
#: columns fit in full (their text up to ``FIT_CAP`` cells), not at their expense.
OPTIONAL = 3
#: The most a column asks for to be "in full" when the table fits its width.
FIT_CAP = 40
#: In wide mode every cell is shown whole, up to this many cells (a pathological value stays bounded).
WIDE_CAP = 200


@dataclass(frozen=True)
class Column:
    """One declared column: which row attribute, how to show it."""

    field: str
    title: str
    kind: str = "text"  # text, money, date, datetime, status, bool, unread, expiry
    #: A short column: as wide as its content, at most this when space is short
    #: (it grows past it, up to its content, when there is room). None: a flexible
    #: text column, which takes the free space.
    width: int | None = None
    min_width: int = 6  # a flexible column narrower than this is dropped instead
    sortable: bool = True
    #: Which columns give way when the table is narrow: the highest numbers first. 1: the
    #: columns a user needs to act (number, name, status), kept at any width; 2: useful;
    #: ``OPTIONAL`` (3) and up: shown only when the columns before them fit in full.
    priority: int = 1
    #: The attribute with the words to show (the panel's status text; a value in the user's language),
    #: while ``field`` stays what the column sorts and filters by on the panel.
    label_field: str | None = None

    @property
    def right(self) -> bool:
        return self.kind == "money"


@dataclass(frozen=True)
class PageResult(Generic[T]):
    rows: tuple[T, ...]
    total: int


Fetcher = Callable[[int, int, "tuple[str, bool] | None"], Awaitable[PageResult[Any]]]


class ResourceTable(ScrollView, can_focus=True):
    """The table itself. The owner supplies ``fetcher(page, size, sort)``."""

    DEFAULT_CSS = styles.load("widgets/ResourceTable.tcss")

    COMPONENT_CLASSES = {
        "resource-table--header",
        "resource-table--cursor",
        "resource-table--placeholder",
    }

    BINDINGS = [
        Binding("up,k", "cursor(-1)", N_("Up"), show=False, id="table.up"),
        Binding("down,j", "cursor(1)", N_("Down"), show=False, id="table.down"),
        Binding("pageup,ctrl+b", "page(-1)", N_("Page up"), show=False, id="table.page-up"),
        Binding("pagedown,ctrl+f", "page(1)", N_("Page down"), show=False, id="table.page-down"),
        Binding("home,g", "first", N_("First"), show=False, id="table.first"),
        Binding("end,G", "last", N_("Last"), show=False, id="table.last"),
        Binding("enter", "select", N_("Open"), show=True, id="table.select"),
        Binding("s", "cycle_sort", N_("Sort"), show=True, id="table.cycle-sort"),
        Binding("S", "reverse_sort", N_("Reverse"), show=False, id="table.reverse-sort"),
        # Reload stays on r and in the keys list (?); the footer's room goes to w, which an
        # 80-column user needs to see the columns that do not fit.
        Binding("r", "reload", N_("Reload"), show=False, id="table.reload"),
        Binding("w", "toggle_wide", N_("Wide"), show=True, id="table.toggle-wide"),
        Binding("left", "scroll_columns(-1)", N_("Wide: scroll a column left"), show=False, id="table.wide-scroll-a-column-left"),
        Binding("right", "scroll_columns(1)", N_("Wide: scroll a column right"), show=False, id="table.wide-scroll-a-column-right"),
    ]

    # repaint=False: a cursor step repaints its two rows (watch_cursor), not the whole table.
    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Selected(Message):
        """Enter on a row."""

        def __init__(self, table: "ResourceTable", row: Any) -> None:
            super().__init__()
            self.table = table
            self.row = row

    class Highlighted(Message):
        def __init__(self, table: "ResourceTable", row: Any | None) -> None:
            super().__init__()
            self.table = table
            self.row = row

    class StateChanged(Message):
        """Loading started/finished, or failed: the owner shows it."""

        def __init__(self, table: "ResourceTable", loading: bool, error: Exception | None) -> None:
            super().__init__()
            self.table = table
            self.loading = loading
            self.error = error

    def __init__(
        self,
        columns: Sequence[Column],
        fetcher: Fetcher,
        *,
        default_sort: tuple[str, bool] | None = None,
        page_size: int = PAGE_SIZE,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = tuple(columns)
        self._fetcher = fetcher
        self.page_size = page_size
        self.sort: tuple[str, bool] | None = default_sort
        self.total: int | None = None
        self._pages: OrderedDict[int, tuple[Any, ...]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # bumps on reload/sort so stale replies are dropped
        self.error: Exception | None = None
        self.requests = 0
        self._answered = asyncio.Event()  # set once the first page (or its error) is in
        self._soft = False  # a background refresh: keep showing the old rows until the new ones
        self.wide = False  # w: every column in full, scrolling sideways
        # The widest cell of each column in the rows loaded (of the newest reply's generation):
        # the layout follows the content, and changes only when wider content arrives.
        self._content: list[int] = [0] * len(self.columns)
        self._content_generation = -1
        self._content_version = 0
        self._layout_key: tuple[Any, ...] | None = None
        self._painted_generation = -1  # the generation last drawn in full (see _load)
        self._layout: list[tuple[Column, int]] = []

    # ----------------------------------------------------------------- data

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Forget what is loaded and fetch the page under the cursor again."""
        self._generation += 1
        self._pages.clear()
        self._pending.clear()
        self._soft = False
        self.error = None
        self._request(self._page_of(self.cursor) if self.total else 1)

    def refresh_in_background(self) -> None:
        """Fetch the page under the cursor again, showing the rows already here until it comes.

        For a list revisited a while after it was loaded: it is on screen at once,
        from memory, and brought up to date without a flash of placeholders.
        """
        if self.total is None or self._pending:
            return  # never loaded, or loading already: nothing stale to refresh
        self._generation += 1
        self._soft = True
        page = self._page_of(self.cursor)
        self._pending.add(page)
        self.post_message(self.StateChanged(self, True, None))
        self.run_worker(later(self._load, page, self._generation), group="pages")

    async def wait_answered(self) -> None:
        """Wait until the first page (or its failure) has arrived: others may then start heavy work."""
        await self._answered.wait()

    @property
    def loading_pages(self) -> bool:
        return bool(self._pending)

    def row_at(self, index: int) -> Any | None:
        page = self._pages.get(self._page_of(index))
        if page is None:
            return None
        offset = index - (self._page_of(index) - 1) * self.page_size
        return page[offset] if 0 <= offset < len(page) else None

    @property
    def current_row(self) -> Any | None:
        return self.row_at(self.cursor) if self.total else None

    def loaded_rows(self) -> list[Any]:
        """Rows in memory, in order (for a quick look, never the whole list)."""
        return [row for _page, rows in sorted(self._pages.items()) for row in rows]

    def _page_of(self, index: int) -> int:
        return max(0, index) // self.page_size + 1

    def _request(self, page: int) -> None:
        if page in self._pending or page in self._pages:
            return
        if self.total is not None and page > max(1, -(-self.total // self.page_size)):
            return
        self._pending.add(page)
        self.post_message(self.StateChanged(self, True, None))
        self.run_worker(later(self._load, page, self._generation), group="pages")

    async def _load(self, page: int, generation: int) -> None:
        self.requests += 1
        try:
            result = await self._fetcher(page, self.page_size, self.sort)
        except Exception as exc:  # shown to the user by the owner, never swallowed
            self._answered.set()
            if generation == self._generation:
                self._pending.discard(page)
                self.error = exc
                self.post_message(self.StateChanged(self, False, exc))
                self.refresh()
            return
        self._answered.set()
        if generation != self._generation:
            return
        self._pending.discard(page)
        had_error, self.error = self.error, None
        layout_before = self._layout_for(self._view_width())
        total_before = self.total
        unchanged = False
        if self._soft:  # the other pages kept are as old as the one replaced: drop them
            self._soft = False
            unchanged = self._pages.get(page) == tuple(result.rows) and self._view_within(page)
            self._pages.clear()
        self._pages[page] = tuple(result.rows)
        self._pages.move_to_end(page)
        self._note_content(self._pages[page], generation)
        while len(self._pages) > KEEP_PAGES:
            self._pages.popitem(last=False)
        first_load = self.total is None
        self.total = result.total
        self._sync_virtual_size()
        if self.cursor >= self.total:
            self.cursor = max(0, self.total - 1)
        self.post_message(self.StateChanged(self, bool(self._pending), None))
        if first_load or page == self._page_of(self.cursor):
            self.post_message(self.Highlighted(self, self.current_row))
        if unchanged and self.total == total_before:
            # A background refresh brought the rows already drawn: nothing to repaint (a list
            # left open over SSH costs no bytes while its panel has nothing new).
            self._painted_generation = generation
        elif (had_error or generation != self._painted_generation or self.total != total_before
                or self._layout_for(self._view_width()) != layout_before):
            # A reload or sort (pages dropped), the columns, the length or the placeholder
            # changed: every line.
            self._painted_generation = generation
            self.refresh()
        else:
            # A page of rows came in (a prefetch, a background refresh): only its lines in view.
            first = (page - 1) * self.page_size
            self.refresh_rows(*range(first, first + len(self._pages[page])))

    # -------------------------------------------------------------- cursor

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.total:
            return
        top = int(self.scroll_offset.y)
        self._scroll_to_cursor()
        self._ensure_visible_pages()
        self.post_message(self.Highlighted(self, self.current_row))
        if int(self.scroll_offset.y) == top:
            # Only the two rows whose look changed. Over SSH every repainted line crosses the
            # link: a whole-table repaint per step wrote ~6x the bytes of DataTable (issue #19).
            # A scroll repaints everything by itself.
            self.refresh_rows(old, new)

    def _view_within(self, page: int) -> bool:
        """Whether every row in view belongs to ``page``."""
        top = int(self.scroll_offset.y)
        last = top + self._body_height() - 1
        if self.total is not None:
            last = min(last, self.total - 1)
        return self._page_of(top) == page == self._page_of(max(top, last))

    def refresh_rows(self, *indexes: int) -> None:
        """Repaint the lines of these rows, those in view; the rest of the table stays as drawn."""
        top = int(self.scroll_offset.y)
        height = self._body_height()
        width = max(self.virtual_size.width, self.size.width)
        for index in indexes:
            if top <= index < top + height:
                self.refresh(Region(0, index - top + 1, width, 1))  # + 1: the header line

    def _body_height(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> None:
        top = int(self.scroll_offset.y)
        height = self._body_height()
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _ensure_visible_pages(self) -> None:
        if self.total is None:
            return
        top = int(self.scroll_offset.y)
        for index in (top, top + self._body_height(), self.cursor):
            if index < self.total:
                self._request(self._page_of(index))

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._ensure_visible_pages()

    def action_cursor(self, delta: int) -> None:
        if self.total:
            self.cursor = min(self.total - 1, max(0, self.cursor + delta))

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * self._body_height())

    def action_first(self) -> None:
        if self.total:
            self.cursor = 0

    def action_last(self) -> None:
        if self.total:
            self.cursor = self.total - 1

    def action_select(self) -> None:
        row = self.current_row
        if row is not None:
            self.post_message(self.Selected(self, row))

    def action_reload(self) -> None:
        self.reload()

    def action_cycle_sort(self) -> None:
        sortable = [c.field for c in self.columns if c.sortable]
        if not sortable:
            return
        current = self.sort[0] if self.sort else None
        nxt = sortable[(sortable.index(current) + 1) % len(sortable)] if current in sortable else sortable[0]
        self.sort = (nxt, self.sort[1] if self.sort else True)
        self.cursor = 0
        self.reload()

    def action_reverse_sort(self) -> None:
        if self.sort:
            self.sort = (self.sort[0], not self.sort[1])
            self.cursor = 0
            self.reload()

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1 and self.total:
            index = int(self.scroll_offset.y) + event.y - 1
            if index < self.total:
                if index == self.cursor and event.chain >= 2:
                    self.action_select()
                self.cursor = index

    def on_resize(self) -> None:
        self._sync_virtual_size()
        self._ensure_visible_pages()

    # ----------------------------------------------------------------- wide

    def action_toggle_wide(self) -> None:
        """Every column, each in full, the table scrolling sideways; again: fit the width."""
        self.wide = not self.wide
        self.set_class(self.wide, "-wide")
        self._sync_virtual_size()
        if not self.wide:
            self.scroll_to(x=0, animate=False, immediate=True)
        self.refresh()

    def action_scroll_columns(self, direction: int) -> None:
        """In wide mode, ← → scroll to the previous / next column's start."""
        limit = self.max_scroll_x
        if not self.wide or not limit:
            raise SkipAction()
        width = self._view_width()
        layout = self._layout_for(width)
        pinned = self._pinned(layout, width)
        starts, x = [], 0
        for _col, w in layout:
            if x >= pinned:  # where the column starts once the pinned ones are left out
                starts.append(x - pinned)
            x += w + 1
        now = round(self.scroll_x)
        if direction > 0:
            target = next((s for s in starts if s > now), limit)
        else:
            target = next((s for s in reversed(starts) if s < now), 0)
        self.scroll_to(x=min(target, limit), animate=False)

    def _view_width(self) -> int:
        return self.scrollable_content_region.width

    @staticmethod
    def _pinned(layout: list[tuple[Column, int]], width: int) -> int:
        """Wide mode: the cells at the left that stay put while the rest scrolls sideways.

        The leading identifying columns (priority 1: the number, the unread mark), as long
        as they take at most a third of the view, so the row scrolled to says which it is.
        """
        pinned = 0
        for col, w in layout[:-1]:
            if col.priority != 1 or pinned + w + 1 > width // 3:
                break
            pinned += w + 1
        return pinned

    def _sync_virtual_size(self) -> None:
        if self.total is None:
            return
        width = view = self._view_width()  # fitting the width: nothing to scroll sideways to
        if self.wide:  # as wide as all the columns in full, so the table scrolls sideways
            layout = self._layout_for(view)
            width = max(view, sum(w for _col, w in layout) + len(layout) - 1)
        self.virtual_size = Size(width, self.total + 1)

    # -------------------------------------------------------------- render

    def _note_content(self, rows: Sequence[Any], generation: int) -> None:
        """Measure a page that came in: the widest cell of each column (once per page, not per paint)."""
        widths = []
        for col in self.columns:
            measured: Sequence[Any] = rows
            if col.kind in ("date", "datetime"):  # one format, one width: the first date says it
                first = next((row for row in rows if getattr(row, col.field, None) is not None), None)
                measured = () if first is None else (first,)
            widths.append(max((self._cell(row, col).cell_len for row in measured), default=0))
        if generation != self._content_generation:  # a reload: the old content says nothing now
            self._content_generation = generation
            self._content = widths
        else:
            self._content = [max(a, b) for a, b in zip(self._content, widths)]
        self._content_version += 1

    def _title(self, col: Column, plain: bool) -> str:
        if self.sort and self.sort[0] == col.field:
            from billtui.display.plain import sort_mark

            return f"{_(col.title)} {sort_mark(self.sort[1], plain)}"
        return _(col.title)

    def _layout_for(self, width: int) -> list[tuple[Column, int]]:
        """``_widths(width)``, worked out again only when the width, the content, the sort or the mode change."""
        from billtui.display.plain import is_plain

        # The language too: the column titles (and the sort mark in plain mode) follow it.
        key = (width, self.wide, self._content_version, self.sort, is_plain(self), language())
        if key != self._layout_key:
            self._layout = self._widths(width)
            self._layout_key = key
        return self._layout

    def _widths(self, width: int) -> list[tuple[Column, int]]:
        """Lay columns out in ``width`` cells, from what they hold.

        Each column wants its widest cell (title included; at most ``FIT_CAP``, ``WIDE_CAP``
        in wide mode) and needs at least ``min(want, width or min_width)``. Wide mode: every
        column gets what it wants (the table may be wider than ``width``). Otherwise:

        1. while what the columns need does not fit, the highest priority number goes
           (the rightmost of equals): identifying columns (priority 1) stay the longest;
        2. while the priority-1 columns in full, with the others at what they need, do
           not fit, optional columns (priority ``OPTIONAL`` and up) go too;
        3. the room left goes to the columns still short of what they want, most important
           first (short columns before text of the same priority), then to the flexible
           (text) columns, so the table fills the width.
        """
        from billtui.display.plain import is_plain

        plain = is_plain(self)
        cap = WIDE_CAP if self.wide else FIT_CAP
        want: dict[int, int] = {}
        need: dict[int, int] = {}
        for i, col in enumerate(self.columns):
            content = self._content[i] if i < len(self._content) else 0
            want[i] = min(cap, max(cell_len(self._title(col, plain)), content))
            need[i] = min(want[i], col.width or col.min_width)
        # A column with neither a title nor anything in it (no unread tickets) takes no room;
        # fitting the width, nor does one empty in every row loaded (no IP for domains).
        loaded = any(self._content)
        kept = [i for i in want if want[i] > 0
                and (self.wide or not loaded or self._content[i] > 0)] or [0]

        def total(sizes: dict[int, int], cols: list[int]) -> int:
            return sum(sizes[i] for i in cols) + len(cols) - 1

        def drop_one(cols: list[int]) -> None:
            cols.remove(max(cols, key=lambda i: (self.columns[i].priority, i)))

        if self.wide:
            sizes = {i: want[i] for i in kept}
        else:
            while len(kept) > 1 and total(need, kept) > width:
                drop_one(kept)
            comfort = {i: want[i] if self.columns[i].priority == 1 else need[i] for i in kept}
            while (total(comfort, kept) > width
                   and max(self.columns[i].priority for i in kept) >= OPTIONAL):
                drop_one(kept)
            sizes = {i: need[i] for i in kept}
            spare = width - total(sizes, kept)
            order = sorted(kept, key=lambda i: (self.columns[i].priority, self.columns[i].width is None, i))
            for i in order:
                if spare <= 0:
                    break
                grow = min(spare, want[i] - sizes[i])
                if grow > 0:
                    sizes[i] += grow
                    spare -= grow
        spare = width - total(sizes, kept)
        flexible = [i for i in kept if self.columns[i].width is None]
        if spare > 0 and flexible:
            share = spare // len(flexible)
            for i in flexible:
                sizes[i] += share
            sizes[flexible[0]] += spare - share * len(flexible)
        return [(self.columns[i], sizes[i]) for i in kept]

    def _line(self, cells: list[tuple[Text, int, bool]], width: int, style: Style,
              over: Style | None = None) -> Strip:
        line = Text(no_wrap=True, overflow="ellipsis")
        for i, (text, w, right) in enumerate(cells):
            text = text.copy()
            text.truncate(w, overflow="ellipsis")
            pad = w - text.cell_len
            if right:
                line.append(" " * pad)
                line.append_text(text)
            else:
                line.append_text(text)
                line.append(" " * pad)
            if i < len(cells) - 1:
                line.append(" ")
        segments = list(line.render(self.app.console))
        if over is not None:
            # The cursor's colours win over the cells' own (a status in cyan on a cyan cursor was
            # unreadable in 16 colours): as Textual's DataTable draws its cursor.
            segments = list(Segment.apply_style(segments, post_style=over))
        strip = Strip(segments).adjust_cell_length(width)
        return strip.apply_style(style) if style else strip

    def render_line(self, y: int) -> Strip:
        width = self._view_width()
        layout = self._layout_for(width)
        base = self.rich_style
        # Wide mode: the line is drawn as wide as its columns, and the part in view is shown.
        full = width
        if self.wide:
            full = max(width, sum(w for _col, w in layout) + len(layout) - 1)
        x = round(self.scroll_x) if self.wide else 0
        pinned = self._pinned(layout, width) if full > width else 0

        def view(strip: Strip) -> Strip:
            if full == width and not x:
                return strip
            if pinned:  # the identifying columns stay, the rest scrolls under them
                return Strip.join([strip.crop(0, pinned), strip.crop(pinned + x, x + width)])
            return strip.crop(x, x + width)

        if y == 0:
            from billtui.display.plain import is_plain

            plain = is_plain(self)
            header_style = self.get_component_rich_style("resource-table--header")
            cells = [(Text(self._title(col, plain)), w, col.right) for col, w in layout]
            return view(self._line(cells, full, base + header_style))
        if self.total is None:
            if y == 1:
                message = _("Could not load this list.") if self.error else _("Loading…")
                placeholder = self.get_component_rich_style("resource-table--placeholder")
                return self._line([(Text(message), width, False)], width, base + placeholder)
            return Strip.blank(width, base)
        index = int(self.scroll_offset.y) + y - 1
        if index >= self.total:
            if self.total == 0 and y == 1:
                placeholder = self.get_component_rich_style("resource-table--placeholder")
                return self._line([(Text(_("Nothing here.")), width, False)], width, base + placeholder)
            return Strip.blank(width, base)
        row = self.row_at(index)
        style = base
        over = None
        if index == self.cursor and self.total:
            over = self.get_component_rich_style("resource-table--cursor")
            style = base + over
        if row is None:
            self.call_later(self._request, self._page_of(index))
            placeholder = self.get_component_rich_style("resource-table--placeholder")
            return self._line([(Text("…"), width, False)], width, style + placeholder)
        cells = [(self._cell(row, col), w, col.right) for col, w in layout]
        return view(self._line(cells, full, style, over))

    def _cell(self, row: Any, col: Column) -> Text:
        value = getattr(row, col.field, None)
        label = getattr(row, col.label_field, None) if col.label_field else None
        if col.kind == "status":
            text = fmt.cell(label or value)
            text.stylize(fmt.status_style(value))
            return text
        if label:
            return fmt.cell(label)
        return fmt.field(row, col.field, col.kind)  # an unreadable value shows the panel's text, never blank
