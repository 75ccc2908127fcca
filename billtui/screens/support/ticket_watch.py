"""Watch the open tickets while billtui runs: count unread replies, say when support answers.

Customers want to know as soon as someone answers. The main screen asks the
panel for the open tickets every ``config.ticket_refresh_seconds`` (and right
after anything that changes them), keeps the number of tickets with unread
replies for the tree, and notifies when a ticket turns unread or gets a new
message while it is unread or awaiting the customer's reply.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from textual.timer import Timer

from billtui.display.safe import clean
from billtui.i18n import _, ngettext

#: Tickets looked at per poll, newest activity first; more than this many open tickets is rare.
WATCH_PAGE = 100


@dataclass(frozen=True)
class Seen:
    unread: bool
    last_message: datetime | None


def answered(before: dict[str, Seen] | None, tickets: list[Any]) -> list[Any]:
    """Tickets support answered since ``before`` (None = first look: nothing is news)."""
    if before is None:
        return []
    from billtui.api.models import TicketStatus

    out = []
    for ticket in tickets:
        prev = before.get(ticket.id)
        waiting_on_me = ticket.unread or ticket.status is TicketStatus.AWAITING_REPLY
        if prev is None:
            if ticket.unread:
                out.append(ticket)
            continue
        if ticket.unread and not prev.unread:
            out.append(ticket)
        elif waiting_on_me and ticket.last_message != prev.last_message:
            out.append(ticket)
    return out


class TicketWatch:
    """Owned by the main screen; ``on_count(n)`` is called when the unread count changes."""

    def __init__(self, owner: Any, on_count: Callable[[int], None]) -> None:
        self.owner = owner
        self.on_count = on_count
        self.seen: dict[str, Seen] | None = None
        self.unread = 0
        self._timer: Timer | None = None
        # The newest poll's tickets and when they came, for others that need the same
        # list at the same moment (Customer's "new replies" at start) instead of asking again.
        self.latest: list[Any] | None = None
        self._latest_at = 0.0
        self._polling: asyncio.Future[None] | None = None

    def start(self, seconds: int) -> None:
        if self._timer is None and seconds > 0:
            self._timer = self.owner.set_interval(max(10, seconds), self.poll_now)
        self.poll_now()

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def poll_now(self) -> None:
        self.owner.run_worker(self._poll, group="ticket-watch", exclusive=True, exit_on_error=False)

    async def open_tickets(self, max_age: float) -> list[Any] | None:
        """The open tickets as of at most ``max_age`` seconds ago (waiting for a poll in flight), else None."""
        if self._polling is not None:
            await asyncio.shield(self._polling)
        if self.latest is not None and time.monotonic() - self._latest_at <= max_age:
            return self.latest
        return None

    async def _poll(self) -> None:
        # A poll may be cancelled by the next one (exclusive): each settles only its own future.
        polling = self._polling = asyncio.get_running_loop().create_future()
        try:
            await self._read()
        finally:
            polling.set_result(None)
            if self._polling is polling:
                self._polling = None

    async def _read(self) -> None:
        from billtui.api.lists import TICKETS, fetch_page

        client = getattr(self.owner.app, "client", None)
        if client is None:
            return
        try:
            page = await fetch_page(client, TICKETS, 1, WATCH_PAGE, sort=("last_message", True), filters={})
        except Exception:
            return  # a background look: the list itself shows errors when opened
        tickets = list(page.rows)
        self.latest, self._latest_at = tickets, time.monotonic()
        news = answered(self.seen, tickets)
        # Cumulative: a ticket hidden by a filter for one poll is not "new" when it shows up again.
        self.seen = {**(self.seen or {}), **{t.id: Seen(t.unread, t.last_message) for t in tickets}}
        unread = sum(1 for t in tickets if t.unread)
        if unread != self.unread:
            self.unread = unread
            self.on_count(unread)
        if news:
            self._notify(news)

    def _notify(self, news: list[Any]) -> None:
        if len(news) == 1:
            ticket = news[0]
            message = _("Support answered ticket #{id}: {subject}").format(
                id=clean(ticket.id), subject=clean(ticket.subject))
        else:
            message = ngettext("Support answered {n} ticket: {ids}", "Support answered {n} tickets: {ids}",
                               len(news)).format(n=len(news), ids=", ".join(f"#{clean(t.id)}" for t in news))
        self.owner.notify(message, title=_("New reply"), timeout=15, markup=False)
        from billtui.widgets.list_pane import ListPane

        for pane in self.owner.query(ListPane):
            if pane.spec.key == "tickets":
                pane.reload()
