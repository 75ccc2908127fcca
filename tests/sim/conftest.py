"""Fixtures for the demo panel tests: an in-process app and a logged-in raw-form client.

Tests speak raw form posts on purpose (not billtui.api): the sim is checked against the
protocol text, not against the other implementation.
"""
from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any, AsyncIterator

import httpx
import pytest

from billtui.sim.app import SimApp, create_app

TODAY = dt.date(2025, 6, 15)


class Panel:
    """A tiny raw client: post form fields, get the ``doc`` back."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client
        self.sid = ""

    async def raw(self, path: str = "/billmgr", **params: Any) -> httpx.Response:
        data = {"out": "json", "lang": "en", **{k: str(v) for k, v in params.items()}}
        if self.sid and "auth" not in data:
            data["auth"] = self.sid
        return await self.client.post(path, data=data)

    async def call(self, func: str, **params: Any) -> dict[str, Any]:
        response = await self.raw(func=func, **params)
        assert response.status_code == 200, response.text
        return response.json()["doc"]

    async def login(self, username: str = "demo", password: str = "demo") -> str:
        doc = await self.call("auth", username=username, password=password)
        self.sid = doc["auth"]["$id"]
        return self.sid


def make_client(app: SimApp) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sim")


@pytest.fixture
def app() -> SimApp:
    return create_app(today=TODAY)


@pytest.fixture
async def panel(app: SimApp) -> AsyncIterator[Panel]:
    async with make_client(app) as client:
        p = Panel(client)
        await p.login()
        yield p


@pytest.fixture
async def anon(app: SimApp) -> AsyncIterator[Panel]:
    async with make_client(app) as client:
        yield Panel(client)


@contextlib.asynccontextmanager
async def logged_in(app: SimApp, username: str = "demo", password: str = "demo") -> AsyncIterator[Panel]:
    """A logged-in raw client for an app built by the test itself."""
    async with make_client(app) as client:
        p = Panel(client)
        await p.login(username, password)
        yield p
