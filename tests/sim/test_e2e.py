"""The acceptance check against a real ``billtui-sim`` process over real HTTP."""
from __future__ import annotations

import httpx
import pytest

from tests.simproc import running_sim


@pytest.fixture
def server():
    with running_sim(capture=True) as (url, proc):
        yield url
    banner = proc.stdout.read() if proc.stdout else ""
    assert url in banner and "demo / demo" in banner


def test_acceptance_over_http(server: str) -> None:
    with httpx.Client(timeout=10) as client:
        auth = client.post(server, data={"func": "auth", "username": "demo", "password": "demo", "out": "json"})
        sid = auth.json()["doc"]["auth"]["$id"]
        page = client.post(server, data={"func": "payment", "auth": sid, "p_cnt": "5", "out": "json"})
        doc = page.json()["doc"]
        assert len(doc["elem"]) == 5 and doc["p_elems"]["$"] == "40"
        bad = client.post(server, data={"func": "auth", "username": "demo", "password": "wrong", "out": "json"})
        assert bad.status_code == 200 and bad.json()["doc"]["error"]["$type"] == "auth"
