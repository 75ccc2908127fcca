"""Login sessions, kept in memory like a panel's session cache.

A restart logs everybody out, which is what a real panel restart does too; the lifetime
counts from the last request (monotonic clock, so wall-clock jumps don't expire anyone).
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

#: The cookie a browser (and pulivilizator/billmgr-addon billmgr_api.py) sends the session in,
#: instead of the ``auth`` field.
SESSION_COOKIE = "billmgrses5"
BLOCK_AFTER = 5          # failed logins in a row before blocklogon
BLOCK_SECONDS = 300.0    # how long blocklogon lasts


@dataclass
class Session:
    """One logged-in user; ``pending_totp`` until the second factor is confirmed."""

    sid: str
    user_id: int
    login: str
    pending_totp: bool = False
    last_seen: float = 0.0  # set by Sessions.create, from the table's clock
    filters: dict[str, dict[str, str]] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)


class Sessions:
    """Session table plus the failed-login counters."""

    def __init__(self, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        #: Seconds, monotonic; tests pass their own to let an hour pass at once.
        self.clock = clock
        self._by_id: dict[str, Session] = {}
        self._failures: dict[str, int] = {}
        self._blocked_until: dict[str, float] = {}

    def create(self, user_id: int, login: str, *, pending_totp: bool = False) -> Session:
        """Start a session with an unguessable id."""
        session = Session(secrets.token_hex(16), user_id, login, pending_totp, last_seen=self.clock())
        self._by_id[session.sid] = session
        return session

    def get(self, sid: str) -> Session | None:
        """The live session for ``sid``, touching it; None when unknown or expired."""
        session = self._by_id.get(sid)
        if session is None:
            return None
        now = self.clock()
        if now - session.last_seen > self.ttl:
            del self._by_id[sid]
            return None
        session.last_seen = now
        return session

    def drop(self, sid: str) -> None:
        """Log out."""
        self._by_id.pop(sid, None)

    def expire_all(self) -> None:
        """Forget every session (tests use it to simulate the hour passing)."""
        self._by_id.clear()

    def __len__(self) -> int:
        return len(self._by_id)

    # Failed-login bookkeeping -------------------------------------------------
    def is_blocked(self, login: str) -> bool:
        """True while the login is locked out after too many failures."""
        until = self._blocked_until.get(login)
        if until is None:
            return False
        if self.clock() >= until:
            del self._blocked_until[login]
            self._failures.pop(login, None)
            return False
        return True

    def failed(self, login: str) -> None:
        """Count a failure; the BLOCK_AFTER-th one locks the login."""
        count = self._failures.get(login, 0) + 1
        self._failures[login] = count
        if count >= BLOCK_AFTER:
            self._blocked_until[login] = self.clock() + BLOCK_SECONDS

    def succeeded(self, login: str) -> None:
        """A good login resets the counter."""
        self._failures.pop(login, None)
