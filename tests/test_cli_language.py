"""``--lang`` on the command line: the TUI's start, and script commands, whose JSON and CSV stay
language-neutral (codes, ISO dates, exact amounts) while the panel's texts follow the language."""

from __future__ import annotations

import json

import pytest

from billtui.cli import main as cli
from tests.recording import Recorder


@pytest.fixture
def recorded(monkeypatch) -> list[Recorder]:
    """Every demo panel a script builds, with a recorder in front."""
    import billtui.sim.app as sim_app

    made: list[Recorder] = []
    create = sim_app.create_app

    def recording(**kwargs):
        made.append(Recorder(create(**kwargs)))
        return made[-1]

    monkeypatch.setattr(sim_app, "create_app", recording)
    return made


def run(capsys, *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert err == ""
    return code, out


def test_lang_reaches_the_tui_launch(monkeypatch) -> None:
    from billtui.app import BillTUI

    started = []
    monkeypatch.setattr(BillTUI, "run", lambda self, *a, **k: started.append(self))
    assert cli.main(["--demo", "--lang", "ru"]) == 0
    assert cli.main(["--demo", "--lang", "uk_UA.UTF-8"]) == 0
    assert cli.main(["--demo"]) == 0
    assert [a.launch.lang for a in started] == ["ru", "ua", None]
    assert [a.language.code for a in started] == ["ru", "ua", "en"]  # conftest: an English terminal


def test_get_services_json_is_the_same_in_russian_but_for_the_panels_words(capsys, recorded) -> None:
    code, english = run(capsys, "get", "services", "--demo", "--format", "json")
    assert code == 0
    code, russian = run(capsys, "get", "services", "--demo", "--format", "json", "--lang", "ru")
    assert code == 0
    assert recorded[0].langs() == {"en"} and recorded[1].langs() == {"ru"}  # every request, login too
    en_rows, ru_rows = json.loads(english), json.loads(russian)
    # The panel's texts follow the language: the status's, the type's title, the tariff's name, and
    # the auto-renewal period as the panel words it ("1 month", «1 месяц»). Codes, ids, names, ISO
    # dates and exact amounts do not.
    words = {"status", "type_name", "tariff", "autorenew"}
    assert [{k: v for k, v in r.items() if k not in words} for r in ru_rows] == [
        {k: v for k, v in r.items() if k not in words} for r in en_rows]
    assert {r["id"] for r in ru_rows} == {r["id"] for r in en_rows} and len(ru_rows) > 5
    vds = next(r for r in ru_rows if r["type"] == "vds" and r["status_code"] == 2)
    assert vds["type_name"] == "Виртуальные серверы" and vds["status"] == "Активен"
    assert vds["expires"][4] == "-" and vds["cost_currency"] == "USD"  # ISO date, the amount's code


def test_a_table_shows_the_panels_words_in_the_language_asked_for(capsys, recorded) -> None:
    code, table = run(capsys, "get", "services", "--demo", "--lang", "ru", "--status", "active")
    assert code == 0
    assert "Активен" in table and "Виртуальные серверы" in table and "Active" not in table
