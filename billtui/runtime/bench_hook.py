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
    from billtui.compat import in_batch

    if in_batch(app):
        return False  # drawing is held until the first answers are in (BillTUI.hold_first_frame)
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    return not any(worker.state in busy for worker in app.workers)


def write_moment(target: str) -> None:
    if target != "1":
        with open(target, "w", encoding="utf-8") as out:
            out.write(repr(time.monotonic()))


def install(app: Any, target: str, ready: Any = data_shown) -> None:
    """Check until ``ready(app)``; after that frame, note it and exit.

    Checked right after the app releases its first frame (``BillTUI.release_first_frame``)
    and, for starts that never hold one, every 5 ms (cheap) — a poll alone would add up to
    5 ms to every measurement.
    """
    started = time.monotonic()
    done = False

    def finish() -> None:
        write_moment(target)
        app.exit()

    def check() -> None:
        nonlocal done
        if done:
            return
        if ready(app):
            done = True
            timer.stop()
            app.call_after_refresh(finish)
        elif time.monotonic() - started > GIVE_UP_AFTER:
            done = True
            timer.stop()
            app.exit(return_code=3)

    timer = app.set_interval(0.005, check)
    release = getattr(app, "release_first_frame", None)
    if release is not None:
        def release_then_check() -> None:
            release()
            app.call_after_refresh(check)  # the worker that released it has finished by then

        app.release_first_frame = release_then_check
