"""A ticket's conversation: its messages and their attachments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, Self

from .. import assumed
from ..parser import Doc, Row, as_list, attr_of, row_of, text_of
from ..values import parse_datetime, parse_int
from ._cells import _datetime, _text, _value


@dataclass(frozen=True)
class Attachment:
    id: str
    name: str
    size: int | None

    @classmethod
    def from_node(cls, node: Any) -> Self:
        row = row_of(node) if isinstance(node, dict) else {}
        size_text = _value(row, *assumed.ATTACHMENT_SIZE_FIELDS).strip()
        size = parse_int(size_text)
        return cls(id=_value(row, "param", "id"), name=_text(row, "name") or text_of(node), size=size)

    from_row = from_node


@dataclass(frozen=True)
class TicketMessage:
    """One message. ``kind`` is seen from the customer: ``incoming`` was written by support,
    ``outcoming`` by the customer, ``info`` is a system note (see ``assumed.TICKET_FROM_*``; real
    panels also send ``$type="system"`` notes, read as ``info``).

    ``rateable``: the panel offers to rate this reply (the message has a ``rates`` node);
    ``rating``: ``"good"``, ``"bad"`` or ``""`` (``rates.rate.$name`` — Karantir-dev/billing-typescript
    MessageItem.jsx)."""

    id: str
    kind: Literal["incoming", "outcoming", "info"]
    author: str
    posted: datetime | None
    body: str
    attachments: tuple[Attachment, ...]
    rateable: bool = False
    rating: str = ""

    @property
    def from_support(self) -> bool:
        return self.kind == assumed.TICKET_FROM_SUPPORT

    @property
    def from_customer(self) -> bool:
        return self.kind == assumed.TICKET_FROM_CUSTOMER

    @classmethod
    def from_node(cls, node: Any) -> Self:
        if not isinstance(node, dict):
            node = {}
        kind_raw = (attr_of(node, "type") or "").strip().lower()
        kind: Literal["incoming", "outcoming", "info"] = (
            kind_raw if kind_raw in ("incoming", "outcoming", "info") else "info")  # type: ignore[assignment]
        user = node.get("user")
        author = ""
        for u in as_list(user):
            if isinstance(u, dict):
                author = text_of(u.get("realname")) or attr_of(u, "realname") or text_of(u.get("name")) \
                    or attr_of(u, "name") or text_of(u)
            else:
                author = text_of(u)
            if author:
                break
        rates = node.get("rates")
        rating = ""
        if isinstance(rates, (dict, list)):
            for rate in as_list(rates):
                if isinstance(rate, dict):
                    rating = (attr_of(rate.get("rate"), "name") or "").strip().lower() or rating
        return cls(
            id=attr_of(node, "id") or text_of(node.get("id")), kind=kind, author=author,
            posted=parse_datetime(text_of(node.get("date_post"))), body=text_of(node.get("body")),
            attachments=tuple(Attachment.from_node(f) for f in as_list(node.get("file")) if isinstance(f, dict)),
            rateable="rates" in node and rates is not None, rating=rating,
        )

    @classmethod
    def from_row(cls, row: Row) -> Self:
        return cls(id=_value(row, "id"), kind="info", author=_text(row, "user"),
                   posted=_datetime(row, "date_post"), body=_text(row, "body"), attachments=())


@dataclass(frozen=True)
class TicketThread:
    """``closed``: the panel says the ticket is in the archive (``assumed.TICKET_CLOSED_FIELD``)."""

    id: str
    subject: str
    messages: tuple[TicketMessage, ...]
    closed: bool = False

    @classmethod
    def from_doc(cls, doc: Doc, id: str = "") -> Self:  # noqa: A002
        messages: list[TicketMessage] = []
        for mlist in as_list(doc.get("mlist")):
            if isinstance(mlist, dict):
                messages.extend(TicketMessage.from_node(m) for m in as_list(mlist.get("message"))
                                if isinstance(m, dict))
        closed = (doc.field(assumed.TICKET_CLOSED_FIELD) or "").strip().lower() in assumed.TRUE_VALUES
        return cls(id=id or doc.field("elid") or doc.field("id") or "", subject=doc.field("subject") or "",
                   messages=tuple(messages), closed=closed)
