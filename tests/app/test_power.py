"""Power users: `:` jumps, objects in the palette, `/` filters, vim keys, profiles from the palette."""

from __future__ import annotations

import httpx

from billtui.app import BillTUI
from billtui.storage.config import Config, Profile
from billtui.launch import Launch
from billtui.screens.shell.jump import JumpScreen
from billtui.widgets.list_pane import ListPane
from billtui.widgets.resource_table import ResourceTable

from tests.app.conftest import make_sim, open_item, palette, screen_text, settle


async def jump(pilot, line: str) -> None:
    await pilot.press("colon")
    await pilot.pause()
    assert isinstance(pilot.app.screen, JumpScreen)
    await pilot.press(*line, "enter")
    await settle(pilot)


def crumb(app) -> str:
    return screen_text(app).splitlines()[0]


async def test_colon_aliases_jump_to_lists(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "pay")
        assert "Finances › Credits/Payments" in crumb(app)
        assert "PM-000040" in screen_text(app)
        await jump(pilot, "inv")
        assert "Finances › Invoices" in crumb(app)
        await jump(pilot, "tickets")
        assert "Support › Open tickets" in crumb(app)
        await jump(pilot, "vds")  # a service type of this panel
        assert "Services › Virtual private servers" in crumb(app)
        # The focus lands in the list, so j/k work at once.
        assert isinstance(app.focused, ResourceTable)


async def test_colon_typed_in_one_burst_keeps_every_key(app) -> None:
    """`:inv⏎` arriving at once (a fast typist, tmux send-keys): the keys after `:` reach the bar
    before its input has the focus, and still jump."""
    from textual import events

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        app.screen.focus_content()
        await settle(pilot)
        for key, char in (("colon", ":"), ("i", "i"), ("n", "n"), ("v", "v"), ("enter", "\r")):
            app.post_message(events.Key(key, char))  # queued together, as a terminal sends them
        await settle(pilot)
        assert "Invoices" in crumb(app)


async def test_a_colon_typed_in_the_filter_is_text_not_a_jump(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "tickets")
        app.screen.focus_content()
        await settle(pilot)
        await pilot.press("slash", "a", "colon", "b")
        await settle(pilot)
        assert not isinstance(app.screen, JumpScreen)
        assert app.screen.query_one("FilterInput").value == "a:b"


async def test_colon_object_jump_opens_the_ticket(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "ticket 1004")
        await settle(pilot)
        assert "Packet loss from Europe to web-01" in screen_text(app)
        assert "traceroute.txt" in screen_text(app)  # the conversation itself, not just its row


async def test_colon_unknown_input_says_what_is_possible_and_keeps_it(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "wat")
        assert isinstance(app.screen, JumpScreen)
        text = screen_text(app)
        assert "Nothing is called 'wat'" in text and ":pay" in text and "ticket N" in text
        assert app.screen.query_one("#jump-input").value == "wat"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, JumpScreen)


async def test_colon_names_the_edition_of_an_item_this_one_hides() -> None:
    from billtui.menu import Edition

    from tests.app.conftest import demo_app

    app = demo_app(Edition.ADVANCED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "contact")
        assert isinstance(app.screen, JumpScreen)  # kept, to correct
        text = " ".join(screen_text(app).split())
        assert "Settings (contact) exists only in the Standard edition; this panel is Advanced." in text
        assert "Nothing is called" not in text


async def test_colon_missing_object_is_reported(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "payment PM-999999")
        assert isinstance(app.screen, JumpScreen)
        assert "No payment 'PM-999999' found" in screen_text(app)


async def test_palette_finds_a_service_by_ip_and_opens_it(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "203.0.113.11")
        assert hits[0].startswith("Service db-01.demo.example.com")
        await pilot.press("enter")
        await settle(pilot)
        text = screen_text(app)
        assert "db-01.demo.example.com" in text and "VDS-4" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Services › Virtual private servers" in crumb(app)


async def test_palette_finds_tickets_invoices_payments_by_number(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert any(h.startswith("Payment PM-000040") for h in await palette(pilot, "PM-000040"))
        await pilot.press("escape")
        assert any(h.startswith("Invoice INV-2026-0012") for h in await palette(pilot, "INV-2026-0012"))
        await pilot.press("escape")
        hits = await palette(pilot, "invoice question")
        # Ticket 1003's subject is shown literally: never markup, never an escape sequence.
        assert any("[bold red]Invoice[/] question" in h for h in hits)
        await pilot.press("escape")
        hits = await palette(pilot, "#1004")
        assert hits[0] == "Ticket #1004 Packet loss from Europe to web-01"
        await pilot.press("enter")
        await settle(pilot)
        assert "Packet loss from Europe to web-01" in screen_text(app)


async def test_slash_filters_tickets_on_the_panel_and_escape_clears(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "tickets")
        assert "1 of 5 tickets" in screen_text(app)
        await pilot.press("slash", *"SSH")
        await settle(pilot)
        text = screen_text(app)
        assert "SSH connection refused" in text and "Packet loss" not in text
        assert '1 of 1 tickets' in text and 'filter "SSH"' in text
        # The panel did the filtering (it stored the filter for the session).
        assert any(f.get("name") == "SSH" for f in
                   [s.filters.get("clientticket", {}) for s in app.sim.state.sessions.values()]) \
            if hasattr(app.sim.state, "sessions") else True
        await pilot.press("escape")
        await settle(pilot)
        text = screen_text(app)
        assert "Packet loss" in text and "5 tickets" in text and "filter" not in text
        assert isinstance(app.focused, ResourceTable)


async def test_slash_filters_a_list_the_panel_cannot_filter_and_says_so(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "invoices")
        await pilot.press("slash", *"0012")
        await settle(pilot)
        text = screen_text(app)
        assert "INV-2026-0012" in text and "INV-2026-0011" not in text
        assert '1 of 1 invoices' in text and 'filter "0012"' in text
        await pilot.press("enter")  # back to the rows, filter kept
        await pilot.pause()
        assert isinstance(app.focused, ResourceTable)
        assert "INV-2026-0011" not in screen_text(app)
        await pilot.press("escape")  # clears the filter first
        await settle(pilot)
        assert "INV-2026-0011" in screen_text(app)


def test_local_filter_is_honest_about_rows_not_loaded() -> None:
    """A list the panel cannot filter, only partly loaded: the status says where it looked."""
    from billtui.screens.finances.specs import invoices_spec

    pane = ListPane(invoices_spec())
    rows = tuple(type("Row", (), {"number": f"INV-{n}", "created": None, "customer": "", "amount": None,
                                  "status_text": "Paid", "sent": None})() for n in range(100))
    pane._snapshot, pane._snapshot_total, pane._filter_text = rows, 100_000, "INV-7"
    page = pane.local_page(1, 100)
    assert page is not None and page.total == 11  # INV-7, INV-70..79
    assert pane.filter_note() == ' · filter "INV-7" in 100 loaded of 100,000 (not on the panel)'


async def test_vim_keys_move_in_lists(app) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "pay")
        await pilot.press("G")
        await settle(pilot)
        assert "40 of 40 payments" in screen_text(app)
        await pilot.press("k", "k")
        await settle(pilot)
        assert "38 of 40 payments" in screen_text(app)
        await pilot.press("g", "j")
        await settle(pilot)
        assert "2 of 40 payments" in screen_text(app)


async def test_switch_profile_from_the_palette(monkeypatch) -> None:
    sim = make_sim()
    other = Profile(name="second", url="http://second.example.test/billmgr", username="demo")
    config = Config().with_profile(other)
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    app = BillTUI(Launch.demo(), config=config, demo_sim=sim, transport=httpx.ASGITransport(app=sim))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "demo.billtui.invalid" in crumb(app)
        hits = await palette(pilot, "Switch profile")
        assert "Switch profile to second" in hits
        await pilot.press("enter")
        await settle(pilot)
        await settle(pilot)
        assert app.profile.name == "second"
        assert "second.example.test" in crumb(app)


async def test_plain_mode_has_no_box_drawing_and_spells_sort_order() -> None:
    sim = make_sim()
    app = BillTUI(Launch.demo(plain=True), demo_sim=sim)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "pay")
        text = screen_text(app)
        assert not set(text) & set("│─╭╮╰╯├└▕▔▁▼▲")
        assert "Date desc" in text and "sorted by Date desc" in text
        assert "|  Standard  |" in text.splitlines()[0]
        assert app.no_color


async def test_breadcrumb_survives_80_columns(app) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await jump(pilot, "tickets")
        first = crumb(app)
        assert "Standard" in first and "Support › Open tickets" in first


async def test_vim_keys_in_the_short_tables_too(app) -> None:
    from textual.widgets import DataTable

    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await jump(pilot, "svc")
        table = app.screen.query(DataTable).first()
        table.focus()
        await pilot.pause()
        assert table.row_count >= 2 and table.cursor_row == 0
        await pilot.press("j")
        assert table.cursor_row == 1
        await pilot.press("k")
        assert table.cursor_row == 0
        await pilot.press("G")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("g")
        assert table.cursor_row == 0
