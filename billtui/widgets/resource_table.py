"""A virtual, server-paged table: 20 rows or 100,000 feel the same.

Textual's DataTable must be handed every row (seconds and hundreds of MB for a
large list), so this widget never holds the whole list. It knows the total from
the panel (``p_elems``), renders only the lines on screen through the Line API,
keeps a few pages around the viewport, and asks for the page it is missing when
the user scrolls or jumps: ``End`` fetches the last page, not everything before.
"""

from __future__ import annotations

from functools import partial

import asyncio
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Generic, Sequence, TypeVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .. import format as fmt

T = TypeVar("T")

PAGE_SIZE = 100
KEEP_PAGES = 12  # pages kept in memory around the viewport (1,200 rows)


@dataclass(frozen=True)
class Column:
    """One declared column: which row attribute, how to show it."""

    field: str
    title: str
    kind: str = "text"  # text, money, date, datetime, status, bool, unread
    width: int | None = None  # fixed width; None shares what is left
    min_width: int = 6
    sortable: bool = True
    priority: int = 1  # at narrow widths, the highest numbers go first
    label_field: str | None = None  # for kind=status: the attribute with the panel's text

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

    DEFAULT_CSS = """
    ResourceTable {
        height: 1fr;
        scrollbar-gutter: stable;
        overflow-x: hidden;
    }
    ResourceTable > .resource-table--header {
        text-style: bold;
        background: $panel;
    }
    ResourceTable > .resource-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    ResourceTable:blur > .resource-table--cursor {
        background: $block-cursor-blurred-background;
        text-style: none;
    }
    ResourceTable > .resource-table--placeholder {
        color: $text-muted;
    }
    """

    COMPONENT_CLASSES = {
        "resource-table--header",
        "resource-table--cursor",
        "resource-table--placeholder",
    }

    BINDINGS = [
        Binding("up,k", "cursor(-1)", "Up", show=False),
        Binding("down,j", "cursor(1)", "Down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False),
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=True),
        Binding("s", "cycle_sort", "Sort", show=True),
        Binding("S", "reverse_sort", "Reverse", show=False),
        Binding("r", "reload", "Reload", show=True),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

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
        self.run_worker(partial(self._load, page, self._generation), group="pages")

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
        return [row for _, rows in sorted(self._pages.items()) for row in rows]

    def _page_of(self, index: int) -> int:
        return max(0, index) // self.page_size + 1

    def _request(self, page: int) -> None:
        if page in self._pending or page in self._pages:
            return
        if self.total is not None and page > max(1, -(-self.total // self.page_size)):
            return
        self._pending.add(page)
        self.post_message(self.StateChanged(self, True, None))
        self.run_worker(partial(self._load, page, self._generation), group="pages")

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
        self.error = None
        if self._soft:  # the other pages kept are as old as the one replaced: drop them
            self._soft = False
            self._pages.clear()
        self._pages[page] = tuple(result.rows)
        self._pages.move_to_end(page)
        while len(self._pages) > KEEP_PAGES:
            self._pages.popitem(last=False)
        first_load = self.total is None
        self.total = result.total
        self.virtual_size = Size(self.size.width, self.total + 1)
        if self.cursor >= self.total:
            self.cursor = max(0, self.total - 1)
        self.post_message(self.StateChanged(self, bool(self._pending), None))
        if first_load or page == self._page_of(self.cursor):
            self.post_message(self.Highlighted(self, self.current_row))
        self.refresh()

    # -------------------------------------------------------------- cursor

    def watch_cursor(self, old: int, new: int) -> None:
        if not self.total:
            return
        self._scroll_to_cursor()
        self._ensure_visible_pages()
        self.post_message(self.Highlighted(self, self.current_row))
        self.refresh()

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
        if self.total is not None:
            self.virtual_size = Size(self.size.width, self.total + 1)
        self._ensure_visible_pages()

    # -------------------------------------------------------------- render

    def _widths(self, width: int) -> list[tuple[Column, int]]:
        """Lay columns out in ``width`` cells, dropping low-priority ones first."""
        cols = list(self.columns)
        while True:
            gaps = len(cols) - 1
            fixed = sum(c.width or c.min_width for c in cols) + gaps
            if fixed <= width or len(cols) <= 1:
                break
            drop = max(cols, key=lambda c: (c.priority, cols.index(c)))
            cols.remove(drop)
        gaps = len(cols) - 1
        flexible = [c for c in cols if c.width is None]
        spare = max(0, width - gaps - sum(c.width or c.min_width for c in cols))
        out: list[tuple[Column, int]] = []
        for col in cols:
            w = col.width or col.min_width
            if col.width is None and flexible:
                share = spare // len(flexible)
                if col is flexible[0]:
                    share += spare - share * len(flexible)
                w += share
            out.append((col, w))
        return out

    def _line(self, cells: list[tuple[Text, int, bool]], width: int, style: Style) -> Strip:
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
        strip = Strip(segments).adjust_cell_length(width)
        return strip.apply_style(style) if style else strip

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        layout = self._widths(width)
        base = self.rich_style
        if y == 0:
            header_style = self.get_component_rich_style("resource-table--header")
            cells = []
            for col, w in layout:
                title = col.title
                if self.sort and self.sort[0] == col.field:
                    from ..plain import is_plain, sort_mark

                    title += " " + sort_mark(self.sort[1], is_plain(self))
                cells.append((Text(title), w, col.right))
            return self._line(cells, width, base + header_style)
        if self.total is None:
            if y == 1:
                message = "Could not load this list." if self.error else "Loading…"
                placeholder = self.get_component_rich_style("resource-table--placeholder")
                return self._line([(Text(message), width, False)], width, base + placeholder)
            return Strip.blank(width, base)
        index = int(self.scroll_offset.y) + y - 1
        if index >= self.total:
            if self.total == 0 and y == 1:
                placeholder = self.get_component_rich_style("resource-table--placeholder")
                return self._line([(Text("Nothing here."), width, False)], width, base + placeholder)
            return Strip.blank(width, base)
        row = self.row_at(index)
        style = base
        if index == self.cursor and self.total:
            style = base + self.get_component_rich_style("resource-table--cursor")
        if row is None:
            self.call_later(self._request, self._page_of(index))
            placeholder = self.get_component_rich_style("resource-table--placeholder")
            return self._line([(Text("…"), width, False)], width, style + placeholder)
        cells = [(self._cell(row, col), w, col.right) for col, w in layout]
        return self._line(cells, width, style)

    def _cell(self, row: Any, col: Column) -> Text:
        value = getattr(row, col.field, None)
        if col.kind == "status":
            label = getattr(row, col.label_field, None) if col.label_field else None
            text = fmt.cell(label or value)
            text.stylize(fmt.status_style(value))
            return text
        return fmt.cell(value, col.kind)
