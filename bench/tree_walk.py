"""Tree walk: the requests a fast walk down the whole menu makes, counted at the panel.

Issue #19: moving the cursor through the menu should ask the panel only for
the item the cursor stops on, not for every item it passes. The demo panel is
served over real HTTP (uvicorn, in a thread of this process) behind
``bench.panel.RecordingPanel``, which records every request's ``func`` on the
server side; billtui runs in a pty against it as a user with a one-off panel
would start it (``--url … --user demo``, the password from BILLTUI_PASSWORD,
its dirs in a temporary directory).

* The walk: once login has settled (no request and no output for ``SETTLE`` s),
  ``Down`` every 50 ms from the first menu item to the last, then wait until
  quiet again. Every request from the first key on counts (the ticket watch's
  poll, if it fell in the walk, too).
* The reference: a fresh billtui, settled the same way, opens the last item
  directly (``:`` and its key); the requests that makes.
"""

from __future__ import annotations

import collections
import os
import shutil
import socket
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from bench.panel import Call, RecordingPanel
from bench.pty_run import PtySession, key_bytes
from bench.startup import _billtui
from bench.stats import Row, median
from bench.terminal_bytes import Probe, probe, temp_dirs

GAP = 0.05  # s between two Down: a fast typist, or a key held down
SETTLE = 1.0  # s with no request and no output: login (or the walk) is over
SIZE = (120, 40)
RUNS = 5  # the walk's count moves with timing (a request cancelled or not): more runs than the others


@contextmanager
def served_panel() -> Iterator[tuple[str, RecordingPanel]]:
    """The demo panel on a free loopback port, recording; stopped on the way out, whatever happened."""
    import uvicorn

    from billtui.sim.app import create_app

    panel = RecordingPanel(create_app())
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # the port is ours from here on: no race with another process
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(panel, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the demo panel did not start serving")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}/billmgr", panel
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _settle(s: PtySession, panel: RecordingPanel, cap: float = 60.0) -> None:
    """Until neither the terminal nor the panel has seen anything for SETTLE s."""
    deadline = time.monotonic() + cap
    while True:
        made = len(panel.calls) + panel.in_flight
        s.until_quiet(SETTLE, cap=cap)
        if len(panel.calls) + panel.in_flight == made:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"billtui kept asking the panel for {cap:.0f} s")


@contextmanager
def billtui_on(url: str, root: str) -> Iterator[PtySession]:
    env = {**temp_dirs(root), "BILLTUI_PASSWORD": "demo", "BILLTUI_NO_BROWSER": "1"}
    with PtySession([*_billtui(), "--url", url, "--user", "demo"], env=env, size=SIZE) as s:
        s.until_quiet(SETTLE, cap=60, first=60)
        yield s


@dataclass(frozen=True)
class Walked:
    walk: list[Call]
    walk_bytes: int
    direct: list[Call]
    direct_seen: bool  # the last item's title was drawn: the jump went there


def walk_once(found: Probe, root: str) -> Walked:
    with served_panel() as (url, panel):
        with billtui_on(url, os.path.join(root, "walk")) as s:
            _settle(s, panel)
            start = time.monotonic()
            written = s.total
            for _ in range(found.tree_lines - 1):  # the cursor starts on the first item
                s.send(key_bytes("down"))
                s.read_for(GAP)
            _settle(s, panel)
            walk, walk_bytes = panel.since(start), s.total - written
        with billtui_on(url, os.path.join(root, "direct")) as s:
            _settle(s, panel)
            s.send(b":")
            s.until_quiet(0.3)
            s.send(found.last_key.encode())
            s.until_quiet(0.3)
            start = time.monotonic()
            s.send(key_bytes("enter"))
            seen = found.last_title.encode() in s.until_quiet(0.3)
            _settle(s, panel)
            direct = panel.since(start)
    return Walked(walk, walk_bytes, direct, seen)


def _funcs(calls: list[Call]) -> str:
    counts = collections.Counter(c.func for c in calls)
    return ", ".join(f"{func} ×{n}" if n > 1 else func for func, n in sorted(counts.items())) or "none"


def run(quick: bool = False) -> list[Row]:
    found = probe(SIZE)  # how many lines the menu has, and its last item
    runs = 1 if quick else RUNS
    root = tempfile.mkdtemp(prefix="billtui-bench-walk-")
    try:
        walked = [walk_once(found, os.path.join(root, str(n))) for n in range(runs)]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    counts = [len(w.walk) for w in walked]
    walk = median(counts)
    direct = median([len(w.direct) for w in walked])
    last = walked[-1]
    written = median([w.walk_bytes for w in walked])
    spread = f"runs {min(counts)}–{max(counts)}; " if min(counts) != max(counts) else ""
    unseen = "" if all(w.direct_seen for w in walked) else " (its title was not drawn: the jump may have failed)"
    return [Row("tree walk", f"requests while Down walks the menu ({found.tree_lines} lines, "
                             f"{GAP * 1000:.0f} ms a key)", walk, "req", direct,
                f"only the last item ({found.last_key}) opened directly", "= reference", walk <= direct, runs,
                note=f"{spread}last run's walk: {_funcs(last.walk)}; {written:,.0f} B written to the terminal; "
                     f"the last item alone: {_funcs(last.direct)}{unseen}")]


if __name__ == "__main__":
    for row in run(quick=True):
        print(row)
