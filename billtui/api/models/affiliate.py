"""The affiliate program: rewards, their details, referral clicks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar, Self

from .. import assumed
from ..parser import Row
from ..values import Money
from ._cells import Columns, Unreadable, _date, _datetime, _flag, _money, _text, _unreadable, _value, unreadable_field


@dataclass(frozen=True)
class Reward:
    date: date
    amount: Money


@dataclass(frozen=True)
class RewardDetail:
    """One commission of a day, as ``affiliate.client.reward.detail`` reports it.

    Real panels (Karantir-dev/billing-typescript DetailsModal.jsx) send ``name`` = the service,
    ``reward`` = the rate (``10%``), ``amount`` = the commission itself (money; the day's income is
    their sum), ``referal`` = who brought it, ``cdate`` = the day. ``name`` may carry stray spaces
    (production trims it). ``rate`` is kept as the panel wrote it:
    it is a percentage on real panels, but nothing says it cannot be a fixed sum.
    """

    id: str
    referral: str
    service: str
    rate: str
    amount: Money | None
    created: date | None
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {"amount": ("amount",), "created": ("cdate",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        amount, created = _money(row, *c["amount"]), _date(row, *c["created"])
        return cls(id=_value(row, "id"), referral=_text(row, "referal", "referral"),
                   service=_text(row, "name", "services").strip(), rate=_text(row, "reward").strip(),
                   amount=amount, created=created, unreadable=_unreadable(row, c, amount=amount, created=created))


@dataclass(frozen=True)
class Click:
    """A referral click (``assumed.CLICK_COLUMNS``): when, from which site, who registered, whether they
    paid; all cells kept in ``raw``."""

    id: str
    created: datetime | None
    referrer: str
    url: str
    ip: str
    referral: str = ""
    paid: bool = False
    raw: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = assumed.CLICK_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        created = _datetime(row, *c["created"])
        return cls(id=_value(row, *c["id"]), created=created,
                   referrer=_text(row, *c["referrer"]), url=_text(row, *c["url"]), ip=_text(row, *c["ip"]),
                   referral=_text(row, *c["referral"]), paid=_flag(row, *c["paid"]),
                   raw={k: v.text for k, v in row.items()}, unreadable=_unreadable(row, c, created=created))
