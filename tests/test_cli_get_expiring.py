"""`billtui get expiring --within N`: the services expiring within a window, soonest first."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta

import pytest

from billtui.cli import main as cli


def get(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(["get", *args, "--demo"])
    out, err = capsys.readouterr()
    return code, out, err


def test_expiring_within_two_weeks_soonest_first(capsys) -> None:
    code, out, err = get(capsys, "expiring", "--within", "14d", "--format", "json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    # The seeded demo: old-project.net expired 10 days ago, db-01 in 5 days, shop.example.com in 12.
    assert [(r["id"], r["days"]) for r in rows] == [("108", -10), ("102", 5), ("111", 12)]
    today = date.today()
    assert [r["expires"] for r in rows] == [(today + timedelta(days=d)).isoformat() for d in (-10, 5, 12)]
    assert rows[1]["type"] == "vds" and rows[1]["type_name"] == "Virtual private servers"
    assert rows[1]["autorenew"] == "Off" and rows[1]["cost"] == "24.00" and rows[1]["cost_currency"] == "USD"
    assert set(rows[0]) == {"id", "type", "name", "expires", "days", "autorenew", "status", "status_code",
                            "cost", "cost_currency", "type_name"}
    assert get(capsys, "expiring", "--within", "2w", "--format", "json")[1] == out
    assert get(capsys, "expiring", "--within", "14", "--format", "json")[1] == out


def test_expiring_table_and_default_window(capsys) -> None:
    code, out, _ = get(capsys, "expiring")
    assert code == 0
    header, *lines = out.splitlines()
    assert header.split()[:5] == ["ID", "TYPE", "NAME", "EXPIRES", "DAYS"]
    ids = [line.split()[0] for line in lines]
    assert ids[:3] == ["108", "102", "111"] and "106" in ids  # blog.example.org: 20 days, within 30
    assert "101" not in ids  # web-01: 45 days
    code, out, _ = get(capsys, "expiring", "--within", "0", "--format", "csv")
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == ["108"]


def test_within_is_refused_where_it_means_nothing(capsys) -> None:
    code, out, err = get(capsys, "services", "--within", "14d")
    assert code == 2 and out == "" and "--within is for `billtui get expiring`" in err
    with pytest.raises(SystemExit) as exit_:
        cli.main(["get", "expiring", "--within", "a fortnight", "--demo"])
    assert exit_.value.code == 2
    assert "write 14, 14d or 2w" in capsys.readouterr().err
