"""A ticket's conversation as a user sees it: the customer, support and a system note
told apart, an attachment listed with its size, the reply editor at the bottom."""

from __future__ import annotations

from tests.app.conftest import demo_app, settle


def test_ticket_conversation(snap_compare):
    async def open_1004(pilot) -> None:
        await settle(pilot)
        # Support has answered too, at length (the answer wraps).
        pilot.app.sim.state.run(
            "INSERT INTO ticket_messages(ticket_id, type, realname, date_post, body) VALUES (?,?,?,?,?)",
            (1004, "incoming", "Anna Petrova (Support)", "2026-11-25 09:05:00",
             "Hello John,\nthank you for the traceroute. The loss starts at an upstream router in Frankfurt; "
             "we have opened a case with the carrier and rerouted traffic through Amsterdam meanwhile. "
             "Please run the test again and tell us if the loss is gone."))
        pilot.app.goto("tickets")
        await settle(pilot)
        # Newest activity first: 1003, 1005, 1001, 1004, 1002.
        await pilot.press("down", "down", "down", "enter")
        await settle(pilot)

    assert snap_compare(demo_app(), terminal_size=(120, 40), run_before=open_1004)
