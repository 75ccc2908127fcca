"""Builders for the ``$``-convention JSON of API.md section 3.

Handlers describe data (fields, option lists, rows); these helpers put it in the exact
shape a real panel's XML-to-JSON converter produces, noise included.
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from . import language

Node = dict[str, Any]


def t(value: object) -> Node:
    """A text element: ``{"$": "..."}``."""
    return {"$": "" if value is None else str(value)}


def cell(display: object, orig: object | None = None) -> Node:
    """A cell with a display value and, optionally, the raw one."""
    node = t(display)
    if orig is not None:
        node["$orig"] = str(orig)
    return node


def ok(value: str | None = None, *, url: str | None = None) -> Node:
    """The success node: plain, a redirect to a function, or a URL to open."""
    if url is not None:
        return {"ok": {"$type": "url", "$": url}}
    return {"ok": t(value) if value else {}}


def slist(name: str, options: Iterable[tuple[object, object]]) -> Node:
    """An option list: ``{"$name": name, "val": [{"$key": k, "$": label}]}``."""
    return {"$name": name, "val": [{"$key": str(k), "$": str(v)} for k, v in options]}


def sublist(name: str, rows: list[Node]) -> Node:
    """A list inside a form (``list`` entries like methodlist, itemlist)."""
    node: Node = {"$name": name}
    if rows:
        node["elem"] = rows
    return node


def form(func: str, fields: Mapping[str, object], *, slists: Iterable[Node] = (),
         lists: Iterable[Node] = (), messages: Mapping[str, str] | None = None) -> Node:
    """A form view: fields as direct children of ``doc`` plus option lists and sub-lists."""
    doc: Node = {name: t(value) for name, value in fields.items()}
    slist_nodes = list(slists)
    list_nodes = list(lists)
    if slist_nodes:
        doc["slist"] = slist_nodes
    if list_nodes:
        doc["list"] = list_nodes
    fields_meta = [{"$name": name, "$type": "field"} for name in fields]
    doc["metadata"] = {"$type": "form", "$name": func, "form": {"field": fields_meta}}
    msgs = {name: name.replace("_", " ").capitalize() for name in fields}
    msgs.update(messages or {})
    doc["messages"] = {"msg": msgs}
    return doc


def finish(doc: Node, *, func: str, params: Mapping[str, str], host: str = "sim") -> Node:
    """Add what every real reply carries: doc attributes, the tparams echo, tips. The labels in
    ``messages`` are the panel's own words: they come in the language asked for."""
    lang = language.of(params)
    body: Node = {"$lang": lang, "$func": func, "$binary": "/billmgr",
                  "$host": host, "$theme": "/manimg/orion/", "$css": "main.css", "$logo": "logo.png"}
    body.update(doc)
    msgs = body.get("messages", {}).get("msg") if isinstance(body.get("messages"), dict) else None
    if isinstance(msgs, dict) and lang != language.DEFAULT:
        body["messages"] = {**body["messages"],
                            "msg": {k: language.text(lang, v) if isinstance(v, str) else v for k, v in msgs.items()}}
    body.setdefault("tparams", tparams(params))
    body.setdefault("tips", {"tip": [{"$name": "keyboard", "$": "Press ? to see all key bindings"}]})
    return {"doc": body}


# Never echoed back: secrets must not travel back in a reply body (logs, screenshots).
# ``authinfo`` is LOGIN:PASSWORD (ISPsystem API guide).
# ``secret`` (2FA setup) and ``disable_totp`` (a live 2FA code) are secrets too.
SECRET_PARAMS = frozenset({"password", "passwd", "old_passwd", "confirm", "auth", "qrcode", "authinfo",
                           "secret", "disable_totp"})


def tparams(params: Mapping[str, str]) -> Node:
    """Echo the request like a panel does, minus anything secret."""
    return {key: t(value) for key, value in params.items() if key not in SECRET_PARAMS}
