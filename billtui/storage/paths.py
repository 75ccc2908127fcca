"""Where billtui keeps its files.

platformdirs' per-user dirs, each overridable by an environment variable so
tests (and careful users) can point everything at a temporary directory.
"""

from __future__ import annotations

import os
from pathlib import Path

APP = "billtui"


def _dir(env: str, kind: str) -> Path:
    override = os.environ.get(env)
    if override:
        return Path(override)
    import platformdirs

    getter = getattr(platformdirs, f"user_{kind}_dir")
    return Path(getter(APP, appauthor=False))


def config_dir() -> Path:
    return _dir("BILLTUI_CONFIG_DIR", "config")


def data_dir() -> Path:
    return _dir("BILLTUI_DATA_DIR", "data")


def state_dir() -> Path:
    return _dir("BILLTUI_STATE_DIR", "state")


def cache_dir() -> Path:
    return _dir("BILLTUI_CACHE_DIR", "cache")


def downloads_dir() -> Path:
    override = os.environ.get("BILLTUI_DOWNLOADS_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_downloads_dir())


def private_write(path: Path, data: str | bytes) -> None:
    """Write a file readable by its owner only (0600), atomically.

    The file is created with the mode from the start, never chmod-ed after,
    so there is no moment at which another user could read it.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.tmp")
    raw = data.encode() if isinstance(data, str) else data
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, raw)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
