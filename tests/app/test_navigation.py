"""Moving around with the keyboard: the tree, escape, ?, log out, quit."""

from __future__ import annotations

from billtui.screens.shell.keys import KeysScreen
from billtui.screens.shell.main import MainScreen
from billtui.widgets.nav_tree import NavTree
from billtui.widgets.resource_table import ResourceTable
from tests.app.conftest import demo_app, screen_text, settle


async def test_arrow_keys_and_enter_open_an_item_and_escape_goes_back():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, NavTree)
        # Customer, Services, 5 product types, Finances, Credits/Payments
        await pilot.press(*["down"] * 8)
        await settle(pilot)
        assert "Credits/Payments" in screen_text(app).splitlines()[0]  # breadcrumb
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.focused, ResourceTable)
        await pilot.press("j", "j", "G")
        await settle(pilot)
        assert "40 of 40 payments" in screen_text(app)
        await pilot.press("escape")  # content → menu
        assert isinstance(app.focused, NavTree)
        await pilot.press("escape")  # menu → the item before
        await settle(pilot)
        assert "Customer" in screen_text(app).splitlines()[0]


async def test_a_jump_made_at_start_is_not_undone_by_the_menu_arriving():
    """``:vps`` typed before the panel's menu (which brings the service types) has arrived."""
    app = demo_app()
    app.sim.faults.set("menu", "latency", count=1, delay=0.3)  # a slow panel menu
    async with app.run_test(size=(120, 40)) as pilot:
        while not isinstance(app.screen, MainScreen):
            await pilot.pause()
        assert app.session.menu is None
        app.goto("services/vds")
        await settle(pilot)
        assert app.screen.current_key == "services/vds"
        assert "Virtual private servers" in screen_text(app).splitlines()[0]


async def test_an_item_opened_while_the_tree_is_rebuilt_stays_open():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        # The ticket watch and the session rebuild the tree (unread count, menu) at any time.
        screen.rebuild_tree(select=screen.current_key)
        screen.rebuild_tree(select=screen.current_key)
        app.goto("payments")
        await settle(pilot)
        assert screen.current_key == "payments"
        assert "Credits/Payments" in screen_text(app).splitlines()[0]


async def test_question_mark_lists_the_keys_that_work_here():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.goto("payments")
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
        text = screen_text(app)
        assert "Sort" in text and "Reload" in text
        await pilot.press("end")  # the app-wide keys follow the ones that work here
        await pilot.pause()
        assert "Command palette" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


async def test_log_out_from_the_palette_ends_the_session():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        first_client = app.client
        await pilot.press("ctrl+p", *"Log out")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        # In the demo, logging out logs in again as demo, with a new session.
        assert app.client is not first_client
        assert isinstance(app.screen, MainScreen)


async def test_q_quits():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_dialogs_and_the_colon_bar_keep_the_context_visible(app):
    # The list a dialog was opened from stays readable behind it (dimmed), not blanked.
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.goto("orders")
        await settle(pilot)
        app.screen.focus_content()
        await pilot.press("p")  # pay the order awaiting payment
        await settle(pilot)
        assert type(app.screen).__name__ == "AddFundsScreen"
        assert "Order history" in screen_text(app) and "Pay order 503" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("colon")
        await settle(pilot)
        assert type(app.screen).__name__ == "JumpScreen" and "Order history" in screen_text(app)


async def test_question_mark_lists_billtuis_keys_not_the_frameworks(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for where in ("tree", "list"):
            if where == "list":
                app.goto("payments")
                await settle(pilot)
                app.screen.focus_content()
            await pilot.press("question_mark")
            await settle(pilot)
            text = screen_text(app)
            here = text.split("Everywhere")[0]
            assert "Copy selected text" not in here and "ancestor" not in here, here
            assert ("Add funds" in here) if where == "list" else ("Star" in here), (where, here.splitlines())
            await pilot.press("escape")
            await settle(pilot)


async def test_the_cursor_row_is_drawn_in_the_cursors_colours(app):
    # In 16 colours a "New" status in cyan on the cyan cursor could not be read: on the cursor row
    # every cell takes the cursor's colours, as Textual's DataTable does.
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.goto("payments")
        await settle(pilot)
        app.screen.focus_content()
        await settle(pilot)
        table = app.screen.query_one(ResourceTable)
        assert table.cursor == 0
        cursor = table.get_component_rich_style("resource-table--cursor")
        line = table.render_line(1)  # the first row, under the header
        status = [seg for seg in line if "New" in seg.text]
        assert status and all(seg.style.color == cursor.color for seg in status)
        other = table.render_line(2)  # a row without the cursor keeps its status colour
        assert any(seg.style and seg.style.color != cursor.color for seg in other if seg.text.strip())
