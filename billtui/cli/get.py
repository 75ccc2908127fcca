"""``billtui get KIND``: every row of a list, for scripts.

All pages are fetched (``iter_pages`` page by page, never one giant request), up to
billtui's ceiling for one list; when the panel's numbers do not add up or the ceiling
cuts the list short, a warning goes to stderr (the rows read still go to stdout).
Filters the panel understands are sent to it; every filter is also applied to
the rows that come back, so the output is right even on a panel that ignores a
filter field. Which date ``--since``/``--until`` read is listed in ``DATE_OF``.

The table is for people, JSON and CSV for scripts: the table shows the panel's words (a
product type's title as the panel's menu names it, a status as text) and leaves out the
codes; JSON and CSV keep the stable codes (``type`` = ``vds``, ``status_code``) beside the
words, so a script never has to match text the panel may translate.

``commissions`` is not a list but the panel's reward report for a period (one row a day):
by default the current year, the period the TUI's Commissions screen opens on and the
closest a report comes to "every row" the other kinds give; ``--since``/``--until`` pick
the dates (a missing ``--since`` is 1 January of ``--until``'s year, a missing ``--until`` today).

``expiring`` is the services whose expiry date falls within ``--within`` days from today (those
already expired and still listed included, with a negative ``days``), soonest first.

``--all-profiles`` reads every saved profile concurrently (``all_profiles``) and puts the
profile's name in a first column; a profile that fails is one line on stderr, the others'
rows still go to stdout, and the exit code is 1.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from billtui.cli.days import parse_days
from billtui.cli.session import CliError
from billtui.i18n import N_, _

if TYPE_CHECKING:
    from billtui.cli.output import Field

KINDS = ("payments", "expenses", "invoices", "orders", "commissions", "tickets", "services", "expiring", "balance")
#: ``get expiring`` without ``--within``: the services expiring in the next 30 days.
EXPIRING_DAYS = 30
PAGE_SIZE = 200
#: Columns for scripts only: the table shows the same thing in words (see ``Kind.columns``).
CODE_COLUMNS = frozenset({"status_code", "type_name"})


@dataclass(frozen=True)
class Kind:
    fields: tuple[Field, ...]  # the JSON/CSV fields, in order (names are part of the interface)
    date_of: str  # the attribute --since/--until compare
    status_enum: Any = None  # the status enum whose names --status accepts, if any
    #: Table only: a field that holds a code shows these words instead (``type``: vds -> its title).
    words: Mapping[str, Callable[[Any], Any]] | None = None
    has_status: bool = True  # False: --status is refused

    def columns(self, fmt: str) -> tuple[Field, ...]:
        """JSON/CSV: every field. Table: the words, not the codes (``CODE_COLUMNS`` left out), and
        billtui's own label of a status in the current language (``status_words``)."""
        if fmt != "table":
            return self.fields
        from billtui.cli.output import status_words

        words = {**({"status": status_words} if self.status_enum is not None else {}), **(self.words or {})}
        return tuple(replace(f, get=words[f.name]) if f.name in words else f
                     for f in self.fields if f.name not in CODE_COLUMNS)


def _status_fields() -> tuple[Field, Field]:
    from billtui.cli.output import Field, status_text

    return (Field("status", status_text), Field("status_code", lambda r: _code(getattr(r, "status", None))))


def _code(status: Any) -> Any:
    value = getattr(status, "value", None)
    return None if value is None or value == -1 else value


def _kinds(type_titles: Mapping[str, str] | None = None) -> dict[str, Kind]:
    """Every kind's columns; ``type_titles`` = product type name -> the panel's menu title."""
    from billtui.api.models import PaymentStatus, ServiceStatus, TicketStatus
    from billtui.cli.output import Field, attr

    titles = dict(type_titles or {})

    def type_title(row: Any) -> Any:
        kind: Any = getattr(row, "type", None)
        return titles.get(kind) or kind

    return {
        "payments": Kind((Field("id", attr("id")), Field("number", attr("number")), Field("date", attr("created")),
                          Field("method", attr("method")), Field("credited", attr("credited"), money=True),
                          Field("paid", attr("paid"), money=True), *_status_fields()),
                         "created", PaymentStatus),
        "expenses": Kind((Field("id", attr("id")), Field("date", attr("date")), Field("name", attr("name")),
                          Field("amount", attr("amount"), money=True), Field("discount", attr("discount"), money=True),
                          Field("tax", attr("tax"), money=True), Field("unpaid", attr("unpaid"), money=True)),
                         "date", has_status=False),
        "invoices": Kind((Field("id", attr("id")), Field("number", attr("number")), Field("date", attr("created")),
                          Field("customer", attr("customer")), Field("amount", attr("amount"), money=True),
                          Field("status", attr("status_text")), Field("sent", attr("sent"))),
                         "created"),
        "orders": Kind((Field("id", attr("id")), Field("number", attr("number")), Field("date", attr("created")),
                        Field("description", attr("description")), Field("cost", attr("cost"), money=True),
                        Field("status", attr("status_text"))),
                       "created"),
        "commissions": Kind((Field("date", attr("date")), Field("amount", attr("amount"), money=True)),
                            "date", has_status=False),
        "tickets": Kind((Field("id", attr("id")), Field("subject", attr("subject")),
                         Field("last_message", attr("last_message")), *_status_fields(),
                         Field("unread", attr("unread"))),
                        "last_message", TicketStatus),
        # JSON/CSV: ``type`` stays the code (vds), its title is added last as ``type_name`` (last, so a
        # script reading CSV columns by position still finds the old ones where they were).
        "services": Kind((Field("id", attr("id")), Field("type", attr("type")), Field("name", attr("name")),
                          Field("ip", attr("ip")), Field("tariff", attr("tariff")), *_status_fields(),
                          Field("expires", attr("expires")), Field("autorenew", attr("autoprolong")),
                          Field("cost", attr("cost"), money=True), Field("type_name", type_title)),
                         "expires", ServiceStatus, words={"type": type_title, "autorenew": attr("autoprolong_text")}),
        # The services of ``services`` that expire soon, with the days left (negative: expired).
        "expiring": Kind((Field("id", attr("id")), Field("type", attr("type")), Field("name", attr("name")),
                          Field("expires", attr("expires")), Field("days", days_left),
                          Field("autorenew", attr("autoprolong")), *_status_fields(),
                          Field("cost", attr("cost"), money=True), Field("type_name", type_title)),
                         "expires", ServiceStatus, words={"type": type_title, "autorenew": attr("autoprolong_text")}),
        "balance": Kind((Field("balance", attr("balance"), money=True), Field("credit", attr("credit"), money=True)),
                        "", has_status=False),
    }


def days_left(row: Any, today: date | None = None) -> int | None:
    """Whole days from today to a row's expiry date (0: expires today; negative: expired)."""
    expires = getattr(row, "expires", None)
    if not isinstance(expires, date):
        return None
    return (_as_day(expires) or expires).toordinal() - (today or date.today()).toordinal()


DATE_OF = {"payments": N_("payment date"), "expenses": N_("expense date"), "invoices": N_("invoice date"),
           "orders": N_("order date"), "commissions": N_("reward day"), "tickets": N_("last message"),
           "services": N_("expiry date"), "expiring": N_("expiry date")}


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser(
        "get", help=_("print a list (all pages) as a table, JSON or CSV"),
        description=_("Print every row of a list. Errors go to stderr; the exit code is non-zero on failure. "
                      "orders: the order history. commissions: the affiliate rewards per day, for the "
                      "current year unless --since/--until say otherwise (no --since: 1 January of "
                      "--until's year; no --until: today); its table ends with the total. "
                      "expiring: the services expiring within --within days (default {days}), "
                      "soonest first, those already expired included (days < 0). "
                      "--since/--until read: {dates}. "
                      "The table shows the panel's words (service types by their menu title, statuses "
                      "as text); JSON and CSV keep the codes too (type, status_code) and write money as "
                      "an exact amount with its currency in a column of its own (amount, amount_currency).").format(
            days=EXPIRING_DAYS, dates=", ".join(f"{k}: {_(v)}" for k, v in DATE_OF.items())))
    p.add_argument("kind", choices=KINDS)
    common(p)
    p.add_argument("--since", type=_day, metavar="YYYY-MM-DD", help=_("only rows on or after this date"))
    p.add_argument("--until", type=_day, metavar="YYYY-MM-DD", help=_("only rows on or before this date"))
    p.add_argument("--status", help=_("only rows with this status (name as shown, or its number); "
                                      "not for expenses, commissions or balance"))
    p.add_argument("--archived", action="store_true", help=_("tickets: the archived ones instead of the open ones"))
    p.add_argument("--within", type=parse_days, metavar="DAYS",
                   help=_("expiring: the window, in days from today: 14, 14d or 2w (default {days}d)").format(
                       days=EXPIRING_DAYS))
    p.add_argument("--all-profiles", action="store_true",
                   help=_("every saved profile, queried at once; the profile's name is the first column. "
                          "A profile that fails is reported on stderr (exit code 1) and the others are "
                          "still printed. Never asks for a password"))
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--no-headers", action="store_true",
                   help=_("table/csv: leave out the header line (and the commissions table's total)"))
    p.add_argument("--raw-csv", action="store_true",
                   help=_("csv: write every cell exactly as the panel sent it. By default a text cell that "
                          "starts with = + - @ or a tab gets a leading ' so a spreadsheet shows it instead of "
                          "running it as a formula (plain numbers such as -5.00 are left alone)"))
    p.set_defaults(run=run, run_all=run_all)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text} is not a date like 2026-11-25").format(text=repr(text))) from None


def _norm(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").lower().split())


def status_matcher(wanted: str) -> Callable[[Any], bool]:
    """Match a row's status by number, enum name, billtui's label (English or translated) or the
    panel's wording, case-insensitively."""
    w = _norm(wanted)

    def match(row: Any) -> bool:
        status = getattr(row, "status", None)
        candidates = {_norm(getattr(row, "status_text", "") or "")}
        if isinstance(status, int):
            label = getattr(status, "label", "")
            # billtui's word for it in either language: what the table shows when the panel gave none.
            candidates |= {str(int(status)), _norm(getattr(status, "name", "")), _norm(label), _norm(_(label) if label else "")}
        return w in candidates

    return match


def known_statuses(enum_type: Any) -> list[str]:
    return [m.label.lower() for m in enum_type if m.value != -1] if enum_type is not None else []


def _as_day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


async def _pages(client: Any, call: Any, filters: dict[str, str] | None) -> list[Any]:
    from billtui.api.lists import iter_pages

    out: list[Any] = []
    walk = iter_pages(client, call, page_size=PAGE_SIZE, filters=filters)
    async for page in walk:
        out.extend(page.rows)
    if walk.note:
        # stdout stays clean data; a script that cares reads stderr (or compares the row count).
        if walk.truncated:
            said = _("warning: {list}: {note} Narrow it with --since/--until or --status to read the rest.")
        else:
            said = _("warning: {list}: {note}")
        print(f"billtui: {said.format(list=call.key, note=walk.note)}", file=sys.stderr)
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


def _report_period(args: argparse.Namespace) -> tuple[str, date | None, date | None]:
    """(the period wanted, start, end) of the commissions report for ``--since``/``--until``."""
    if not args.since and not args.until:
        return "currentyear", None, None
    until = args.until or date.today()
    since = args.since or until.replace(month=1, day=1)
    if since > until:
        if args.until:
            said = _("--since {since} is after --until {until}: no commissions to report")
        else:
            said = _("--since {since} is after today ({until}): no commissions to report")
        raise CliError(said.format(since=since.isoformat(), until=until.isoformat()), code=2)
    return "other", since, until


async def _commissions(client: Any, args: argparse.Namespace) -> list[Any]:
    from billtui.api.calls import finance

    period, start, end = _report_period(args)
    # The panel's own key for the period (as the TUI asks for it), never a constant of ours.
    period = finance.reward_period_key(await finance.reward_periods(client), period)
    rewards = await finance.rewards(client, period, start, end)
    return sorted(rewards, key=lambda r: r.date, reverse=True)  # newest first, as the TUI shows them


@dataclass
class Fetched:
    rows: list[Any]
    #: Product type name -> the title the panel's menu gives it (services only).
    type_titles: dict[str, str]


async def fetch_rows(client: Any, kind: str, args: argparse.Namespace) -> list[Any]:
    """Every row of ``kind`` that passes the filters in ``args``."""
    return (await fetch(client, kind, args)).rows


async def fetch(client: Any, kind: str, args: argparse.Namespace) -> Fetched:
    """Every row of ``kind`` that passes the filters in ``args``, and what the table needs to show them."""
    from billtui.api import lists
    from billtui.api.calls import account

    spec = _kinds()[kind]
    if args.status and not spec.has_status:
        raise CliError(_("--status does not apply to {kind}: its rows have no status").format(kind=kind), code=2)
    within = getattr(args, "within", None)
    if within is not None and kind != "expiring":
        raise CliError(_("--within is for `billtui get expiring`, not {kind}").format(kind=kind), code=2)
    titles: dict[str, str] = {}
    if kind == "balance":
        return Fetched([await account.dashboard(client)], titles)
    if kind in ("services", "expiring"):
        panel_menu = await account.menu(client)
        rows: list[Any] = []
        for stype in panel_menu.service_types:
            titles[stype.name] = stype.title
            rows.extend(await _pages(client, lists.services(stype.name), None))
    elif kind == "commissions":
        rows = await _commissions(client, args)
    else:
        call = {"payments": lists.PAYMENTS, "expenses": lists.EXPENSES, "invoices": lists.INVOICES,
                "orders": lists.ORDERS, "tickets": lists.ARCHIVED_TICKETS if args.archived else lists.TICKETS}[kind]
        rows = await _pages(client, call, _server_filters(kind, args, spec.status_enum))
    if args.since or args.until:
        def in_range(row: Any) -> bool:
            day = _as_day(getattr(row, spec.date_of, None))
            if day is None:
                return False
            return (not args.since or day >= args.since) and (not args.until or day <= args.until)

        rows = [r for r in rows if in_range(r)]
    if kind == "expiring":
        window = EXPIRING_DAYS if within is None else within
        today = date.today()
        rows = sorted((r for r in rows if (d := days_left(r, today)) is not None and d <= window),
                      key=lambda r: (r.expires, str(r.name), str(r.id)))
    if args.status:
        matched = [r for r in rows if status_matcher(args.status)(r)]
        known = known_statuses(spec.status_enum)
        w = _norm(args.status)
        if not matched and known and w not in {_norm(k) for k in known} and not w.isdigit():
            raise CliError(_("unknown status {status} for {kind}: use one of {known}").format(
                status=repr(args.status), kind=kind, known=", ".join(known)), code=2)
        rows = matched
    return Fetched(rows, titles)


@dataclass(frozen=True)
class _Total:
    """The table's last line for commissions: the period's sum in one currency."""

    amount: Any
    date: str = N_("Total")  # shown translated: ``_totals`` gives it in the current language


def _totals(rewards: Sequence[Any]) -> list[_Total]:
    from decimal import Decimal

    from billtui.api.values import Money

    sums: dict[str, Decimal] = {}
    for r in rewards:
        sums[r.amount.currency] = sums.get(r.amount.currency, Decimal(0)) + r.amount.amount
    return [_Total(Money(amount, currency), _("Total")) for currency, amount in sorted(sums.items())]


async def run(client: Any, args: argparse.Namespace) -> str:
    got = await fetch(client, args.kind, args)
    from billtui.cli.output import render

    rows: list[Any] = got.rows
    if args.kind == "commissions" and args.format == "table" and not args.no_headers and rows:
        # For people only: JSON/CSV stay one row a day (a script adds them up), and a headerless
        # table stays data lines only.
        rows = [*rows, *_totals(rows)]
    fields: Sequence[Field] = _kinds(got.type_titles)[args.kind].columns(args.format)
    return render(rows, fields, args.format, headers=not args.no_headers,
                  raw_csv=getattr(args, "raw_csv", False))


@dataclass(frozen=True)
class Tagged:
    """A row of one profile, for ``--all-profiles``: the row and the profile it came from."""

    profile: str
    row: Any


def _tagged_fields(fields: Sequence[Field]) -> tuple[Field, ...]:
    """The profile's name first, then each field read from the tagged row."""
    from billtui.cli.output import Field, attr

    def inner(get: Callable[[Any], Any]) -> Callable[[Any], Any]:
        return lambda tagged: get(tagged.row)

    return (Field("profile", attr("profile")), *(replace(f, get=inner(f.get)) for f in fields))


async def run_all(args: argparse.Namespace) -> str:
    """``--all-profiles``: every profile's rows, the profile first; failures on stderr, then exit 1."""
    from billtui.cli.all_profiles import each_profile, logged_in
    from billtui.cli.output import render
    from billtui.cli.session import every_profile, one_line

    profiles = every_profile(args)
    lang = getattr(args, "lang", None)
    outcomes = await each_profile(profiles, lambda p: logged_in(p, lambda c: fetch(c, args.kind, args), lang))
    usage = next((o.error for o in outcomes if isinstance(o.error, CliError) and o.error.code == 2), None)
    if usage is not None:
        raise usage  # the same mistake for every profile (--status on balance): say it once
    titles: dict[str, str] = {}
    rows: list[Tagged] = []
    for o in outcomes:
        if o.value is None:
            continue
        for name, title in o.value.type_titles.items():
            titles.setdefault(name, title)
        own = list(o.value.rows)
        if args.kind == "commissions" and args.format == "table" and not args.no_headers and own:
            own += _totals(own)  # each profile's total under its own rows
        rows.extend(Tagged(o.profile, r) for r in own)
    fields = _tagged_fields(_kinds(titles)[args.kind].columns(args.format))
    text = render(rows, fields, args.format, headers=not args.no_headers, raw_csv=getattr(args, "raw_csv", False))
    failed = [o for o in outcomes if o.error is not None]
    if not failed:
        return text
    sys.stdout.write(text)  # what the others returned is still the output
    sys.stdout.flush()
    from billtui.display.safe import clean

    failures = "; ".join(_("profile {name}: {error}").format(name=clean(o.profile),
                                                             error=one_line(o.error or Exception()))
                         for o in failed)
    raise CliError(_("{failures} ({n} of {total} profiles failed; the others' rows are on stdout)").format(
        failures=failures, n=len(failed), total=len(outcomes)))


__all__ = ["add_parser", "fetch", "fetch_rows", "run", "run_all", "days_left", "Fetched", "Tagged", "KINDS",
           "CliError"]
