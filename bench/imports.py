"""Import cost: what starting billtui imports, and nothing slow before it is needed.

``python -X importtime -c "import billtui.cli.main"`` against ``import textual.app``
(the reference: billtui cannot start faster than Textual imports), and the
modules that must not be loaded at start: the keyring backend, uvicorn, PDF
code, the demo panel (outside demo mode), httpx's command-line extras.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from bench.stats import Row, median

RUNS = 5
NOT_AT_START = ("keyring", "uvicorn", "billtui.sim", "billtui.sim.pdf", "pypdf", "reportlab",
                "click", "pygments")
IMPORTTIME = re.compile(r"import time:\s+\d+ \|\s+(\d+) \|\s*(\S+)")


def _cumulative_ms(statement: str, module: str, env: dict[str, str]) -> float:
    out = subprocess.run([sys.executable, "-X", "importtime", "-c", statement],
                         capture_output=True, text=True, env=env, check=True)
    for line in out.stderr.splitlines():
        m = IMPORTTIME.match(line)
        if m and m.group(2) == module:
            return int(m.group(1)) / 1000
    raise RuntimeError(f"{module} not in -X importtime output")


def _loaded(statement: str, env: dict[str, str]) -> list[str]:
    code = f"{statement}; import sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    modules = set(json.loads(out.stdout.strip().splitlines()[-1]))
    return [m for m in NOT_AT_START if m in modules]


def run(quick: bool = False) -> list[Row]:
    runs = 3 if quick else RUNS
    cache = tempfile.mkdtemp(prefix="billtui-bench-pyc-")
    env = {**os.environ, "PYTHONPYCACHEPREFIX": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    try:
        _cumulative_ms("import billtui.cli.main, billtui.app", "billtui.cli.main", env)  # fill the cache
        cli, app, ref = [], [], []
        for _ in range(runs):
            ref.append(_cumulative_ms("import textual.app", "textual.app", env))
            cli.append(_cumulative_ms("import billtui.cli.main", "billtui.cli.main", env))
            app.append(_cumulative_ms("import billtui.cli.main, billtui.app", "billtui.app", env))
        at_start = _loaded("import billtui.cli.main, billtui.app", env)
        profile_start = _loaded("import billtui.cli.main, billtui.app, billtui.api.client, billtui.screens.shell.main", env)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    bad = sorted(set(at_start) | set(profile_start))
    return [
        Row("imports", "import billtui.cli.main", median(cli) / 1000, "s", median(ref) / 1000, "import textual.app",
            "", None, runs),
        Row("imports", "import billtui.app (after cli)", median(app) / 1000, "s", median(ref) / 1000,
            "import textual.app", "", None, runs),
        Row("imports", "slow modules imported at start", float(len(bad)), "", None, "", "0", not bad, 1,
            note=("none of " + ", ".join(NOT_AT_START)) if not bad else "imported: " + ", ".join(bad)),
    ]


if __name__ == "__main__":
    for row in run():
        print(row)
