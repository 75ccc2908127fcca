"""billtui's own words on the command line in the user's language: ``--help`` (billtui's texts and
argparse's own words), argparse's errors, from ``--lang`` or the terminal's locale, known before
the command line is parsed; while script output (JSON) stays the same in every language."""

from __future__ import annotations

import json

import pytest

from billtui import i18n
from billtui.cli import main as cli
from tests.test_cli_language import recorded, run  # noqa: F401  (the demo panels a script builds)


def usage_mistake(capsys, *argv: str) -> str:
    """What argparse writes on stderr for a mistake on the command line (its exit code is 2)."""
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(argv))
    assert exit_.value.code == 2
    return capsys.readouterr().err


def help_text(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        cli.main(list(argv))
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_get_help_is_russian_with_lang_ru(capsys) -> None:
    text = help_text(capsys, "get", "--help", "--lang", "ru")
    # argparse's own words, and billtui's help texts
    assert text.startswith("использование: billtui get ")
    assert "\nпараметры:\n" in text and "показать эту справку и выйти" in text
    assert "только строки с этой даты" in text and "Выводит все строки списка." in text
    assert "usage:" not in text and "options:" not in text and "only rows on or after" not in text
    # what is typed stays as it is: options, metavars, choices
    assert "--since YYYY-MM-DD" in text and "{table,json,csv}" in text
    assert i18n.language() == "en"  # the run is over: billtui speaks as before it


def test_get_help_stays_english_without_a_language(capsys) -> None:
    text = help_text(capsys, "get", "--help")
    assert text.startswith("usage: billtui get ") and "\noptions:\n" in text
    assert "only rows on or after this date" in text


def test_a_mistake_on_the_command_line_is_worded_in_russian(capsys) -> None:
    err = usage_mistake(capsys, "--lang", "ru", "frobnicate")
    assert err.startswith("использование: billtui ")
    assert "billtui: ошибка: аргумент COMMAND: недопустимое значение: 'frobnicate'" in err
    err = usage_mistake(capsys, "get", "payments", "--bogus", "--lang=ru")
    assert "ошибка: неизвестные аргументы: --bogus" in err
    err = usage_mistake(capsys, "get", "payments", "--since", "25.11.2026", "--lang", "ru")
    assert "аргумент --since: '25.11.2026' — не дата вида 2026-11-25" in err
    err = usage_mistake(capsys, "--lang", "ru", "get")
    assert "нужны аргументы: kind" in err
    err = usage_mistake(capsys, "frobnicate")
    assert "error: argument COMMAND: invalid choice: 'frobnicate'" in err


def test_the_terminals_locale_names_the_language_when_lang_does_not(capsys, monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")
    text = help_text(capsys, "get", "--help")
    assert text.startswith("использование: ") and "\nпараметры:\n" in text
    assert "только строки с этой даты" in text
    # --lang still wins over the locale
    assert help_text(capsys, "get", "--help", "--lang", "en").startswith("usage: ")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # the C locale: English
    assert help_text(capsys, "get", "--help").startswith("usage: ")


def test_a_script_commands_table_speaks_the_language(capsys, recorded) -> None:  # noqa: F811
    code, table = run(capsys, "get", "balance", "--demo", "--lang", "ru")
    assert code == 0
    assert table.split()[:2] == ["БАЛАНС", "КРЕДИТ"] and ",00 USD" in table


def test_get_json_is_the_same_in_russian_and_english(capsys, recorded) -> None:  # noqa: F811
    outputs = [run(capsys, "get", "balance", "--demo", "--format", "json", "--lang", lang) for lang in ("ru", "en")]
    assert outputs[0] == outputs[1] and outputs[0][0] == 0
    assert json.loads(outputs[0][1])[0]["balance"][-3] == "."  # an exact amount, a decimal point


@pytest.mark.parametrize("kind", ["services", "payments", "expiring", "commissions"])
def test_billtuis_language_never_reaches_json_or_csv(capsys, recorded, monkeypatch, kind) -> None:  # noqa: F811
    """The panel answers in Russian both times; only billtui's own language differs (Russian, then
    English): the output must not move by a byte."""
    argv = ("get", kind, "--demo", "--lang", "ru")
    russian = [run(capsys, *argv, "--format", fmt) for fmt in ("json", "csv")]
    monkeypatch.setattr(i18n, "LANGUAGES", ("en",))  # billtui has no Russian: it stays English
    english = [run(capsys, *argv, "--format", fmt) for fmt in ("json", "csv")]
    assert russian == english
    assert all(code == 0 for code, _out in russian)
    assert len(recorded) == 4 and all(r.langs() == {"ru"} for r in recorded)  # the panel spoke Russian


def test_check_json_stays_english_whatever_the_language(capsys, recorded, monkeypatch) -> None:  # noqa: F811
    def check(*extra: str) -> dict:
        code = cli.main(["check", "--demo", "--format", "json", *extra])
        out = capsys.readouterr().out
        body = json.loads(out)
        assert body["exit_code"] == code
        for profile in body["profiles"]:
            profile.pop("data_time")
        return body

    russian = check("--lang", "ru")
    monkeypatch.setattr(i18n, "LANGUAGES", ("en",))
    assert russian == check("--lang", "ru")
    assert russian["summary"].startswith(f"BILLTUI {russian['status']} - ")


def test_argparse_speaks_billtuis_language_only_inside_billtui(capsys) -> None:
    """Another parser in the same process (a test runner, a program importing billtui) keeps its
    English, even while billtui's texts are Russian."""
    import argparse

    from billtui import i18n
    from billtui.cli.main import main

    try:
        main(["--lang", "ru", "get", "--help"])
    except SystemExit:
        pass
    assert "использование" in capsys.readouterr().out
    i18n.set_language("ru")
    assert argparse.ArgumentParser(prog="other").format_help().startswith("usage: other")
