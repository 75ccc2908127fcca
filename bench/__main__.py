"""``make bench``: run every benchmark and print one table.

``python -m bench [--quick] [--only startup,large_list,navigation,imports,terminal_bytes,tree_walk]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import sys
import time

from bench.stats import Row

MODULES = ("startup", "large_list", "navigation", "imports", "terminal_bytes", "tree_walk")


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.0f} ms"
    if unit == "MB":
        return f"{value:,.0f} MB"
    return f"{value:,.0f}{(' ' + unit) if unit else ''}"


def _cpu() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    from importlib.metadata import version

    return (f"{dt.date.today().isoformat()} · {os.cpu_count()} CPUs ({_cpu()}) · load "
            f"{os.getloadavg()[0]:.1f} · Python {platform.python_version()} · Textual {version('textual')}")


def table(rows: list[Row]) -> str:
    head = ("", "figure", "median", "reference", "ratio", "target", "runs")
    lines = [head]
    for r in rows:
        ref = f"{_fmt(r.reference, r.unit)} ({r.reference_name})" if r.reference is not None else ""
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else ""
        mark = {True: "ok", False: "MISSED", None: ""}[r.ok]
        lines.append((mark, f"{r.group}: {r.name}", _fmt(r.value, r.unit), ref, ratio, r.target, str(r.runs)))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    notes = [f"  {r.group}: {r.name} — {r.note}" for r in rows if r.note]
    return "\n".join(out + (["", "notes:"] + notes if notes else []))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs (a smoke check, noisy figures)")
    parser.add_argument("--only", default="", help="comma-separated: " + ", ".join(MODULES))
    args = parser.parse_args(argv)
    chosen = [m.strip() for m in args.only.split(",") if m.strip()] or list(MODULES)
    unknown = [m for m in chosen if m not in MODULES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")
    print(machine(), flush=True)
    rows: list[Row] = []
    started = time.monotonic()
    for name in chosen:
        t = time.monotonic()
        print(f"running {name}…", file=sys.stderr, flush=True)
        module = importlib.import_module(f"bench.{name}")
        rows.extend(module.run(quick=args.quick))
        print(f"  {name}: {time.monotonic() - t:.0f} s", file=sys.stderr, flush=True)
    print()
    print(table(rows))
    print(f"\n(all times are medians; ratio = median / reference measured in the same run; "
          f"{time.monotonic() - started:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
