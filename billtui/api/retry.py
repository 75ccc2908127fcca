"""What to do when the wire fails: retry reads a few times, never repeat a write.

Flaky links, overloaded panels and firewalls that answer with an HTML page are normal for
billtui's users. A *read* is safe to repeat, so a transient failure (timeout, dropped
connection, HTTP 5xx, a reply that is not API data) is retried with a short, bounded
backoff before the user sees anything. A *write* is never repeated: if it may have reached
the panel and no usable answer came back, the outcome is unknown and the caller gets an
``OutcomeUnknown`` that says where to look before sending again. A write that certainly
did not leave (connection refused, TLS failure) keeps its own error: it is safe to retry.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from .errors import (BadStatus, BillError, ConnectionDropped, NotJson, OutcomeUnknown, PanelTimeout, PanelTooSlow,
                     PanelUnreachable, TlsError, TransportError)

__all__ = ["RetryPolicy", "READS", "is_transient", "may_have_reached_panel", "retry_read",
           "guard_write", "where_to_check"]

T = TypeVar("T")


@dataclass(frozen=True)
class RetryPolicy:
    """Waits between attempts of a read: ``len(delays)`` retries at most, so it always ends."""

    delays: tuple[float, ...] = (0.25, 0.75, 2.0)


#: The default for reads: four attempts within about three seconds.
READS = RetryPolicy()


def is_transient(exc: BaseException) -> bool:
    """A failure that may well go away on its own (worth repeating a read)."""
    if isinstance(exc, (TlsError, PanelTooSlow)):
        return False  # a certificate does not fix itself; a panel past the deadline would be waited for again
    if isinstance(exc, BadStatus):
        return exc.status >= 500 or exc.status in (408, 429)
    return isinstance(exc, (PanelTimeout, PanelUnreachable, ConnectionDropped, NotJson)) or (
        type(exc) is TransportError)


def may_have_reached_panel(exc: BaseException) -> bool:
    """Whether a failed request could have been acted on by the panel."""
    if isinstance(exc, (PanelUnreachable, TlsError)):
        return False
    if isinstance(exc, BadStatus):
        return exc.status >= 500
    if not getattr(exc, "request_sent", True):
        return False
    return isinstance(exc, TransportError) and not isinstance(exc, OutcomeUnknown)


async def retry_read(send: Callable[[], Awaitable[T]], policy: RetryPolicy = READS) -> T:
    """``send()``, repeated after each delay of ``policy`` while it fails transiently."""
    for delay in policy.delays:
        try:
            return await send()
        except BillError as exc:
            if not is_transient(exc):
                raise
        await asyncio.sleep(delay)
    return await send()


#: Where a user can see whether a write went through, by function (longest prefix wins).
_CHECK: tuple[tuple[str, str], ...] = (
    ("payment.add", "the Payments list (a new payment may be there)"),
    ("payment.delete", "the Payments list"),
    ("basket", "the cart under Orders"),
    ("service.prolong", "the service's expiry date, your balance and the cart"),
    ("clientticket.edit", "the ticket's messages (and Open tickets)"),
    ("clientticket.archive", "Open and Archived tickets"),
    ("clientticket_archive", "Open and Archived tickets"),
    ("subscribe", "Notification subscription"),
    ("usrparam", "User settings (log in again if you changed the password)"),
    ("totp", "User settings"),
    ("clientoption", "Settings"),
    ("user.edit", "your contact data under Customer"),
    ("affiliate.client", "Affiliate program"),
)


def where_to_check(func: str) -> str:
    """The place in billtui that shows whether ``func`` took effect."""
    for prefix, where in sorted(_CHECK, key=lambda p: -len(p[0])):
        if func == prefix or func.startswith(prefix + "."):
            return where
    if func.endswith(".order.param"):
        return "the cart under Orders"
    if "." in func:
        return f"the {func.split('.', 1)[0]} list"
    return "the panel"


async def guard_write(send: Callable[[], Awaitable[T]], func: str) -> T:
    """``send()`` once; a transport failure that may have reached the panel becomes ``OutcomeUnknown``."""
    try:
        return await send()
    except TransportError as exc:
        if may_have_reached_panel(exc):
            raise OutcomeUnknown(cause=exc, check=where_to_check(func)) from None
        raise
