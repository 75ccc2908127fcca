"""``python -m billtui.i18n``: bring the catalogs up to the source.

Finds every marked text (``extract``), adds the new ones to each language's ``.po`` untranslated,
drops the ones no longer used, keeps every translation, and compiles each ``.mo``. Run it after
changing a marked text; then translate what it reports as missing and run it again.
"""

from __future__ import annotations

import sys

from billtui.i18n import DOMAIN, LANGUAGES, LOCALE_DIR
from billtui.i18n.catalog import Entry, compile_mo, read_po, write_po
from billtui.i18n.extract import entries, scan

#: The header of a new catalog; Russian has three plural forms (1 услуга, 2 услуги, 5 услуг).
PLURAL_FORMS = {
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}


def header(lang: str) -> Entry:
    return Entry("", msgstr=[
        "Project-Id-Version: billtui\n"
        f"Language: {lang}\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {PLURAL_FORMS[lang]}\n"])


def update(lang: str) -> list[Entry]:
    """The language's catalog brought up to the source, written back with its ``.mo``; returns the
    entries still untranslated."""
    found, problems = scan()
    for p in problems:
        print(f"{p.where}: {p.what}", file=sys.stderr)
    folder = LOCALE_DIR / lang / "LC_MESSAGES"
    folder.mkdir(parents=True, exist_ok=True)
    po = folder / f"{DOMAIN}.po"
    old = {e.key: e for e in read_po(po)} if po.exists() else {}
    head = old.pop((None, ""), None) or header(lang)
    fresh = entries(found)
    for e in fresh:
        known = old.get(e.key)
        if known is not None and (known.msgid_plural is None) == (e.msgid_plural is None):
            e.msgstr = known.msgstr
            e.notes = known.notes
            e.flags = sorted(set(e.flags) | ({"fuzzy"} & set(known.flags)))
    write_po(po, [head, *fresh])
    (folder / f"{DOMAIN}.mo").write_bytes(compile_mo([head, *fresh]))
    return [e for e in fresh if not e.translated]


def main() -> int:
    for lang in LANGUAGES:
        if lang == "en":
            continue
        missing = update(lang)
        print(f"{lang}: {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
