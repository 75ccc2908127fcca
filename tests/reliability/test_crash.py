"""An unexpected error anywhere ends with a short message, a report file and a non-zero exit —
never a raw traceback and status 0."""

from __future__ import annotations

import pytest

from billtui.storage import paths
from billtui.screens.shell.main import MainScreen
from tests.app.conftest import demo_app, settle


class Boom(RuntimeError):
    pass


async def test_a_crash_says_what_happened_writes_a_report_and_exits_non_zero(monkeypatch, capsys):
    def explode(self) -> None:
        raise Boom("the star button broke")

    monkeypatch.setattr(MainScreen, "action_star", explode)
    app = demo_app()
    with pytest.raises(Boom):
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("f")  # star the item: raises
            await settle(pilot)
    assert app.return_code == 1
    err = capsys.readouterr().err
    assert "billtui stopped after an unexpected error." in err and "Traceback" not in err
    reports = sorted((paths.state_dir() / "crashes").glob("crash-*.txt"))
    assert len(reports) == 1 and (reports[0].stat().st_mode & 0o777) == 0o600
    text = reports[0].read_text()
    assert "Boom" in text and "the star button broke" in text and "action_star" in text  # the details


def test_the_crash_summary_is_short_and_names_the_file(tmp_path):
    from billtui.runtime.crash import summary

    text = summary(Boom("the star button broke"), tmp_path / "crash-1.txt").plain
    assert "billtui stopped after an unexpected error." in text
    assert "Boom: the star button broke" in text and str(tmp_path / "crash-1.txt") in text
    assert "Start billtui again" in text and "Traceback" not in text
    assert len(text.splitlines()) <= 6


def test_the_command_line_returns_the_apps_exit_status(monkeypatch):
    from billtui.cli import main as cli

    class Crashed:
        return_code = 1

        def __init__(self, *args, **kwargs) -> None:
            pass

        def run(self) -> None:
            pass

    monkeypatch.setattr("billtui.app.BillTUI", Crashed)
    assert cli.main(["--demo"]) == 1


def test_old_reports_do_not_pile_up(monkeypatch):
    from datetime import datetime, timedelta

    from rich.text import Text

    from billtui.runtime.crash import KEEP_REPORTS, write_report

    start = datetime(2026, 12, 1)
    for n in range(KEEP_REPORTS + 3):
        write_report(Text(f"report {n}"), when=start + timedelta(seconds=n))
    kept = sorted((paths.state_dir() / "crashes").glob("crash-*.txt"))
    assert len(kept) == KEEP_REPORTS and "report 12" in kept[-1].read_text()
