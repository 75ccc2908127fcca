"""The HTTP layer: one POST to the panel's endpoint, with every failure turned into a typed error.

Real clients do the same: the production customer panel (Karantir-dev/billing-typescript
src/config/axiosInstance.js) POSTs ``application/x-www-form-urlencoded`` forms to the endpoint
itself and names the function in the body (see ``assumed`` "evidence: wire").

It knows nothing about sessions or functions; it only guarantees that a form goes in the
body (never the URL), that every request has a timeout, and that what comes back is either
decoded JSON or a ``TransportError`` whose message a user can act on.
"""

from __future__ import annotations

import json
import re
import ssl
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import unquote

import httpx

from .errors import (BadStatus, ConnectionDropped, NotJson, PanelTimeout, PanelUnreachable, TlsError,
                     TransportError)
from .values import parse_int

__all__ = ["Transport", "Response", "SECRET_FIELDS", "redact"]

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
            return json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            head = body[:200].lstrip().lower()
            if head.startswith((b"<!doctype", b"<html", b"<")):
                raise NotJson("The panel answered with a web page instead of API data "
                              "(a proxy, firewall or login page may be in the way).") from None
            if not body.strip():
                raise NotJson("The panel sent an empty reply.") from None
            raise NotJson("The panel's reply was cut off or is not valid API data.") from None


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
        raise TlsError(f"Cannot use the CA bundle {verify}: {exc}.",
                       "Fix the ca_bundle path in the profile.") from None


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
        """One request; the whole body is read."""
        try:
            r = await self._client.post(self.url, data=dict(form), files=dict(files) if files else None)
        except httpx.HTTPError as exc:
            raise self._map(exc) from None
        except OSError:  # a transport that lets a socket error through (the in-process demo panel)
            raise ConnectionDropped() from None
        return self._check(Response(r.status_code, r.headers, r.content))

    async def download(self, form: Mapping[str, str],
                       progress: Callable[[int, int | None], None] | None = None) -> Response:
        """One request whose body is streamed, reporting ``(received, total or None)``."""
        try:
            async with self._client.stream("POST", self.url, data=dict(form)) as r:
                total_header = r.headers.get("content-length")
                total = parse_int(total_header)
                chunks: list[bytes] = []
                got = 0
                if progress:
                    progress(0, total)
                async for chunk in r.aiter_bytes():
                    chunks.append(chunk)
                    got += len(chunk)
                    if progress:
                        progress(got, total)
                return self._check(Response(r.status_code, r.headers, b"".join(chunks)))
        except httpx.HTTPError as exc:
            raise self._map(exc) from None
        except OSError:
            raise ConnectionDropped() from None

    def _check(self, resp: Response) -> Response:
        if resp.status != 200:
            raise BadStatus(resp.status)
        return resp

    @staticmethod
    def _map(exc: httpx.HTTPError) -> TransportError:
        # Messages are our own sentences: the exception text may quote the request.
        if isinstance(exc, httpx.TimeoutException):
            if isinstance(exc, httpx.ConnectTimeout):
                unsent = PanelTimeout("The panel did not accept the connection in time.")
                unsent.request_sent = False  # type: ignore[attr-defined]  # nothing reached the panel
                return unsent
            return PanelTimeout()
        if _is_tls_failure(exc):
            return TlsError()
        if isinstance(exc, httpx.ConnectError):
            return PanelUnreachable()
        if isinstance(exc, httpx.UnsupportedProtocol):
            return PanelUnreachable("The panel URL is not a valid http(s) address.",
                                    "Check the URL in the profile (https://host:1500/billmgr).")
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError)):
            return ConnectionDropped()
        return TransportError("Could not talk to the panel.", "Check the network and try again.")

    async def aclose(self) -> None:
        await self._client.aclose()


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
