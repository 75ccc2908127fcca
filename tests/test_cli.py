"""The `billtui` command line in-process: the TUI still starts without a subcommand; `get`,
`profiles`, `invoice download` and `ticket` against the embedded demo panel."""

from __future__ import annotations

import csv
import gc
import io
import json

import pytest

from billtui.cli import main as cli


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_no_subcommand_starts_the_tui(monkeypatch) -> None:
    from billtui.app import BillTUI

    started = []
    monkeypatch.setattr(BillTUI, "run", lambda self, *a, **k: started.append(self.launch))
    assert cli.main(["--demo", "--tier", "advanced", "--plain"]) == 0
    launch, = started
    assert launch.mode == "demo" and launch.edition.value == "advanced" and launch.plain
    assert gc.isenabled()  # paused for the start only, never left off


def test_first_run_without_profile_starts_the_setup_form(monkeypatch) -> None:
    from billtui.app import BillTUI

    started = []
    monkeypatch.setattr(BillTUI, "run", lambda self, *a, **k: started.append(self.launch))
    assert cli.main([]) == 0
    assert started[0].mode == "setup"


def test_mistakes_on_a_tui_start_get_the_full_usage(capsys, monkeypatch) -> None:
    """A plain start reads its options with a short parser; its errors still come from the full one."""
    from billtui.app import BillTUI

    monkeypatch.setattr(BillTUI, "run", lambda self, *a, **k: pytest.fail("the TUI must not start"))
    for argv, said in ((["--tier", "gold"], "invalid choice: 'gold'"), (["--bogus"], "unrecognized arguments"),
                       (["gte"], "invalid choice: 'gte'"), (["--size"], "expected one argument")):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        err = capsys.readouterr().err
        assert exit_.value.code == 2 and said in err
        assert "COMMAND" in err  # the usage names the script commands too
    with pytest.raises(SystemExit):
        cli.main(["--he"])  # an abbreviated --help is help, with the commands listed
    assert "script commands" in capsys.readouterr().out


def test_version_prints_the_installed_version_and_exits_0(capsys, monkeypatch) -> None:
    from importlib import metadata

    from billtui import __version__
    from billtui.app import BillTUI

    monkeypatch.setattr(BillTUI, "run", lambda self, *a, **k: pytest.fail("the TUI must not start"))
    for argv in (["--version"], ["--demo", "--version"], ["--version", "get", "balance"]):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        assert exit_.value.code == 0
        assert capsys.readouterr().out == f"billtui {metadata.version('billtui')}\n"

    def not_installed(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", not_installed)
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out == f"billtui {__version__}\n"


def test_version_from_the_installed_entry_point_exits_0() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "billtui", "--version"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("billtui ") and done.stdout.count("\n") == 1 and not done.stderr


def test_get_balance_and_filters_on_the_demo_panel(capsys) -> None:
    code, out, err = run(capsys, "get", "balance", "--demo", "--format", "json")
    assert code == 0, err
    assert json.loads(out) == [{"balance": "124.50", "balance_currency": "USD",
                                "credit": "0.00", "credit_currency": "USD"}]
    code, out, _ = run(capsys, "--demo", "get", "payments", "--status", "new", "--format", "csv", "--no-headers")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows and all(r[-2] == "New" for r in rows)
    code, out, _ = run(capsys, "get", "tickets", "--demo", "--archived", "--format", "json")
    assert sorted(r["id"] for r in json.loads(out)) == ["1006", "1007", "1008"]


def test_get_services_lists_every_type_and_filters_by_expiry(capsys) -> None:
    code, out, _ = run(capsys, "get", "services", "--demo", "--format", "json")
    assert code == 0
    assert sorted(int(r["id"]) for r in json.loads(out)) == list(range(101, 112))


def test_unknown_status_says_what_exists(capsys) -> None:
    code, out, err = run(capsys, "get", "tickets", "--demo", "--status", "bogus")
    assert code != 0 and out == ""
    assert "awaiting your reply" in err and len(err.strip().splitlines()) == 1


def test_table_output_spells_status_and_keeps_server_text_inert(capsys) -> None:
    code, out, _ = run(capsys, "get", "tickets", "--demo")
    assert code == 0
    assert out.splitlines()[0].split()[:2] == ["ID", "SUBJECT"]
    assert "\x1b" not in out and "Awaiting your reply" in out


def test_profiles_add_list_default_remove(capsys) -> None:
    assert run(capsys, "profiles", "add", "work", "--url", "https://b.example.com/billmgr", "--user", "me")[0] == 0
    assert run(capsys, "profiles", "add", "home", "--url", "https://h.example.com/billmgr", "--user", "me2",
               "--tier", "advanced")[0] == 0
    code, out, _ = run(capsys, "profiles", "list", "--format", "json")
    listed = {p["name"]: p for p in json.loads(out)}
    assert listed["work"]["default"] and not listed["home"]["default"]
    assert listed["home"]["edition"] == "advanced"
    assert run(capsys, "profiles", "default", "home")[0] == 0
    code, out, _ = run(capsys, "profiles", "list")
    assert any(line.startswith("*") and "home" in line for line in out.splitlines())
    assert run(capsys, "profiles", "remove", "work")[0] == 0
    code, out, err = run(capsys, "profiles", "remove", "work")
    assert code != 0 and "no profile named 'work'" in err
    code, out, _ = run(capsys, "profiles", "list", "--format", "csv")
    assert [r["name"] for r in csv.DictReader(io.StringIO(out))] == ["home"]


def test_profiles_add_refuses_a_non_url(capsys) -> None:
    code, _, err = run(capsys, "profiles", "add", "x", "--url", "billing.example.com", "--user", "me")
    assert code != 0 and "https://" in err


def test_no_password_flag_exists(capsys) -> None:
    with pytest.raises(SystemExit):
        cli.main(["get", "payments", "--demo", "--password", "demo"])


def test_invoice_download_to_a_dir(capsys, tmp_path) -> None:
    target = tmp_path / "pdfs"
    code, out, err = run(capsys, "invoice", "download", "12", "--demo", "--dir", str(target))
    assert code == 0, err
    path, = out.splitlines()
    assert path.startswith(str(target)) and path.endswith(".pdf")
    assert (target / path.rsplit("/", 1)[1]).read_bytes().startswith(b"%PDF")


def test_ticket_new_needs_a_department_and_reply_reads_stdin(capsys, monkeypatch) -> None:
    code, _, err = run(capsys, "ticket", "new", "--demo", "--subject", "Hi", "--message", "text")
    assert code == 2 and "Billing" in err and "Sales" in err
    code, out, err = run(capsys, "ticket", "new", "--demo", "--subject", "Hi", "--message", "text",
                         "--department", "sales")
    assert code == 0, err
    assert out.strip().isdigit()
    monkeypatch.setattr("sys.stdin", io.StringIO("a reply from stdin\n"))
    code, out, err = run(capsys, "ticket", "reply", "1002", "--demo")
    assert code == 0, err
    assert "1002" in out


def test_ticket_reply_with_missing_attachment_sends_nothing(capsys, tmp_path) -> None:
    code, out, err = run(capsys, "ticket", "reply", "1002", "--demo", "--message", "x",
                         "--attach", str(tmp_path / "nope.txt"))
    assert code != 0 and out == "" and "nope.txt" in err
