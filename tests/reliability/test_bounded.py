"""A hostile or broken panel cannot freeze billtui or eat its memory (issue #16).

Each finding is reproduced twice where it matters: against a scripted fake panel (exact
control of what goes over the wire) and through the demo panel's hostile faults
(``billtui.sim.faults.HOSTILE``). Limits are lowered by monkeypatching their constants so
every test is fast; nothing here sleeps for timing or asserts on how long something took.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import tracemalloc
from collections.abc import AsyncIterator

import httpx
import pytest

from billtui.api import BillClient, lists, transport
from billtui.api.errors import PanelTimeout
from billtui.api.retry import RetryPolicy
from billtui.api.transport import ReplyTooLarge
from tests.api.conftest import PASSWORD, URL, FakePanel, doc
from tests.app.conftest import demo_app, open_item, screen_text, settle

from tests.reliability.helpers import flat

MIB = 1024 * 1024
#: A guard, not a timing: without the deadline a stalled reply would hang the test run forever.
HANG_GUARD = 30


class Pieces(httpx.AsyncByteStream):
    """A reply body handed over in pieces, counting how many were taken."""

    def __init__(self, data: bytes, size: int = 1024) -> None:
        self.parts = [data[i:i + size] for i in range(0, len(data), size)]
        self.taken = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for part in self.parts:
            self.taken += 1
            yield part


class Stall(httpx.AsyncByteStream):
    """A reply that sends one byte and then nothing, ever (an event that never fires)."""

    def __init__(self) -> None:
        self.never = asyncio.Event()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b" "
        await self.never.wait()
        yield b"{}"  # pragma: no cover - never reached


def fake_client(panel: FakePanel) -> BillClient:
    c = BillClient(URL, "demo", PASSWORD, transport=httpx.MockTransport(panel))
    c.busy_retry_delays = (0.0,)
    c.read_retry = RetryPolicy(delays=())  # one attempt: what the wire did, not the backoff
    return c


def demo(sim) -> BillClient:
    from billtui.runtime.demo import demo_client

    c = demo_client(sim=sim)
    c.read_retry = RetryPolicy(delays=())
    return c


def sim():
    from tests.app.conftest import make_sim

    return make_sim()


# --- (4) size limits --------------------------------------------------------------------

async def test_a_gzip_bomb_stops_at_the_limit_with_a_clear_error(monkeypatch) -> None:
    monkeypatch.setattr(transport, "MAX_REPLY_BYTES", 1 * MIB)
    panel = FakePanel()
    body = Pieces(gzip.compress(b"\0" * (32 * MIB)))  # ~32 KB on the wire
    panel.handlers["payment"] = lambda form: httpx.Response(
        200, headers={"content-type": "application/json", "content-encoding": "gzip"}, stream=body)
    client = fake_client(panel)
    try:
        with pytest.raises(ReplyTooLarge) as caught:
            await client.call("payment")
    finally:
        await client.aclose()
    assert "reply is larger than 1 MB; billtui stopped reading it" in caught.value.message
    assert caught.value.hint
    # It stopped as soon as the unpacked size passed 1 MB: after one step of packed bytes (16 KB),
    # not after reading and unpacking the whole bomb.
    assert body.taken <= len(body.parts) // 2


async def test_a_length_over_the_limit_is_refused_before_reading(monkeypatch) -> None:
    monkeypatch.setattr(transport, "MAX_REPLY_BYTES", 1 * MIB)
    panel = FakePanel()
    body = Pieces(b"{}")
    panel.handlers["payment"] = lambda form: httpx.Response(
        200, headers={"content-type": "application/json", "content-length": str(10 * 1024 * MIB)}, stream=body)
    client = fake_client(panel)
    try:
        with pytest.raises(ReplyTooLarge):
            await client.call("payment")
    finally:
        await client.aclose()
    assert body.taken == 0


async def test_downloads_have_their_own_larger_limit(monkeypatch) -> None:
    monkeypatch.setattr(transport, "MAX_REPLY_BYTES", 1 * MIB)
    monkeypatch.setattr(transport, "MAX_DOWNLOAD_BYTES", 2 * MIB)
    panel = FakePanel()
    sizes = iter((MIB + MIB // 2, 3 * MIB))
    panel.handlers["ticket.file"] = lambda form: httpx.Response(
        200, headers={"content-type": "application/octet-stream"}, stream=Pieces(b"x" * next(sizes), 64 * 1024))
    client = fake_client(panel)
    try:
        _, data = await client.download("ticket.file", elid="1")
        assert len(data) == MIB + MIB // 2  # over the API limit, under the download one
        with pytest.raises(ReplyTooLarge) as caught:
            await client.download("ticket.file", elid="2")
    finally:
        await client.aclose()
    assert "The file is larger than 2 MB; billtui stopped downloading it" in caught.value.message


async def test_the_demo_panels_gzip_bomb_is_read_in_bounded_memory(monkeypatch) -> None:
    # In-process, httpx hands the whole packed body over as one piece: billtui must still
    # unpack it a small piece at a time (here 1 KB packed, about 1 MB unpacked, per step).
    monkeypatch.setattr(transport, "MAX_REPLY_BYTES", 1 * MIB)
    monkeypatch.setattr(transport, "_RAW_STEP", 1024)
    panel = sim()
    client = demo(panel)
    try:
        await client.call("whoami")  # logged in before memory is measured
        panel.faults.set("payment", "gzip_bomb", size=64 * MIB)
        from billtui.sim.faults import gzip_bomb

        gzip_bomb(64 * MIB)  # packing it once first: its own memory is not billtui's
        tracemalloc.start()
        try:
            with pytest.raises(ReplyTooLarge):
                await client.call("payment")
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        await client.aclose()
    assert ("payment", "gzip_bomb") in panel.faults.fired
    assert peak < 16 * MIB  # a quarter of the bomb: it was never unpacked whole


def test_a_gzip_bomb_over_a_real_socket_stops_at_the_limit(monkeypatch) -> None:
    from tests.reliability.served import serve

    monkeypatch.setattr(transport, "MAX_REPLY_BYTES", 1 * MIB)
    panel = sim()
    panel.faults.set("payment", "gzip_bomb", size=64 * MIB)

    async def go(url: str) -> None:
        client = BillClient(url, "demo", "demo")
        client.read_retry = RetryPolicy(delays=())
        try:
            with pytest.raises(ReplyTooLarge):
                await client.call("payment")
        finally:
            await client.aclose()

    with serve(panel) as url:
        asyncio.run(go(url))
    assert ("payment", "gzip_bomb") in panel.faults.fired


# --- (5) an overall deadline per request -------------------------------------------------

async def test_a_stalled_reply_ends_with_panel_timeout(monkeypatch) -> None:
    monkeypatch.setattr(transport, "CALL_DEADLINE", 0.05)
    panel = FakePanel()
    panel.handlers["payment"] = lambda form: httpx.Response(
        200, headers={"content-type": "application/json"}, stream=Stall())
    client = fake_client(panel)
    try:
        with pytest.raises(PanelTimeout) as caught:
            await asyncio.wait_for(client.call("payment"), HANG_GUARD)
    finally:
        await client.aclose()
    assert "The panel is too slow" in caught.value.message and "stopped waiting" in caught.value.message
    # Not asked again: a panel past the deadline would make the user wait as long again, each time.
    assert [f.get("func") for f in panel.forms].count("payment") == 1


async def test_the_demo_panels_dripping_reply_ends_with_panel_timeout(monkeypatch) -> None:
    monkeypatch.setattr(transport, "CALL_DEADLINE", 0.05)
    panel = sim()
    client = demo(panel)
    try:
        await client.call("whoami")
        panel.faults.set("payment", "drip", delay=3600.0)  # a byte an hour: it never ends
        with pytest.raises(PanelTimeout) as caught:
            await asyncio.wait_for(client.call("payment"), HANG_GUARD)
    finally:
        await client.aclose()
    assert "too slow" in caught.value.message


async def test_a_drip_that_ends_in_time_is_a_normal_reply() -> None:
    panel = sim()
    client = demo(panel)
    try:
        panel.faults.set("payment", "drip", size=3, delay=0.001, count=1)
        page = await lists.fetch_page(client, lists.PAYMENTS, 1, 10)
    finally:
        await client.aclose()
    assert ("payment", "drip") in panel.faults.fired and len(page.rows) == 10


# --- (6) paging never trusts the panel's total -------------------------------------------

def list_panel(totals: list[int], rows_per_page: list[int]) -> FakePanel:
    """A payments list whose page N claims ``totals[N-1]`` rows and sends ``rows_per_page[N-1]``."""
    panel = FakePanel()

    def handler(form: dict[str, str]) -> dict:
        n = int(form.get("p_num", "1"))
        count = rows_per_page[min(n, len(rows_per_page)) - 1]
        total = totals[min(n, len(totals)) - 1]
        elems = [{"id": {"$": f"{n}-{i}"}, "number": {"$": f"PM-{n}-{i}"}} for i in range(count)]
        return doc(elem=elems, p_elems={"$": str(total)}, p_num={"$": str(n)}, p_cnt={"$": form.get("p_cnt", "10")})

    panel.handlers["payment"] = handler
    return panel


async def walk(panel: FakePanel, **kwargs) -> tuple[lists.PageWalk, int]:
    client = fake_client(panel)
    rows = 0
    try:
        pages = lists.iter_pages(client, lists.PAYMENTS, **kwargs)
        async for page in pages:
            rows += len(page.rows)
    finally:
        await client.aclose()
    return pages, rows


async def test_a_huge_total_with_full_pages_stops_at_the_ceiling() -> None:
    panel = list_panel([999_999_999_999], [10])
    pages, rows = await walk(panel, page_size=10, max_rows=95)
    assert rows == pages.rows == 95 and pages.truncated
    assert panel.funcs().count("payment") == 10
    assert "stopped after 95 rows" in pages.note and "999,999,999,999" in pages.note
    assert pages.expected == 95


async def test_the_page_ceiling_holds_too() -> None:
    panel = list_panel([999_999_999_999], [10])
    pages, rows = await walk(panel, page_size=10, max_pages=4)
    assert rows == 40 and pages.truncated and panel.funcs().count("payment") == 4
    assert "stopped after 4 pages" in pages.note


async def test_a_later_page_claiming_more_does_not_extend_the_walk() -> None:
    panel = list_panel([25, 1000, 5000], [10])
    pages, rows = await walk(panel, page_size=10)
    assert rows == 30 and pages.total == 25 and not pages.truncated
    assert panel.funcs().count("payment") == 3
    assert "grew from 25 to 5,000" in pages.note


async def test_a_short_or_empty_page_ends_the_walk_and_says_the_numbers_do_not_add_up() -> None:
    short, rows = await walk(list_panel([100], [10, 4]), page_size=10)
    assert rows == 14 and not short.truncated and "said there are 100 rows but sent 14" in short.note
    empty, rows = await walk(list_panel([100], [10, 0]), page_size=10)
    assert rows == 10 and "sent 10" in empty.note


async def test_an_honest_list_is_read_whole_without_a_note() -> None:
    pages, rows = await walk(list_panel([25], [10, 10, 5]), page_size=10)
    assert rows == 25 and pages.note is None and not pages.truncated


async def test_the_short_lists_helper_is_bounded_by_its_pages() -> None:
    from billtui.api.calls._util import fetch_all

    panel = sim()
    panel.faults.set("profile", "huge_total")
    client = demo(panel)
    try:
        rows = await fetch_all(client, lists.PAYERS, page_size=5, max_pages=3)
    finally:
        await client.aclose()
    assert len(rows) == 15 and panel.faults.fired.count(("profile", "huge_total")) == 3


def armed_demo(monkeypatch, func: str, kind: str, **fault) -> list:
    """Make ``billtui --demo`` start its panel with a fault armed; the panels made are listed."""
    import billtui.sim.app as sim_app

    made = []
    real = sim_app.create_app

    def create_app(**kwargs):
        app = real(**kwargs)
        app.faults.set(func, kind, **fault)
        made.append(app)
        return app

    monkeypatch.setattr(sim_app, "create_app", create_app)
    return made


def test_billtui_get_sends_a_bounded_number_of_requests_and_says_it_stopped(monkeypatch, capsys) -> None:
    from billtui.cli import main as cli

    monkeypatch.setattr(lists, "MAX_LIST_ROWS", 1000)
    made = armed_demo(monkeypatch, "payment", "huge_total")
    code = cli.main(["get", "payments", "--demo", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert len(json.loads(out)) == 1000
    (panel,) = made
    assert panel.faults.fired.count(("payment", "huge_total")) == 5  # 1,000 rows at 200 a page
    assert "warning" in err and "stopped after 1,000 rows" in err and "999,999,999,999" in err
    assert "--since/--until" in err


def test_billtui_get_on_an_honest_panel_says_nothing_on_stderr(capsys) -> None:
    from billtui.cli import main as cli

    assert cli.main(["get", "payments", "--demo", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)) == 40 and err == ""


# --- the TUI: exports and the expenses add-up ---------------------------------------------

def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


async def test_a_tui_export_of_a_huge_list_stops_at_the_ceiling_and_says_so(monkeypatch, isolated_dirs) -> None:
    monkeypatch.setattr(lists, "MAX_LIST_ROWS", 1000)
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        app.sim.faults.set("payment", "huge_total")
        await pilot.press("x", "c")
        await settle(pilot)
        (path,) = (isolated_dirs / "downloads").glob("payments-*.csv")
        assert len(path.read_text().splitlines()) == 1001  # the header and 1,000 rows
        assert app.sim.faults.fired.count(("payment", "huge_total")) == 2  # 500 a page
        message = notes(app)
        assert f"Exported 1,000 payments to {path}" in message and "not the whole list" in message
        assert "stopped after 1,000 rows" in flat(screen_text(app))


async def test_escape_cancels_a_running_tui_export_and_nothing_is_saved(isolated_dirs) -> None:
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        app.client.read_retry = RetryPolicy(delays=())
        app.sim.faults.set("payment", "drip", delay=3600.0)  # the export's first page never ends
        await pilot.press("x", "c")
        await pilot.pause()
        pane = app.screen.query_one("ListPane")
        export = [w for w in app.workers if w.node is pane and w.group == "export"]
        assert export and not export[0].is_finished
        assert "escape stops it" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert export[0].is_cancelled
        app.sim.faults.clear()
        await settle(pilot)
        assert "Export cancelled; nothing was saved." in flat(screen_text(app))
        assert "Export cancelled" in notes(app)
        assert not list((isolated_dirs / "downloads").glob("payments-*")) if (isolated_dirs / "downloads").exists() \
            else True
        # Escape with nothing running is the usual escape again (focus goes back to the menu).
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is app.screen.nav


async def test_adding_up_expenses_stops_when_the_pane_is_left_and_resumes_on_return() -> None:
    from billtui.screens.finances.expenses import SUMMARY_GROUP, ExpensesPane

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "expenses")
        pane = app.screen.query_one(ExpensesPane)
        app.client.read_retry = RetryPolicy(delays=())
        app.sim.faults.set("expense", "drip", delay=3600.0)  # adding up never gets its page
        pane.year = None
        pane.reload_summary()
        await pilot.pause()
        adding = [w for w in app.workers if w.node is pane and w.group == SUMMARY_GROUP]
        assert adding and not adding[0].is_finished
        app.goto("payments")
        await pilot.pause()
        await pilot.pause()
        assert adding[0].is_cancelled
        app.sim.faults.clear()
        await settle(pilot)
        app.goto("expenses")
        await settle(pilot)
        assert "All time: total 1,322.50 USD" in screen_text(app)


async def test_an_expense_total_cut_short_says_it_may_be_incomplete(monkeypatch) -> None:
    monkeypatch.setattr(lists, "MAX_LIST_ROWS", 500)
    app = demo_app()
    app.sim.faults.set("expense", "huge_total")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "expenses")
        text = flat(screen_text(app))
        assert "may be incomplete" in text and "stopped after 500 rows" in text
