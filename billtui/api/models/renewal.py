"""Renewing a service: the period form and what paying for it did."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Self

from ..parser import Doc, Option
from ..values import parse_date
from .forms import FormData


@dataclass(frozen=True)
class ProlongForm:
    """``service.prolong`` view: the periods on offer and what the expiry date becomes."""

    periods: tuple[Option, ...]
    period: str
    expires: date | None
    new_expires: date | None
    values: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_doc(cls, doc: Doc) -> Self:
        return cls(periods=tuple(doc.slist("period")), period=doc.field("period") or "",
                   expires=parse_date(doc.field("expiredate")), new_expires=parse_date(doc.field("newexpiredate")),
                   values=FormData.from_doc(doc).values)


@dataclass(frozen=True)
class RenewResult:
    """What paying a renewal did: renewed at once from the balance (``expires``), or a page to pay on."""

    expires: date | None
    url: str | None
    billorder: str | None = None
