"""The thin HTTP layer: read an ASGI request into parameters, write replies back.

Kept apart from the protocol logic so handlers only ever see a dict of form fields.
"""
from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from typing import Any, Awaitable, Callable
from urllib.parse import parse_qsl

from .multipart import Upload, boundary_of, parse_multipart

Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]

MAX_BODY = 64 * 1024 * 1024


@dataclass
class Request:
    """What a handler needs from HTTP: the merged form fields and the uploads."""

    method: str
    path: str
    params: dict[str, str]
    uploads: list[Upload] = field(default_factory=list)
    client_ip: str = "127.0.0.1"
    #: Request cookies (a browser session travels in ``billmgrses5``).
    cookies: dict[str, str] = field(default_factory=dict)


@dataclass
class Response:
    """A finished reply: status, headers and body bytes."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)


async def read_body(receive: Receive) -> bytes:
    """Collect the whole request body (the panel's requests are small)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            raise ValueError("request body too large")
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _header(scope: dict[str, Any], name: bytes) -> str:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1")
    return ""


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_scalar(v) for v in value)
    return str(value)


def json_fields(body: bytes) -> list[tuple[str, str]]:
    """Fields of a JSON object body: pulivilizator/billmgr-addon billmgr_api.py POSTs its
    parameters with httpx ``json=`` (``{"func": ..., "out": "sjson", ...}``). Anything but an
    object is ignored, like a form the CGI layer cannot read."""
    try:
        data = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, ValueError, RecursionError):
        return []
    if not isinstance(data, dict):
        return []
    return [(str(k), _scalar(v)) for k, v in data.items() if not isinstance(v, dict)]


def cookies_of(header: str) -> dict[str, str]:
    """The ``Cookie`` header as a dict (a malformed header counts as no cookies)."""
    if not header:
        return {}
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(header)
    except CookieError:
        return {}
    return {name: morsel.value for name, morsel in jar.items()}


async def read_request(scope: dict[str, Any], receive: Receive) -> Request:
    """Merge query-string and body fields (body wins, like the panel's CGI layer).

    Real clients send the fields as a GET query, a urlencoded or multipart POST, or a JSON
    object (billmgr_api.py); all of them are read."""
    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    uploads: list[Upload] = []
    body = await read_body(receive)
    content_type = _header(scope, b"content-type")
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        pairs += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
    elif kind == "multipart/form-data":
        boundary = boundary_of(content_type)
        if boundary:
            fields, uploads = parse_multipart(body, boundary)
            pairs += fields
    elif kind == "application/json":
        pairs += json_fields(body)
    client = scope.get("client") or ("127.0.0.1", 0)
    return Request(scope.get("method", "GET"), scope.get("path", "/"), dict(pairs), uploads,
                   str(client[0]), cookies_of(_header(scope, b"cookie")))


def json_response(doc: dict[str, Any]) -> Response:
    """Serialise a ``{"doc": ...}`` reply."""
    return Response(200, json.dumps(doc, ensure_ascii=False).encode("utf-8"))


def text_response(status: int, text: str, content_type: str = "text/plain; charset=utf-8") -> Response:
    """A plain (non-API) reply: 404, 500, a firewall page."""
    return Response(status, text.encode("utf-8"), content_type)


def _headers(response: Response, length: int) -> list[tuple[bytes, bytes]]:
    headers = [(b"content-type", response.content_type.encode("latin-1")),
               (b"content-length", str(length).encode("latin-1"))]
    return headers + [(k.encode("latin-1"), v.encode("latin-1")) for k, v in response.headers]


async def send_response(send: Send, response: Response) -> None:
    """Write a whole response in one body message."""
    await send({"type": "http.response.start", "status": response.status,
                "headers": _headers(response, len(response.body))})
    await send({"type": "http.response.body", "body": response.body})


async def send_pieces(send: Send, response: Response, pieces: Iterable[bytes]) -> None:
    """Write ``response`` with its body in several messages (``response.body`` is ignored;
    its length is the pieces' total), the way a large reply comes off a socket."""
    parts = list(pieces)
    await send({"type": "http.response.start", "status": response.status,
                "headers": _headers(response, sum(len(p) for p in parts))})
    for part in parts:
        await send({"type": "http.response.body", "body": part, "more_body": True})
    await send({"type": "http.response.body", "body": b""})


async def send_dripping(send: Send, response: Response, count: int, delay: float) -> None:
    """Write ``response`` after ``count`` spaces sent one at a time, ``delay`` seconds apart:
    valid JSON (leading whitespace), but a reply that takes ``count * delay`` seconds."""
    await send({"type": "http.response.start", "status": response.status,
                "headers": _headers(response, count + len(response.body))})
    for _ in range(count):
        await send({"type": "http.response.body", "body": b" ", "more_body": True})
        await asyncio.sleep(delay)
    await send({"type": "http.response.body", "body": response.body})
