"""The HTTP layer: one POST to the panel's endpoint, with every failure turned into a typed error.

Real clients do the same: the production customer panel (Karantir-dev/billing-typescript
src/config/axiosInstance.js) POSTs ``application/x-www-form-urlencoded`` forms to the endpoint
itself and names the function in the body (see ``assumed`` "evidence: wire").

It knows nothing about sessions or functions; it only guarantees that a form goes in the
body (never the URL), that every request has a timeout, and that what comes back is either
decoded JSON or a ``TransportError`` whose message a user can act on.

A broken or hostile panel must not be able to freeze billtui or eat its memory, so every
reply is *bounded*: it is streamed and unpacked a small piece at a time, and reading stops
as soon as the unpacked size passes ``MAX_REPLY_BYTES`` (``MAX_DOWNLOAD_BYTES`` for files);
and every request has an overall deadline (``CALL_DEADLINE`` / ``TRANSFER_DEADLINE``) on
top of httpx's per-read timeout, which a reply dripping one byte at a time never trips.
"""

from __future__ import annotations

import asyncio
import json
import re
import ssl
from collections.abc import AsyncIterator, Callable, Mapping
from typing import Any
from urllib.parse import unquote

import httpx

from billtui.i18n import _

from .errors import (BadStatus, ConnectionDropped, NotJson, PanelTimeout, PanelTooSlow, PanelUnreachable,
                     TlsError, TransportError)
from .parser import decode_json
from .values import parse_int

__all__ = ["Transport", "Response", "ReplyTooLarge", "SECRET_FIELDS", "redact", "MAX_REPLY_BYTES",
           "MAX_DOWNLOAD_BYTES", "CALL_DEADLINE", "TRANSFER_DEADLINE"]

_MIB = 1024 * 1024

#: The largest API reply billtui reads, *unpacked*. A page of 1,000 list rows is well under
#: 2 MB; 64 MB is far beyond any honest reply and still small enough to parse without
#: freezing the screen. A gzip "bomb" (204 KB that unpack to 200 MB) stops here.
MAX_REPLY_BYTES = 64 * _MIB
#: The largest file billtui downloads (invoice PDFs, ticket attachments): panels cap
#: attachments far below this, and the whole file is kept in memory before it is saved.
MAX_DOWNLOAD_BYTES = 256 * _MIB
#: Seconds one API call may take from start to last byte. httpx's timeout (20 s) is per read,
#: so a reply that drips a byte at a time would otherwise never end; honest calls take a few
#: seconds, and the slowest the panel does (a long list page) well under a minute.
CALL_DEADLINE = 60.0
#: Seconds a download or an upload may take: 256 MB over a slow 1 MB/s line takes about 4 min.
TRANSFER_DEADLINE = 600.0
#: Raw (packed) bytes unpacked per step. Unpacking is done per piece of what arrived, and
#: in-process transports hand over a whole body as one piece; cut smaller, one step can
#: never make more than about 16 MB (gzip packs at most ~1,030:1) before the limit is checked.
_RAW_STEP = 16 * 1024


def _size_text(n: int) -> str:
    if n >= _MIB:
        return _("{n} MB").format(n=n // _MIB)
    return _("{n} KB").format(n=max(1, n // 1024))


class ReplyTooLarge(TransportError):
    """The reply (unpacked) is larger than billtui reads; reading stopped at the limit.

    Not worth retrying: the same request gets the same reply (``retry.is_transient`` only
    repeats the plain ``TransportError`` and the kinds it names).
    """

    def __init__(self, limit: int, *, download: bool = False, message: str | None = None,
                 hint: str | None = None) -> None:
        self.limit = limit
        size = _size_text(limit)
        if download:
            message = message or _("The file is larger than {size}; billtui stopped downloading it.").format(size=size)
            hint = hint or _("Download it from the panel's web interface instead.")
        else:
            message = message or _("The panel's reply is larger than {size}; billtui stopped reading it.").format(
                size=size)
            hint = hint or _("If this is a long list, narrow it with a filter; if it keeps happening, "
                             "the panel may be broken: contact the provider.")
        super().__init__(message, hint)


def _too_slow(deadline: float) -> PanelTooSlow:
    return PanelTooSlow(_("The panel is too slow: its reply took longer than {deadline:g} seconds, "
                          "so billtui stopped waiting.").format(deadline=deadline),
                        _("Try again later; if it keeps happening, the panel or the connection is overloaded."))

#: Form fields whose values must never be logged or shown.
#: ``authinfo`` is LOGIN:PASSWORD (ISPsystem API guide); billtui never sends it, but a log must hide it.
#: ``disable_totp`` carries a live 2FA code (settingsOperations.js setPasswordAccess).
SECRET_FIELDS = frozenset({"password", "passwd", "old_passwd", "confirm", "auth", "qrcode",
                           "secret", "totp", "token", "authinfo", "disable_totp"})


def redact(form: Mapping[str, Any]) -> dict[str, str]:
    """A copy of a form fit for a log: secret values replaced by ``***``."""
    return {k: ("***" if k in SECRET_FIELDS and v not in (None, "") else str(v)) for k, v in form.items()}


class Response:
    """What came back: status, headers and body bytes (small enough to keep whole)."""

    __slots__ = ("status", "headers", "content")

    def __init__(self, status: int, headers: httpx.Headers, content: bytes) -> None:
        self.status = status
        self.headers = headers
        self.content = content

    def json(self) -> Any:
        """The decoded JSON body, or ``NotJson`` saying what it looked like."""
        body = self.content
        try:
            return decode_json(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            head = body[:200].lstrip().lower()
            if head.startswith((b"<!doctype", b"<html", b"<")):
                raise NotJson(_("The panel answered with a web page instead of API data "
                                "(a proxy, firewall or login page may be in the way).")) from None
            if not body.strip():
                raise NotJson(_("The panel sent an empty reply.")) from None
            raise NotJson(_("The panel's reply was cut off or is not valid API data.")) from None


def _is_tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, ssl.SSLError):
            return True
        text = str(e)
        if "CERTIFICATE_VERIFY_FAILED" in text or "SSL" in text and "certificate" in text.lower():
            return True
        e = e.__cause__ or e.__context__
    return False


def tls_verify(verify: bool | str) -> bool | ssl.SSLContext:
    """httpx's ``verify``: on/off, or a context trusting one CA bundle file.

    httpx deprecates passing a path; a context built here also fails early, with
    a clear message, when the bundle file is missing or unreadable.
    """
    if isinstance(verify, bool):
        return verify
    try:
        return ssl.create_default_context(cafile=verify)
    except (OSError, ssl.SSLError) as exc:
        raise TlsError(_("Cannot use the CA bundle {path}: {error}.").format(path=verify, error=exc),
                       _("Fix the ca_bundle path in the profile.")) from None


class Transport:
    """POSTs forms to one endpoint URL with an ``httpx.AsyncClient``."""

    def __init__(self, url: str, *, verify: bool | str = True, timeout: float = 20.0,
                 transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.url = url
        self.timeout = timeout
        self._client = httpx.AsyncClient(verify=tls_verify(verify), timeout=httpx.Timeout(timeout),
                                         transport=transport, follow_redirects=False,
                                         headers={"Accept": "application/json"})

    async def post(self, form: Mapping[str, str],
                   files: Mapping[str, tuple[str, bytes]] | None = None) -> Response:
        """One API request; the whole (bounded) body is read."""
        # An upload may be slow on a thin uplink: it gets the transfer deadline.
        return await self._request(form, files, limit=MAX_REPLY_BYTES, download=False,
                                   deadline=TRANSFER_DEADLINE if files else CALL_DEADLINE)

    async def download(self, form: Mapping[str, str],
                       progress: Callable[[int, int | None], None] | None = None) -> Response:
        """One request whose body is streamed, reporting ``(received, total or None)``."""
        return await self._request(form, None, limit=MAX_DOWNLOAD_BYTES, download=True,
                                   deadline=TRANSFER_DEADLINE, progress=progress)

    async def _request(self, form: Mapping[str, str], files: Mapping[str, tuple[str, bytes]] | None, *,
                       limit: int, download: bool, deadline: float,
                       progress: Callable[[int, int | None], None] | None = None) -> Response:
        # Limits are passed in by the callers (read from the module at call time, so tests can lower them).
        timer = asyncio.timeout(deadline)
        try:
            async with timer:
                try:
                    return await self._exchange(form, files, limit, download, progress)
                except httpx.HTTPError as exc:
                    raise self._map(exc) from None
                except OSError:  # a transport that lets a socket error through (the in-process demo panel)
                    raise ConnectionDropped() from None
        except TimeoutError:
            if timer.expired():
                raise _too_slow(deadline) from None
            raise

    async def _exchange(self, form: Mapping[str, str], files: Mapping[str, tuple[str, bytes]] | None,
                        limit: int, download: bool,
                        progress: Callable[[int, int | None], None] | None) -> Response:
        async with self._client.stream("POST", self.url, data=dict(form),
                                       files=dict(files) if files else None) as r:
            if r.status_code != 200:
                raise BadStatus(r.status_code)  # its body is of no use: not read at all
            total = parse_int(r.headers.get("content-length"))
            if total is not None and total > limit:
                raise ReplyTooLarge(limit, download=download)  # said up front: nothing is read
            body = bytearray()
            if progress:
                progress(0, total)
            async for chunk in _unpacked(r):
                body += chunk
                if len(body) > limit:
                    raise ReplyTooLarge(limit, download=download)
                if progress:
                    progress(len(body), total)
            return Response(r.status_code, r.headers, bytes(body))

    @staticmethod
    def _map(exc: httpx.HTTPError) -> TransportError:
        # Messages are our own sentences: the exception text may quote the request.
        if isinstance(exc, httpx.TimeoutException):
            if isinstance(exc, httpx.ConnectTimeout):
                unsent = PanelTimeout(_("The panel did not accept the connection in time."))
                unsent.request_sent = False  # type: ignore[attr-defined]  # nothing reached the panel
                return unsent
            return PanelTimeout()
        if _is_tls_failure(exc):
            return TlsError()
        if isinstance(exc, httpx.ConnectError):
            return PanelUnreachable()
        if isinstance(exc, httpx.UnsupportedProtocol):
            return PanelUnreachable(_("The panel URL is not a valid http(s) address."),
                                    _("Check the URL in the profile (https://host:1500/billmgr)."))
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            return ConnectionDropped()
        if isinstance(exc, httpx.DecodingError):
            return NotJson(_("The panel's reply arrived damaged: it could not be unpacked."))
        return TransportError(_("Could not talk to the panel."), _("Check the network and try again."))

    async def aclose(self) -> None:
        await self._client.aclose()


async def _unpacked(r: httpx.Response) -> AsyncIterator[bytes]:
    """The body, unpacked (gzip, deflate...) one small raw piece at a time.

    ``aiter_bytes`` unpacks each piece as it arrives, whatever its size; the raw pieces are
    cut to ``_RAW_STEP`` first so one step of a bomb cannot blow up before the size check.
    """
    make_decoder = getattr(r, "_get_content_decoder", None)
    if make_decoder is None or r.is_stream_consumed:
        # A future httpx without it: its own per-piece unpacking. A body already read (a test's
        # MockTransport reply built from bytes) is handed out from memory, in pieces.
        async for chunk in r.aiter_bytes(_RAW_STEP):
            yield chunk
        return
    decoder = make_decoder()
    async for raw in r.aiter_raw(_RAW_STEP):
        chunk = decoder.decode(raw)
        if chunk:
            yield chunk
    rest = decoder.flush()
    if rest:
        yield rest


_FILENAME_STAR = re.compile(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", re.IGNORECASE)
_FILENAME = re.compile(r'filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))', re.IGNORECASE)


def filename_from(disposition: str | None) -> str | None:
    """The file name of a Content-Disposition header, reduced to a safe base name."""
    if not disposition:
        return None
    name: str | None = None
    m = _FILENAME_STAR.search(disposition)
    if m:
        try:
            name = unquote(m.group(2).strip().strip('"'), encoding=m.group(1) or "utf-8", errors="replace")
        except LookupError:
            name = unquote(m.group(2).strip())
    else:
        m = _FILENAME.search(disposition)
        if m:
            name = (m.group(1) if m.group(1) is not None else m.group(2) or "").strip()
            name = re.sub(r"\\(.)", r"\1", name)
    if not name:
        return None
    # Never let a server choose a path: keep the last component, drop control characters.
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip().lstrip(".")
    return name or None
