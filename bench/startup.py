"""Startup: ``billtui --demo`` to its first frame with demo data, vs a bare Textual app; and
``billtui --demo --lang ru`` vs the same in English (the Russian catalog is read at start, once).

Both run as real processes in a 120x40 pseudo-terminal, alternately, so they
share the machine's load. Byte code is cached in a private directory
(``PYTHONPYCACHEPREFIX``; this environment sets PYTHONDONTWRITEBYTECODE, which
would make every start compile billtui from source) and one warm-up run of each
fills it first.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

from bench.pty_run import run_to_first_frame
from bench.stats import Row, median

RUNS = 15


def _billtui() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "billtui")
    return [script] if os.path.exists(script) else [sys.executable, "-m", "billtui"]


def run(quick: bool = False) -> list[Row]:
    runs = 3 if quick else RUNS
    cache = tempfile.mkdtemp(prefix="billtui-bench-pyc-")
    env = {"PYTHONPYCACHEPREFIX": cache, "PYTHONDONTWRITEBYTECODE": ""}
    saved = os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        bare_argv = [sys.executable, "-m", "bench.bare_app"]
        app_argv = [*_billtui(), "--demo"]
        russian_argv = [*app_argv, "--lang", "ru"]
        run_to_first_frame(bare_argv, env=env)
        run_to_first_frame(app_argv, env=env)
        run_to_first_frame(russian_argv, env=env)
        bare, app, russian = [], [], []
        for _ in range(runs):
            bare.append(run_to_first_frame(bare_argv, env=env).first_frame)
            app.append(run_to_first_frame(app_argv, env=env).first_frame)
            russian.append(run_to_first_frame(russian_argv, env=env).first_frame)
    finally:
        if saved is not None:
            os.environ["PYTHONDONTWRITEBYTECODE"] = saved
        shutil.rmtree(cache, ignore_errors=True)
    ratios = [a / b for a, b in zip(app, bare)]
    value, reference = median(app), median(bare)
    return [Row("startup", "billtui --demo → first frame with data", value, "s", reference,
                "bare Textual app (Header, Tree, DataTable, Footer)", "ratio ≤ 1.3",
                value / reference <= 1.3, runs,
                note=f"per-pair ratios {min(ratios):.2f}–{max(ratios):.2f}"),
            Row("startup", "billtui --demo --lang ru → first frame with data", median(russian), "s", value,
                "billtui --demo (English)", "ratio ≤ 1.1", median(russian) / value <= 1.1, runs)]


if __name__ == "__main__":
    for row in run():
        print(row)
