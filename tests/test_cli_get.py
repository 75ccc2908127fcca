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


# --- orders, commissions, services' words: the embedded demo panel (--demo), in-process --------

def get(capsys, *args: str) -> tuple[int, str, str]:
    from billtui.cli import main as cli

    code = cli.main(["get", *args, "--demo"])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_panels(monkeypatch) -> list:
    """Every demo panel `--demo` makes, to read what it holds after the command ran."""
    from billtui.sim import app as sim_app

    made: list = []
    real = sim_app.create_app

    def create_app(**kwargs):
        made.append(real(**kwargs))
        return made[-1]

    monkeypatch.setattr(sim_app, "create_app", create_app)
    return made


def test_get_orders_in_every_format(capsys) -> None:
    code, out, err = get(capsys, "orders")
    assert code == 0 and err == ""
    header, *lines = out.splitlines()
    assert header.split() == ["ID", "NUMBER", "DATE", "DESCRIPTION", "COST", "STATUS"]
    line = next(x for x in lines if x.startswith("503 "))
    assert "Awaiting payment" in line and "5.00 USD" in line and "VDS-1 new-vm" in line
    assert len(lines) == 3

    code, out, err = get(capsys, "orders", "--format", "json")
    assert code == 0 and err == ""
    rows = {r["id"]: r for r in json.loads(out)}
    assert set(rows) == {"501", "502", "503"}
    assert rows["503"]["status"] == "Awaiting payment" and rows["501"]["status"] == "Paid"
    assert rows["503"]["cost"] == "5.00" and rows["503"]["cost_currency"] == "USD"
    assert Decimal(rows["501"]["cost"]) == Decimal("90.00")
    assert set(rows["503"]) == {"id", "number", "date", "description", "cost", "cost_currency", "status"}

    code, out, _ = get(capsys, "orders", "--format", "csv")
    assert code == 0
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert by_id["503"]["status"] == "Awaiting payment" and by_id["503"]["cost_currency"] == "USD"
    code, out, _ = get(capsys, "orders", "--format", "csv", "--no-headers", "--status", "awaiting payment")
    assert code == 0
    (only,) = list(csv.reader(io.StringIO(out)))
    assert only[0] == "503" and only[-1] == "Awaiting payment"


def _rewards_by_day(panel, since: str, until: str) -> dict[str, Decimal]:
    rows = panel.state.all("SELECT cdate, SUM(reward) AS r FROM rewards WHERE cdate BETWEEN ? AND ? "
                           "GROUP BY cdate", (since, until))
    return {r["cdate"]: Decimal(r["r"]) / 100 for r in rows}


def test_get_commissions_lists_this_years_rewards_with_their_currency(capsys, demo_panels) -> None:
    code, out, err = get(capsys, "commissions", "--format", "json")
    assert code == 0 and err == ""
    (panel,) = demo_panels
    today = panel.state.today
    expected = _rewards_by_day(panel, today.replace(month=1, day=1).isoformat(), today.isoformat())
    rows = json.loads(out)
    assert rows and all(set(r) == {"date", "amount", "amount_currency"} for r in rows)
    assert all(isinstance(r["amount"], str) and r["amount_currency"] == "EUR" for r in rows)
    assert {r["date"]: Decimal(r["amount"]) for r in rows} == expected
    assert [r["date"] for r in rows] == sorted(expected, reverse=True)  # newest first
    assert rows[0] == {"date": today.isoformat(), "amount": "12.00", "amount_currency": "EUR"}

    code, out, _ = get(capsys, "commissions")  # the table adds them up
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["DATE", "AMOUNT"] and len(lines) == len(expected) + 2
    assert lines[-1].split() == ["Total", f"{sum(expected.values()):.2f}", "EUR"]
    code, out, _ = get(capsys, "commissions", "--no-headers")
    assert len(out.splitlines()) == len(expected) and "Total" not in out


def test_get_commissions_for_a_period(capsys, demo_panels) -> None:
    code, out, err = get(capsys, "commissions", "--since", "2000-01-01", "--format", "csv")
    assert code == 0 and err == ""
    today = demo_panels[-1].state.today
    every = _rewards_by_day(demo_panels[-1], "2000-01-01", today.isoformat())
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["date"]: Decimal(r["amount"]) for r in rows} == every
    assert {r["amount_currency"] for r in rows} == {"EUR"}
    assert sum(every.values()) == sum(Decimal(r["amount"]) for r in rows)

    days = sorted(every)
    since, until = days[1], days[-2]
    code, out, _ = get(capsys, "commissions", "--since", since, "--until", until, "--format", "json")
    assert code == 0
    got = {r["date"]: Decimal(r["amount"]) for r in json.loads(out)}
    assert got == {d: v for d, v in every.items() if since <= d <= until} and len(got) == len(days) - 2


def test_get_commissions_refuses_what_it_cannot_do(capsys) -> None:
    for args, said in ((("--since", "2026-05-01", "--until", "2026-04-01"), "is after --until 2026-04-01"),
                       (("--status", "paid"), "--status does not apply to commissions")):
        code, out, err = get(capsys, "commissions", *args)
        assert code == 2 and out == ""
        (line,) = err.strip().splitlines()
        assert line.startswith("billtui: ") and said in line


def test_get_services_table_shows_words_and_json_csv_keep_codes(capsys) -> None:
    code, out, err = get(capsys, "services")
    assert code == 0 and err == ""
    header, *lines = out.splitlines()
    assert "STATUS_CODE" not in header and "TYPE_NAME" not in header
    web = next(x for x in lines if x.startswith("101 "))
    assert "Virtual private servers" in web and "Active" in web
    assert " vds " not in web and not any(" vds " in x for x in lines)
    staging = next(x for x in lines if x.startswith("103 "))
    assert "Suspended by staff" in staging
    assert any(x.startswith("105 ") and "Shared hosting" in x for x in lines)

    code, out, _ = get(capsys, "services", "--format", "json")
    rows = {r["id"]: r for r in json.loads(out)}
    assert rows["101"]["type"] == "vds" and rows["101"]["type_name"] == "Virtual private servers"
    assert rows["101"]["status"] == "Active" and rows["101"]["status_code"] == 2
    assert rows["103"]["status_code"] == 3 and rows["105"]["type"] == "vhost"

    code, out, _ = get(capsys, "services", "--format", "csv")
    names = out.splitlines()[0].split(",")
    # The fields scripts already read keep their names and places; the title comes last.
    assert names == ["id", "type", "name", "ip", "tariff", "status", "status_code", "expires", "autorenew",
                     "cost", "cost_currency", "type_name"]
    by_id = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert by_id["101"]["type"] == "vds" and by_id["101"]["status_code"] == "2"
