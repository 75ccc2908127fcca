"""A small ``multipart/form-data`` parser.

Written by hand rather than through the ``email`` package because that package
normalises line endings in some payloads, and attachments must arrive byte for byte.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Upload:
    """One uploaded file (``file_1``, ``file_2``...)."""

    field: str
    filename: str
    content_type: str
    data: bytes


def boundary_of(content_type: str) -> str | None:
    """Extract the boundary parameter of a Content-Type header."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.strip().lower() == "boundary":
            return value.strip().strip('"') or None
    return None


def _disposition(value: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in value.split(";")[1:]:
        key, _, raw = item.strip().partition("=")
        raw = raw.strip()
        if raw.startswith('"') and raw.endswith('"') and len(raw) >= 2:
            raw = raw[1:-1].replace('\\"', '"')
        params[key.strip().lower()] = raw
    return params


def parse_multipart(body: bytes, boundary: str) -> tuple[list[tuple[str, str]], list[Upload]]:
    """Split a multipart body into plain fields and uploads."""
    fields: list[tuple[str, str]] = []
    uploads: list[Upload] = []
    delimiter = b"--" + boundary.encode("latin-1")
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        chunk = chunk[2:] if chunk.startswith(b"\r\n") else chunk.lstrip(b"\n")
        head, sep, data = chunk.partition(b"\r\n\r\n")
        if not sep:
            head, sep, data = chunk.partition(b"\n\n")
        if data.endswith(b"\r\n"):
            data = data[:-2]
        elif data.endswith(b"\n"):
            data = data[:-1]
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").splitlines():
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        disp = _disposition(headers.get("content-disposition", ""))
        name = disp.get("name", "")
        if "filename" in disp:
            uploads.append(Upload(name, disp["filename"],
                                  headers.get("content-type", "application/octet-stream"), data))
        else:
            fields.append((name, data.decode("utf-8", "replace")))
    return fields, uploads
