"""The demo panel with a recorder in front: which calls went out, when, how many at once.

Wraps the embedded demo panel's ASGI callable, so it sees every HTTP request the
app makes (login included) without changing the app or the panel. An optional
``latency`` makes every answer wait, as a real panel over a network would; with
it, calls that go out concurrently overlap and calls made one after another
do not, which is what the first-screen benchmark looks at.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import time
from dataclasses import dataclass, field
from typing import Any, Mapping
from urllib.parse import parse_qs

DEMO_TODAY = dt.date(2026, 11, 25)  # the day the tests pin; data is relative to it


@dataclass(frozen=True)
class Call:
    func: str
    start: float
    end: float
    #: Every form field as it reached the panel (query string and form body; for a multipart
    #: body its plain fields): what a test of what billtui *sends* reads.
    fields: Mapping[str, str] = field(default_factory=dict)


@dataclass
class RecordingPanel:
    sim: Any
    latency: float = 0.0
    calls: list[Call] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0

    def __getattr__(self, name: str) -> Any:  # state, faults… : the panel's own
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

        start = time.monotonic()
        self.in_flight += 1
        self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
            await self.sim(scope, recording_receive, send)
        finally:
            self.in_flight -= 1
            fields = _fields(bytes(body), scope)
            self.calls.append(Call(fields.get("func", "?"), start, time.monotonic(), fields))

    def since(self, moment: float) -> list[Call]:
        return [c for c in self.calls if c.start >= moment]


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


def overlap(calls: list[Call]) -> int:
    """The most of ``calls`` that were in flight at the same moment."""
    events = sorted([(c.start, 1) for c in calls] + [(c.end, -1) for c in calls], key=lambda e: (e[0], e[1]))
    now = best = 0
    for _, step in events:
        now += step
        best = max(best, now)
    return best


#: The first screen's independent calls: the balance, the panel's menu and the first list
#: (the open tickets, for the unread count). They should all be in flight at once.
FIRST_CALLS = ("dashboard.info", "menu", "clientticket")


def first_calls(panel: "RecordingPanel") -> list[Call]:
    """The first answer to each of ``FIRST_CALLS``."""
    return [next(c for c in panel.calls if c.func == f) for f in FIRST_CALLS]


def demo_app(size: str = "small", latency: float = 0.0, sim: Any = None) -> tuple[Any, RecordingPanel]:
    """billtui on the demo panel, as ``billtui --demo`` builds it, with the recorder in front."""
    from billtui.app import BillTUI
    from billtui.launch import Launch
    from billtui.sim.app import create_app

    if sim is None:
        sim = create_app(size=size, today=DEMO_TODAY)
    panel = RecordingPanel(sim, latency)
    app = BillTUI(Launch.demo(size=size), demo_sim=panel)
    return app, panel


async def settle(pilot: Any) -> None:
    """Wait until every request in flight has been answered and shown."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def shown(app: Any) -> float:
    """Wait for the next frame to be drawn; returns the moment it was."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[float] = loop.create_future()

    def mark() -> None:
        if not done.done():
            done.set_result(time.monotonic())

    app.screen.call_after_refresh(mark)
    return await done


async def until(pilot: Any, condition: Any, timeout: float = 30.0) -> None:
    """Let the app run until ``condition()`` holds, looking every millisecond."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the app did not get there in time")
        await asyncio.sleep(0.001)
