"""The affiliate program: rewards, their details, referral clicks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import ClassVar, Self

from .. import assumed
from ..parser import Row
from ..values import Money
from ._cells import Columns, _date, _datetime, _money, _text, _value


@dataclass(frozen=True)
class Reward:
    date: date
    amount: Money


@dataclass(frozen=True)
class RewardDetail:
    id: str
    referral: str
    services: str
    amount: Money | None
    reward: Money | None
    created: date | None

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=_value(row, "id"), referral=_text(row, "referal", "referral"),
                   services=_text(row, "services"), amount=_money(row, "amount"),
                   reward=_money(row, "reward"), created=_date(row, "cdate"))


@dataclass(frozen=True)
class Click:
    """A referral click; columns are assumed (``assumed.CLICK_COLUMNS``), all cells kept in ``raw``."""

    id: str
    created: datetime | None
    referrer: str
    url: str
    ip: str
    raw: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)

    COLUMNS: ClassVar[Columns] = assumed.CLICK_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), created=_datetime(row, *c["created"]),
                   referrer=_text(row, *c["referrer"]), url=_text(row, *c["url"]), ip=_text(row, *c["ip"]),
                   raw={k: v.text for k, v in row.items()})
