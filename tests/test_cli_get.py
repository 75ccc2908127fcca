"""`billtui get` and friends, as a script uses them: a real billtui-sim over HTTP, a subprocess
billtui, stdout parsed as JSON/CSV, one-line errors on stderr and non-zero exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from tests.simproc import free_port, running_sim


@pytest.fixture(scope="module")
def panel_url():
    with running_sim() as (url, _proc):
        yield url


def billtui(*args: str, password: str | None = "demo", stdin: str | None = "") -> subprocess.CompletedProcess:
    env = dict(os.environ)  # the autouse fixture points every billtui dir at tmp
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env.pop("BILLTUI_PASSWORD", None)
    if password is not None:
        env["BILLTUI_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "billtui", *args], capture_output=True, text=True,
                          env=env, input=stdin, timeout=60)


def test_get_payments_json_has_every_row(panel_url: str) -> None:
    done = billtui("get", "payments", "--url", panel_url, "--user", "demo", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    rows = json.loads(done.stdout)
    assert len(rows) == 40
    assert {r["number"] for r in rows} == {f"PM-{n:06d}" for n in range(1, 41)}
    newest = next(r for r in rows if r["id"] == "40")
    assert newest["status"] == "New" and newest["status_code"] == 1
    # Money: an exact decimal string with its currency beside it, never a float.
    assert isinstance(newest["credited"], str) and Decimal(newest["credited"]) > 0
    assert newest["credited_currency"] == "USD"


def test_get_payments_csv_parses(panel_url: str) -> None:
    done = billtui("get", "payments", "--url", panel_url, "--user", "demo", "--format", "csv")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == 40
    assert set(rows[0]) >= {"id", "number", "date", "credited", "credited_currency", "status"}
    assert all(Decimal(r["paid"]) >= 0 for r in rows)


def test_wrong_password_is_one_line_on_stderr(panel_url: str) -> None:
    done = billtui("get", "payments", "--url", panel_url, "--user", "demo", password="wrong")
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Wrong login or password" in lines[0]


def test_no_password_without_a_terminal_names_the_alternatives(panel_url: str) -> None:
    done = billtui("get", "balance", "--url", panel_url, "--user", "demo", password=None)
    assert done.returncode != 0 and done.stdout == ""
    line, = done.stderr.strip().splitlines()
    assert "BILLTUI_PASSWORD" in line and "password_command" in line and "keyring" in line


def test_unreachable_panel_fails_cleanly() -> None:
    done = billtui("get", "payments", "--url", f"http://127.0.0.1:{free_port()}/billmgr", "--user", "demo")
    assert done.returncode != 0 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
