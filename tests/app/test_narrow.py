"""Issue #17, "at 80x24": the columns a user needs to act stay, the rest is one key away.

At 80 columns every list keeps its identifying columns (number, name, status); the
descriptive ones give way. ``w`` shows every column in full, the table scrolling sideways
(← →) under its pinned number column. The menu ends a cut label with "…". At 120 columns
names and statuses are shown whole.
"""

from __future__ import annotations

import pytest

from billtui.menu import Edition
from billtui.screens.shell.main import pane_id
from billtui.widgets.resource_table import Column, ResourceTable

from tests.app.conftest import demo_app, open_item, screen_text, settle

NARROW = (80, 24)
WIDE = (120, 40)


def table_of(app, key: str) -> ResourceTable:
    return app.screen.query(f"#{pane_id(key)} ResourceTable").first()


def table_lines(app, key: str) -> list[str]:
    """The table's lines as the user reads them (the menu at the left cut off)."""
    table = table_of(app, key)
    left = table.region.x
    lines = screen_text(app).splitlines()
    return [line[left:left + table.region.width] for line in lines[table.region.y:table.region.bottom]]


def row_with(lines: list[str], text: str) -> str:
    found = [line for line in lines if text in line]
    assert found, f"{text!r} not in:\n" + "\n".join(lines)
    return found[0]


# ------------------------------------------------------------ at 80 columns

async def test_orders_at_80_show_the_number_and_status_the_banner_talks_about() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "orders")
        text = screen_text(app)
        assert "order 503" in text and "press p" in text  # the banner
        lines = table_lines(app, "orders")
        header = lines[0]
        assert "Number" in header and "Status" in header and "Cost" in header
        row = row_with(lines, "503")
        assert "Awaiting payment" in row and "5.00 USD" in row


async def test_tickets_at_80_show_the_number_jump_takes() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "tickets")
        lines = table_lines(app, "tickets")
        assert "#" in lines[0] and "Subject" in lines[0] and "Status" in lines[0]
        for number in ("1001", "1002", "1003", "1004", "1005"):
            row_with(lines, number)
        assert "Awaiting your reply" in row_with(lines, "1002")  # the status, whole


async def test_archived_tickets_at_80_show_numbers_and_status() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "archived_tickets")
        lines = table_lines(app, "archived_tickets")
        assert "#" in lines[0] and "Status" in lines[0]
        assert "Archived" in row_with(lines, "1008")


async def test_invoices_at_80_show_the_status() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "invoices")
        lines = table_lines(app, "invoices")
        assert "Number" in lines[0] and "Status" in lines[0] and "Amount" in lines[0]
        assert "Not paid" in row_with(lines, "INV-2026-0012")
        assert "Cancelled" in row_with(lines, "INV-2026-0004")


async def test_payments_at_80_show_the_method_and_status() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        lines = table_lines(app, "payments")
        assert "Number" in lines[0] and "Method" in lines[0] and "Status" in lines[0]
        row = row_with(lines, "PM-000039")
        assert "Bank transfer" in row and "100.99 USD" in row and "Credited" in row


async def test_services_at_80_show_name_status_and_expiry() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "services/vds")
        lines = table_lines(app, "services/vds")
        assert "Name" in lines[0] and "Status" in lines[0] and "Expires" in lines[0]
        row = row_with(lines, "new-vm")
        assert "Ordered" in row and "2026-12-25" in row
        assert "Suspended by staff" in row_with(lines, "staging.demo")


LISTS = ["payments", "expenses", "invoices", "orders", "tickets", "archived_tickets",
         "services/vds", "services/domain", "services/dedic", "commissions"]


@pytest.mark.parametrize("size", [NARROW, WIDE], ids=["80x24", "120x40"])
async def test_every_list_keeps_its_identifying_columns(size) -> None:
    """Every declared list (each section's specs.py), at both sizes: each priority-1 column with content is shown."""
    app = demo_app(Edition.ADVANCED)  # Advanced: the referral clicks list too
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in LISTS:
            await open_item(pilot, key)
            list_key = "commissions" if key == "commissions" else key
            table = table_of(app, list_key)
            assert table.total, key
            shown = {col.field for col, _w in table._layout_for(table.scrollable_content_region.width)}
            needed = {c.field for i, c in enumerate(table.columns) if c.priority == 1 and table._content[i]}
            assert needed <= shown, (key, needed - shown)
            header = table_lines(app, list_key)[0]
            for col in table.columns:
                if col.field in needed and col.title:
                    assert col.title in header, (key, col.title, header)


# ---------------------------------------------------------------- wide mode

async def test_w_shows_hidden_columns_and_scrolls_under_the_pinned_number() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        assert isinstance(app.focused, ResourceTable)
        lines = table_lines(app, "payments")
        assert "Date" not in lines[0] and "Paid " not in lines[0]
        assert "w Wide" in screen_text(app).splitlines()[-1]  # the footer says how
        await pilot.press("w")
        await pilot.pause()
        lines = table_lines(app, "payments")
        assert "Date" in lines[0]  # hidden at this width, shown in wide mode
        row = row_with(lines, "PM-000040")
        assert "2026-11-06" in row and "Cryptocurrency (USDT)" in row  # the method whole
        for _ in range(4):
            await pilot.press("right")
            await pilot.pause()
        lines = table_lines(app, "payments")
        assert "Paid" in lines[0] and "Status" in lines[0]
        row = row_with(lines, "PM-000040")
        assert "New" in row  # its status, with its number still at the left
        await pilot.press("left")
        await pilot.pause()
        assert table_of(app, "payments").scroll_x > 0
        await pilot.press("w")  # back to fitting the width
        await pilot.pause()
        lines = table_lines(app, "payments")
        assert "Date" not in lines[0] and "Method" in lines[0]
        assert table_of(app, "payments").scroll_x == 0


async def test_wide_mode_shows_a_ticket_s_whole_row() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await open_item(pilot, "tickets")
        assert "Last message" not in table_lines(app, "tickets")[0]
        await pilot.press("w")
        await pilot.pause()
        row = row_with(table_lines(app, "tickets"), "1002")
        assert "Please confirm the transfer of old-pro" in row  # more of the subject than fits at 80
        await pilot.press("right", "right")
        await pilot.pause()
        lines = table_lines(app, "tickets")
        assert "Last message" in lines[0] and "Waiting" in lines[0]
        assert "2026-11-20 14:20" in row_with(lines, "1002")  # the number stays pinned at the left


async def test_left_and_right_do_nothing_when_the_table_fits() -> None:
    app = demo_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_item(pilot, "orders")
        before = table_lines(app, "orders")
        await pilot.press("right", "left")
        await pilot.pause()
        assert table_lines(app, "orders") == before
        await pilot.press("w", "right")  # everything fits at 120: nothing to scroll to
        await pilot.pause()
        assert table_of(app, "orders").scroll_x == 0
        assert "Awaiting payment" in row_with(table_lines(app, "orders"), "503")


# ------------------------------------------------------------- at 120 columns

async def test_at_120_names_methods_and_statuses_are_whole() -> None:
    app = demo_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_item(pilot, "services/vds")
        lines = table_lines(app, "services/vds")
        row = row_with(lines, "staging.demo.example.com")
        assert "Suspended by staff" in row and "203.0.113.12" in row
        await open_item(pilot, "tickets")
        lines = table_lines(app, "tickets")
        assert "Awaiting your reply" in row_with(lines, "1002")
        assert "Restore my shell config from backup" in row_with(lines, "1005")
        await open_item(pilot, "payments")
        lines = table_lines(app, "payments")
        assert "Date" in lines[0] and "Paid" in lines[0]
        assert "Cryptocurrency (USDT)" in row_with(lines, "PM-000040")


# ---------------------------------------------------------------- the menu

async def test_menu_labels_cut_at_80_end_in_an_ellipsis() -> None:
    app = demo_app()
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Virtual private serv…" in text
        assert "Notification subscri…" in text
        assert "Virtual private serve " not in text  # never cut without saying so


async def test_menu_labels_fit_at_120() -> None:
    app = demo_app(Edition.ADVANCED)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        for label in ("Virtual private servers", "Notification subscription", "Affiliate program commissions"):
            assert label in text
        assert "…" not in "".join(line[:32] for line in text.splitlines())


# ------------------------------------------------------------ the layout

def _table(columns, content) -> ResourceTable:
    async def fetch(page, size, sort):  # never called: no app runs
        raise AssertionError

    table = ResourceTable(columns, fetch)
    table._content = list(content)
    return table


COLUMNS = (
    Column("number", "Number", width=10),
    Column("date", "Date", "date", width=10, priority=3),
    Column("what", "What", min_width=12),
    Column("cost", "Cost", "money", width=12),
    Column("status", "Status", width=16),
)


def test_identifying_columns_stay_and_descriptive_ones_go_first() -> None:
    table = _table(COLUMNS, (3, 10, 31, 9, 16))
    layout = dict((c.field, w) for c, w in table._widths(51))
    assert list(layout) == ["number", "what", "cost", "status"]
    assert layout["number"] == 6 and layout["status"] == 16  # as wide as their content, title included
    assert sum(layout.values()) + len(layout) - 1 == 51  # the text takes the rest


def test_columns_fit_their_content_and_text_takes_the_free_space() -> None:
    table = _table(COLUMNS, (3, 10, 31, 9, 16))
    layout = [(c.field, w) for c, w in table._widths(85)]
    assert [f for f, _ in layout] == ["number", "date", "what", "cost", "status"]
    widths = dict(layout)
    assert widths["cost"] == 9 and widths["what"] == 85 - 4 - (6 + 10 + 9 + 16)


def test_a_short_column_grows_past_its_width_when_there_is_room() -> None:
    table = _table(COLUMNS, (3, 10, 20, 9, 19))  # a status of 19 in a column declared 16
    assert dict((c.field, w) for c, w in table._widths(85))["status"] == 19
    assert dict((c.field, w) for c, w in table._widths(46))["status"] == 16  # tight: its declared width


def test_wide_mode_lays_out_every_column_in_full() -> None:
    table = _table(COLUMNS, (3, 10, 60, 9, 16))
    table.wide = True
    layout = dict((c.field, w) for c, w in table._widths(51))
    assert layout == {"number": 6, "date": 10, "what": 60, "cost": 9, "status": 16}


async def test_a_cursor_step_reuses_the_layout() -> None:
    """The layout is worked out once per width/content/sort, not for every line of every repaint."""
    app = demo_app()
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        table = table_of(app, "payments")
        calls = []
        original = table._widths
        table._widths = lambda width: calls.append(width) or original(width)  # type: ignore[method-assign]
        await pilot.press("j", "j", "k")
        await pilot.pause()
        assert table.cursor == 1
        assert calls == []
