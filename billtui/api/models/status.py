"""Numbered statuses (payments, services, tickets), each with a display label.

A label is billtui's English fallback, for a row whose panel gave no text of its own: it is
marked with ``N_`` and stays English here (``parse`` compares it with the panel's text, and
script output is language-neutral); a screen shows it translated, ``_(status.label)``
(``billtui.display.format.cell`` does).
"""

from __future__ import annotations

import enum
from typing import Self

from billtui.i18n import N_


class _Status(enum.IntEnum):
    """A numbered status with a display label; unknown codes map to UNKNOWN."""

    @property
    def label(self) -> str:
        """The English label (``In progress``): translate it with ``_()`` where it is shown."""
        label = _LABELS.get(type(self).__name__, {}).get(self.name)
        return label if label is not None else self.name.replace("_", " ").capitalize()

    @classmethod
    def parse(cls, raw: str | None, text: str = "") -> Self:
        """From ``$orig`` (``3``, ``3_autosuspend``) or, failing that, from the display text."""
        s = (raw or "").strip()
        digits = ""
        for ch in s[:9]:  # a status code is short; ``int`` of thousands of digits would fail
            if "0" <= ch <= "9":  # not ``isdigit``: it takes "²", which ``int`` refuses
                digits += ch
            else:
                break
        if digits:
            try:
                return cls(int(digits))
            except ValueError:
                return cls["UNKNOWN"]
        t = (text or s).strip().lower()
        for member in cls:
            if member.label.lower() == t:
                return member
        return cls["UNKNOWN"]


class PaymentStatus(_Status):
    UNKNOWN = -1
    NEW = 1
    IN_PROGRESS = 2
    PLEDGED = 3
    CREDITED = 4
    REFUND_PENDING = 5
    REFUNDED = 6
    FRAUD = 7


class ServiceStatus(_Status):
    UNKNOWN = -1
    ORDERED = 1
    ACTIVE = 2
    SUSPENDED = 3
    DELETED = 4
    IN_PROGRESS = 5


class TicketStatus(_Status):
    UNKNOWN = -1
    NEW = 0
    UNDER_REVIEW = 1
    AWAITING_REPLY = 2
    CLOSED = 3
    ARCHIVED = 10


#: Every status's label, by enum and member name (an ``IntEnum`` member hashes as its number,
#: so members of two enums cannot share one dict as keys).
_LABELS: dict[str, dict[str, str]] = {
    "PaymentStatus": {
        "UNKNOWN": N_("Unknown"), "NEW": N_("New"), "IN_PROGRESS": N_("In progress"), "PLEDGED": N_("Pledged"),
        "CREDITED": N_("Credited"), "REFUND_PENDING": N_("Refund pending"), "REFUNDED": N_("Refunded"),
        "FRAUD": N_("Fraud"),
    },
    "ServiceStatus": {
        "UNKNOWN": N_("Unknown"), "ORDERED": N_("Ordered"), "ACTIVE": N_("Active"), "SUSPENDED": N_("Suspended"),
        "DELETED": N_("Deleted"), "IN_PROGRESS": N_("In progress"),
    },
    "TicketStatus": {
        "UNKNOWN": N_("Unknown"), "NEW": N_("New"), "UNDER_REVIEW": N_("Under review"),
        "AWAITING_REPLY": N_("Awaiting your reply"), "CLOSED": N_("Closed"), "ARCHIVED": N_("Archived"),
    },
}
