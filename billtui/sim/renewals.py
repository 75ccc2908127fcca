"""Renewing a service: the one place its expiry moves, whether it is paid at once
(``service.prolong`` with ``skipbasket``) or later, when the cart holding the renewal is paid.

Both ways must leave the service the same: the expiry moved by the period from where it stood,
a service suspended for lack of payment active again, and a line in its history.
"""
from __future__ import annotations

import datetime as dt

from .context import Ctx
from .values import DATE, add_months

#: ``order_items.kind`` of a renewal (the other items are new orders, ``new``).
RENEWAL = "renewal"


def record_history(ctx: Ctx, service_id: int, desc: str) -> None:
    """A line in ``service.history``, by the logged-in user from the caller's address."""
    ctx.store.run("INSERT INTO service_history(service_id, changedate, desc, user, ip) VALUES (?,?,?,?,?)",
                  (service_id, ctx.store.now(), desc, ctx.session.login if ctx.session else "", ctx.client_ip))


def new_expiry(expiredate: str, period: int) -> dt.date:
    """Where ``period`` months from ``expiredate`` ends (the day clamped, as the panel's calendar does)."""
    return add_months(dt.datetime.strptime(expiredate, DATE).date(), period)


def extend(ctx: Ctx, service_id: int, period: int) -> dt.date:
    """Renew a service by ``period`` months from its current expiry; returns the new date."""
    row = ctx.store.row("SELECT expiredate FROM services WHERE id=?", (service_id,))
    until = new_expiry(row["expiredate"], period)
    ctx.store.run("UPDATE services SET expiredate=?, status=CASE WHEN status LIKE '3_auto%'"
                  " THEN '2' ELSE status END WHERE id=?", (until.strftime(DATE), service_id))
    record_history(ctx, service_id, f"Service renewed until {until:%Y-%m-%d}")
    return until
