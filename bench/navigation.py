"""Navigation and the first screen's requests, in the real app driven headless.

* First screen: with every panel answer taking 100 ms (``latency``), how many
  requests go out and how many are in flight at once — concurrent calls overlap,
  sequential ones would take 100 ms each.
* Revisit: open Payments, go back to Customer, then Payments again a moment
  later. Reported: the time until the revisited pane is drawn against the first
  visit (the reference), and the requests made before it was drawn (target 0).
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.stats import Row, median

LATENCY = 0.1
RUNS = 5


async def _first_screen() -> dict[str, Any]:
    from bench.panel import demo_app, first_calls, overlap, settle

    app, panel = demo_app(latency=LATENCY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
    first = first_calls(panel)
    after_login = [c for c in panel.calls if c.func != "auth"]
    start = min(c.start for c in after_login)
    end = max(c.end for c in after_login)
    return {
        "requests": len(panel.calls),
        "first_overlap": overlap(first),
        "most_in_flight": overlap(after_login),
        "span": end - start,
        "serial": sum(c.end - c.start for c in after_login),
    }


async def _revisit() -> dict[str, float]:
    from bench.panel import demo_app, settle, shown

    app, panel = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen

        start = time.monotonic()
        screen.open_key("payments")
        await settle(pilot)
        first = await shown(app) - start

        screen.open_key("customer")
        await settle(pilot)

        start = time.monotonic()
        screen.open_key("payments")
        drawn = await shown(app)
        again = drawn - start
        before = len([c for c in panel.calls if start <= c.start <= drawn])
        await settle(pilot)
        after = len([c for c in panel.calls if c.start > drawn])

        # The same once the pane counts as old (STALE_AFTER lowered instead of waiting).
        from billtui.widgets import revisit

        stale_after, revisit.STALE_AFTER = revisit.STALE_AFTER, 0.0
        try:
            screen.open_key("customer")
            await settle(pilot)
            start = time.monotonic()
            screen.open_key("payments")
            drawn = await shown(app)
            stale_before = len([c for c in panel.calls if start <= c.start <= drawn])
            await settle(pilot)
            stale_after_n = len([c for c in panel.calls if c.start > drawn])
        finally:
            revisit.STALE_AFTER = stale_after
    return {"first": first, "again": again, "before": before + stale_before, "after": after,
            "stale_after": stale_after_n}


async def _all(runs: int) -> tuple[list[dict[str, Any]], list[dict[str, float]]]:
    firsts = [await _first_screen() for _ in range(runs)]
    revisits = [await _revisit() for _ in range(runs)]
    return firsts, revisits


def run(quick: bool = False) -> list[Row]:
    from billtui.widgets.revisit import STALE_AFTER

    from bench.panel import FIRST_CALLS

    runs = 2 if quick else RUNS
    firsts, revisits = asyncio.run(_all(runs))
    span = median([f["span"] for f in firsts])
    serial = median([f["serial"] for f in firsts])
    first_overlap = median([f["first_overlap"] for f in firsts])
    first = median([r["first"] for r in revisits])
    again = median([r["again"] for r in revisits])
    before = max(r["before"] for r in revisits)
    after = median([r["after"] for r in revisits])
    return [
        Row("first screen", f"requests after login answered (each answer +{LATENCY * 1000:.0f} ms)", span, "s",
            serial, "the same requests one after another", "concurrent", span < serial, runs,
            note=f"{median([f['requests'] for f in firsts]):.0f} requests in all; balance, menu, first list: "
                 f"{first_overlap:.0f} of {len(FIRST_CALLS)} in flight at once; at most "
                 f"{median([f['most_in_flight'] for f in firsts]):.0f} at once"),
        Row("navigation", "revisit Payments a moment later → drawn", again, "s", first, "first visit",
            "at once", again < first, runs),
        Row("navigation", "requests before the revisited pane is drawn", float(before), "req", None, "",
            "0", before == 0, runs,
            note=f"requests after it is drawn: {after:.0f} when seconds old, "
                 f"{median([r['stale_after'] for r in revisits]):.0f} (background refresh) when older than "
                 f"{STALE_AFTER:.0f} s"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
