"""Export a list, with its filter and sort, to CSV or JSON: every page, not just the loaded ones.

The table on screen holds only the pages around the viewport, so an export asks
the panel for every page again (through ``billtui.api.lists.iter_pages``, with
the same filter and sort, up to billtui's ceiling for one list) and collects rows
as they arrive. The file is written only when every page is in: an export that
fails or is cancelled leaves no partial file that could pass for a whole one.
Files go to the downloads dir under a safe, never-overwriting name.

CSV cells a spreadsheet would run as formulas are neutralised (``display.safe.csv_safe``).

Columns are the row model's fields, so a script gets ids and every value, not
just what fits on screen. Money is split into an amount and its currency (a
spreadsheet can sum the amount), dates are ISO, statuses are their labels.
"""

from __future__ import annotations

import csv
import dataclasses
import enum
import io
import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable, Literal, Mapping

from billtui.api.values import Money
from billtui.display.safe import csv_safe

Format = Literal["csv", "json"]
Progress = Callable[[int, int], None]

#: Rows asked for per request while exporting (the demo panel allows up to 1,000).
EXPORT_PAGE_SIZE = 500


def _plain_fields(row: Any) -> list[str]:
    """The row's exportable fields: scalars, money, dates (not raw cell maps)."""
    if not dataclasses.is_dataclass(row):
        return list(dict(row).keys())
    out = []
    for f in dataclasses.fields(row):
        value = getattr(row, f.name)
        if isinstance(value, Mapping):
            continue
        out.append(f.name)
    return out


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.name))
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (tuple, list)):
        return "; ".join(_scalar(getattr(v, "name", v)) for v in value)
    return str(value)


def _get(row: Any, name: str) -> Any:
    return getattr(row, name) if dataclasses.is_dataclass(row) else dict(row).get(name)


def csv_header(fields: list[str], sample: Any) -> list[str]:
    header: list[str] = []
    for name in fields:
        header.append(name)
        if _is_money_field(sample, name):
            header.append(f"{name}_currency")
    return header


def _is_money_field(row: Any, name: str) -> bool:
    if dataclasses.is_dataclass(row):
        hints = {f.name: str(f.type) for f in dataclasses.fields(row)}
        return "Money" in hints.get(name, "") or isinstance(_get(row, name), Money)
    return isinstance(_get(row, name), Money)


def csv_cells(row: Any, fields: list[str], money_fields: set[str]) -> list[str]:
    """One CSV line; every cell passes ``csv_safe`` (a text field may hold ``=HYPERLINK(...)``)."""
    cells: list[str] = []
    for name in fields:
        value = _get(row, name)
        if name in money_fields:
            cells.append(f"{value.amount:f}" if isinstance(value, Money) else "")
            cells.append(value.currency if isinstance(value, Money) else "")
        else:
            cells.append(_scalar(value))
    return [csv_safe(c) for c in cells]


def json_value(value: Any) -> Any:
    if isinstance(value, Money):
        return {"amount": f"{value.amount:f}", "currency": value.currency}
    if isinstance(value, enum.Enum):
        return str(getattr(value, "label", value.name))
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (tuple, list)):
        return [json_value(v) for v in value]
    return _scalar(value)


def json_row(row: Any, fields: list[str]) -> dict[str, Any]:
    return {name: json_value(_get(row, name)) for name in fields}


@dataclass(frozen=True)
class Exported:
    """What an export wrote: where, how many rows, and what did not add up (or None)."""

    path: Path
    count: int
    #: Set when the list was cut short by billtui's ceiling or the panel's numbers did not
    #: add up (``PageWalk.note``): the file holds what was read, and the user is told.
    note: str | None = None
    truncated: bool = False


async def export_list(client: Any, call: Any, *, key: str, title: str, fmt: Format,
                      filters: Mapping[str, str] | None = None, sort: tuple[str, bool] | None = None,
                      progress: Progress | None = None, page_size: int = EXPORT_PAGE_SIZE,
                      now: datetime | None = None) -> Exported:
    """Fetch every page of ``call`` with ``filters``/``sort`` and write it.

    ``progress(done, expected)`` follows each page (``expected`` never exceeds billtui's
    ceiling, however many rows the panel claims). Cancelling the task (the TUI's escape)
    stops between pages and writes nothing.
    """
    from billtui.api.lists import iter_pages
    from billtui.storage.downloads import save_download

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    fields: list[str] | None = None
    money_fields: set[str] = set()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    json_rows: list[dict[str, Any]] = []
    count = 0
    walk = iter_pages(client, call, page_size=page_size, sort=sort, filters=dict(filters or {}))
    async for result in walk:
        for row in result.rows:
            if fields is None:
                fields = _plain_fields(row)
                money_fields = {f for f in fields if _is_money_field(row, f)}
                if fmt == "csv":
                    writer.writerow(csv_header(fields, row))
            if fmt == "csv":
                writer.writerow(csv_cells(row, fields, money_fields))
            else:
                json_rows.append(json_row(row, fields))
        count += len(result.rows)
        if progress is not None:
            progress(count, walk.expected)
    if fmt == "csv":
        data = buffer.getvalue().encode("utf-8")
    else:
        doc = {"list": key, "title": title, "filters": dict(filters or {}),
               "sort": {"field": sort[0], "descending": sort[1]} if sort else None,
               "exported_at": (now or datetime.now()).isoformat(timespec="seconds"),
               "count": count, "rows": json_rows}
        if walk.note:
            doc["note"] = walk.note_en  # English, like the rest of the file
        data = (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    name = f"{key.replace('/', '-')}-{stamp}.{fmt}"
    path = save_download(name, data, fallback=f"export.{fmt}")
    return Exported(path, count, walk.note, walk.truncated)


__all__ = ["export_list", "Exported", "EXPORT_PAGE_SIZE", "Format"]
