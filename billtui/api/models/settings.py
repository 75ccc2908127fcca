"""Notification settings: subscription groups and per-channel subscriptions, or the notice
switches that real panels keep as ``usrparam`` fields (``finance_notice_ntemail``...)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Self

from billtui.i18n import _

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
        key = _value(row, assumed.NOTICE_KEY_COLUMN) or _value(row, *c["id"])
        return cls(id=key, name=_text(row, *c["name"]), type=_text(row, *c["type"]),
                   channel=_text(row, *c["channel"]), status_text=st.text if st else "", active=active,
                   raw={k: v.text for k, v in row.items()}, channels=channels)

    @classmethod
    def switches_from_usrparam(cls, values: Mapping[str, str]) -> list[Self]:
        """One row per notice group from the ``usrparam`` fields ``<group>_notice_<channel>``,
        in the order the panel sent them; ``id`` is the group, ``channels`` maps each channel
        (``ntemail``...) to on/off. Empty when the panel keeps no switches there."""
        pattern = re.compile(assumed.USRPARAM_NOTICE_FIELD_RE)
        groups: dict[str, dict[str, bool]] = {}
        for name, value in values.items():
            m = pattern.match(name)
            if m is None:
                continue
            on = value.strip().lower() in assumed.NOTICE_ACTIVE_VALUES
            groups.setdefault(m["group"], {})[m["channel"]] = on
        out: list[Self] = []
        for group, channels in groups.items():
            known = assumed.USRPARAM_NOTICE_GROUP_TITLES.get(group)
            title = _(known) if known else group.replace("_", " ").capitalize()
            raw = {assumed.USRPARAM_NOTICE_FIELD.format(group=group, channel=ch): "on" if on else "off"
                   for ch, on in channels.items()}
            out.append(cls(id=group, name=title, type="", channel="", status_text="", active=None,
                           raw=raw, channels=channels))
        return out


Subscription = Notice
