"""The acceptance check against a real ``billtui-sim`` process over real HTTP."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen, attempts: int = 200) -> None:
    for _ in range(attempts):
        if proc.poll() is not None:
            raise RuntimeError(f"billtui-sim exited early: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.1):
                return
        except OSError:
            time.sleep(0.05)  # bounded poll between connection attempts
    raise TimeoutError("billtui-sim did not start listening")


@pytest.fixture
def server():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "billtui.sim", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}/billmgr"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    banner = proc.stdout.read() if proc.stdout else ""
    assert f"http://127.0.0.1:{port}/billmgr" in banner and "demo / demo" in banner


def test_acceptance_over_http(server: str) -> None:
    with httpx.Client(timeout=10) as client:
        auth = client.post(server, data={"func": "auth", "username": "demo", "password": "demo", "out": "json"})
        sid = auth.json()["doc"]["auth"]["$id"]
        page = client.post(server, data={"func": "payment", "auth": sid, "p_cnt": "5", "out": "json"})
        doc = page.json()["doc"]
        assert len(doc["elem"]) == 5 and doc["p_elems"]["$"] == "40"
        bad = client.post(server, data={"func": "auth", "username": "demo", "password": "wrong", "out": "json"})
        assert bad.status_code == 200 and bad.json()["doc"]["error"]["$type"] == "auth"
