"""Reading and writing the catalogs: ``.po`` (the text translators edit) and ``.mo`` (what gettext
reads at run time), with the standard library only.

The ``.mo`` beside each ``.po`` is compiled by ``python -m billtui.i18n`` and committed, so a
checkout and a wheel both hold it; ``tests/test_i18n_catalog.py`` fails when it is not the
compilation of its ``.po``. The output is deterministic (entries sorted), so that test can compare
bytes.
"""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Entry", "read_po", "write_po", "compile_mo", "po_quote"]


@dataclass
class Entry:
    """One message: its id (and plural id, and context) and its translation(s)."""

    msgid: str
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: list[str] = field(default_factory=lambda: [""])
    #: ``#:`` lines: where the text is used (``billtui/menu.py:80``).
    references: list[str] = field(default_factory=list)
    #: ``#,`` flags, such as ``python-brace-format`` or ``fuzzy``.
    flags: list[str] = field(default_factory=list)
    #: ``#.`` lines: a note for the translator.
    notes: list[str] = field(default_factory=list)

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return all(s for s in self.msgstr) and "fuzzy" not in self.flags


def _unquote(text: str) -> str:
    return ast.literal_eval(text) if text else ""


def read_po(path: Path) -> list[Entry]:
    """The entries of a ``.po`` file in the order written there (the header, msgid "", first)."""
    entries: list[Entry] = []
    current = Entry("")
    started = False  # current has a msgctxt or msgid line
    target: tuple[str, int] = ("msgid", 0)

    def finish() -> None:
        nonlocal current, started
        if started:
            entries.append(current)
        current, started = Entry(""), False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#:"):
            current.references.extend(line[2:].split())
        elif line.startswith("#,"):
            current.flags.extend(f.strip() for f in line[2:].split(",") if f.strip())
        elif line.startswith("#."):
            current.notes.append(line[2:].strip())
        elif line.startswith("#"):
            continue
        elif line.startswith("msgctxt "):
            if started:
                finish()
            current.msgctxt, started, target = _unquote(line[8:]), True, ("msgctxt", 0)
        elif line.startswith("msgid_plural "):
            current.msgid_plural, target = _unquote(line[13:]), ("msgid_plural", 0)
        elif line.startswith("msgid "):
            if started and target[0] != "msgctxt":
                finish()
            current.msgid, started, target = _unquote(line[6:]), True, ("msgid", 0)
        elif line.startswith("msgstr["):
            index = int(line[7:line.index("]")])
            while len(current.msgstr) <= index:
                current.msgstr.append("")
            current.msgstr[index] = _unquote(line[line.index("]") + 1:].strip())
            target = ("msgstr", index)
        elif line.startswith("msgstr "):
            current.msgstr, target = [_unquote(line[7:])], ("msgstr", 0)
        elif line.startswith('"'):
            name, index = target
            if name == "msgstr":
                current.msgstr[index] += _unquote(line)
            else:
                setattr(current, name, (getattr(current, name) or "") + _unquote(line))
    finish()
    return entries


def po_quote(text: str) -> str:
    """A ``.po`` string: one line, or several after each newline for a text that has them."""
    def q(part: str) -> str:
        return '"' + part.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t").replace("\n", "\\n") + '"'

    if "\n" not in text.rstrip("\n"):
        return q(text)
    parts = text.splitlines(keepends=True)
    return '""\n' + "\n".join(q(p) for p in parts)


def write_po(path: Path, entries: list[Entry]) -> None:
    """Write ``entries`` as a ``.po`` file (the order given)."""
    out: list[str] = []
    for e in entries:
        out.extend("#. " + n for n in e.notes)
        if e.references:
            out.append("#: " + " ".join(e.references))
        if e.flags:
            out.append("#, " + ", ".join(e.flags))
        if e.msgctxt is not None:
            out.append("msgctxt " + po_quote(e.msgctxt))
        out.append("msgid " + po_quote(e.msgid))
        if e.msgid_plural is not None:
            out.append("msgid_plural " + po_quote(e.msgid_plural))
            out.extend(f"msgstr[{i}] " + po_quote(s) for i, s in enumerate(e.msgstr))
        else:
            out.append("msgstr " + po_quote(e.msgstr[0] if e.msgstr else ""))
        out.append("")
    path.write_text("\n".join(out), encoding="utf-8")


def compile_mo(entries: list[Entry]) -> bytes:
    """The ``.mo`` bytes for ``entries``: translated ones only (an untranslated text falls back to
    English at run time), sorted by key as GNU msgfmt writes them."""
    table: dict[bytes, bytes] = {}
    for e in entries:
        if e.msgid and not e.translated:
            continue
        key = e.msgid if e.msgid_plural is None else e.msgid + "\0" + e.msgid_plural
        if e.msgctxt is not None:
            key = e.msgctxt + "\x04" + key
        table[key.encode("utf-8")] = "\0".join(e.msgstr).encode("utf-8")
    keys = sorted(table)
    ids = b"".join(k + b"\0" for k in keys)
    strs = b"".join(table[k] + b"\0" for k in keys)
    start = 7 * 4 + 16 * len(keys)
    offsets_ids, offsets_strs, pos = [], [], 0
    for k in keys:
        offsets_ids += [len(k), start + pos]
        pos += len(k) + 1
    pos = 0
    for k in keys:
        offsets_strs += [len(table[k]), start + len(ids) + pos]
        pos += len(table[k]) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + 8 * len(keys), 0, 0)
    return header + struct.pack(f"{len(offsets_ids)}i", *offsets_ids) + struct.pack(
        f"{len(offsets_strs)}i", *offsets_strs) + ids + strs
