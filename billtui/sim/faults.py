"""Fault injection: make the demo panel misbehave the way real networks and panels do.

Tests and the demo use it to show that the client survives slow answers, proxies that
answer HTML, truncated bodies, expired sessions, busy sessions and dropped connections.

The *hostile* kinds (``HOSTILE``) play a broken or malicious panel (issue #16): a gzip
bomb (a small reply that unpacks to ``size`` bytes), a reply that drips in a byte every
``delay`` seconds, and a list that claims ``size`` rows (default 999,999,999,999) and
sends a full page for every page asked for.
"""
from __future__ import annotations

import json
import random as _random
import zlib
from dataclasses import dataclass
from itertools import cycle, islice
from typing import Iterable, Iterator

HOSTILE = ("gzip_bomb", "drip", "huge_total")
KINDS = ("latency", "http500", "html", "truncated", "access", "busy", "drop", *HOSTILE)

#: A gzip bomb's unpacked size: 200 MB, which packs to about 204 KB (the size seen in #16).
BOMB_BYTES = 200 * 1024 * 1024
#: The row count a ``huge_total`` list claims (as seen in #16).
HUGE_TOTAL = 999_999_999_999
#: A dripping reply: this many spaces before the real reply (valid JSON, just very slow),
#: one every ``DRIP_DELAY`` seconds: ten minutes, past any deadline billtui keeps.
DRIP_BYTES = 600
DRIP_DELAY = 1.0


@dataclass
class Fault:
    """One armed fault: what to do and how many more times (None = until cleared)."""

    kind: str
    count: int | None = None
    delay: float = 0.0
    #: Hostile kinds: the bomb's unpacked bytes, the drip's length, the claimed row count (0 = default).
    size: int = 0


class Faults:
    """The fault table the app consults before every API call."""

    def __init__(self) -> None:
        self._rules: dict[str | None, Fault] = {}
        self._rng: _random.Random | None = None
        self._rate = 0.0
        self._kinds: tuple[str, ...] = ()
        self.fired: list[tuple[str, str]] = []

    def set(self, func: str | None, kind: str, *, count: int | None = None, delay: float = 0.0,
            size: int = 0) -> None:
        """Arm ``kind`` for ``func`` (None = every function), ``count`` times or until cleared.

        ``delay``: seconds of latency, or between the drip's bytes (0 = ``DRIP_DELAY``);
        ``size``: see ``Fault.size`` (0 = ``BOMB_BYTES`` / ``DRIP_BYTES`` / ``HUGE_TOTAL``).
        """
        if kind not in KINDS:
            raise ValueError(f"unknown fault kind {kind!r}; expected one of {KINDS}")
        if count is not None and count <= 0:
            raise ValueError("count must be positive")
        if size < 0:
            raise ValueError("size must not be negative")
        self._rules[func] = Fault(kind, count, delay, size)

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
            return Fault(rule.kind, None, rule.delay, rule.size)
        if self._rng is not None and self._kinds and self._rng.random() < self._rate:
            kind = self._rng.choice(self._kinds)
            self.fired.append((func, kind))
            return Fault(kind, None, 0.05 if kind == "latency" else 0.0)
        return None


# --- hostile replies -------------------------------------------------------------------

def gzip_bomb(size: int = BOMB_BYTES, block: int = 1024 * 1024) -> bytes:
    """A gzip stream of ``size`` zero bytes, packed a block at a time (never held unpacked)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)  # | 16: gzip framing
    zeros = bytes(block)
    parts: list[bytes] = []
    left = size
    while left > 0:
        parts.append(packer.compress(zeros[:min(block, left)]))
        left -= block
    parts.append(packer.flush())
    return b"".join(parts)


def pieces(data: bytes, size: int = 16 * 1024) -> Iterator[bytes]:
    """``data`` in pieces of ``size`` bytes, as a network would deliver it."""
    for start in range(0, len(data), size):
        yield data[start:start + size]


def claim_huge_total(body: bytes, page: str, total: int = HUGE_TOTAL) -> bytes:
    """A list reply rewritten to claim ``total`` rows, with its page filled to ``p_cnt`` rows
    (the first page's rows over again) and numbered ``page``. Anything else is left as it is."""
    try:
        data = json.loads(body)
        doc = data["doc"]
    except (ValueError, KeyError, TypeError):
        return body
    elems = doc.get("elem")
    if not isinstance(elems, list) or not elems or "p_cnt" not in doc:
        return body
    try:
        p_cnt = int(doc["p_cnt"]["$"])
    except (KeyError, TypeError, ValueError):
        return body
    doc["elem"] = list(islice(cycle(elems), p_cnt))
    doc["p_elems"] = {"$": str(total)}
    doc["p_num"] = {"$": page}
    return json.dumps(data, ensure_ascii=False).encode("utf-8")
