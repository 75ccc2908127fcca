"""The one list engine behind every ``L`` function: paging, sorting, filters, metadata.

Paging and sorting happen in SQL (LIMIT/OFFSET on indexed columns) so a 100,000-row
list answers a page as fast as a 20-row one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from .context import Ctx, Doc
from .doc import Node, slist, t
from .errors import unknown_func

DEFAULT_P_CNT = 20
MAX_P_CNT = 1000

Where = tuple[list[str], list[Any]]


@dataclass(frozen=True)
class Column:
    """A list column: its title, the SQL that sorts it, and how the UI sorts it."""

    name: str
    title: str
    sql: str
    sort: str = "alpha"


@dataclass(frozen=True)
class FilterSpec:
    """A list's filter form: fields with defaults, their option lists, and its SQL."""

    fields: Mapping[str, str]
    options: Mapping[str, Sequence[tuple[str, str]]]
    where: Callable[[dict[str, str], Ctx], Where]


@dataclass(frozen=True)
class ListSpec:
    """Everything one list function needs."""

    func: str
    title: str
    source: str
    columns: Sequence[Column]
    render: Callable[[Any, Ctx], dict[str, Node]]
    default_sort: str
    default_order: str = "desc"
    toolbar: Sequence[tuple[str, str]] = ()
    filter: FilterSpec | None = None
    key: str = "id"
    tiebreak: str = "id"
    extra: Callable[[Ctx], Doc] | None = field(default=None)


def _int(value: str, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def current_filter(ctx: Ctx, spec: ListSpec) -> dict[str, str]:
    """The filter stored in the session for this list, over the defaults."""
    assert spec.filter is not None
    values = dict(spec.filter.fields)
    if ctx.session is not None:
        values.update(ctx.session.filters.get(spec.func, {}))
    return values


def run_list(ctx: Ctx, spec: ListSpec, where: Where | None = None) -> Doc:
    """Answer a list call."""
    clauses, args = (list(where[0]), list(where[1])) if where else ([], [])
    if spec.filter is not None:
        if ctx.params.get("filter") == "on" and ctx.session is not None:
            _store_filter(ctx, spec, dict(ctx.params))
        fc, fa = spec.filter.where(current_filter(ctx, spec), ctx)
        clauses += fc
        args += fa
    sql_where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = ctx.store.row(f"SELECT COUNT(*) AS n FROM {spec.source}{sql_where}", args)["n"]

    p_cnt = min(max(_int(ctx.params.get("p_cnt", ""), DEFAULT_P_CNT), 1), MAX_P_CNT)
    p_num = max(_int(ctx.params.get("p_num", ""), 1), 1)
    columns = {c.name: c for c in spec.columns}
    sort, order = spec.default_sort, spec.default_order
    p_col = ctx.params.get("p_col", "").strip()
    if p_col:
        wanted_order = "desc" if p_col.startswith("-") else "asc"
        name = p_col.lstrip("+-").strip()
        if name in columns:
            sort, order = name, wanted_order
    direction = "DESC" if order == "desc" else "ASC"
    rows = ctx.store.all(
        f"SELECT * FROM {spec.source}{sql_where} ORDER BY {columns[sort].sql} {direction}, "
        f"{spec.tiebreak} {direction} LIMIT ? OFFSET ?", [*args, p_cnt, (p_num - 1) * p_cnt])

    doc: Doc = {}
    elems = [spec.render(row, ctx) for row in rows]
    if elems:
        doc["elem"] = elems
    doc.update({"p_elems": t(total), "p_num": t(p_num), "p_cnt": t(p_cnt), "p_sort": t(sort),
                "p_order": t(order)})
    doc["metadata"] = {
        "$type": "list", "$key": spec.key, "$name": spec.func,
        "coldata": {"col": [{"$name": c.name, "$type": "data", "$sort": c.sort} for c in spec.columns]},
        "toolbar": {"toolgrp": [{"$name": "edit", "toolbtn": [
            {"$name": name, "$func": func} for name, func in spec.toolbar if ctx.available(func)]}]},
    }
    msgs = {"title": spec.title}
    msgs.update({c.name: c.title for c in spec.columns})
    doc["messages"] = {"msg": msgs}
    if spec.filter is not None:
        doc["p_possible_filters"] = {"filter": [{"$name": f} for f in spec.filter.fields]}
    if spec.extra is not None:
        doc.update(spec.extra(ctx))
    return doc


def _store_filter(ctx: Ctx, spec: ListSpec, params: dict[str, str]) -> None:
    assert spec.filter is not None and ctx.session is not None
    if params.get("drop") == "on":
        ctx.session.filters.pop(spec.func, None)
        return
    values = current_filter(ctx, spec)
    for name in spec.filter.fields:
        if name in params:
            values[name] = params[name].strip()
    ctx.session.filters[spec.func] = values


def filter_handler(spec: ListSpec) -> Callable[[Ctx], Doc]:
    """``X.filter``: view the stored filter, store a new one (``sok``), or drop it."""
    def handle(ctx: Ctx) -> Doc:
        if spec.filter is None:
            raise unknown_func(ctx.func)
        if ctx.sok:
            _store_filter(ctx, spec, dict(ctx.params))
            return {"ok": {}}
        values = current_filter(ctx, spec)
        doc: Doc = {name: t(value) for name, value in values.items()}
        if spec.filter.options:
            doc["slist"] = [slist(name, [(key, ctx.tr(label)) for key, label in opts])
                            for name, opts in spec.filter.options.items()]
        doc["metadata"] = {"$type": "form", "$name": ctx.func,
                           "form": {"field": [{"$name": n, "$type": "field"} for n in values]}}
        doc["messages"] = {"msg": {n: n.replace("_", " ").capitalize() for n in values}}
        return doc
    return handle


def date_range(column: str, start: str, end: str) -> Where:
    """SQL for an inclusive date range on a ``YYYY-MM-DD[ HH:MM:SS]`` column; blanks mean open.

    The unary ``+`` keeps SQLite from answering through the date index: a page sorted
    by id would then sort every match (0.3 s a page for 100,000 expenses) instead of
    walking the table in order and stopping after one page (a few ms).
    """
    from .values import parse_date
    clauses: list[str] = []
    args: list[Any] = []
    if parse_date(start):
        clauses.append(f"+{column} >= ?")
        args.append(start.strip())
    if parse_date(end):
        clauses.append(f"+{column} <= ?")
        args.append(end.strip() + " 23:59:59")
    return clauses, args
