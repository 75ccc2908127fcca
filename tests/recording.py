"""A demo panel with a recorder in front: every request's form fields, as they reached the panel.

Tests of what billtui *sends* (the ``lang=`` of each call, a save's fields) read them here rather
than in the client's own log, so they see the wire. It stands where the panel stands (``demo_sim=``
of the app, or an httpx ``ASGITransport``) and passes everything else through to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs


@dataclass
class Recorder:
    sim: Any
    requests: list[dict[str, str]] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:  # state, faults…: the panel's own
        return getattr(self.sim, name)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope.get("type") != "http":
            await self.sim(scope, receive, send)
            return
        body = bytearray()

        async def recording_receive() -> Any:
            message = await receive()
            body.extend(message.get("body", b""))
            return message

        try:
            await self.sim(scope, recording_receive, send)
        finally:
            self.requests.append(_fields(bytes(body), scope))

    def funcs(self) -> list[str]:
        return [r.get("func", "?") for r in self.requests]

    def since(self, mark: int) -> list[dict[str, str]]:
        """The requests after the first ``mark`` (``mark = len(recorder.requests)`` beforehand)."""
        return self.requests[mark:]

    def langs(self, mark: int = 0) -> set[str]:
        """The ``lang=`` values of the requests after ``mark`` (``-`` for a request without one)."""
        return {r.get("lang", "-") for r in self.since(mark)}


def _fields(body: bytes, scope: dict[str, Any]) -> dict[str, str]:
    ctype = dict(scope.get("headers") or []).get(b"content-type", b"").decode("latin-1")
    source = body if "x-www-form-urlencoded" in ctype or not body else b""
    query = scope.get("query_string", b"")
    out: dict[str, str] = {}
    for raw in (query, source):
        for key, values in parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True).items():
            out[key] = values[-1]
    if "multipart/form-data" in ctype:
        # The plain fields of a multipart body (files have a filename= and are left out).
        for name, value in _PART.findall(body.decode("utf-8", "replace")):
            out[name] = value
    return out


_PART = re.compile(r'Content-Disposition: form-data; name="([^"]+)"\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--',
                   re.DOTALL)
