"""Services (one list per product type) and a service's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar, Self

from billtui.i18n import pgettext

from .. import assumed
from ..parser import Row
from ..values import Money, parse_int, period_label, period_text
from ._cells import Columns, Unreadable, _cell, _date, _datetime, _money, _text, _unreadable, _value, unreadable_field
from .status import ServiceStatus


#: Period words a list row may show in ``autoprolong`` instead of a number of months.
_PERIOD_WORDS = {"day": -50, "daily": -50, "month": 1, "monthly": 1, "per month": 1, "quarter": 3,
                 "three months": 3, "half a year": 6, "half-year": 6, "six months": 6, "year": 12,
                 "yearly": 12, "annual": 12, "per year": 12, "two years": 24, "three years": 36}
_PERIOD_WORDS_LONGEST_FIRST = sorted(_PERIOD_WORDS, key=len, reverse=True)


def _autoprolong_months(raw: str, text: str = "") -> int | None:
    """Months of auto-renewal from a row's ``autoprolong`` (``$orig``/``$``), ``None`` = off.

    Real rows carry ``autoprolong.$`` only when it is on (ServerState.jsx tests its presence);
    its text may be a period word ("Month", "1 year") rather than a number."""
    for candidate in (raw, text):
        s = (candidate or "").strip().lower()
        if s in assumed.AUTOPROLONG_OFF:
            continue
        n = parse_int(s.split()[0] if s.split() else s)
        if n is not None:
            if "year" in s and n > 0:
                return n * 12
            return n if n != 0 else None
        # The longest word first: "six months" must not be read as "month".
        for word in _PERIOD_WORDS_LONGEST_FIRST:
            if word in s:
                return _PERIOD_WORDS[word]
    return None


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
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "name": ("domain", "name"), "ip": ("ip",), "tariff": ("pricelist",),
        "datacenter": ("datacentername", "datacenter"), "created": ("createdate", "opendate"),
        # domains also carry the registry's date as real_expiredate (DomainsTable.jsx)
        "expires": ("expiredate", "real_expiredate"),
        "autoprolong": ("autoprolong",), "status": ("status",), "status_text": ("status",),
        "item_status": ("item_status",), "cost": ("cost",),
    }

    @classmethod
    def from_row(cls, row: Row, type: str = "") -> Self:  # noqa: A002 - the model's field name
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        item = _cell(row, c["item_status"])
        # Real rows: status.$ is a bare code ("2") and item_status carries the detail, its code in
        # $orig ("3_autosuspend") and its text in $ (VDSItem.jsx, ServerState.jsx). Older shapes
        # put both in status ($orig code, $ text).
        raw_status = st.value if st else ""
        item_raw = (item.orig or "") if item else ""
        code = raw_status if raw_status[:1].isdigit() else (item_raw or raw_status)
        detail = code.split("_", 1)[1] if "_" in code else (item_raw.split("_", 1)[1] if "_" in item_raw else "")
        status_text = st.text if st else ""
        if status_text.strip().isdigit() or not status_text:
            status_text = item.text if item and item.text and not item.text.strip().isdigit() else ""
        elif not detail and item and item.text and item.text != status_text:
            detail = item.text
        ap = _cell(row, c["autoprolong"])
        ap_on = ap is not None and ap.value.strip().lower() not in assumed.AUTOPROLONG_OFF
        months = _autoprolong_months(ap.value, ap.text) if ap_on and ap is not None else None
        # The panel's own words, else billtui's, in English (script output reads them; a screen
        # shows ``autoprolong_text``).
        if not ap_on or ap is None:
            ap_text = "Off"
        else:  # on: the panel's own words, else the period, else just "On" (months unknown)
            ap_text = ap.text or (period_label(months) if months is not None else "On")
        created, expires, cost = _date(row, *c["created"]), _date(row, *c["expires"]), _money(row, *c["cost"])
        return cls(
            id=_value(row, *c["id"]), type=type, name=_text(row, *c["name"]), ip=_text(row, *c["ip"]),
            tariff=_text(row, *c["tariff"]), datacenter=_text(row, *c["datacenter"]),
            created=created, expires=expires, autoprolong=ap_text, autoprolong_months=months,
            status=ServiceStatus.parse(code or None, status_text),
            status_detail=detail, status_text=status_text, cost=cost,
            unreadable=_unreadable(row, c, created=created, expires=expires, cost=cost),
        )

    @property
    def autoprolong_text(self) -> str:
        """``autoprolong`` for a screen: the panel's words as they are, billtui's own (``Off``,
        ``On``, a period) in the user's language."""
        text = self.autoprolong
        if text == "Off":
            return pgettext("auto-renew", "Off")
        if text == "On":
            return pgettext("auto-renew", "On")
        if self.autoprolong_months is not None and text == period_label(self.autoprolong_months):
            return period_text(self.autoprolong_months)
        return text


@dataclass(frozen=True)
class HistoryEntry:
    id: str
    changed: datetime | None
    description: str
    user: str
    ip: str
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {"id": ("id",), "changed": ("changedate",), "description": ("desc",),
                                  "user": ("user",), "ip": ("ip",)}

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        changed = _datetime(row, *c["changed"])
        return cls(id=_value(row, *c["id"]), changed=changed, description=_text(row, *c["description"]),
                   user=_text(row, *c["user"]), ip=_text(row, *c["ip"]),
                   unreadable=_unreadable(row, c, changed=changed))
