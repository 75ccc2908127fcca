"""The catalogs: every text billtui marks has its Russian, placeholders survive translation, the
committed .mo is the compilation of its .po, and the run-time switch reads them (billtui.i18n)."""

from __future__ import annotations

import gettext
import re

import pytest

from billtui import i18n
from billtui.i18n import DOMAIN, LOCALE_DIR
from billtui.i18n.catalog import compile_mo, read_po
from billtui.i18n.extract import BRACES, entries, scan

RU = LOCALE_DIR / "ru" / "LC_MESSAGES"
#: %-style placeholders (argparse's own words): ``%s``, ``%(prog)s``, ``%r``.
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sdr]")
#: Rich markup tags a text may carry: ``[b]``, ``[/b]``, ``[bold red]``, ``[/]``.
MARKUP = re.compile(r"\[/?[a-z][a-z ]*\]|\[/\]")


@pytest.fixture(scope="module")
def source():
    return scan()


@pytest.fixture(scope="module")
def russian():
    return {e.key: e for e in read_po(RU / f"{DOMAIN}.po")}


def test_texts_are_marked_so_that_they_can_follow_the_language(source) -> None:
    """No f-string in _(), no _() run at import, no throwaway _ hiding the translator."""
    _found, problems = source
    assert [f"{p.where}: {p.what}" for p in problems] == []


def test_every_marked_text_has_its_russian(source, russian) -> None:
    found, _problems = source
    missing = sorted({f"{f.where}: {f.msgid!r}" for f in found
                      if not (russian.get((f.msgctxt, f.msgid)) and russian[(f.msgctxt, f.msgid)].translated)})
    assert missing == []


def test_the_catalog_holds_no_text_billtui_no_longer_writes(source, russian) -> None:
    used = {e.key for e in entries(source[0])}
    assert sorted(k for k in russian if k[1] and k not in used) == []


def test_a_count_has_every_russian_plural_form(russian) -> None:
    plurals = [e for e in russian.values() if e.msgid_plural is not None]
    assert plurals, "billtui counts things: some texts have plural forms"
    assert [e.msgid for e in plurals if len(e.msgstr) != 3 or not all(e.msgstr)] == []


def test_translations_keep_the_placeholders_and_markup(russian) -> None:
    wrong = []
    for e in russian.values():
        if not e.msgid:
            continue
        for text in e.msgstr:
            for pattern in (BRACES, PERCENT, MARKUP):
                want = sorted(pattern.findall(e.msgid)) if e.msgid_plural is None else sorted(
                    set(pattern.findall(e.msgid)) | set(pattern.findall(e.msgid_plural)))
                got = sorted(pattern.findall(text)) if e.msgid_plural is None else sorted(set(pattern.findall(text)))
                if got != want:
                    wrong.append((e.msgid, text))
    assert wrong == []


def test_the_committed_mo_is_the_compiled_po() -> None:
    """``python -m billtui.i18n`` compiles it; a .po edited without that fails here."""
    assert (RU / f"{DOMAIN}.mo").read_bytes() == compile_mo(read_po(RU / f"{DOMAIN}.po"))


def test_the_russian_catalog_declares_three_plural_forms() -> None:
    with (RU / f"{DOMAIN}.mo").open("rb") as mo:
        catalog = gettext.GNUTranslations(mo)
    assert catalog.info()["plural-forms"].startswith("nplurals=3;")
    assert [catalog.plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111)] == [0, 1, 2, 2, 0, 1, 2, 2]


def test_switching_language_at_run_time() -> None:
    assert i18n.set_language("ru_RU.UTF-8") == "ru"
    assert i18n._("Quit") == "Выход"
    assert i18n._("a text nobody marked") == "a text nobody marked"
    assert i18n.set_language("de") == "en"  # a panel in German: billtui stays English
    assert i18n._("Quit") == "Quit"
    assert i18n.set_language("en") == "en"


def test_english_reads_no_catalog(monkeypatch) -> None:
    """English is the source language: starting in it opens no file (startup, ``make bench``)."""
    monkeypatch.setattr(i18n, "_loaded", {})

    def no_file(*args, **kwargs):
        raise AssertionError("English needs no catalog")

    monkeypatch.setattr(gettext, "translation", no_file)
    assert i18n.set_language("en") == "en"
    assert i18n._("Quit") == "Quit"
