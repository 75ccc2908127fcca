"""Numbered statuses (payments, services, tickets), each with a display label."""

from __future__ import annotations

import enum
from typing import Self


class _Status(enum.IntEnum):
    """A numbered status with a display label; unknown codes map to UNKNOWN."""

    @property
    def label(self) -> str:
        return self.name.replace("_", " ").capitalize()

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

    @property
    def label(self) -> str:
        return "Awaiting your reply" if self is TicketStatus.AWAITING_REPLY else super().label
