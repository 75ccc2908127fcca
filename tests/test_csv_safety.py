"""CSV formula injection (issue #16): text from the panel that a spreadsheet would run as a
formula is neutralised in every CSV billtui writes — ``billtui get --format csv`` and the
TUI's export — unless ``--raw-csv`` asks for the panel's text as it is."""

from __future__ import annotations

import csv
import io
from datetime import datetime

import pytest

from billtui.cli import main as cli
from billtui.display.safe import csv_safe

ATTACKS = ["=cmd|' /C calc'!A0", '=HYPERLINK("https://evil.example","click")', "@SUM(1+1)*cmd|' /C calc'!A0",
           "+1+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("cell", ATTACKS)
def test_a_cell_that_would_start_a_formula_gets_a_leading_quote(cell: str) -> None:
    assert csv_safe(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["-5.00", "-5", "+3", "12.50", "0", "", "plain text", "a=b", "user@example.com",
                                  "2026-11-25"])
def test_numbers_and_harmless_text_are_left_alone(cell: str) -> None:
    assert csv_safe(cell) == cell


def test_non_text_values_are_left_alone() -> None:
    assert csv_safe(-5) == -5 and csv_safe(None) is None


@pytest.fixture
def hostile_expenses(monkeypatch):
    """``--demo`` starts a panel whose expense names are formulas, one attack per row, in turn."""
    import billtui.sim.app as sim_app

    real = sim_app.create_app

    def create_app(**kwargs):
        app = real(**kwargs)
        for n, attack in enumerate(ATTACKS):
            app.state.run("UPDATE expenses SET locale_name = ? WHERE id % ? = ?", [attack, len(ATTACKS), n])
        return app

    monkeypatch.setattr(sim_app, "create_app", create_app)


def get_csv(capsys, *extra: str) -> list[dict[str, str]]:
    code = cli.main(["get", "expenses", "--demo", "--format", "csv", *extra])
    out, err = capsys.readouterr()
    assert code == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_get_csv_neutralises_formulas(hostile_expenses, capsys) -> None:
    rows = get_csv(capsys)
    names = {r["name"] for r in rows}
    # get cleans control characters (a tab becomes a space) before the CSV guard sees the cell.
    assert {"'=cmd|' /C calc'!A0", "'=HYPERLINK(\"https://evil.example\",\"click\")", "'@SUM(1+1)*cmd|' /C calc'!A0",
            "'+1+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"} <= names
    assert not any(n.startswith(("=", "+", "-", "@", "\t", "\r")) for n in names)
    # Amounts stay numbers a script and a spreadsheet can add up.
    assert all(r["amount"] == "" or not r["amount"].startswith("'") for r in rows)


def test_get_raw_csv_writes_the_panels_text_as_it_is(hostile_expenses, capsys) -> None:
    names = {r["name"] for r in get_csv(capsys, "--raw-csv")}
    assert "=cmd|' /C calc'!A0" in names and "@SUM(1+1)*cmd|' /C calc'!A0" in names


def test_get_help_documents_raw_csv(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["get", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "--raw-csv" in out and "as a formula" in out


async def test_the_tui_export_neutralises_formulas(isolated_dirs) -> None:
    from billtui.api import lists
    from billtui.runtime.demo import demo_client
    from billtui.storage.export import export_list
    from tests.app.conftest import make_sim

    sim = make_sim()
    sim.state.run("UPDATE expenses SET locale_name = ?", ['=HYPERLINK("https://evil.example","x")'])
    sim.state.run("UPDATE expenses SET amount = -amount WHERE id = 1")  # a refund: a negative number
    client = demo_client(sim=sim)
    try:
        done = await export_list(client, lists.EXPENSES, key="expenses", title="Expenses", fmt="csv",
                                 now=datetime(2026, 11, 25, 12, 0))
    finally:
        await client.aclose()
    with done.path.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == done.count > 0 and done.note is None
    assert {r["name"] for r in rows} == {"'=HYPERLINK(\"https://evil.example\",\"x\")"}
    negative = [r["amount"] for r in rows if r["amount"].startswith("-")]
    assert negative and all(float(a) < 0 for a in negative)  # -5.00 stays a number, no quote
