"""Saving files from the panel: PDFs, ticket attachments.

A file name from the server is only a name. ``../../.bashrc``, an absolute
path, a Windows drive or control characters must never place a file outside
the downloads dir, so the name is reduced to one safe path component and the
final path is checked to be inside the target directory.

File systems limit a name to 255 *bytes* (ext4, btrfs, xfs, APFS), not characters:
an emoji is 4 bytes in UTF-8, so a long name is cut by its encoded length, keeping
the extension, and never inside a character.

A PDF (an invoice, a receipt) is saved only if it is one (``%PDF-``): the CLI and
the TUI both go through ``save_pdf``, and its name always ends in ``.pdf``.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from pathlib import Path

from billtui.storage import paths
from billtui.i18n import _, formats, ngettext

# Controls, path and Windows-reserved characters, bidi overrides, lone surrogates
# (a JSON reply can carry "\udc80"; no file system can store one).
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u202a-\u202e\u2066-\u2069\ud800-\udfff]')
#: NAME_MAX of the common file systems, in bytes of the file system encoding.
MAX_NAME_BYTES = 255
#: A longer "extension" is just part of the name (and is cut like the rest).
_MAX_EXT_BYTES = 16
_ENCODING = sys.getfilesystemencoding() or "utf-8"

PDF_MAGIC = b"%PDF-"


class NotPdf(ValueError):
    """The panel sent something else where a PDF was expected; nothing was saved."""


def _size(text: str) -> int:
    return len(text.encode(_ENCODING, "replace"))


def _encodable(text: str) -> str:
    """``text`` with each character the file system encoding cannot store replaced by "_"."""
    try:
        text.encode(_ENCODING)
        return text
    except UnicodeEncodeError:
        return "".join(ch if _can_encode(ch) else "_" for ch in text)


def _can_encode(ch: str) -> bool:
    try:
        ch.encode(_ENCODING)
    except UnicodeEncodeError:
        return False
    return True


def cut_bytes(text: str, limit: int) -> str:
    """The longest start of ``text`` that is at most ``limit`` bytes, never half a character."""
    data = text.encode(_ENCODING, "replace")
    if len(data) <= limit:
        return text
    # "ignore" drops only the partial character the byte cut left at the end.
    cut = data[: max(0, limit)].decode(_ENCODING, "ignore")
    # Nor half an emoji sequence: a joiner left dangling at the end goes too.
    return cut.rstrip("\u200d")


def fit_name(name: str, limit: int = MAX_NAME_BYTES, *, tail: str = "") -> str:
    """``name`` (+ ``tail`` before its extension) cut to ``limit`` bytes, keeping the extension."""
    stem, dot, ext = name.rpartition(".")
    if not (dot and stem and 0 < _size(ext) <= _MAX_EXT_BYTES):
        stem, ext = name, ""
    end = f"{tail}.{ext}" if ext else tail
    if _size(stem) + _size(end) <= limit:
        return stem + end
    kept = cut_bytes(stem, limit - _size(end)).rstrip(" .")
    return (kept or "_") + end


def safe_filename(name: str | None, fallback: str = "download") -> str:
    """One harmless file name from whatever the server sent, at most ``MAX_NAME_BYTES`` bytes."""
    raw = unicodedata.normalize("NFC", name or "")
    # Keep only the last component of any path, whichever separator it used.
    raw = re.split(r"[/\\]", raw)[-1]
    cleaned = _encodable(_UNSAFE.sub("_", raw)).strip().strip(".")
    if cleaned in ("", ".", ".."):
        # The fallback may quote the panel too ("invoice-<number>.pdf"): cleaned the same way.
        return safe_filename(fallback) if fallback != "download" else "download"
    return fit_name(cleaned)


def pdf_filename(name: str | None, fallback: str) -> str:
    """A safe name for a PDF, ending in ``.pdf`` (a server's "invoice.sh" becomes "invoice.sh.pdf")."""
    safe = safe_filename(name or fallback, fallback)
    return safe if safe.lower().endswith(".pdf") else fit_name(safe + ".pdf")


def is_pdf(data: bytes) -> bool:
    return data.startswith(PDF_MAGIC)


def describe(data: bytes) -> str:
    """What came instead of a PDF, in a few words for an error message."""
    head = data[:256].lstrip().lower()
    if not head:
        return _("an empty reply")
    if head.startswith((b"<!doctype", b"<html", b"<")):
        return _("a web page")
    if head.startswith((b"{", b"[")):
        return _("API data")
    return ngettext("{size} bytes of something else", "{size} bytes of something else", len(data)).format(
        size=formats.number(len(data), 0))


def unique_path(directory: Path, name: str) -> Path:
    """``name`` in ``directory``, numbered if it exists: never overwrite.

    The number goes before the extension and the name is cut again to fit it, so
    "<255 bytes>.pdf" numbered is still at most ``MAX_NAME_BYTES``.
    """
    candidate = directory / name
    n = 1
    while candidate.exists():
        candidate = directory / fit_name(name, tail=f" ({n})")
        n += 1
    return candidate


def save_download(name: str | None, data: bytes, *, directory: Path | None = None,
                  fallback: str = "download") -> Path:
    """Write ``data`` under a safe name in the downloads dir; returns the path."""
    target_dir = (directory or paths.downloads_dir()).resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    path = unique_path(target_dir, safe_filename(name, fallback))
    if path.resolve().parent != target_dir:
        raise ValueError(_("refusing to write outside the downloads directory"))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path


def save_pdf(name: str | None, data: bytes, *, fallback: str, directory: Path | None = None) -> Path:
    """Save a PDF from the panel; ``NotPdf`` (nothing written) if ``data`` is not one."""
    if not is_pdf(data):
        raise NotPdf(_("the panel did not send a PDF (it sent {what})").format(what=describe(data)))
    return save_download(pdf_filename(name, fallback), data, directory=directory, fallback="download.pdf")
