"""Notification settings: subscription groups and per-channel subscriptions."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Self

from .. import assumed
from ..parser import Row
from ._cells import Columns, _cell, _text, _value


@dataclass(frozen=True)
class Notice:
    """A notification subscription row (``mainsubscribe`` / ``subscribe``); its shape is assumed,
    so every cell is also kept in ``raw``."""

    id: str
    name: str
    type: str
    channel: str
    status_text: str
    active: bool | None
    raw: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False)
    #: Per-channel state when the row has one column per channel (``email sms telegram panel``).
    channels: Mapping[str, bool] = field(default_factory=dict, compare=False, hash=False)

    COLUMNS: ClassVar[Columns] = assumed.NOTICE_COLUMNS

    @classmethod
    def from_row(cls, row: Row) -> Self:
        c = cls.COLUMNS
        st = _cell(row, c["status_text"])
        active: bool | None = None
        if st is not None and st.value.strip():
            active = st.value.strip().lower() in assumed.NOTICE_ACTIVE_VALUES
        channels = {ch: row[ch].value.strip().lower() in assumed.NOTICE_ACTIVE_VALUES
                    for ch in assumed.NOTICE_CHANNEL_COLUMNS if ch in row}
        return cls(id=_value(row, *c["id"]), name=_text(row, *c["name"]), type=_text(row, *c["type"]),
                   channel=_text(row, *c["channel"]), status_text=st.text if st else "", active=active,
                   raw={k: v.text for k, v in row.items()}, channels=channels)


Subscription = Notice
