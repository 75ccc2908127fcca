"""Start ``billtui-sim`` as a real process on a free loopback port, for tests
that must go over real HTTP (the acceptance check, the scripting CLI)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from typing import Iterator


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


@contextmanager
def running_sim(*args: str, capture: bool = False) -> Iterator[tuple[str, subprocess.Popen]]:
    """Yield ``(endpoint URL, process)``; the process is stopped afterwards."""
    port = free_port()
    out = subprocess.PIPE if capture else subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "billtui.sim", "--port", str(port), *args],
                            stdout=out, stderr=subprocess.STDOUT if capture else subprocess.DEVNULL,
                            text=True)
    try:
        wait_for_port(port, proc)
        yield f"http://127.0.0.1:{port}/billmgr", proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
