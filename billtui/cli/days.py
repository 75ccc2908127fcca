"""Spans of days on the command line: ``14``, ``14d``, ``2w`` (``--within``, ``--expiry-warning``).

Days and weeks only: a month or a year is not a fixed number of days, and a monitoring
threshold that moved with the calendar would be a surprise.
"""

from __future__ import annotations

import argparse
import re

from billtui.i18n import _

_SPAN = re.compile(r"(?P<n>\d{1,5})\s*(?P<unit>d|days?|w|weeks?)?", re.I)


def parse_days(text: str) -> int:
    """``14``, ``14d``, ``14 days``, ``2w`` → days; anything else is refused with an example."""
    m = _SPAN.fullmatch(text.strip())
    if m is None:
        raise argparse.ArgumentTypeError(
            _("{text} is not a number of days: write 14, 14d or 2w").format(text=repr(text)))
    n = int(m.group("n"))
    return n * 7 if (m.group("unit") or "d").lower().startswith("w") else n


def days_or_off(text: str) -> int | None:
    """A threshold in days, or ``off`` (that level is not checked)."""
    return None if text.strip().lower() in OFF_WORDS else parse_days(text)


#: How a threshold is switched off on the command line.
OFF_WORDS = frozenset({"off", "none", "no"})
