"""Fault injection: make the demo panel misbehave the way real networks and panels do.

Tests and the demo use it to show that the client survives slow answers, proxies that
answer HTML, truncated bodies, expired sessions, busy sessions and dropped connections.
"""
from __future__ import annotations

import random as _random
from dataclasses import dataclass
from typing import Iterable

KINDS = ("latency", "http500", "html", "truncated", "access", "busy", "drop")


@dataclass
class Fault:
    """One armed fault: what to do and how many more times (None = until cleared)."""

    kind: str
    count: int | None = None
    delay: float = 0.0


class Faults:
    """The fault table the app consults before every API call."""

    def __init__(self) -> None:
        self._rules: dict[str | None, Fault] = {}
        self._rng: _random.Random | None = None
        self._rate = 0.0
        self._kinds: tuple[str, ...] = ()
        self.fired: list[tuple[str, str]] = []

    def set(self, func: str | None, kind: str, *, count: int | None = None, delay: float = 0.0) -> None:
        """Arm ``kind`` for ``func`` (None = every function), ``count`` times or until cleared."""
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {KINDS}")
        if count is not None and count <= 0:
            raise ValueError("count must be positive")
        self._rules[func] = Fault(kind, count, delay)

    def clear(self) -> None:
        """Disarm everything, including random mode."""
        self._rules.clear()
        self._rng = None
        self._rate = 0.0

    def random(self, rate: float, seed: int,
               kinds: Iterable[str] = ("latency", "http500", "html", "truncated", "busy", "drop")) -> None:
        """Fail a ``rate`` share of calls with a kind drawn from a seeded generator (reproducible chaos)."""
        chosen = tuple(kinds)
        for kind in chosen:
            if kind not in KINDS:
                raise ValueError(f"unknown fault kind {kind!r}")
        if not 0.0 <= rate <= 1.0:
            raise ValueError("rate must be within 0..1")
        self._rng = _random.Random(seed)
        self._rate = rate
        self._kinds = chosen

    def pick(self, func: str) -> Fault | None:
        """The fault to apply to this call, consuming one use of a counted rule."""
        key: str | None = func if func in self._rules else None
        rule = self._rules.get(key)
        if rule is not None:
            if rule.count is not None:
                rule.count -= 1
                if rule.count <= 0:
                    del self._rules[key]
            self.fired.append((func, rule.kind))
            return Fault(rule.kind, None, rule.delay)
        if self._rng is not None and self._kinds and self._rng.random() < self._rate:
            kind = self._rng.choice(self._kinds)
            self.fired.append((func, kind))
            return Fault(kind, None, 0.05 if kind == "latency" else 0.0)
        return None
