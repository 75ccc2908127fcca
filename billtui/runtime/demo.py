"""The embedded demo panel, in-process: no port, no network.

Imported only in demo mode, so a normal start never loads the simulator.
"""

from __future__ import annotations

import asyncio
import sys
from importlib.util import find_spec
from typing import Any, Awaitable, Callable

import httpx

from billtui.launch import DEMO_PASSWORD, DEMO_URL, DEMO_USER
from billtui.menu import Edition


# httpx's ASGITransport tries `import sniffio` (to detect trio) on every request; not
# installed, that is a search of sys.path each time (~0.1 ms a request). Looked for
# once here; a None entry makes the import fail at once, as it would anyway.
if "sniffio" not in sys.modules and find_spec("sniffio") is None:
    sys.modules["sniffio"] = None  # type: ignore[assignment]


def demo_sim(edition: Edition = Edition.STANDARD, size: str = "small") -> Any:
    """A fresh embedded demo panel of ``edition``."""
    from billtui.sim.app import create_app

    return create_app(tier=edition.value, size=size)


def set_demo_edition(sim: Any, edition: Edition) -> None:
    """Make the demo panel offer what ``edition`` offers from now on."""
    sim.state.tier = edition.value


def demo_client(
    edition: Edition = Edition.STANDARD,
    size: str = "small",
    *,
    sim: Any | None = None,
    totp: Callable[[], Awaitable[str]] | None = None,
    lang: str = "en",
) -> Any:
    """A ``BillClient`` for a fresh demo panel of ``edition`` (or ``sim``), asking it in ``lang``."""
    from billtui.api.client import BillClient
    from billtui.sim.app import create_app

    app = sim if sim is not None else create_app(tier=edition.value, size=size)
    transport = httpx.ASGITransport(app=_Yielding(app))
    return BillClient(DEMO_URL, DEMO_USER, DEMO_PASSWORD, transport=transport, totp=totp, lang=lang)


class _Yielding:
    """The demo panel, giving the event loop back once per request.

    In-process, a request never waits on a socket, so a loop of requests (adding
    up every expense, exporting every page) would run to the end without letting
    the screen draw or a key through. A real panel never behaves like that.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0)
        await self.app(scope, receive, send)
