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

from billtui.i18n import N_, _

from .errors import (BadStatus, BillError, ConnectionDropped, NotJson, OutcomeUnknown, PanelTimeout, PanelTooSlow,
                     PanelUnreachable, TlsError, TransportError)

__all__ = ["RetryPolicy", "READS", "is_transient", "may_have_reached_panel", "retry_read",
           "guard_write", "where_to_check", "check_hint"]

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


#: Where a user can see whether a write went through, by function (longest prefix wins): the
#: place (``OutcomeUnknown.check``, English) and the whole hint that sends the user there (marked
#: with ``N_``, translated by ``check_hint``: a whole sentence, as Russian word order needs).
_CHECK: tuple[tuple[str, str, str], ...] = (
    ("payment.add", "the Payments list (a new payment may be there)",
     N_("Check the Payments list (a new payment may be there) before sending it again.")),
    ("payment.delete", "the Payments list", N_("Check the Payments list before sending it again.")),
    ("basket", "the cart under Orders", N_("Check the cart under Orders before sending it again.")),
    ("service.prolong", "the service's expiry date, your balance and the cart",
     N_("Check the service's expiry date, your balance and the cart before sending it again.")),
    ("clientticket.edit", "the ticket's messages (and Open tickets)",
     N_("Check the ticket's messages (and Open tickets) before sending it again.")),
    ("clientticket.archive", "Open and Archived tickets",
     N_("Check Open and Archived tickets before sending it again.")),
    ("clientticket_archive", "Open and Archived tickets",
     N_("Check Open and Archived tickets before sending it again.")),
    ("subscribe", "Notification subscription", N_("Check Notification subscription before sending it again.")),
    ("usrparam", "User settings (log in again if you changed the password)",
     N_("Check User settings (log in again if you changed the password) before sending it again.")),
    ("totp", "User settings", N_("Check User settings before sending it again.")),
    ("clientoption", "Settings", N_("Check Settings before sending it again.")),
    ("user.edit", "your contact data under Customer",
     N_("Check your contact data under Customer before sending it again.")),
    ("affiliate.client", "Affiliate program", N_("Check Affiliate program before sending it again.")),
)
_CART = ("the cart under Orders", N_("Check the cart under Orders before sending it again."))


def _check(func: str) -> tuple[str, str | None]:
    """(the place, its hint marked for translation, or None for a place named by ``func``)."""
    for prefix, where, hint in sorted(_CHECK, key=lambda p: -len(p[0])):
        if func == prefix or func.startswith(prefix + "."):
            return where, hint
    if func.endswith(".order.param"):
        return _CART
    if "." in func:
        return f"the {func.split('.', 1)[0]} list", None
    return "the panel", N_("Check the panel before sending it again.")


def where_to_check(func: str) -> str:
    """The place in billtui that shows whether ``func`` took effect (in English)."""
    return _check(func)[0]


def check_hint(func: str) -> str:
    """What to do before sending ``func`` again, in the user's language: where to look first."""
    hint = _check(func)[1]
    if hint is not None:
        return _(hint)
    return _("Check the {name} list before sending it again.").format(name=func.split(".", 1)[0])


async def guard_write(send: Callable[[], Awaitable[T]], func: str) -> T:
    """``send()`` once; a transport failure that may have reached the panel becomes ``OutcomeUnknown``."""
    try:
        return await send()
    except TransportError as exc:
        if may_have_reached_panel(exc):
            raise OutcomeUnknown(cause=exc, check=where_to_check(func), hint=check_hint(func)) from None
        raise
