"""Typed errors of the API layer.

Every error carries a ``message`` (one sentence a user understands) and a ``hint``
(what to try, or None), so the UI can show any failure without knowing where it came
from. Messages never contain a password or a session id: they are built only from the
panel's own error text and from what went wrong on the wire.

The panel's error text is cleaned by the parser already; every message and hint is cleaned
again here (``text_clean``) because some are built from other sources (an exception's text, a
reply body quoted by a caller) and all of them end up on screen.

billtui's own messages and hints are in the user's language (``billtui.i18n``): they are
translated when the error is made. A class's ``default_message`` and ``default_hint`` are
marked with ``N_`` (made at import) and translated by ``BillError.__init__``; a subclass
elsewhere (the offline client's) gets the same by setting them. The panel's own error text
is passed on as it came: it is already in the panel's language.
"""

from __future__ import annotations

import enum
from typing import Literal

from billtui.i18n import N_, _

from .text_clean import clean_text


class _Default(enum.Enum):
    HINT = "the class's default_hint"


#: The ``hint`` of an error made without one: the class's ``default_hint`` (an explicit None
#: means "no hint").
DEFAULT_HINT: Literal[_Default.HINT] = _Default.HINT
Hint = str | None | Literal[_Default.HINT]


class BillError(Exception):
    """Base of every error the API layer raises."""

    default_message = N_("The panel reported an error.")
    #: What to try, when the raiser gives no hint (marked with ``N_``, translated here).
    default_hint: str | None = None

    def __init__(self, message: str | None = None, hint: Hint = DEFAULT_HINT) -> None:
        self.message: str = clean_text(message or _(self.default_message))
        if hint is DEFAULT_HINT:
            hint = _(self.default_hint) if self.default_hint else None
        self.hint: str | None = None if hint is None else clean_text(hint)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message} {self.hint}"


# --- login -----------------------------------------------------------------

#: The panel's reason (``$object``) → billtui's message and hint, in English (marked with ``N_``):
#: ``LoginRefused`` translates them.
LOGIN_REASONS: dict[str, tuple[str, str | None]] = {
    "badpassword": (N_("Wrong login or password."), N_("Check the user name and type the password again.")),
    "badip": (
        N_("Logging in from this IP address is not allowed for this account."),
        N_("Log in from an allowed address, or ask the provider to allow this one."),
    ),
    "blocklogon": (
        N_("Too many failed attempts: wait a few minutes before trying again."),
        N_("Wait a few minutes, then log in with the right password."),
    ),
    "blockgeoip": (
        N_("Logging in from this country is blocked for this account."),
        N_("Log in from another location, or ask the provider to lift the restriction."),
    ),
    "blocked_ip": (
        N_("This IP address is blocked by the panel."),
        N_("Try again later or contact the provider's support."),
    ),
}


class LoginRefused(BillError):
    """The panel refused the credentials (``$type=auth``); ``reason`` is its ``$object``."""

    default_message = N_("The panel refused to log in.")

    def __init__(self, reason: str = "other", message: str | None = None, hint: str | None = None) -> None:
        self.reason = reason or "other"
        known = LOGIN_REASONS.get(self.reason)
        if known is not None:
            message = message or _(known[0])
            if hint is None and known[1] is not None:
                hint = _(known[1])
        super().__init__(message or _(self.default_message), hint)


class AccessDenied(BillError):
    """No right to this function/object, or the session could not be renewed."""

    default_message = N_("This is not available to your account.")


class FieldError(BillError):
    """A form field has an invalid or missing value; the form stays open with ``field`` marked."""

    default_message = N_("A field has an invalid value.")

    def __init__(self, field: str, message: str | None = None, hint: str | None = None) -> None:
        self.field = field
        super().__init__(message, hint)


class ApiError(BillError):
    """Any other panel error; ``type`` and ``object`` are the error node's attributes."""

    def __init__(self, message: str | None = None, hint: str | None = None, *,
                 type: str = "", object: str = "") -> None:  # noqa: A002 - mirrors the panel's names
        self.type = type
        self.object = object
        super().__init__(message, hint)


class NotAvailable(ApiError):
    """The function is unknown or disabled on this panel (module not loaded at this provider)."""

    default_message = N_("This function is not available on this panel.")


class PanelBusy(ApiError):
    """The panel is still running a long call of this session ("Request in process, please wait")."""

    default_message = N_("The panel is still busy with a previous request.")


class SessionRenewedWriteNotSent(BillError):
    """A write hit an expired session: we logged in again but did NOT repeat the write.

    Repeating a write silently could pay twice or post a message twice, so the UI asks
    the user and calls again.
    """

    default_message = N_("Your session had expired; you are logged in again, but the change was not sent.")
    default_hint = N_("Send it again if you still want it.")


# --- transport ---------------------------------------------------------------

class TransportError(BillError):
    """The request did not get a usable reply (network, TLS, HTTP status, not JSON)."""

    default_message = N_("Could not talk to the panel.")


class PanelTimeout(TransportError):
    default_message = N_("The panel did not answer in time.")
    default_hint = N_("Try again; if it keeps happening, raise the profile's timeout.")


class PanelTooSlow(PanelTimeout):
    """The whole request took longer than its deadline (a reply dripping in): asking again would
    make the user wait as long again, so it is not retried (``retry.is_transient``)."""


class PanelUnreachable(TransportError):
    default_message = N_("Could not connect to the panel.")
    default_hint = N_("Check the panel URL (host and port) and your network connection.")


class TlsError(TransportError):
    default_message = N_("The panel's TLS certificate could not be verified.")
    default_hint = N_("If the panel uses a self-signed certificate, point the profile's ca_bundle option at it, "
                      "or set verify_tls = false in the profile (not recommended).")


#: HTTP statuses a provider's firewall uses to block an address (see ``BadStatus``).
IP_BLOCKED_STATUSES = frozenset({403, 460})


class BadStatus(TransportError):
    def __init__(self, status: int, message: str | None = None, hint: str | None = None) -> None:
        self.status = status
        if message is None:
            message = _("The panel answered with HTTP status {status}.").format(status=status)
        if hint is None:
            if status in IP_BLOCKED_STATUSES:
                # Seen on real panels: the provider's firewall answers 403 or 460 when it blocks
                # the address (Karantir-dev/billing-typescript src/utils/checkIfTokenAlive.js,
                # locales auth.json "403_error_code": "Your IP address is temporarily blocked").
                hint = _("The provider may have blocked your IP address for a while: if you use a VPN "
                         "or proxy, try without it, or contact the provider's support.")
            elif status in (404, 405):
                hint = _("Check that the profile URL points at the billmgr endpoint.")
            else:
                hint = _("Try again later; if it persists, contact the provider.")
        super().__init__(message, hint)


class NotJson(TransportError):
    default_message = N_("The panel's reply was not a valid API answer (perhaps a proxy or firewall page).")
    default_hint = N_("Check the panel URL, and any proxy or firewall between you and the panel.")


class ConnectionDropped(TransportError):
    """The connection broke off after the request went out, so the panel may have acted on it."""

    default_message = N_("The connection to the panel broke off.")
    default_hint = N_("Try again.")


class OutcomeUnknown(TransportError):
    """A write went out but no usable answer came back: it may or may not have been done.

    It is never repeated behind the user's back (that could pay or post twice); the UI says
    so and tells the user where to look before sending again. ``cause`` is what went wrong
    on the wire, ``check`` where to look (in English: a caller that knows the place passes the
    whole translated sentence as ``hint``, as ``retry.guard_write`` does).
    """

    default_message = N_("We don't know whether the panel did it: its answer was lost.")

    def __init__(self, message: str | None = None, hint: str | None = None, *,
                 cause: BillError | None = None, check: str = "the panel") -> None:
        self.cause = cause
        self.check = check
        if message is None:
            if cause is not None:
                message = _("We don't know if it went through: the panel's answer was lost ({cause}).").format(
                    cause=cause.message.rstrip("."))
            else:
                message = _("We don't know if it went through: the panel's answer was lost.")
        if hint is None:
            if check == "the panel":
                hint = _("Check the panel before sending it again.")
            else:
                hint = _("Check {check} before sending it again.").format(check=check)
        super().__init__(message, hint)
