"""``billtui get KIND``: every row of a list, for scripts.

All pages are fetched (``iter_pages`` page by page, never one giant request), up to
billtui's ceiling for one list; when the panel's numbers do not add up or the ceiling
cuts the list short, a warning goes to stderr (the rows read still go to stdout).
Filters the panel understands are sent to it; every filter is also applied to
the rows that come back, so the output is right even on a panel that ignores a
filter field. Which date ``--since``/``--until`` read is listed in ``DATE_OF``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Sequence

from .cli_session import CliError

if TYPE_CHECKING:
    from .output import Field

KINDS = ("payments", "expenses", "invoices", "tickets", "services", "balance")
PAGE_SIZE = 200


@dataclass(frozen=True)
class Kind:
    fields: tuple[Field, ...]
    date_of: str  # the attribute --since/--until compare
    status_enum: Any = None  # the status enum whose names --status accepts, if any


def _status_fields() -> tuple[Field, Field]:
    from .output import Field, status_text

    return (Field("status", status_text), Field("status_code", lambda r: _code(getattr(r, "status", None))))


def _code(status: Any) -> Any:
    value = getattr(status, "value", None)
    return None if value is None or value == -1 else value


def _kinds() -> dict[str, Kind]:
    from .api.models import PaymentStatus, ServiceStatus, TicketStatus
    from .output import Field, attr

    return {
        "payments": Kind((Field("id", attr("id")), Field("number", attr("number")), Field("date", attr("created")),
                          Field("method", attr("method")), Field("credited", attr("credited"), money=True),
                          Field("paid", attr("paid"), money=True), *_status_fields()),
                         "created", PaymentStatus),
        "expenses": Kind((Field("id", attr("id")), Field("date", attr("date")), Field("name", attr("name")),
                          Field("amount", attr("amount"), money=True), Field("discount", attr("discount"), money=True),
                          Field("tax", attr("tax"), money=True), Field("unpaid", attr("unpaid"), money=True)),
                         "date"),
        "invoices": Kind((Field("id", attr("id")), Field("number", attr("number")), Field("date", attr("created")),
                          Field("customer", attr("customer")), Field("amount", attr("amount"), money=True),
                          Field("status", attr("status_text")), Field("sent", attr("sent"))),
                         "created"),
        "tickets": Kind((Field("id", attr("id")), Field("subject", attr("subject")),
                         Field("last_message", attr("last_message")), *_status_fields(),
                         Field("unread", attr("unread"))),
                        "last_message", TicketStatus),
        "services": Kind((Field("id", attr("id")), Field("type", attr("type")), Field("name", attr("name")),
                          Field("ip", attr("ip")), Field("tariff", attr("tariff")), *_status_fields(),
                          Field("expires", attr("expires")), Field("autorenew", attr("autoprolong")),
                          Field("cost", attr("cost"), money=True)),
                         "expires", ServiceStatus),
        "balance": Kind((Field("balance", attr("balance"), money=True), Field("credit", attr("credit"), money=True)),
                        ""),
    }


DATE_OF = {"payments": "payment date", "expenses": "expense date", "invoices": "invoice date",
           "tickets": "last message", "services": "expiry date"}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "get", help="print a list (all pages) as a table, JSON or CSV",
        description="Print every row of a list. Errors go to stderr; the exit code is non-zero on failure. "
                    "--since/--until read: " + ", ".join(f"{k}: {v}" for k, v in DATE_OF.items()) + ".")
    p.add_argument("kind", choices=KINDS)
    common(p)
    p.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help="only rows on or after this date")
    p.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help="only rows on or before this date")
    p.add_argument("--status", help="only rows with this status (name as shown, or its number)")
    p.add_argument("--archived", action="store_true", help="tickets: the archived ones instead of the open ones")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--no-headers", action="store_true", help="table/csv: leave out the header line")
    p.add_argument("--raw-csv", action="store_true",
                   help="csv: write every cell exactly as the panel sent it. By default a text cell that "
                        "starts with = + - @ or a tab gets a leading ' so a spreadsheet shows it instead of "
                        "running it as a formula (plain numbers such as -5.00 are left alone)")
    p.set_defaults(run=run)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-25") from None


def _norm(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").lower().split())


def status_matcher(wanted: str) -> Callable[[Any], bool]:
    """Match a row's status by number, enum name or the panel's wording, case-insensitively."""
    w = _norm(wanted)

    def match(row: Any) -> bool:
        status = getattr(row, "status", None)
        candidates = {_norm(getattr(row, "status_text", "") or "")}
        if isinstance(status, int):
            candidates |= {str(int(status)), _norm(getattr(status, "name", "")), _norm(getattr(status, "label", ""))}
        return w in candidates

    return match


def known_statuses(enum_type: Any) -> list[str]:
    return [m.label.lower() for m in enum_type if m.value != -1] if enum_type is not None else []


def _as_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


async def _pages(client: Any, call: Any, filters: dict[str, str] | None) -> list[Any]:
    from .api.lists import iter_pages

    out: list[Any] = []
    walk = iter_pages(client, call, page_size=PAGE_SIZE, filters=filters)
    async for page in walk:
        out.extend(page.rows)
    if walk.note:
        # stdout stays clean data; a script that cares reads stderr (or compares the row count).
        hint = " Narrow it with --since/--until or --status to read the rest." if walk.truncated else ""
        print(f"billtui: warning: {call.key}: {walk.note}{hint}", file=sys.stderr)
    return out


def _server_filters(kind: str, args: argparse.Namespace, enum_type: Any) -> dict[str, str] | None:
    filters: dict[str, str] = {}
    if kind in ("payments", "expenses"):
        if args.since:
            filters["from"] = args.since.isoformat()
        if args.until:
            filters["to"] = args.until.isoformat()
    if kind == "payments" and args.status:
        w = _norm(args.status)
        code = next((m.value for m in enum_type if m.value != -1 and (w in (_norm(m.name), _norm(m.label))
                                                                        or w == str(m.value))), None)
        if code is not None:
            filters["status"] = str(code)
    return filters or None


async def fetch_rows(client: Any, kind: str, args: argparse.Namespace) -> list[Any]:
    """Every row of ``kind`` that passes the filters in ``args``."""
    from .api import lists
    from .api.calls import account

    spec = _kinds()[kind]
    if kind == "balance":
        return [await account.dashboard(client)]
    if kind == "services":
        panel_menu = await account.menu(client)
        rows: list[Any] = []
        for stype in panel_menu.service_types:
            rows.extend(await _pages(client, lists.services(stype.name), None))
    else:
        call = {"payments": lists.PAYMENTS, "expenses": lists.EXPENSES, "invoices": lists.INVOICES,
                "tickets": lists.ARCHIVED_TICKETS if args.archived else lists.TICKETS}[kind]
        rows = await _pages(client, call, _server_filters(kind, args, spec.status_enum))
    if args.since or args.until:
        def in_range(row: Any) -> bool:
            day = _as_day(getattr(row, spec.date_of, None))
            if day is None:
                return False
            return (not args.since or day >= args.since) and (not args.until or day <= args.until)

        rows = [r for r in rows if in_range(r)]
    if args.status:
        matched = [r for r in rows if status_matcher(args.status)(r)]
        known = known_statuses(spec.status_enum)
        w = _norm(args.status)
        if not matched and known and w not in {_norm(k) for k in known} and not w.isdigit():
            raise CliError(f"unknown status {args.status!r} for {kind}: use one of {', '.join(known)}", code=2)
        rows = matched
    return rows


async def run(client: Any, args: argparse.Namespace) -> str:
    rows = await fetch_rows(client, args.kind, args)
    from .output import render

    fields: Sequence[Field] = _kinds()[args.kind].fields
    return render(rows, fields, args.format, headers=not args.no_headers,
                  raw_csv=getattr(args, "raw_csv", False))


__all__ = ["add_parser", "fetch_rows", "run", "KINDS", "CliError"]
