"""Support tickets as listed (``clientticket``, ``clientticket_archive``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Self

from ..parser import Row
from ._cells import Columns, Unreadable, _cell, _datetime, _flag, _text, _unreadable, _value, unreadable_field
from .status import TicketStatus


@dataclass(frozen=True)
class Ticket:
    id: str
    subject: str
    last_message: datetime | None
    wait_time: str
    status: TicketStatus
    status_text: str
    unread: bool
    can_archive: bool
    unreadable: Unreadable = unreadable_field()

    COLUMNS: ClassVar[Columns] = {
        "id": ("id",), "subject": ("name", "subject"), "last_message": ("last_message",),
        "wait_time": ("wait_time",), "status": ("tstatus", "status"), "status_text": ("tstatus", "status"),
        "unread": ("unread",), "can_archive": ("toarchive",),
    }

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        st = _cell(row, c["status"])
        last_message = _datetime(row, *c["last_message"])
        return cls(
            id=_value(row, *c["id"]), subject=_text(row, *c["subject"]),
            last_message=last_message, wait_time=_text(row, *c["wait_time"]),
            status=TicketStatus.parse(st.orig if st else None, st.text if st else ""),
            status_text=st.text if st else "", unread=_flag(row, *c["unread"]),
            can_archive=_flag(row, *c["can_archive"]),
            unreadable=_unreadable(row, c, last_message=last_message),
        )
