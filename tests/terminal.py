"""Test helpers that stand between billtui and the terminal or the panel: a driver that keeps the
bytes Textual writes, and a transport that rewrites the demo panel's replies as a broken or hostile
panel would."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
from textual.drivers.headless_driver import HeadlessDriver


class RecordingDriver(HeadlessDriver):
    """A headless driver that keeps what Textual would write to a terminal (``written``; reset it
    before each app). Set ``app.driver_class`` and use ``app.run_test(headless=False)``."""

    written: list[str] = []

    @property
    def is_headless(self) -> bool:
        return False  # so that Textual renders frames and writes them

    def write(self, data: str) -> None:
        RecordingDriver.written.append(data)


class RewritingPanel(httpx.AsyncBaseTransport):
    """The demo panel ``sim``, every JSON reply passed through ``rewrite`` on the way."""

    def __init__(self, sim: Any, rewrite: Callable[[Any], Any]) -> None:
        self.inner = httpx.ASGITransport(app=sim)
        self.rewrite = rewrite

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        body = await response.aread()
        try:
            data = json.loads(body)
        except ValueError:
            return httpx.Response(response.status_code, headers=response.headers, content=body)
        headers = {k: v for k, v in response.headers.items() if k.lower() not in ("content-length", "content-encoding")}
        return httpx.Response(response.status_code, headers=headers,
                              content=json.dumps(self.rewrite(data)).encode())
