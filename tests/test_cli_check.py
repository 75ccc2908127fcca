"""`billtui check` as a monitoring system runs it: each state (OK, WARNING, CRITICAL, UNKNOWN) in
the situation that calls for it, set up in the demo panel's own data; its perfdata read with
the plugin API's rules (ranges by nagiosplugin), its Prometheus text by prometheus_client's
parser; `--all-profiles` with a panel that is down; `--allow-stale`; `--output` written atomically."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
from datetime import date, timedelta
from decimal import Decimal

import nagiosplugin
import pytest
from prometheus_client.parser import text_string_to_metric_families

from billtui.cli import main as cli
from tests.simproc import free_port, running_sim

OK, WARNING, CRITICAL, UNKNOWN = 0, 1, 2, 3


# --- the demo panel, in the state a test wants -------------------------------------------------

@pytest.fixture
def panel_state(monkeypatch):
    """``panel_state(setup)``: every demo panel `--demo` makes from now on first runs ``setup(store)``."""
    from billtui.sim import app as sim_app

    real = sim_app.create_app
    made: list = []

    def arrange(setup):
        def create_app(**kwargs):
            panel = real(**kwargs)
            setup(panel.state)
            made.append(panel)
            return panel

        monkeypatch.setattr(sim_app, "create_app", create_app)
        return made

    return arrange


def healthy(st) -> None:
    """Nothing to worry about: every service active and far from expiring, nothing unpaid,
    no ticket awaiting a reply. The balance stays 124.50 USD."""
    far = (st.today + timedelta(days=100)).isoformat()
    st.run("UPDATE services SET expiredate=?, status='2'", (far,))
    st.run("UPDATE orders SET status='paid' WHERE status='awaiting'")
    st.run("UPDATE invoices SET invoice_status=2 WHERE invoice_status=1")
    st.run("UPDATE tickets SET tstatus=1 WHERE tstatus=2")


def expires_in(st, service_id: int, days: int, autoprolong: int = 0) -> None:
    st.run("UPDATE services SET expiredate=?, autoprolong=? WHERE id=?",
           ((st.today + timedelta(days=days)).isoformat(), autoprolong, service_id))


def balance(st, cents: int) -> None:
    st.run("UPDATE account SET balance=? WHERE id=1", (cents,))


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def demo_check(capsys, *args: str) -> tuple[int, str, str]:
    return check(capsys, "--demo", *args)


# --- reading the plugin output as Nagios does ------------------------------------------------------

_LABEL = r"(?:'(?:[^']|'')+'|[^'= ]+)"
_NUM = r"-?\d+(?:\.\d+)?"
_RANGE = rf"@?(?:~|{_NUM})?(?::(?:{_NUM})?)?"
_PERF = re.compile(rf"(?P<label>{_LABEL})=(?P<value>{_NUM})(?P<uom>s|ms|us|%|B|KB|MB|TB|c)?"
                   rf"(?:;(?P<warn>{_RANGE})?(?:;(?P<crit>{_RANGE})?(?:;(?P<min>{_NUM})?(?:;(?P<max>{_NUM})?)?)?)?)?")


def parse_plugin_output(out: str) -> tuple[str, dict[str, dict], list[str]]:
    """(status line, perfdata by label, the long text lines), by the Nagios plugin API: the first
    line is TEXT | PERFDATA, perfdata is space-separated label=value[UOM];[warn];[crit];[min];[max]."""
    first, *rest = out.rstrip("\n").split("\n")
    assert first.count("|") <= 1, "a | in the text would cut the status line"
    text, _, perf = first.partition(" | ")
    found: dict[str, dict] = {}
    for item in perf.split():
        m = _PERF.fullmatch(item)
        assert m is not None, f"not valid perfdata: {item!r}"
        label = m["label"].strip("'").replace("''", "'")
        found[label] = {k: m[k] for k in ("value", "uom", "warn", "crit", "min", "max")}
    assert all("|" not in line for line in rest)
    return text, found, rest


def alerts(perf: dict, level: str) -> bool:
    """Whether the value is outside its ``warn``/``crit`` range, read by nagiosplugin's Range."""
    spec = perf[level]
    return bool(spec) and not nagiosplugin.Range(spec).match(float(perf["value"]))


# --- each state in its situation -------------------------------------------------------------------

def test_ok_when_nothing_needs_attention(capsys, panel_state) -> None:
    panel_state(healthy)
    code, out, err = demo_check(capsys)
    assert code == OK, out + err
    text, perf, details = parse_plugin_output(out)
    assert text.startswith("BILLTUI OK - ") and "balance 124.50 USD" in text
    assert perf["balance"]["value"] == "124.50" and not alerts(perf["balance"], "warn")
    assert {k: perf[k]["value"] for k in ("expiring", "unpaid", "tickets_awaiting_reply", "suspended")} == \
        {"expiring": "0", "unpaid": "0", "tickets_awaiting_reply": "0", "suspended": "0"}
    assert not any(line.startswith(("[WARNING]", "[CRITICAL]")) for line in details)


def test_a_service_expiring_soon_is_a_warning(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), expires_in(st, 102, 5)))
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    text, perf, details = parse_plugin_output(out)
    assert text.startswith("BILLTUI WARNING - db-01.demo.example.com expires in 5 days")
    assert text.endswith("; balance 124.50 USD")  # the shape: the problem first, then the balance
    assert perf["expiring"]["value"] == "1"
    assert any(line.startswith("[WARNING] db-01") and "auto-renew off" in line for line in details)


def test_expiry_thresholds_move_the_state(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), expires_in(st, 102, 2)))
    assert demo_check(capsys)[0] == CRITICAL  # 2 days <= 3 (the default critical)
    assert demo_check(capsys, "--expiry-critical", "1")[0] == WARNING
    assert demo_check(capsys, "--expiry-warning", "1d", "--expiry-critical", "off")[0] == OK
    panel_state(lambda st: (healthy(st), expires_in(st, 102, 20)))
    assert demo_check(capsys)[0] == OK
    assert demo_check(capsys, "--expiry-warning", "3w")[0] == WARNING  # 20 days <= 21


def test_an_expired_service_is_critical(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), expires_in(st, 107, -3)))
    code, out, _ = demo_check(capsys)
    assert code == CRITICAL
    assert "BILLTUI CRITICAL - example.com expired 3 days ago" in out


def test_auto_renew_covered_by_the_balance_is_ok(capsys, panel_state) -> None:
    # db-01 (VDS-4, 24.00 USD a month) renews itself every month; the balance is 124.50 USD.
    panel_state(lambda st: (healthy(st), expires_in(st, 102, 2, autoprolong=1)))
    code, out, _ = demo_check(capsys)
    assert code == OK, out
    text, perf, details = parse_plugin_output(out)
    assert perf["expiring"]["value"] == "0"
    assert any(line.startswith("[OK] db-01") and "24.00 USD covered by the balance" in line for line in details)


def test_auto_renew_the_balance_does_not_cover_still_warns(capsys, panel_state) -> None:
    # A year of VDS-4 is 288.00 USD; 30.00 USD are left: the renewal will fail.
    panel_state(lambda st: (healthy(st), balance(st, 3000), expires_in(st, 102, 6, autoprolong=12)))
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    assert "auto-renew on, but the balance does not cover 288.00 USD" in out


def test_the_balance_counts_down_across_services(capsys, panel_state) -> None:
    # 40.00 USD: db-01's month (24.00) is taken first, then web-01's (12.00); 4.00 are left, which
    # do not pay for staging's month (5.00), the third to expire.
    def setup(st):
        healthy(st)
        balance(st, 4000)
        expires_in(st, 102, 2, autoprolong=1)   # 24.00, soonest
        expires_in(st, 101, 4, autoprolong=1)   # 12.00
        expires_in(st, 103, 6, autoprolong=1)   # 5.00: only 4.00 left
    panel_state(setup)
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    _, _, details = parse_plugin_output(out)
    assert [line.split()[0] for line in details if "auto-renew" in line] == ["[OK]", "[OK]", "[WARNING]"]
    assert any("staging" in line and "does not cover 5.00 USD" in line for line in details)


def test_a_low_balance(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), balance(st, 1240)))
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    text, perf, _ = parse_plugin_output(out)
    assert text == "BILLTUI WARNING - 11 services, nothing needs attention; balance 12.40 USD (below 20)"
    assert perf["balance"] == {"value": "12.40", "uom": None, "warn": "20:", "crit": "5:", "min": None,
                               "max": None}
    assert alerts(perf["balance"], "warn") and not alerts(perf["balance"], "crit")
    panel_state(lambda st: (healthy(st), balance(st, -500)))
    code, out, _ = demo_check(capsys, "--balance-warning", "50.5", "--balance-critical", "0")
    assert code == CRITICAL
    _, perf, _ = parse_plugin_output(out)
    assert perf["balance"]["value"] == "-5.00" and perf["balance"]["warn"] == "50.5:"
    assert alerts(perf["balance"], "crit")
    assert demo_check(capsys, "--balance-warning", "off", "--balance-critical", "off")[0] == OK


def test_unpaid_orders_and_invoices(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), st.run("UPDATE orders SET status='awaiting' WHERE id=503"),
                            st.run("UPDATE invoices SET invoice_status=1 WHERE id=12")))
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    text, perf, details = parse_plugin_output(out)
    assert perf["unpaid"]["value"] == "2" and alerts(perf["unpaid"], "warn")
    assert "[WARNING] order 503 (5.00 USD) awaits payment" in details
    assert any(line.startswith("[WARNING] invoice INV-") and "is not paid" in line for line in details)
    assert demo_check(capsys, "--unpaid-critical", "2")[0] == CRITICAL
    assert demo_check(capsys, "--unpaid-warning", "3")[0] == OK


def test_tickets_awaiting_your_reply(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), st.run("UPDATE tickets SET tstatus=2 WHERE id IN (1001, 1002)")))
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    _, perf, details = parse_plugin_output(out)
    assert perf["tickets_awaiting_reply"]["value"] == "2"
    assert any(line.startswith("[WARNING] ticket 1002 awaits your reply") for line in details)
    assert demo_check(capsys, "--tickets-warning", "off")[0] == OK


def test_suspended_services(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), st.run("UPDATE services SET status='3_abusesuspend' WHERE id=101")))
    code, out, _ = demo_check(capsys)
    assert code == WARNING
    assert "web-01.demo.example.com is suspended" in out
    assert demo_check(capsys, "--suspended-critical", "1")[0] == CRITICAL


def test_the_demo_account_as_seeded_is_critical(capsys) -> None:
    """The demo data holds one of everything: an expired domain makes it CRITICAL."""
    code, out, _ = demo_check(capsys)
    assert code == CRITICAL
    text, perf, details = parse_plugin_output(out)
    assert text.startswith("BILLTUI CRITICAL - old-project.net expired 10 days ago")
    assert {k: perf[k]["value"] for k in ("expiring", "unpaid", "tickets_awaiting_reply", "suspended")} == \
        {"expiring": "3", "unpaid": "2", "tickets_awaiting_reply": "1", "suspended": "2"}


# --- UNKNOWN -------------------------------------------------------------------------------------

def test_an_unreachable_panel_is_unknown(capsys, monkeypatch) -> None:
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    code, out, err = check(capsys, "--url", f"http://127.0.0.1:{free_port()}/billmgr", "--user", "demo")
    assert code == UNKNOWN and err == ""
    line, *_ = out.splitlines()
    assert line.startswith("BILLTUI UNKNOWN - panel unreachable: Could not connect to the panel")


def test_no_password_is_unknown_and_never_asks(capsys, monkeypatch) -> None:
    import getpass

    monkeypatch.setattr(getpass, "getpass", lambda *a, **k: pytest.fail("a plugin must never prompt"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    code, out, _ = check(capsys, "--url", f"http://127.0.0.1:{free_port()}/billmgr", "--user", "alice")
    assert code == UNKNOWN
    line = out.splitlines()[0]
    assert line.startswith("BILLTUI UNKNOWN - no password for alice on http://127.0.0.1:")
    assert "BILLTUI_PASSWORD" in line and "password_command" in line and "keyring" in line


def test_past_the_timeout_is_unknown(capsys, monkeypatch) -> None:
    """A panel that takes the connection and never answers: UNKNOWN at --timeout, not at the
    client's own per-request deadline."""
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        code, out, _ = check(capsys, "--url", f"http://127.0.0.1:{port}/billmgr", "--user", "demo",
                             "--timeout", "1")
    assert code == UNKNOWN
    assert out.startswith("BILLTUI UNKNOWN - ") and "1 s" in out.splitlines()[0]


def test_a_usage_mistake_is_unknown_not_critical(capsys) -> None:
    for argv in (["check", "--demo", "--bogus"], ["check", "--demo", "--expiry-warning", "soon"],
                 ["check", "--demo", "--balance-warning", "NaN"], ["check", "--format", "xml"]):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        assert exit_.value.code == UNKNOWN, argv
    capsys.readouterr()


def test_help_names_the_states_and_the_thresholds(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(["check", "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    for said in ("0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN", "--balance-warning AMOUNT", "(default 20)",
                 "--expiry-critical DAYS", "--all-profiles", "--allow-stale", "--timeout SECONDS",
                 "prometheus", "--output FILE", "off"):
        assert said in out, said


# --- formats ------------------------------------------------------------------------------------------

def test_prometheus_text_parses_with_prometheus_client(capsys, panel_state) -> None:
    panel_state(lambda st: (expires_in(st, 102, 5), balance(st, 1240)))
    code, out, _ = demo_check(capsys, "--format", "prometheus")
    assert code == CRITICAL  # the seeded expired domain
    families = {f.name: f for f in text_string_to_metric_families(out)}
    documented = {"billtui_up", "billtui_check_status", "billtui_data_timestamp_seconds", "billtui_balance",
                  "billtui_service_expiry_timestamp_seconds", "billtui_service_autorenew_months",
                  "billtui_service_status_code", "billtui_services_expiring", "billtui_services_suspended",
                  "billtui_unpaid_orders", "billtui_unpaid_invoices", "billtui_tickets_awaiting_reply"}
    assert set(families) == documented
    assert all(f.type == "gauge" and f.documentation for f in families.values())

    def one(name: str, **labels: str):
        found = [s for s in families[name].samples if all(s.labels.get(k) == v for k, v in labels.items())]
        assert len(found) == 1, (name, labels, families[name].samples)
        return found[0]

    bal = one("billtui_balance", profile="demo")
    assert bal.labels == {"profile": "demo", "currency": "USD"} and Decimal(str(bal.value)) == Decimal("12.40")
    assert "billtui_balance{profile=\"demo\",currency=\"USD\"} 12.40\n" in out  # the exact decimal, no float text
    assert one("billtui_up", profile="demo").value == 1
    assert one("billtui_check_status", profile="demo").value == CRITICAL
    db01 = one("billtui_service_expiry_timestamp_seconds", id="102")
    assert db01.labels == {"profile": "demo", "id": "102", "type": "vds", "name": "db-01.demo.example.com"}
    expected = date.today() + timedelta(days=5)
    assert date.fromtimestamp(db01.value) in (expected, expected - timedelta(days=1))  # 00:00 UTC of that day
    assert one("billtui_service_autorenew_months", id="101").value == 1
    assert one("billtui_service_status_code", id="103").value == 3
    assert one("billtui_services_expiring").value == 3
    assert one("billtui_unpaid_orders").value == 1 and one("billtui_unpaid_invoices").value == 1
    assert one("billtui_tickets_awaiting_reply").value == 1
    assert one("billtui_services_suspended").value == 2


def test_json_says_the_state_and_each_finding(capsys, panel_state) -> None:
    panel_state(lambda st: (healthy(st), expires_in(st, 102, 5)))
    code, out, _ = demo_check(capsys, "--format", "json")
    assert code == WARNING
    body = json.loads(out)
    assert body["status"] == "WARNING" and body["exit_code"] == 1
    assert body["summary"].startswith("BILLTUI WARNING - db-01")
    assert body["thresholds"]["balance_warning"] == "20" and body["thresholds"]["unpaid_critical"] is None
    (demo,) = body["profiles"]
    assert demo["profile"] == "demo" and demo["stale"] is False and demo["error"] is None
    assert demo["balance"] == {"amount": "124.50", "currency": "USD"}
    assert demo["counts"]["expiring"] == 1
    finding = next(f for f in demo["findings"] if f["check"] == "expiry")
    assert finding["status"] == "WARNING" and finding["subject"] == "102"
    svc = next(s for s in demo["services"] if s["id"] == "102")
    assert svc["days_left"] == 5 and svc["status"] == "WARNING" and svc["covered"] is False


def test_panel_text_cannot_break_the_output(capsys, panel_state) -> None:
    """A service named with a pipe, quotes, a backslash and an escape sequence: the status line
    keeps one |, and the Prometheus label is escaped so the parser reads it back."""
    evil = 'evil | "x" \\ \x1b[31mred'
    panel_state(lambda st: (healthy(st), st.run("UPDATE services SET name=?, domain=? WHERE id=102", (evil, evil)),
                            expires_in(st, 102, 5)))
    code, out, _ = demo_check(capsys)
    assert code == WARNING and "\x1b" not in out
    text, _, details = parse_plugin_output(out)
    assert 'evil / "x" \\ [31mred expires in 5 days' in text
    code, out, _ = demo_check(capsys, "--format", "prometheus")
    assert "\x1b" not in out
    names = {s.labels["name"] for f in text_string_to_metric_families(out) for s in f.samples if "name" in s.labels}
    assert 'evil | "x" \\ [31mred' in names


# --- --output --------------------------------------------------------------------------------------

def test_output_replaces_the_file_atomically(capsys, panel_state, tmp_path) -> None:
    panel_state(healthy)
    target = tmp_path / "textfile" / "billtui.prom"
    target.parent.mkdir()
    target.write_text("# old metrics\n")
    os.chmod(target, 0o640)
    code, out, _ = demo_check(capsys, "--format", "prometheus", "--output", str(target))
    assert code == OK and out == ""
    text = target.read_text()
    assert {f.name for f in text_string_to_metric_families(text)} >= {"billtui_balance", "billtui_up"}
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the mode the collector could already read
    assert sorted(p.name for p in target.parent.iterdir()) == ["billtui.prom"]  # no temporary left


def test_a_failed_write_keeps_the_old_file(capsys, panel_state, tmp_path, monkeypatch) -> None:
    panel_state(healthy)
    target = tmp_path / "billtui.prom"
    target.write_text("# old metrics\n")

    def broken_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_disk)
    code, out, _ = demo_check(capsys, "--format", "prometheus", "--output", str(target))
    assert code == UNKNOWN
    assert out.startswith("BILLTUI UNKNOWN - cannot write") and "No space left on device" in out
    assert target.read_text() == "# old metrics\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    code, out, _ = demo_check(capsys, "--output", str(tmp_path / "no-such-dir" / "x.prom"))
    assert code == UNKNOWN and "cannot write" in out


# --- over HTTP: saved profiles, --all-profiles, --allow-stale ---------------------------------------

def add_profile(capsys, name: str, url: str) -> None:
    assert cli.main(["profiles", "add", name, "--url", url, "--user", "demo"]) == 0
    capsys.readouterr()


@pytest.fixture
def two_profiles(capsys, monkeypatch):
    """``work`` on a real billtui-sim over HTTP, ``old`` on a port where nothing listens."""
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    with running_sim() as (url, _proc):
        add_profile(capsys, "work", url)
        add_profile(capsys, "old", f"http://127.0.0.1:{free_port()}/billmgr")
        yield url


def test_all_profiles_reports_the_dead_one_without_hiding_the_other(capsys, two_profiles) -> None:
    code, out, err = check(capsys, "--all-profiles")
    assert err == ""
    assert code == CRITICAL  # work's expired domain: a known CRITICAL outranks old's UNKNOWN
    text, perf, details = parse_plugin_output(out)
    assert text.startswith("BILLTUI CRITICAL - work: CRITICAL, old-project.net expired")
    assert "; old: UNKNOWN, panel unreachable: Could not connect" in text
    assert perf["work.balance"]["value"] == "124.50" and perf["work.expiring"]["value"] == "3"
    assert not any(label.startswith("old.") for label in perf)
    assert any(line.startswith("[UNKNOWN] old: panel unreachable") for line in details)
    assert any(line.startswith("[CRITICAL] work: old-project.net") for line in details)

    code, out, _ = check(capsys, "--all-profiles", "--format", "prometheus")
    families = {f.name: f for f in text_string_to_metric_families(out)}
    up = {s.labels["profile"]: s.value for s in families["billtui_up"].samples}
    assert up == {"work": 1, "old": 0}
    status = {s.labels["profile"]: s.value for s in families["billtui_check_status"].samples}
    assert status == {"work": CRITICAL, "old": UNKNOWN}
    assert {s.labels["profile"] for s in families["billtui_balance"].samples} == {"work"}


def test_all_profiles_unknown_outranks_warning(capsys, two_profiles) -> None:
    code, out, _ = check(capsys, "--all-profiles", "--expiry-critical", "off", "--expiry-warning", "off",
                         "--suspended-warning", "off", "--unpaid-warning", "off", "--tickets-warning", "off")
    assert code == UNKNOWN
    assert out.startswith("BILLTUI UNKNOWN - work: OK, ")


def test_get_all_profiles_prints_the_living_and_names_the_dead(capsys, two_profiles) -> None:
    code = cli.main(["get", "balance", "--all-profiles", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert json.loads(out) == [{"profile": "work", "balance": "124.50", "balance_currency": "USD",
                                "credit": "0.00", "credit_currency": "USD"}]
    (line,) = err.strip().splitlines()
    assert line.startswith("billtui: profile old: Could not connect") and "1 of 2 profiles failed" in line

    code = cli.main(["get", "services", "--all-profiles"])
    out, err = capsys.readouterr()
    assert code == 1 and "profile old" in err
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["PROFILE", "ID", "TYPE"]
    assert len(rows) == 11 and all(r.startswith("work ") for r in rows)


def test_get_all_profiles_when_every_profile_answers(capsys, monkeypatch) -> None:
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    with running_sim() as (first, _p1), running_sim("--tier", "advanced") as (second, _p2):
        add_profile(capsys, "a", first)
        add_profile(capsys, "b", second)
        code = cli.main(["get", "expiring", "--within", "2w", "--all-profiles", "--format", "csv"])
        out, err = capsys.readouterr()
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("profile,id,type,name,expires,days,")
    assert [line.split(",")[:2] for line in lines[1:]] == [["a", "108"], ["a", "102"], ["a", "111"],
                                                           ["b", "108"], ["b", "102"], ["b", "111"]]


def test_allow_stale_judges_the_saved_data_and_says_so(capsys, monkeypatch) -> None:
    monkeypatch.setenv("BILLTUI_PASSWORD", "demo")
    with running_sim() as (url, _proc):
        add_profile(capsys, "work", url)
        code, out, _ = check(capsys)  # live: what it read is saved, as the TUI saves it
        assert code == CRITICAL and "STALE" not in out
    # The panel is gone now.
    code, out, _ = check(capsys)
    assert code == UNKNOWN
    assert "panel unreachable" in out and "--allow-stale would judge the data saved" in out
    code, out, _ = check(capsys, "--allow-stale")
    assert code == CRITICAL
    text, perf, details = parse_plugin_output(out)
    assert "STALE data saved " in text and "the panel did not answer" in text
    assert perf["balance"]["value"] == "124.50"
    assert details[0].startswith("[STALE] data saved ")
    code, out, _ = check(capsys, "--allow-stale", "--format", "prometheus")
    families = {f.name: f for f in text_string_to_metric_families(out)}
    assert families["billtui_up"].samples[0].value == 0
    assert families["billtui_balance"].samples[0].value == 124.5
    code, out, _ = check(capsys, "--allow-stale", "--format", "json")
    assert json.loads(out)["profiles"][0]["stale"] is True


def test_check_as_a_process_over_http(monkeypatch) -> None:
    """What Nagios runs: the installed entry point, stdout and the exit code only."""
    from tests.test_cli_get import billtui

    with running_sim() as (url, _proc):
        done = billtui("check", "--url", url, "--user", "demo")
        assert done.returncode == CRITICAL, done.stderr
        assert done.stderr == ""
        text, perf, _ = parse_plugin_output(done.stdout)
        assert text.startswith("BILLTUI CRITICAL - old-project.net expired")
        done = billtui("check", "--url", url, "--user", "demo", password="wrong")
        assert done.returncode == UNKNOWN
        assert done.stdout.startswith("BILLTUI UNKNOWN - login refused: Wrong login or password")


def test_all_profiles_a_profile_without_a_password_is_unknown_alone(capsys, memory_keyring) -> None:
    """Unattended, nothing is asked: `work` has its password in the keyring, `nopass` has none."""
    from billtui.storage import credentials

    with running_sim() as (url, _proc):
        add_profile(capsys, "work", url)
        add_profile(capsys, "nopass", url)
        assert credentials.store_password("work", "demo", "demo")
        code, out, _ = check(capsys, "--all-profiles", "--format", "json")
    assert code == CRITICAL
    by_name = {p["profile"]: p for p in json.loads(out)["profiles"]}
    assert by_name["work"]["status"] == "CRITICAL" and by_name["work"]["balance"]["amount"] == "124.50"
    assert by_name["nopass"]["status"] == "UNKNOWN"
    assert by_name["nopass"]["error"].startswith("no password for ") and "BILLTUI_PASSWORD" in by_name["nopass"]["error"]
