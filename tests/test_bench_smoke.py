"""The benchmarks import, the first-frame hook works and the pty benchmarks reach their screens —
no timing is asserted here."""

from __future__ import annotations

import importlib
import sys

import pytest


@pytest.mark.parametrize("name", ["stats", "panel", "pty_run", "bare_app", "startup", "large_list",
                                  "navigation", "imports", "bare_widgets", "terminal_bytes",
                                  "tree_walk", "__main__"])
def test_bench_modules_import(name: str) -> None:
    importlib.import_module(f"bench.{name}")


def test_bench_table_prints_ratio() -> None:
    from bench.__main__ import table
    from bench.stats import Row

    text = table([Row("g", "thing", 0.2, "s", 0.1, "ref", "≤ 0.3 s", True, 3)])
    assert "200 ms" in text and "2.00" in text and "ok" in text


@pytest.mark.parametrize("argv", [[sys.executable, "-m", "bench.bare_app"],
                                  [sys.executable, "-m", "billtui", "--demo"]])
def test_first_frame_hook_exits_after_first_frame(argv: list[str]) -> None:
    from bench.pty_run import run_to_first_frame

    timed = run_to_first_frame(argv, timeout=120)
    assert timed.returncode == 0
    assert 0 < timed.first_frame <= timed.exited


async def test_first_screen_calls_overlap_and_revisit_makes_no_request_before_drawn() -> None:
    from bench.panel import demo_app, first_calls, overlap, settle, shown

    app, panel = demo_app(latency=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert overlap(first_calls(panel)) == 3  # balance, menu and the first list in flight at once
        assert [c.func for c in panel.calls].count("whoami") == 1  # the login's answer serves the header
        screen = app.screen
        screen.open_key("payments")
        await settle(pilot)
        screen.open_key("customer")
        await settle(pilot)
        made = len(panel.calls)
        screen.open_key("payments")
        await shown(app)
        assert len(panel.calls) == made


# The terminal-bytes and tree-walk benchmarks drive real processes in a pty for ~30 s in all:
# run once in their quick mode, they check the keys reach the screens they are meant to.
@pytest.mark.slow
def test_terminal_bytes_quick_run_reaches_its_screens() -> None:
    from bench import terminal_bytes

    rows = {r.name: r for r in terminal_bytes.run(quick=True)}
    assert rows["list: one Down"].value > 0 and rows["list: one Down"].reference
    assert rows["tree: one Down"].reference
    assert not [r.name for r in rows.values() if "not seen" in r.note]


@pytest.mark.slow
def test_tree_walk_quick_run_counts_requests_at_the_panel() -> None:
    from bench import tree_walk

    (row,) = tree_walk.run(quick=True)
    assert row.value >= 0 and row.reference is not None
    assert "walk:" in row.note and "not drawn" not in row.note
