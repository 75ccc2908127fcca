"""Services (one list per product type) and a service's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, Self

from .. import assumed
from ..parser import Row
from ..values import Money, period_label
from ._cells import Columns, _cell, _date, _datetime, _money, _text, _value
from .status import ServiceStatus


def _autoprolong_months(raw: str) -> int | None:
    s = raw.strip().lower()
    if s in assumed.AUTOPROLONG_OFF:
        return None
    try:
        n = int(s)
    except ValueError:
        return None
    return n


@dataclass(frozen=True)
class Service:
    id: str
    type: str
    name: str
    ip: str
    tariff: str
    datacenter: str
    created: date | None
    expires: date | None
    autoprolong: str
    autoprolong_months: int | None
    status: ServiceStatus
    status_detail: str
    status_text: str
    cost: Money | None

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "name": ("domain", "name"), "ip": ("ip",), "tariff": ("pricelist",),
        "datacenter": ("datacentername", "datacenter"), "created": ("createdate",), "expires": ("expiredate",),
        "autoprolong": ("autoprolong",), "status": ("status",), "status_text": ("status",),
        "item_status": ("item_status",), "cost": ("cost",),
    }

    @classmethod
    def from_row(cls, row: Row, type: str = "") -> Self:  # noqa: A002 - the model's field name
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        raw_status = st.value if st else ""
        detail = raw_status.split("_", 1)[1] if "_" in raw_status else ""
        if not detail:
            item = _cell(row, c["item_status"])
            detail = item.text if item and st and item.text != st.text else ""
        ap = _cell(row, c["autoprolong"])
        months = _autoprolong_months(ap.value) if ap else None
        ap_text = ap.text if ap and ap.text else ("Off" if months is None else period_label(months))
        return cls(
            id=_value(row, *c["id"]), type=type, name=_text(row, *c["name"]), ip=_text(row, *c["ip"]),
            tariff=_text(row, *c["tariff"]), datacenter=_text(row, *c["datacenter"]),
            created=_date(row, *c["created"]), expires=_date(row, *c["expires"]),
            autoprolong=ap_text, autoprolong_months=months,
            status=ServiceStatus.parse(st.orig if st else None, st.text if st else ""),
            status_detail=detail, status_text=st.text if st else "", cost=_money(row, *c["cost"]),
        )


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    changed: datetime | None
    description: str
    user: str
    ip: str

    COLUMNS: ClassVar[Columns] = {"id": ("id",), "changed": ("changedate",), "description": ("desc",),
                                  "user": ("user",), "ip": ("ip",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        return cls(id=_value(row, *c["id"]), changed=_datetime(row, *c["changed"]),
                   description=_text(row, *c["description"]), user=_text(row, *c["user"]),
                   ip=_text(row, *c["ip"]))
