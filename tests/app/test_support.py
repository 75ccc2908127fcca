"""Support tickets, as a customer uses them: against the embedded demo panel."""

from __future__ import annotations

import pytest

from billtui.storage import paths
from billtui.app import BillTUI
from billtui.launch import Launch
from billtui.screens.support.new_ticket import NewTicketScreen
from billtui.screens.support.ticket_compose import Autosave
from billtui.screens.support.tickets import TicketScreen
from billtui.widgets.list_pane import ListPane
from tests.app.conftest import demo_app, make_sim, open_item, screen_text, settle


async def type_text(pilot, text: str) -> None:
    keys = {" ": "space", "\n": "enter", ".": "full_stop", ",": "comma", "#": "number_sign"}
    await pilot.press(*[keys.get(ch, ch) for ch in text])


def ticket_pane(app, key: str = "tickets") -> ListPane:
    return next(p for s in app.screen_stack for p in s.query(ListPane) if p.spec.key == key)


def notices(app) -> str:
    """Toasts shown so far (headless runs do not draw them)."""
    return "\n".join(n.message for n in app._notifications)


def drafts_dir():
    return paths.state_dir() / "drafts" / "demo"


async def open_tickets(pilot) -> ListPane:
    await open_item(pilot, "tickets")
    pane = ticket_pane(pilot.app)
    pane.focus_content()
    await settle(pilot)
    return pane


async def open_ticket_row(pilot, ticket_id: str) -> TicketScreen:
    pane = ticket_pane(pilot.app)
    rows = pane.table.loaded_rows()
    pane.table.cursor = next(i for i, r in enumerate(rows) if r.id == ticket_id)
    await pilot.pause()
    await pilot.press("enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TicketScreen)
    return screen


@pytest.fixture
def instant_drafts(monkeypatch):
    """Save drafts on every change (the debounce timer would need a wall-clock wait)."""
    monkeypatch.setattr(Autosave, "delay", 0.0)


async def test_create_a_ticket_and_see_it_in_the_list(instant_drafts):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, NewTicketScreen)
        await type_text(pilot, "Backups of db-01")
        await pilot.press("tab", "tab")  # to the message (past the attach hint)
        app.screen.query_one("#message").focus()
        await type_text(pilot, "Please enable daily backups.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, NewTicketScreen)
        text = screen_text(app)
        assert "Backups of db-01" in text
        row = app.sim.state.one("SELECT * FROM tickets WHERE name = ?", ("Backups of db-01",))
        assert row is not None and row["department"] == 2
        assert not (drafts_dir() / "new.json").exists()


async def test_new_ticket_missing_subject_marks_the_field_and_keeps_the_message(instant_drafts):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#message").focus()
        await type_text(pilot, "My site is down")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NewTicketScreen)
        assert app.screen.query_one("#f-subject").has_class("-invalid")
        assert app.screen.query_one("#message").text == "My site is down"
        assert "Write a subject" in screen_text(app)
        before = app.sim.state.one("SELECT COUNT(*) AS n FROM tickets")["n"]
        assert before == 8  # nothing was sent


async def test_open_a_ticket_reply_and_see_the_reply_in_the_thread(instant_drafts):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        screen = await open_ticket_row(pilot, "1001")
        text = screen_text(app)
        assert "SSH connection refused on web-01" in text
        assert "▶ You · John Smith" in text and "◀ Support · Anna Petrova (Support)" in text
        await pilot.press("w")
        await type_text(pilot, "Works again, thanks")
        assert (drafts_dir() / "ticket-1001.json").exists()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Works again, thanks" in screen_text(app)
        assert screen.editor.text == ""
        assert not (drafts_dir() / "ticket-1001.json").exists()
        bodies = [r["body"] for r in app.sim.state.all(
            "SELECT body FROM ticket_messages WHERE ticket_id=1001 ORDER BY id")]
        assert bodies[-1] == "Works again, thanks"


async def test_a_failed_send_keeps_the_text_and_says_why(instant_drafts):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        screen = await open_ticket_row(pilot, "1002")
        await pilot.press("w")
        await type_text(pilot, "Yes I confirm the transfer")
        app.sim.faults.set("clientticket.edit", "http500", count=1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.editor.text == "Yes I confirm the transfer"
        text = screen_text(app)
        # A 500 after the request went out: the panel may have it. Say so honestly.
        assert "know" in text and "kept as a draft" in text
        assert (drafts_dir() / "ticket-1002.json").exists()
        # The panel works again: the same text goes out.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.editor.text == ""
        assert not (drafts_dir() / "ticket-1002.json").exists()


async def test_a_panel_error_on_send_keeps_the_text(instant_drafts):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        screen = await open_ticket_row(pilot, "1004")
        await pilot.press("w")
        await type_text(pilot, "Still losing packets")
        # The ticket was archived elsewhere in the meantime: the panel refuses the reply.
        app.sim.state.run("UPDATE tickets SET archived=1 WHERE id=1004")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.editor.text == "Still losing packets"
        assert "The ticket is archived" in screen_text(app)


async def test_a_draft_survives_restarting_the_app(instant_drafts):
    sim = make_sim()
    app = BillTUI(Launch.demo(), demo_sim=sim)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await open_ticket_row(pilot, "1002")
        await pilot.press("w")
        await type_text(pilot, "Half written answer")
        await pilot.pause()
        # On disk already, as if billtui were killed now.
        assert "Half written answer" in (drafts_dir() / "ticket-1002.json").read_text()

    again = BillTUI(Launch.demo(), demo_sim=sim)
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        screen = await open_ticket_row(pilot, "1002")
        assert screen.editor.text == "Half written answer"
        assert "restored from your unsent draft" in screen_text(again)


async def test_typing_kept_when_the_app_exits_before_the_draft_timer(monkeypatch):
    """The SSH link drops (hangup: ``app.exit``) a moment after the last keys: the screens are torn
    down before the debounce fires, and the draft saved on unmount is what was typed."""
    monkeypatch.setattr(Autosave, "delay", 3600.0)  # the timer never fires in this test
    sim = make_sim()
    app = BillTUI(Launch.demo(), demo_sim=sim)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Typed just before the drop")
        assert not (drafts_dir() / "new.json").exists()
        app.exit(return_code=129)
        await pilot.pause()
    assert "Typed just before the drop" in (drafts_dir() / "new.json").read_text()


async def test_a_new_ticket_draft_comes_back_after_closing_the_form(instant_drafts):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await pilot.press("n")
        await settle(pilot)
        await type_text(pilot, "Half a subject")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, NewTicketScreen)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.query_one("#subject").value == "Half a subject"


async def test_archive_and_restore_a_ticket():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # A customer closes an open ticket by archiving it: billtui asks first, and when the panel's
        # toarchive says off (support still on it) says the panel may refuse; the demo panel accepts.
        pane = await open_tickets(pilot)
        rows = pane.table.loaded_rows()
        pane.table.cursor = next(i for i, r in enumerate(rows) if r.id == "1004")
        await pilot.press("a")
        await settle(pilot)
        text = screen_text(app)
        assert "Close ticket #1004" in text and "may refuse" in text
        await pilot.press("n")  # changed my mind: nothing is sent
        await settle(pilot)
        assert app.sim.state.one("SELECT archived FROM tickets WHERE id=1004")["archived"] == 0
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.sim.state.one("SELECT archived FROM tickets WHERE id=1004")["archived"] == 1
        assert "Packet loss from Europe" not in screen_text(app)

        # Bring the closed ticket 1006 back from the archive…
        await open_item(pilot, "archived_tickets")
        archived = ticket_pane(app, "archived_tickets")
        archived.focus_content()
        await settle(pilot)
        rows = archived.table.loaded_rows()
        archived.table.cursor = next(i for i, r in enumerate(rows) if r.id == "1006")
        await pilot.press("u")
        await settle(pilot)
        assert app.sim.state.one("SELECT archived FROM tickets WHERE id=1006")["archived"] == 0
        assert "Invoice for March in EUR" not in screen_text(app)

        # …see it in the open tickets, and archive it again (with confirmation).
        await open_item(pilot, "tickets")
        pane = ticket_pane(app)
        pane.focus_content()
        await settle(pilot)
        assert "Invoice for March in EUR" in screen_text(app)
        rows = pane.table.loaded_rows()
        pane.table.cursor = next(i for i, r in enumerate(rows) if r.id == "1006")
        await pilot.press("a")
        await settle(pilot)
        text = screen_text(app)
        assert "Close ticket #1006" in text and "may refuse" not in text  # closed by support: toarchive on
        await pilot.press("y")
        await settle(pilot)
        assert app.sim.state.one("SELECT archived FROM tickets WHERE id=1006")["archived"] == 1
        assert "Invoice for March in EUR" not in screen_text(app)


async def test_an_attachment_downloads_and_a_hostile_name_stays_inside(tmp_path):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await open_ticket_row(pilot, "1005")
        assert "../../.bashrc" in screen_text(app)  # the name is shown as sent
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        downloads = paths.downloads_dir().resolve()
        saved = list(downloads.iterdir())
        assert len(saved) == 1 and saved[0].parent == downloads
        assert saved[0].read_bytes() == app.sim.state.one("SELECT data FROM attachments WHERE id=9002")["data"]
        assert not (tmp_path / ".bashrc").exists() and not (tmp_path.parent / ".bashrc").exists()

        await pilot.press("escape")
        await settle(pilot)
        await open_ticket_row(pilot, "1004")
        assert "traceroute.txt" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert (downloads / "traceroute.txt").exists()


async def test_attachment_too_large_is_refused_before_sending(tmp_path, instant_drafts, monkeypatch):
    from billtui.screens.support import ticket_compose

    monkeypatch.setattr(ticket_compose, "MAX_BYTES", 100)
    big = tmp_path / "dump.bin"
    big.write_bytes(b"x" * 500)
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await open_ticket_row(pilot, "1004")
        await pilot.press("w", "ctrl+o")
        await pilot.pause()
        await type_text(pilot, str(big))
        await pilot.press("enter")
        await pilot.pause()
        assert "dump.bin is 500 B; files up to 100 B can be attached" in screen_text(app)


async def test_an_attached_file_is_sent_with_the_reply(tmp_path, instant_drafts):
    note = tmp_path / "note.txt"
    note.write_text("hello support")
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        screen = await open_ticket_row(pilot, "1004")
        await pilot.press("w", "ctrl+o")
        await pilot.pause()
        await type_text(pilot, str(note))
        await pilot.press("enter", "escape")
        await pilot.pause()
        assert "Attached: note.txt" in screen_text(app)
        await type_text(pilot, "Log attached")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.editor.text == ""
        row = app.sim.state.one("SELECT name, data FROM attachments ORDER BY id DESC LIMIT 1")
        assert row["name"] == "note.txt" and bytes(row["data"]) == b"hello support"
        assert "note.txt" in screen_text(app)


async def test_injection_strings_render_literally_in_the_list_and_the_thread():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        text = screen_text(app)
        assert "[bold red]Invoice[/] quest" in text
        assert "\x1b" not in text
        await open_ticket_row(pilot, "1003")
        text = screen_text(app)
        assert "[bold red]Invoice[/] question" in text
        assert "[link=https://evil.example]click[/link]" in text
        assert "Why was I charged twice?" in text
        assert "\x1b" not in text and "[2J" in text


async def test_the_tree_counts_unread_tickets_and_a_support_answer_is_announced():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "Open tickets (1 new)" in screen_text(app)
        # Support answers ticket 1004 on the panel.
        state = app.sim.state
        state.run("INSERT INTO ticket_messages(ticket_id, type, realname, date_post, body) "
                  "VALUES (1004, 'incoming', 'Anna Petrova (Support)', '2026-11-25 12:00:00', 'Fixed.')")
        state.run("UPDATE tickets SET unread=1, tstatus=2, last_message='2026-11-25 12:00:00' WHERE id=1004")
        app.screen.ticket_watch.poll_now()
        await settle(pilot)
        text = screen_text(app)
        assert "Open tickets (2 new)" in text
        assert "Support answered ticket #1004" in notices(app)
        # Reading it clears the marker.
        await open_tickets(pilot)
        await open_ticket_row(pilot, "1004")
        await pilot.press("escape")
        await settle(pilot)
        assert "Open tickets (1 new)" in screen_text(app)


async def test_search_by_subject_and_filter_by_status():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        pane = await open_tickets(pilot)
        await pilot.press("slash")
        await type_text(pilot, "packet")
        await pilot.press("enter")
        await settle(pilot)
        assert [r.id for r in pane.table.loaded_rows()] == ["1004"]
        await pilot.press("escape")  # clears the search
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        await pilot.press("down", "down", "down", "enter")  # Any, New, Under review, Awaiting your reply
        await settle(pilot)
        assert [r.id for r in pane.table.loaded_rows()] == ["1002"]
        assert "filtered" in screen_text(app) or "1 of 1" in screen_text(app)


def test_answered_tickets_are_those_support_touched_since_the_last_look():
    from datetime import datetime

    from billtui.api.models import Ticket, TicketStatus
    from billtui.screens.support.ticket_watch import Seen, answered

    def ticket(id_: str, unread: bool, hour: int, status=TicketStatus.UNDER_REVIEW) -> Ticket:
        return Ticket(id_, f"t{id_}", datetime(2026, 11, 25, hour), "", status, "", unread, False)

    before = {"1": Seen(False, datetime(2026, 11, 25, 8)), "2": Seen(True, datetime(2026, 11, 25, 8)),
              "3": Seen(False, datetime(2026, 11, 25, 8))}
    now = [ticket("1", True, 9), ticket("2", True, 8), ticket("3", False, 9),
           ticket("4", True, 9), ticket("5", False, 9)]
    # 1 turned unread; 2 was already unread and unchanged; 3 changed by the customer's own reply;
    # 4 is a new ticket with an answer; 5 is new and read.
    assert [t.id for t in answered(before, now)] == ["1", "4"]
    assert answered(None, now) == []  # the first look announces nothing


async def test_an_archived_ticket_reads_but_says_how_to_reply():
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_item(pilot, "archived_tickets")
        pane = ticket_pane(app, "archived_tickets")
        pane.focus_content()
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TicketScreen) and app.screen.archived
        text = screen_text(app)
        assert "◀ Support" in text and "Restore it (u in Archived tickets) to reply" in text
        assert not app.screen.query("#reply")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, TicketScreen)


async def test_rate_the_latest_support_reply():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        screen = await open_ticket_row(pilot, "1001")
        assert "Rate this answer" in screen_text(app)
        await pilot.press("plus")
        await settle(pilot)
        answer = app.sim.state.one("SELECT id FROM ticket_messages WHERE ticket_id=1001 AND type='incoming'")
        assert app.sim.state.kv(f"ticket_rate:{answer['id']}") == "good"
        assert "You rated this answer as good" in screen_text(app)
        await pilot.press("minus")
        await settle(pilot)
        assert app.sim.state.kv(f"ticket_rate:{answer['id']}") == "bad"
        assert "rated the answer" in notices(app) and isinstance(app.screen, TicketScreen) and screen is app.screen


async def test_a_ticket_without_a_support_reply_has_nothing_to_rate():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_tickets(pilot)
        await open_ticket_row(pilot, "1005")
        assert "Rate this answer" not in screen_text(app)
        await pilot.press("plus")
        await settle(pilot)
        assert "rated the answer" not in notices(app)
