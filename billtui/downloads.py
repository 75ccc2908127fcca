"""Saving files from the panel: PDFs, ticket attachments.

A file name from the server is only a name. ``../../.bashrc``, an absolute
path, a Windows drive or control characters must never place a file outside
the downloads dir, so the name is reduced to one safe path component and the
final path is checked to be inside the target directory.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from . import paths

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\u202a-\u202e\u2066-\u2069]')
_MAX_NAME = 180


def safe_filename(name: str | None, fallback: str = "download") -> str:
    """One harmless file name from whatever the server sent."""
    raw = unicodedata.normalize("NFC", name or "")
    # Keep only the last component of any path, whichever separator it used.
    raw = re.split(r"[/\\]", raw)[-1]
    cleaned = _UNSAFE.sub("_", raw).strip().strip(".")
    if cleaned in ("", ".", ".."):
        cleaned = fallback
    stem, dot, ext = cleaned.rpartition(".")
    if len(cleaned) > _MAX_NAME:
        if dot and len(ext) < 16:
            cleaned = stem[: _MAX_NAME - len(ext) - 1] + "." + ext
        else:
            cleaned = cleaned[:_MAX_NAME]
    return cleaned


def unique_path(directory: Path, name: str) -> Path:
    """``name`` in ``directory``, numbered if it exists: never overwrite."""
    candidate = directory / name
    stem, suffix = candidate.stem, candidate.suffix
    n = 1
    while candidate.exists():
        candidate = directory / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def save_download(name: str | None, data: bytes, *, directory: Path | None = None,
                  fallback: str = "download") -> Path:
    """Write ``data`` under a safe name in the downloads dir; returns the path."""
    target_dir = (directory or paths.downloads_dir()).resolve()
    target_dir.mkdir(parents=True, exist_ok=True)
    path = unique_path(target_dir, safe_filename(name, fallback))
    if path.resolve().parent != target_dir:
        raise ValueError("refusing to write outside the downloads directory")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path
