"""The last data billtui saw, per profile, on disk: what it shows when the panel is unreachable.

It keeps the panel's replies to *reads* (who you are, the balance, the menu, the first page of
every list you opened, the objects you looked at), keyed by function and parameters. It never
keeps a password, a session id or a two-factor secret: secret parameters are never part of a
key, secret-bearing functions are never stored, secret-named fields and the request echo
(``tparams``) are dropped from every reply, and any string holding a value the client knows
to be secret is removed before anything is written. The file is 0600 (``paths.private_write``)
and written a moment after the last change, not on every reply.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from billtui.storage import paths

__all__ = ["ProfileCache", "cache_key", "scrub"]

#: Parameters that choose a page or an order, not what is shown: not part of a key.
PAGING = frozenset({"p_num", "p_cnt", "p_col"})
#: Parameters (and reply fields) that hold secrets. Kept in step with api.transport.SECRET_FIELDS.
SECRET_FIELDS = frozenset({"password", "passwd", "old_passwd", "confirm", "auth", "qrcode",
                           "secret", "totp", "token", "sid", "authinfo", "disable_totp"})
#: Functions whose replies are never stored (sessions, two-factor setup).
NEVER = re.compile(r"^(auth|logon|keepalive|totp(\..*)?|.*\.totp(\..*)?)$")
#: Reply parts that are noise or echo the request.
DROPPED_KEYS = frozenset({"tparams", "tips", "saved_filters", "p_possible_filters"})
MAX_ENTRIES = 300
FLUSH_DELAY = 1.0
FILE = "replies.json"


def _safe_name(profile: str) -> str:
    name = re.sub(r"[^A-Za-z0-9_.-]", "_", profile).strip(".") or "default"
    return name[:80]


def cache_key(func: str, params: Mapping[str, str]) -> str:
    """``func?a=1&b=2`` without paging: the same list at any page size finds its first page."""
    kept = sorted((k, str(v)) for k, v in params.items()
                  if k not in PAGING and k not in SECRET_FIELDS and k not in ("out", "lang", "func"))
    return func + "?" + "&".join(f"{k}={v}" for k, v in kept)


def scrub(node: Any, secrets: Iterable[str]) -> Any:
    """A copy of a reply with secret fields, request echoes and known secret values removed."""
    values = [s for s in secrets if s]

    def walk(n: Any) -> Any:
        if isinstance(n, dict):
            out = {}
            for k, v in n.items():
                bare = k.lstrip("$") if isinstance(k, str) else k
                if bare in SECRET_FIELDS or k in DROPPED_KEYS:
                    continue
                out[k] = walk(v)
            return out
        if isinstance(n, list):
            return [walk(v) for v in n]
        if isinstance(n, str) and any(s in n for s in values):
            return ""
        return n

    return walk(node)


class ProfileCache:
    """The saved replies of one profile."""

    def __init__(self, profile: str, root: Path | None = None,
                 secrets: Callable[[], Iterable[str]] = lambda: (), *, identity: str = "") -> None:
        self.profile = profile
        # The panel and login are part of the name: a profile pointed elsewhere starts empty.
        tag = hashlib.sha256(identity.encode()).hexdigest()[:12] if identity else "any"
        self.dir = (root or paths.cache_dir()) / "profiles" / f"{_safe_name(profile)}-{tag}"
        self.path = self.dir / FILE
        self._secrets = secrets
        self._entries: dict[str, dict[str, Any]] | None = None
        self._flush_handle: asyncio.TimerHandle | None = None

    def record_from(self, client: Any) -> None:
        """Save what ``client`` (a live ``BillClient``) reads, scrubbed of the secrets it holds:
        what a later start without the panel shows (the TUI's offline mode, ``check --allow-stale``)."""
        self._secrets = lambda: tuple(getattr(client, "_secrets", ()))
        client.on_read = lambda func, params, doc: self.record(func, params, doc.raw)

    # ------------------------------------------------------------- reading
    def _load(self) -> dict[str, dict[str, Any]]:
        if self._entries is None:
            try:
                data = json.loads(self.path.read_text("utf-8"))
                entries = data.get("entries", {}) if isinstance(data, dict) else {}
                self._entries = {k: v for k, v in entries.items()
                                 if isinstance(v, dict) and isinstance(v.get("doc"), dict)}
            except (OSError, ValueError):
                self._entries = {}
        return self._entries

    def has_data(self) -> bool:
        """Whether billtui can open offline for this profile (it has at least seen who you are)."""
        return any(k.startswith("whoami?") for k in self._load())

    def lookup(self, func: str, params: Mapping[str, str]) -> tuple[dict[str, Any], float] | None:
        """The saved reply and when it was saved (epoch seconds), or None."""
        entry = self._load().get(cache_key(func, params))
        if entry is None:
            return None
        return entry["doc"], float(entry.get("saved", 0.0))

    def saved_at(self) -> float | None:
        """When the newest reply was saved."""
        times = [float(e.get("saved", 0.0)) for e in self._load().values()]
        return max(times) if times else None

    # ------------------------------------------------------------- writing
    def record(self, func: str, params: Mapping[str, str], raw: Mapping[str, Any]) -> None:
        """Remember a read's reply (first pages only); never raises."""
        try:
            if NEVER.match(func) or any(k in SECRET_FIELDS for k in params):
                return
            if str(params.get("p_num", "1")) not in ("", "1"):
                return
            entries = self._load()
            key = cache_key(func, params)
            entries.pop(key, None)
            entries[key] = {"doc": scrub(dict(raw), self._secrets()), "saved": time.time()}
            while len(entries) > MAX_ENTRIES:
                entries.pop(next(iter(entries)))
            self._schedule_flush()
        except Exception:  # the cache must never break a call that worked
            return

    def _schedule_flush(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush()
            return
        if self._flush_handle is None:
            self._flush_handle = loop.call_later(FLUSH_DELAY, self.flush)

    def flush(self) -> None:
        """Write the saved replies now (0600)."""
        if self._flush_handle is not None:
            self._flush_handle.cancel()
            self._flush_handle = None
        if self._entries is None:
            return
        try:
            body = json.dumps({"profile": self.profile, "entries": self._entries}, ensure_ascii=False)
            # A last guard: nothing the client knows to be secret reaches the disk.
            if any(s and len(s) >= 3 and s in body for s in self._secrets()):
                return
            paths.private_write(self.path, body)
        except (OSError, TypeError, ValueError):
            return

    def clear(self) -> None:
        self._entries = {}
        try:
            self.path.unlink()
        except OSError:
            pass
