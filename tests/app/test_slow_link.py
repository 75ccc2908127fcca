"""Over a slow SSH link a key costs what it changes (issue #19): a cursor step repaints its two
rows, not the table; passing over menu items sends the panel nothing; an unchanged background
refresh repaints nothing. Bytes and request counts are measured in bench/, not here."""

from __future__ import annotations

from collections import Counter

from textual.geometry import Region

import billtui.screens.shell.main as main
from bench.panel import RecordingPanel
from billtui.app import BillTUI
from billtui.launch import Launch
from billtui.widgets.resource_table import ResourceTable
from tests.app.conftest import make_sim, settle


def recorded_app() -> tuple[BillTUI, RecordingPanel]:
    panel = RecordingPanel(make_sim())
    return BillTUI(Launch.demo(), demo_sim=panel), panel


async def in_the_tree(pilot):
    """Started, settled, the menu tree focused: the main screen."""
    await settle(pilot)
    screen = pilot.app.screen
    screen.nav.focus()
    await settle(pilot)
    return screen


class RefreshSpy:
    """Records every refresh a widget asks for: the regions, or "all" for the whole widget."""

    def __init__(self, widget: ResourceTable) -> None:
        self.calls: list[tuple[Region, ...] | str] = []
        original = widget.refresh

        def spy(*regions: Region, **kwargs):
            self.calls.append(regions or "all")
            return original(*regions, **kwargs)

        widget.refresh = spy  # type: ignore[method-assign]


async def test_a_cursor_step_repaints_only_the_two_rows_it_changed():
    app, _ = recorded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.goto("payments")
        await settle(pilot)
        app.screen.focus_content()
        await settle(pilot)
        table = app.screen.query_one(ResourceTable)
        spy = RefreshSpy(table)
        await pilot.press("down")
        await settle(pilot)
        assert table.cursor == 1
        lines = sorted(region.y for call in spy.calls if call != "all" for region in call)
        assert "all" not in spy.calls and lines == [1, 2]  # rows 0 and 1, under the header line
        assert all(r.height == 1 for call in spy.calls for r in call)
        spy.calls.clear()
        await pilot.press("pagedown")  # a scroll: every line moves, so every line is drawn
        await settle(pilot)
        assert table.scroll_offset.y > 0


async def test_an_unchanged_background_refresh_repaints_nothing():
    app, panel = recorded_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.goto("invoices")
        await settle(pilot)
        table = app.screen.query_one(ResourceTable)
        spy = RefreshSpy(table)
        before = len(panel.calls)
        table.refresh_in_background()
        await settle(pilot)
        assert len(panel.calls) > before  # it did ask the panel
        assert spy.calls == []  # and drew nothing: the rows are the ones on screen


async def test_passing_over_menu_items_asks_the_panel_nothing(monkeypatch):
    monkeypatch.setattr(main, "PREVIEW_DELAY", 3600.0)  # the rest is simulated: preview_due()
    app, panel = recorded_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await in_the_tree(pilot)
        start_key = screen.current_key
        before = len(panel.calls)
        for _ in range(6):
            await pilot.press("down")
        await settle(pilot)
        assert len(panel.calls) == before, Counter(c.func for c in panel.calls[before:])
        assert screen.current_key == start_key  # nothing opened on the way
        resting = screen.nav.cursor_node.data
        screen.preview_due()  # the cursor has rested on the item: it opens, and only it asks
        await settle(pilot)
        assert screen.current_key == resting.key
        assert len(panel.calls) > before


async def test_enter_in_the_tree_opens_at_once(monkeypatch):
    monkeypatch.setattr(main, "PREVIEW_DELAY", 3600.0)
    app, _ = recorded_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await in_the_tree(pilot)
        await pilot.press("down", "down")
        await settle(pilot)
        wanted = screen.nav.cursor_node.data
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current_key == wanted.key
        screen.preview_due()  # a rest timer left over must not open anything else
        await settle(pilot)
        assert screen.current_key == wanted.key


async def test_tab_out_of_the_tree_before_the_rest_opens_the_item_and_enters_it(monkeypatch):
    """Down, Down, Tab typed quickly: the item under the cursor opens now and has the focus
    (before, the focus went into the pane about to be replaced, and was lost)."""
    monkeypatch.setattr(main, "PREVIEW_DELAY", 3600.0)
    app, _ = recorded_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await in_the_tree(pilot)
        await pilot.press("down", "down")
        wanted = screen.nav.cursor_node.data
        await pilot.press("tab")
        await settle(pilot)
        assert screen.current_key == wanted.key
        assert app.focused is not None and screen.current_pane() in app.focused.ancestors_with_self
