"""Fault injection: every kind, counted rules, and reproducible random mode."""
from __future__ import annotations


import httpx
import pytest

from billtui.sim.faults import Faults

from tests.sim.conftest import Panel


async def test_http500_and_html(app, panel: Panel) -> None:
    app.faults.set("payment", "http500", count=1)
    assert (await panel.raw(func="payment")).status_code == 500
    assert (await panel.raw(func="payment")).status_code == 200  # auto-cleared
    app.faults.set(None, "html")
    response = await panel.raw(func="whoami")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    app.faults.clear()
    assert "user" in await panel.call("whoami")


async def test_truncated_access_busy(app, panel: Panel) -> None:
    app.faults.set("payment", "truncated", count=1)
    response = await panel.raw(func="payment")
    with pytest.raises(ValueError):
        response.json()
    app.faults.set("payment", "access", count=1)
    assert (await panel.call("payment"))["error"]["$type"] == "access"
    app.faults.set("payment", "busy", count=1)
    assert (await panel.call("payment"))["error"]["msg"]["$"] == "Request in process, please wait"
    assert "elem" in await panel.call("payment")


async def test_latency_and_drop(app, panel: Panel) -> None:
    waited: list[float] = []

    async def sleep(delay: float) -> None:  # the wait recorded, not waited out
        waited.append(delay)

    app.sleep = sleep
    app.faults.set("whoami", "latency", delay=0.2, count=1)
    assert "user" in await panel.call("whoami")
    assert waited == [0.2]
    assert "user" in await panel.call("whoami") and waited == [0.2]  # count=1: once
    app.faults.set("whoami", "drop", count=1)
    with pytest.raises((ConnectionError, httpx.TransportError)):
        await panel.raw(func="whoami")
    assert "user" in await panel.call("whoami")


def test_random_mode_is_reproducible() -> None:
    def run() -> list:
        faults = Faults()
        faults.random(0.5, seed=7)
        return [(f.kind if f else None) for f in (faults.pick("payment") for _ in range(50))]
    first = run()
    assert first == run()
    assert 10 < sum(1 for k in first if k) < 40
    with pytest.raises(ValueError):
        Faults().set(None, "meteor")
