"""When the terminal goes away, billtui exits instead of spinning on a dead terminal."""

from __future__ import annotations

import asyncio
import os
import pty
import signal

from billtui.runtime import hangup


class FakeApp:
    is_headless = False

    def __init__(self) -> None:
        self.checks: list = []
        self.exit_codes: list[int] = []

    def set_interval(self, seconds: float, callback, name: str = "") -> None:
        self.checks.append(callback)

    def exit(self, return_code: int = 0) -> None:
        self.exit_codes.append(return_code)


async def test_a_terminal_that_hangs_up_makes_billtui_exit(monkeypatch):
    master, slave = pty.openpty()
    monkeypatch.setattr(hangup, "_terminal_fd", lambda: slave)
    app = FakeApp()
    try:
        hangup.watch(app)
        [check] = app.checks
        check()
        assert app.exit_codes == []  # the terminal is there: nothing happens
        os.close(master)  # the SSH connection drops / the tmux server is killed
        check()
        assert app.exit_codes == [129]
    finally:
        asyncio.get_running_loop().remove_signal_handler(signal.SIGHUP)
        os.close(slave)


async def test_sighup_makes_billtui_exit(monkeypatch):
    master, slave = pty.openpty()
    monkeypatch.setattr(hangup, "_terminal_fd", lambda: slave)
    app = FakeApp()
    loop = asyncio.get_running_loop()
    try:
        hangup.watch(app)
        os.kill(os.getpid(), signal.SIGHUP)
        for _ in range(1000):  # the loop runs the handler on one of its next turns
            if app.exit_codes:
                break
            await asyncio.sleep(0)
        assert app.exit_codes == [129]
    finally:
        loop.remove_signal_handler(signal.SIGHUP)
        os.close(master)
        os.close(slave)


def test_headless_and_piped_runs_are_left_alone(monkeypatch):
    app = FakeApp()
    app.is_headless = True
    hangup.watch(app)
    assert app.checks == []
    monkeypatch.setattr(hangup, "_terminal_fd", lambda: None)
    app.is_headless = False
    hangup.watch(app)
    assert app.checks == []
