"""The reply parser: XML-converted-to-JSON in, a defensive ``Doc`` out.

Real panels put a single element where we expect an array, ``{}`` where we expect text,
and a lot of noise (metadata, tparams, tips) around the data. Every accessor here accepts
an object or an array anywhere and never raises on a missing key, so screens see either
data or a typed ``BillError`` (raised once, by ``parse_reply``, for an ``error`` node).

This is also where the panel's text enters the program: every string an accessor returns —
values, attributes, column and field names, option labels, error messages — passed through
``_scalar`` or ``_key`` and so through ``text_clean.clean_text`` (no escape sequence, no control
or bidi-override character, at most ``MAX_TEXT`` characters). Nothing past this module needs to
clean a panel's string again for safety.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal, Mapping

from billtui.i18n import _

from . import assumed
from .errors import (AccessDenied, ApiError, BillError, FieldError, LoginRefused, NotAvailable,
                     NotJson, PanelBusy)
from .text_clean import MAX_TEXT, clean_text
from .values import parse_int

__all__ = ["Cell", "Row", "Option", "Ok", "Doc", "parse_reply", "as_list", "text_of", "cell_of", "rows_of"]

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Cell:
    """One value: ``text`` is what the panel shows, ``orig`` the raw value when it sent one."""

    text: str
    orig: str | None = None
    attrs: Mapping[str, str] = field(default_factory=lambda: _EMPTY, compare=False, hash=False)

    @property
    def value(self) -> str:
        """The raw value if there is one (``$orig``), else the text: what to compare and send back."""
        return self.orig if self.orig is not None else self.text

    def __str__(self) -> str:
        return self.text


Row = Mapping[str, Cell]


@dataclass(frozen=True)
class Option:
    """One choice of an option list (``slist``): ``key`` is sent back, ``label`` is shown."""

    key: str
    label: str


@dataclass(frozen=True)
class Ok:
    """A success reply: plain, a redirect to another function, or a URL to open."""

    kind: Literal["plain", "redirect", "url"]
    value: str


# --- node helpers -------------------------------------------------------------------

def as_list(node: Any) -> list[Any]:
    """An array as is, a single object as a one-item list, nothing as an empty list."""
    if node is None:
        return []
    if isinstance(node, list):
        return node
    return [node]


def _scalar(v: Any) -> str:
    """A value as clean text: the choke point every string of a reply goes through."""
    if isinstance(v, str):
        # The check ``clean_text`` starts with, inlined: most of a big list's cells are short,
        # printable text, and this saves a call per cell.
        return v if v.isprintable() and len(v) <= MAX_TEXT else clean_text(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "on" if v else "off"
    if isinstance(v, (int, float)):
        return str(v)
    return ""


def _key(k: str) -> str:
    """A column, field or attribute name as clean text (names end up as labels and in messages)."""
    return k if k.isprintable() else clean_text(k)


def text_of(node: Any) -> str:
    """The text of an element: ``{"$": "x"}`` → ``x``; a bare scalar as is; ``{}`` → ``""``."""
    if isinstance(node, dict):
        return _scalar(node.get("$"))
    if isinstance(node, list):
        return text_of(node[0]) if node else ""
    return _scalar(node)


def attr_of(node: Any, name: str) -> str | None:
    """An attribute (``$name``) of an element, or None."""
    if isinstance(node, list):
        node = node[0] if node else None
    if isinstance(node, dict) and ("$" + name) in node:
        return _scalar(node["$" + name])
    return None


def cell_of(node: Any) -> Cell:
    """A ``Cell`` from any element shape."""
    if isinstance(node, list):
        node = node[0] if node else None
    if isinstance(node, dict):
        attrs = {_key(k[1:]): _scalar(v) for k, v in node.items()
                 if isinstance(k, str) and k.startswith("$") and k != "$" and _is_scalar(v)}
        orig = node.get("$orig")
        return Cell(text=_scalar(node.get("$")), orig=None if orig is None else _scalar(orig),
                    attrs=MappingProxyType(attrs) if attrs else _EMPTY)
    return Cell(text=_scalar(node))


def _is_scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def row_of(node: Any) -> dict[str, Cell]:
    """A list row: child elements as cells, plus the row's own attributes where no child has the name."""
    if not isinstance(node, dict):
        return {}
    row: dict[str, Cell] = {}
    for k, v in node.items():
        if not isinstance(k, str) or k.startswith("$"):
            continue
        row[_key(k)] = cell_of(v)
    for k, v in node.items():
        if isinstance(k, str) and k.startswith("$") and len(k) > 1 and _is_scalar(v):
            name = _key(k[1:])
            if name not in row:
                row[name] = Cell(text=_scalar(v))
    return row


def rows_of(node: Any) -> list[dict[str, Cell]]:
    """Rows of any ``elem``-like node, skipping anything that is not an element."""
    return [row_of(e) for e in as_list(node) if isinstance(e, dict)]


def _int(node: Any, default: int) -> int:
    n = parse_int(text_of(node))
    return default if n is None else n


# --- the document ---------------------------------------------------------------------

class Doc:
    """The ``doc`` of one reply, with tolerant accessors for everything screens need."""

    __slots__ = ("raw", "_rows")

    def __init__(self, raw: Mapping[str, Any] | None) -> None:
        self.raw: Mapping[str, Any] = raw if isinstance(raw, Mapping) else {}
        self._rows: list[dict[str, Cell]] | None = None

    def __repr__(self) -> str:
        return f"Doc(keys={sorted(_key(k) for k in self.raw if isinstance(k, str))!r})"

    # lists
    def rows(self) -> list[dict[str, Cell]]:
        if self._rows is None:
            self._rows = rows_of(self.raw.get("elem"))
        return list(self._rows)

    @property
    def total(self) -> int:
        return max(0, _int(self.raw.get("p_elems"), len(self.rows())))

    @property
    def page(self) -> int:
        return max(1, _int(self.raw.get("p_num"), 1))

    @property
    def page_size(self) -> int:
        n = _int(self.raw.get("p_cnt"), 0)
        return n if n > 0 else assumed.DEFAULT_PAGE_SIZE

    @property
    def has_page_size(self) -> bool:
        return _int(self.raw.get("p_cnt"), 0) > 0

    @property
    def sorted_as(self) -> tuple[str, bool] | None:
        """``(column, descending)`` as the reply reports it, or None if it does not say."""
        column = text_of(self.raw.get(assumed.SORT_REPLY_COLUMN)).strip()
        if not column:
            return None
        order = text_of(self.raw.get(assumed.SORT_REPLY_ORDER)).strip().lower()
        return column, order == assumed.SORT_REPLY_DESC

    # success
    @property
    def ok(self) -> Ok | None:
        if "ok" not in self.raw:
            return None
        node = self.raw.get("ok")
        value = text_of(node)
        if attr_of(node, "type") == "url":
            return Ok("url", value)
        return Ok("redirect", value) if value else Ok("plain", "")

    @property
    def new_id(self) -> str | None:
        if "id" not in self.raw:
            return None
        v = text_of(self.raw.get("id")).strip()
        return v or None

    # forms
    def _form(self, name: str) -> Mapping[str, Any]:
        """Where a form child ``name`` lives: ``doc`` itself, or the nested ``doc.doc`` of an
        ``sv_field`` answer (Karantir-dev/billing-typescript vdsOperations.js reads the refreshed
        form of ``vds.order.param&sv_field=`` from ``data.doc.doc``; accessLogsOperations.js reads
        ``authlog.filter``'s ``doc.doc.slist``). The top level wins when both have it."""
        if name in self.raw:
            return self.raw
        inner = self.raw.get("doc")
        if isinstance(inner, Mapping) and name in inner:
            return inner
        return self.raw

    def field(self, name: str) -> str | None:
        node = self._form(name)
        if name not in node:
            return None
        return text_of(node.get(name))

    def cell(self, name: str) -> Cell | None:
        node = self._form(name)
        if name not in node:
            return None
        return cell_of(node.get(name))

    def slist(self, name: str) -> list[Option]:
        """Options of ``slist[$name=NAME].val`` (``slist`` and ``val`` each one object or an array)."""
        for node in as_list(self._form("slist").get("slist")):
            if isinstance(node, dict) and attr_of(node, "name") == name:
                out: list[Option] = []
                for v in as_list(node.get("val")):
                    label = text_of(v)
                    key = attr_of(v, "key")
                    out.append(Option(key if key is not None else label, label))
                return out
        return []

    def slist_names(self) -> list[str]:
        return [n for n in (attr_of(x, "name") for x in as_list(self._form("slist").get("slist"))) if n]

    def sublist(self, name: str) -> list[dict[str, Cell]]:
        """Rows of ``doc.list[$name=NAME].elem`` — the new-API shape of tariffs (``tariflist``),
        discounts (``promotion``), pay methods (``methodlist``), cart items (``itemlist``).

        ``list`` may be one object or an array, ``elem`` one object or an array or absent
        (an empty list): all are read. Several ``list`` nodes with the same name are joined.
        Missing list → ``[]`` (use ``has_sublist`` to tell "absent" from "empty").
        """
        out: list[dict[str, Cell]] = []
        for node in as_list(self._form("list").get("list")):
            if isinstance(node, dict) and attr_of(node, "name") == name:
                out.extend(rows_of(node.get("elem")))
        return out

    def has_sublist(self, name: str) -> bool:
        """Whether the reply carries ``doc.list[$name=NAME]`` at all (even with no rows):
        tells a new-API reply with an empty list from an old-API reply with rows in ``doc.elem``."""
        return any(isinstance(n, dict) and attr_of(n, "name") == name
                   for n in as_list(self._form("list").get("list")))

    def rows_or_sublist(self, name: str) -> list[dict[str, Cell]]:
        """``doc.list[$name=NAME].elem`` if the reply has that list, else ``doc.elem``: for calls
        seen answering both ways on real panels (``account.discountinfo``: new API
        ``list promotion``, old API ``elem`` — billmgr_api.py AccountDiscountinfoRequest)."""
        return self.sublist(name) if self.has_sublist(name) else self.rows()

    def report_rows(self, name: str) -> list[dict[str, Cell]]:
        """Rows of ``doc.reportdata.NAME.elem`` (report functions such as
        ``affiliate.client.reward[.detail]`` → ``reportdata.reward.elem``). ``reportdata``,
        ``NAME`` and ``elem`` may each be one object or an array; all rows are joined in order.
        Each row is read like a list row (children as cells, ``$attr`` kept on the cell)."""
        out: list[dict[str, Cell]] = []
        for report in as_list(self.raw.get("reportdata")):
            if not isinstance(report, dict):
                continue
            for section in as_list(report.get(name)):
                if isinstance(section, dict):
                    out.extend(rows_of(section.get("elem")))
        return out

    @property
    def messages(self) -> dict[str, str]:
        node = self.raw.get("messages")
        out: dict[str, str] = {}
        for messages in as_list(node):
            if not isinstance(messages, dict):
                continue
            for msg in as_list(messages.get("msg")):
                if not isinstance(msg, dict):
                    continue
                if "$name" in msg:  # XML-ish: [{"$name": "id", "$": "Id"}]
                    out[_scalar(msg["$name"])] = text_of(msg)
                    continue
                for k, v in msg.items():
                    if isinstance(k, str) and not k.startswith("$"):
                        out[_key(k)] = text_of(v)
        return out

    @property
    def toolbar(self) -> set[str]:
        names: set[str] = set()

        def walk(node: Any) -> None:
            for n in as_list(node):
                if not isinstance(n, dict):
                    continue
                for attr in ("name", "func"):
                    v = attr_of(n, attr)
                    if v:
                        names.add(v)
                walk(n.get("toolbtn"))

        for meta in as_list(self.raw.get("metadata")):
            if not isinstance(meta, dict):
                continue
            for tb in as_list(meta.get("toolbar")):
                if isinstance(tb, dict):
                    walk(tb.get("toolbtn"))
                    for grp in as_list(tb.get("toolgrp")):
                        if isinstance(grp, dict):
                            walk(grp.get("toolbtn"))
        return names

    def get(self, name: str) -> Any:
        """The raw node of a direct child (for shapes the accessors do not cover)."""
        return self.raw.get(name)


# --- errors ---------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"__([A-Za-z0-9_]+?)__")


def _error_text(node: Mapping[str, Any]) -> str:
    msg = text_of(node.get("msg")).strip()
    if msg:
        return msg
    detail = text_of(node.get("detail")).strip()
    if detail:
        params = {attr_of(p, "name") or "": text_of(p) for p in as_list(node.get("param")) if isinstance(p, dict)}
        return _PLACEHOLDER.sub(lambda m: params.get(m.group(1), m.group(1)), detail)
    return text_of(node).strip()


def error_from_node(node: Any) -> BillError:
    """The typed error for an ``error`` node (the mapping table of API.md section 4)."""
    if isinstance(node, list):
        node = next((n for n in node if isinstance(n, dict)), {})
    if not isinstance(node, dict):
        node = {"$": _scalar(node)}
    etype = (attr_of(node, "type") or "").strip()
    obj = (attr_of(node, "object") or "").strip()
    text = _error_text(node)

    if assumed.PANEL_BUSY_TEXT.search(text):
        return PanelBusy(text or None, _("Wait a moment and try again."), type=etype, object=obj)
    if etype == "auth":
        return LoginRefused(obj or "other", None if obj in _KNOWN_AUTH else (text or None))
    if etype == "access" or (etype not in ("auth", "value", "missed") and assumed.ACCESS_DENIED_TEXT.search(text)):
        return AccessDenied(text or None, _("Ask the account owner or the provider for access."))
    if etype == "missed" and obj in assumed.NOT_AVAILABLE_MISSED_OBJECTS:
        return NotAvailable(text or None, _("This panel does not offer it."), type=etype, object=obj)
    if etype in assumed.NOT_AVAILABLE_TYPES or (text and assumed.NOT_AVAILABLE_TEXT.search(text)
                                                 and etype not in ("value", "missed", "exists")):
        return NotAvailable(text or None, _("This panel does not offer it."), type=etype, object=obj)
    if etype in ("value", "missed"):
        hint = _("Fill in the marked field.") if etype == "missed" else _("Correct the marked field and try again.")
        return FieldError(obj, text or None, hint)
    return ApiError(text or None, None, type=etype, object=obj)


_KNOWN_AUTH = frozenset({"badpassword", "badip", "blocklogon", "blockgeoip", "blocked_ip"})


#: Longest JSON number read as an int: Python refuses to convert more than 4,300 digits, which
#: would make the whole reply "not JSON" because of one value. Longer ones are kept as text.
_MAX_INT_DIGITS = 4000


def _json_int(text: str) -> int | str:
    return int(text) if len(text) <= _MAX_INT_DIGITS else text


def decode_json(text: str) -> Any:
    """``json.loads`` that survives any single value: a 5,000-digit number stays text instead of
    failing the reply. Raises ``ValueError``/``RecursionError`` for what is not JSON at all."""
    return json.loads(text, parse_int=_json_int)


def parse_reply(data: Any) -> Doc:
    """Parse one reply (already-decoded JSON, or its text/bytes); raise the typed error if it is one."""
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8")
        except UnicodeDecodeError:
            raise NotJson() from None
    if isinstance(data, str):
        try:
            data = decode_json(data)
        except (ValueError, RecursionError):
            raise NotJson() from None
    if not isinstance(data, dict) or not isinstance(data.get("doc"), dict):
        raise NotJson(_("The panel's reply did not have the expected shape."))
    doc = data["doc"]
    if "error" in doc:
        raise error_from_node(doc["error"])
    return Doc(doc)
