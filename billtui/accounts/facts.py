"""What ``billtui check`` reads from one panel: the facts its rules judge (``accounts.rules``).

Only reads, through the same calls the TUI and ``billtui get`` use: the balance
(``dashboard.info``), every service list the panel's menu names, the orders awaiting payment,
the invoices, the open tickets, and, for a service that renews itself soon, what that renewal
costs (``service.prolong`` viewed with its period, saving nothing).

A part the panel does not offer this account (its function is unknown, disabled or not
allowed) is left out with a note, so a provider without invoices does not turn every check
UNKNOWN; any other failure is the caller's to report. When the facts come from the offline
cache (``--allow-stale``), a part that was never saved is a note too.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from billtui.api.values import Money, parse_money
from billtui.i18n import _

#: Rows per request when reading a whole list (as ``billtui get`` does).
PAGE_SIZE = 200


@dataclass(frozen=True)
class Facts:
    """One account as read from its panel."""

    balance: Money | None
    services: tuple[Any, ...]
    #: Product type name -> the panel's menu title for it.
    type_titles: Mapping[str, str]
    #: Service id -> the cost of its auto-renewal, for the services that renew themselves soon.
    renewal_costs: Mapping[str, Money]
    unpaid_orders: tuple[Any, ...]
    unpaid_invoices: tuple[Any, ...]
    tickets_awaiting: tuple[Any, ...]
    #: What could not be checked and why ("invoices: not offered by this panel").
    notes: tuple[str, ...] = ()
    #: When the data was read (epoch seconds); older than the run when it came from the cache.
    read_at: float = field(default_factory=time.time)


def _skippable(exc: BaseException) -> bool:
    """A failure that means "this account has no such thing here", not "the check failed"."""
    from billtui.api.errors import AccessDenied, NotAvailable
    from billtui.runtime.offline import NotSavedOffline

    return isinstance(exc, (NotAvailable, AccessDenied, NotSavedOffline))


async def _part(what: str, notes: list[str], read: Callable[[], Awaitable[list[Any]]]) -> list[Any]:
    """The rows ``read`` gives; none, with a note, when the panel does not offer them here."""
    try:
        return await read()
    except Exception as exc:
        if not _skippable(exc):
            raise
        from billtui.accounts.connect import one_line

        notes.append(_("{what}: not checked ({error})").format(what=what, error=one_line(exc)))
        return []


async def _every_row(client: Any, call: Any, notes: list[str]) -> list[Any]:
    from billtui.api.lists import iter_pages

    rows: list[Any] = []
    walk = iter_pages(client, call, page_size=PAGE_SIZE)
    async for page in walk:
        rows.extend(page.rows)
    if walk.note:
        notes.append(f"{call.key}: {walk.note}")
    return rows


async def _services(client: Any, notes: list[str]) -> tuple[list[Any], dict[str, str]]:
    from billtui.api import lists
    from billtui.api.calls import account

    panel_menu = await account.menu(client)
    titles = {t.name: t.title for t in panel_menu.service_types}

    def reader(type_name: str) -> Callable[[], Awaitable[list[Any]]]:
        return lambda: _every_row(client, lists.services(type_name), notes)

    per_type: list[list[Any]] = await asyncio.gather(*(
        _part(t.title or t.name, notes, reader(t.name)) for t in panel_menu.service_types))
    return [s for rows in per_type for s in rows], titles


async def _awaiting(client: Any) -> list[Any]:
    from billtui.api.calls import finance

    return list(await finance.orders_awaiting_payment(client))


async def _renewal_cost(client: Any, service: Any, currency: str) -> Money | None:
    """What the panel will charge for the service's next auto-renewal: the renewal form viewed
    for its auto-renew period (nothing is saved), as the TUI's renew dialog shows the cost."""
    from billtui.api.calls import services

    months = service.autoprolong_months
    form = await (services.prolong_recompute(client, service.id, months) if months is not None
                  else services.prolong_view(client, service.id))
    raw = form.values.get("cost") or form.values.get("amount") or ""
    return parse_money(raw, currency) if raw else None


async def read_facts(client: Any, *, window: int | None, today: date | None = None,
                     read_at: float | None = None) -> Facts:
    """Every fact the rules need from the panel ``client`` is logged in to (or its offline copy).

    ``window``: the days ahead that matter; auto-renewal costs are asked only for services
    expiring within it.
    """
    from billtui.api import lists
    from billtui.api.calls import account
    from billtui.api.models import ServiceStatus, TicketStatus
    from billtui.accounts.rules import renews_itself

    notes: list[str] = []
    dashboard = await account.dashboard(client)  # first: it names the currency of the cart's bare amounts
    (found, titles), orders, invoices, tickets = await asyncio.gather(
        _services(client, notes),
        _part(_("orders"), notes, lambda: _awaiting(client)),
        _part(_("invoices"), notes, lambda: _every_row(client, lists.INVOICES, notes)),
        _part(_("tickets"), notes, lambda: _every_row(client, lists.TICKETS, notes)),
    )
    today = today or date.today()
    currency = dashboard.balance.currency if dashboard.balance is not None else ""
    soon = [s for s in found if window is not None and s.expires is not None and renews_itself(s)
            and (s.expires - today).days <= window and s.status not in (ServiceStatus.ORDERED, ServiceStatus.DELETED)]
    costs: dict[str, Money] = {}
    for s in soon:
        try:
            cost = await _renewal_cost(client, s, currency)
        except Exception as exc:  # the row's own price is used instead (accounts.rules)
            from billtui.api.errors import BillError

            if not isinstance(exc, BillError):
                raise
            cost = None
        if cost is not None:
            costs[s.id] = cost
    return Facts(
        balance=dashboard.balance,
        services=tuple(found),
        type_titles=titles,
        renewal_costs=costs,
        unpaid_orders=tuple(orders),
        unpaid_invoices=tuple(i for i in invoices if i.unpaid),
        tickets_awaiting=tuple(t for t in tickets if t.status is TicketStatus.AWAITING_REPLY),
        notes=tuple(notes),
        read_at=time.time() if read_at is None else read_at,
    )
