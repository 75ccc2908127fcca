"""Opening a favourite: go to its item and, for an object, find its row (the list pages on the
server), highlight it and open it as Enter would. The shell does it, for the menu, the palette
and the Favourites list alike (``host.OpenFavourite``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from billtui.display.safe import clean
from billtui.host import HostApp
from billtui.i18n import _
from billtui.storage.favourites import Favourite
from billtui.widgets.resource_table import ResourceTable
from billtui.workers import later

if TYPE_CHECKING:
    from billtui.screens.shell.main import MainScreen

#: How many rows to look through for a starred object that is not on screen.
SEARCH_PAGES = 20
SEARCH_PAGE_SIZE = 100
#: Seconds to wait for the list's first page before opening the object without highlighting it.
HIGHLIGHT_WAIT = 4.0


def open_favourite(app: HostApp, favourite: Favourite) -> None:
    """Go to the item; for an object, to its list with the object highlighted and opened."""
    from billtui.menu import visible

    if not visible(favourite.item_key, app.edition):
        app.notify(_("{title} is not in the {edition} edition.").format(
            title=clean(favourite.label), edition=app.edition.title), severity="warning")
        return
    from billtui.screens.shell.main import MainScreen

    screen = app.screen
    if not isinstance(screen, MainScreen):
        return
    if screen.nav.find(favourite.list_key) is None:
        app.notify(_("{title}: this panel does not show that list now.").format(title=clean(favourite.label)),
                   severity="warning")
        return
    app.goto(favourite.list_key)
    if favourite.object_id:
        app.run_worker(later(_reveal, app, screen, favourite), group="favourite-open", exclusive=True)


async def _reveal(app: HostApp, screen: "MainScreen", favourite: Favourite) -> None:
    """Find the object's row (the list pages on the server), highlight it and open it like Enter."""
    from billtui.api.lists import fetch_page
    from billtui.widgets.async_pane import error_text
    from billtui.widgets.list_pane import ListPane
    from billtui.screens.shell.main import pane_id

    await screen.pane_mounted()  # a list never opened before is still composing its table
    pane = next((p for p in screen.query(ListPane) if p.id == pane_id(favourite.list_key)), None)
    if pane is None:
        return
    tables = pane.query(ResourceTable)
    sort = tables.first().sort if tables else pane.spec.default_sort  # the order the user sees
    try:
        for page in range(1, SEARCH_PAGES + 1):
            result = await fetch_page(app.client, pane.spec.call(), page, SEARCH_PAGE_SIZE,
                                      sort=sort, filters=pane.filters or None)
            for index, row in enumerate(result.rows):
                if str(getattr(row, "id", "")) == favourite.object_id:
                    await _highlight(pane, (page - 1) * SEARCH_PAGE_SIZE + index)
                    await pane.open_row(row)
                    return
            if len(result.rows) < SEARCH_PAGE_SIZE:
                break
    except Exception as exc:
        app.notify(_("Could not look for {title}: {error}").format(title=clean(favourite.label), error=error_text(exc)),
                   severity="error")
        return
    if pane.filters:
        gone = _("{title} is no longer in {list} with the current filter. "
                 "Press f on it in the Favourites list to remove it, or d there.")
    else:
        gone = _("{title} is no longer in {list}. Press f on it in the Favourites list to remove it, or d there.")
    app.notify(gone.format(title=clean(favourite.label), list=clean(pane.spec.title)), severity="warning", timeout=10)


async def _highlight(pane: Any, index: int) -> None:
    """Put the list's cursor on the row once the list knows its length (its first page is in)."""
    import asyncio

    tables = pane.query(ResourceTable)
    if not tables:
        return
    table = tables.first()
    try:
        # A slow panel still gets the object opened, only unhighlighted.
        await asyncio.wait_for(table.wait_answered(), HIGHLIGHT_WAIT)
    except TimeoutError:
        return
    if table.total:
        table.cursor = min(index, table.total - 1)
