"""Terminal bytes: what each key costs on the wire, billtui against bare Textual widgets.

Over a slow SSH link every byte billtui writes is a byte the user waits for
(issue #19). ``billtui --demo`` (zero latency) runs in a real pty at 80x24 and
120x40 (TERM=xterm-256color, COLORTERM=truecolor); the bench types as a user
would and counts the bytes the program writes for each action:

* drain until nothing has come for ``QUIET`` s, press the key, count until quiet again;
  what arrives in the drain before a key (late output of the previous one) is
  reported as a note, so a too-short quiet shows instead of hiding;
* ten Down are sent 50 ms apart (a key held down), counted as one action;
* PageDown and End start from the first row (Home, not counted, before each),
  so each moves a whole page and the End is a real jump at both sizes; the
  DataTable's first/last row keys are ctrl+home/ctrl+end (its End goes to the
  last column), so the reference gets those.

The reference, in the same run: ``bench/bare_widgets.py``, a stock Tree and
DataTable at the same places with the same lines, columns and rows (taken from
billtui laid out headless at that size: ``probe``), driven the same way.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

from bench.pty_run import PtySession, key_bytes
from bench.startup import _billtui
from bench.stats import Row, median
from billtui.screens.shell.main import PREVIEW_DELAY

QUIET = 0.3  # s without a byte that ends an action
FIRST_QUIET = 1.0  # the first frame: login, the held frame and the first pane's load may pause longer
GAP = 0.05  # s between the ten Down (about a key's autorepeat rate)
IDLE = 10.0
RUNS = 3
SIZES = ((80, 24), (120, 40))
TARGET = 1.5  # issue #19: a cursor step ≤ 1.5× the stock widget's bytes
# A tree step is counted for this long: less than the rest after which the item opens.
STEP_WINDOW = PREVIEW_DELAY * 0.75


@dataclass(frozen=True)
class Probe:
    """billtui's layout at one size, as the reference copies it."""

    spec: dict[str, Any]  # bench.bare_widgets.Spec
    tree_lines: int
    last_key: str  # the menu's last item: tree_walk's reference
    last_title: str  # its title, in the header once it is open


def _nodes(node: Any) -> list[Any]:
    """``[label, children]`` for each child of ``node``: the menu's shape, for the reference Tree."""
    return [[getattr(child.label, "plain", str(child.label)), _nodes(child)] for child in node.children]


async def _probe(size: tuple[int, int]) -> Probe:
    from billtui.sim.app import create_app

    from bench.panel import demo_app, settle

    app, _ = demo_app(sim=create_app())  # today's data, as `billtui --demo` has it
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen: Any = app.screen
        nav = screen.nav
        tree_region, lines = list(nav.region), nav.last_line + 1
        tree, last = _nodes(nav.root), nav.entries()[-1]
        screen.open_key("payments", focus=True)
        await settle(pilot)
        await pilot.pause(0.1)
        table: Any = app.focused
        # The columns billtui shows at this width. `_layout_for` is the table's own layout
        # (private, being reworked for #19): if it is gone, every column, sharing the width.
        try:
            columns = [[col.title, width] for col, width in table._layout_for(table._view_width())]
        except AttributeError:
            share = table.region.width // max(1, len(table.columns))
            columns = [[col.title, share] for col in table.columns]
        spec = {"tree_region": tree_region, "tree": tree, "table_region": list(table.region),
                "columns": columns, "rows": int(table.total or 0)}
    return Probe(spec, lines, last.key, last.item.title if last.item else "")


def probe(size: tuple[int, int]) -> Probe:
    return asyncio.run(_probe(size))


def temp_dirs(root: str) -> dict[str, str]:
    """billtui's config/data/state/cache in ``root``: no user's favourites, keymap or theme in the figures."""
    return {f"BILLTUI_{kind}_DIR": os.path.join(root, kind.lower()) for kind in ("CONFIG", "DATA", "STATE", "CACHE")}


@dataclass
class Measured:
    bytes: dict[str, int] = field(default_factory=dict)
    late: dict[str, int] = field(default_factory=dict)  # bytes in the drain before the key, not counted
    seen: dict[str, bool] = field(default_factory=dict)  # did the action draw what it should have


def _act(s: PtySession, m: Measured, name: str, keys: list[str], expect: bytes = b"",
         window: float | None = None) -> None:
    """``window``: count only what comes within that many seconds of the last key (the rest is
    read, not counted, before the next action)."""
    m.late[name] = len(s.until_quiet(QUIET))
    out = bytearray()
    for n, key in enumerate(keys):
        s.send(key_bytes(key))
        if n < len(keys) - 1:
            out += s.read_for(GAP)
    out += s.read_for(window) if window is not None else s.until_quiet(QUIET)
    m.bytes[name] = len(out)
    if expect:
        m.seen[name] = expect in out


def _untimed(s: PtySession, *keys: str) -> None:
    """Keys between the measured ones (opening the list, the jump bar): each drawn and let settle."""
    for key in keys:
        s.send(key_bytes(key))
        s.until_quiet(QUIET)


def _common(s: PtySession, m: Measured, idle: float, first: str, last: str) -> None:
    """The list steps, the same for billtui and the reference (the list already focused).

    ``first``/``last``: the keys to the first and last row (DataTable's home/end go to
    the first/last column; its rows are ctrl+home/ctrl+end).
    """
    _act(s, m, "list: one Down", ["down"])
    _act(s, m, "list: ten Down", ["down"] * 10)
    _untimed(s, first)
    _act(s, m, "list: PageDown", ["pagedown"])
    _untimed(s, first)
    _act(s, m, "list: End", [last])
    if idle:
        s.until_quiet(QUIET)
        m.bytes["idle"] = len(s.read_for(idle))


def _start(s: PtySession, m: Measured, *, rests: bool) -> None:
    """``rests``: the program opens the item the tree's cursor rests on (billtui). Its step is
    what comes before that (``STEP_WINDOW``); a walk down the menu costs this per key. Then the
    rest: the item opens. A stock Tree opens nothing: its step is counted until quiet, as any key."""
    m.bytes["first frame"] = len(s.until_quiet(FIRST_QUIET, cap=60, first=60))
    _act(s, m, "tree: one Down", ["down"], window=STEP_WINDOW if rests else None)
    if rests:
        m.bytes["tree: one Down, then rest (the item opens)"] = m.bytes["tree: one Down"] + len(s.until_quiet(QUIET))


def measure_billtui(size: tuple[int, int], idle: float, root: str) -> Measured:
    m = Measured()
    with PtySession([*_billtui(), "--demo"], env=temp_dirs(root), size=size) as s:
        _start(s, m, rests=True)  # the menu is focused at start: Customer → Services
        _untimed(s, ":", "pay")
        _act(s, m, "open Payments (:pay)", ["enter"], expect=b"Credited")  # a column title
        _common(s, m, idle, "home", "end")
        _untimed(s, ":", "ticket 1004")
        _act(s, m, "open a ticket (:ticket 1004)", ["enter"], expect=b"Packet loss")  # its subject
    return m


def measure_bare(size: tuple[int, int], idle: float, spec_file: str) -> Measured:
    m = Measured()
    with PtySession([sys.executable, "-m", "bench.bare_widgets", spec_file], size=size) as s:
        _start(s, m, rests=False)
        _untimed(s, "tab")  # to the DataTable
        _common(s, m, idle, "ctrl+home", "ctrl+end")
    return m


#: The rows of each size: billtui's action, the reference's kind ("" for none), the target ratio.
COMPARED: list[tuple[str, str, float | None]] = [
    ("first frame", "app", None),
    ("tree: one Down", "tree", TARGET),
    ("tree: one Down, then rest (the item opens)", "", None),
    ("open Payments (:pay)", "", None),
    ("list: one Down", "list", TARGET),
    ("list: ten Down", "list", TARGET),
    ("list: PageDown", "list", None),
    ("list: End", "list", None),
    ("open a ticket (:ticket 1004)", "", None),
    ("idle", "app", None),
]


def _bytes(runs: list[Measured], name: str) -> float | None:
    values = [m.bytes[name] for m in runs if name in m.bytes]
    return median(values) if values else None


def _rows(size: tuple[int, int], found: Probe, app: list[Measured], bare: list[Measured], idle: float) -> list[Row]:
    group = f"terminal bytes {size[0]}x{size[1]}"
    ref_names = {"list": f"DataTable, {len(found.spec['columns'])} columns × {found.spec['rows']} rows",
                 "tree": f"Tree, {found.tree_lines} lines", "app": "bare Tree + DataTable"}
    out: list[Row] = []
    for name, kind, target in COMPARED:
        values = [m.bytes[name] for m in app if name in m.bytes]
        if not values:
            continue
        value, runs = median(values), len(values)
        reference = _bytes(bare, name) if kind else None
        notes = []
        if min(values) != max(values):
            notes.append(f"runs {min(values):,}–{max(values):,} B")
        late = max(m.late.get(name, 0) for m in app)
        if late:
            notes.append(f"{late} B came while draining to quiet before the key (not counted)")
        if not all(m.seen.get(name, True) for m in app):
            notes.append("its screen was not seen: the keys may have gone elsewhere")
        if name == "tree: one Down" and min(values) == 0:
            notes.append(f"a run wrote nothing within {STEP_WINDOW * 1000:.0f} ms: the machine was too slow "
                         "to draw the step before the rest delay, so that run says nothing")
        if name == "tree: one Down":
            notes.append(f"what the step writes within {STEP_WINDOW * 1000:.0f} ms, before billtui shows the "
                         f"item the cursor rests on ({PREVIEW_DELAY * 1000:.0f} ms)")
        if name == "idle":
            label, goal, ok = f"idle {idle:.0f} s, after everything settled", "0 B", value == 0
        elif target is not None and reference:
            label, goal, ok = name, f"ratio ≤ {target}", value / reference <= target
        else:
            label, goal, ok = name, "", None
        out.append(Row(group, label, value, "B", reference, ref_names.get(kind, ""), goal, ok, runs,
                       note="; ".join(notes)))
    return out


def run(quick: bool = False) -> list[Row]:
    sizes = SIZES[:1] if quick else SIZES
    runs = 1 if quick else RUNS
    idle = 3.0 if quick else IDLE  # quick: a smoke check of the idle count, not the 10 s
    rows: list[Row] = []
    root = tempfile.mkdtemp(prefix="billtui-bench-bytes-")
    try:
        for size in sizes:
            found = probe(size)
            spec_file = os.path.join(root, f"spec-{size[0]}x{size[1]}.json")
            with open(spec_file, "w", encoding="utf-8") as f:
                json.dump(found.spec, f)
            app, bare = [], []
            for n in range(runs):
                # The 10 s idle once per size: it is the same every time, and the longest part.
                app.append(measure_billtui(size, idle if n == 0 else 0.0, os.path.join(root, f"dirs-{n}")))
                bare.append(measure_bare(size, idle if n == 0 else 0.0, spec_file))
            rows.extend(_rows(size, found, app, bare, idle))
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return rows


if __name__ == "__main__":
    for row in run(quick="--quick" in sys.argv):
        print(row)
