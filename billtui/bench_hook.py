"""For ``make bench`` only: exit after the first frame that shows demo data.

The startup benchmark times ``billtui --demo`` from process start to the first
frame with data. With ``BILLTUI_BENCH_EXIT_AFTER_FIRST_FRAME`` set, the app
waits until the main screen is up, the balance is in and no request is in
flight, lets that frame be drawn, then exits. If the value is a path (not "1"),
the moment of that frame (``time.monotonic()``, comparable across processes on
Linux) is written there. Unset, this module is never imported.
"""

from __future__ import annotations

import os
import time
from typing import Any

ENV = "BILLTUI_BENCH_EXIT_AFTER_FIRST_FRAME"
GIVE_UP_AFTER = 60.0  # seconds: a broken start must not hang the benchmark


def wanted() -> str | None:
    return os.environ.get(ENV) or None


def data_shown(app: Any) -> bool:
    """The main screen is up with the session loaded and nothing left loading."""
    from textual.worker import WorkerState

    if type(app.screen).__name__ != "MainScreen":
        return False
    if getattr(app.session, "dashboard", None) is None:
        return False
    if getattr(app, "_batch_count", 0):
        return False  # drawing is held until the first answers are in (BillTUI.hold_first_frame)
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    return not any(worker.state in busy for worker in app.workers)


def write_moment(target: str) -> None:
    if target != "1":
        with open(target, "w", encoding="utf-8") as out:
            out.write(repr(time.monotonic()))


def install(app: Any, target: str, ready: Any = data_shown) -> None:
    """Poll (every 5 ms, cheap) until ``ready(app)``; after that frame, note it and exit."""
    started = time.monotonic()

    def finish() -> None:
        write_moment(target)
        app.exit()

    def check() -> None:
        if ready(app):
            timer.stop()
            app.call_after_refresh(finish)
        elif time.monotonic() - started > GIVE_UP_AFTER:
            timer.stop()
            app.exit(return_code=3)

    timer = app.set_interval(0.005, check)
