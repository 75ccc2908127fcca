"""Medians, ratios and the result rows every benchmark returns."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Sequence


@dataclass(frozen=True)
class Row:
    """One line of the table: a measured figure, its reference and its target."""

    group: str
    name: str
    value: float
    unit: str  # "s", "MB", "req", "ms"
    reference: float | None = None  # same unit, measured in the same run
    reference_name: str = ""
    target: str = ""  # e.g. "≤ 0.3 s" or "ratio ≤ 1.3"
    ok: bool | None = None  # against the target, None if there is none
    runs: int = 1
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.reference is None or self.reference == 0:
            return None
        return self.value / self.reference


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def spread(values: Sequence[float]) -> str:
    """min–max, so a reader sees how noisy the runs were."""
    return f"{min(values):.3f}–{max(values):.3f}"
