"""What ``billtui check`` prints: one ``Report`` per profile, rendered for Nagios, JSON or Prometheus.

Nagios (the plugin API): the first line is ``BILLTUI STATE - summary | perfdata``, then one
line per finding. Perfdata thresholds use the plugin API's range syntax: ``balance=12.40;20:;5:``
means "warning below 20, critical below 5"; a count's ``0`` means "alert above 0". The
summary and findings hold panel text (service names, ticket subjects): it is cleaned of
control characters, and ``|`` (which would start the perfdata) becomes ``/``.

The summary's and findings' words follow billtui's language (``billtui.i18n``); the state names,
the ``[TAG]`` of each line and the perfdata never do. ``check`` renders JSON and Prometheus in
English (``check.run_plugin``): programs read them.

Prometheus: the node_exporter textfile format, every family with its HELP and TYPE lines
(``METRICS`` is the documented list), label values escaped as the format says. Money is
written from its ``Decimal`` text, never through a float.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal
from typing import Any

from billtui.accounts.rules import Finding, Level, Thresholds, Verdict, worst
from billtui.display import format as display
from billtui.display.safe import clean
from billtui.i18n import _

#: How many problems the Nagios status line names before "and N more".
SUMMARY_PROBLEMS = 3


@dataclass(frozen=True)
class Report:
    """One profile's result: a verdict, or why there is none (UNKNOWN)."""

    profile: str
    verdict: Verdict | None
    #: Why there is no verdict: the panel did not answer, the login was refused, no password...
    error: str = ""
    #: Not "": the data came from the offline cache (``--allow-stale``); why the panel was not used.
    stale: str = ""
    #: When the data was read (epoch seconds).
    read_at: float | None = None

    @property
    def level(self) -> Level:
        return self.verdict.level if self.verdict is not None else Level.UNKNOWN


def overall(reports: Sequence[Report]) -> Level:
    return worst([r.level for r in reports])


def _stamp(ts: float | None) -> str:
    return display.day(datetime.fromtimestamp(ts)) if ts else _("an earlier run")


def _nagios_text(text: str) -> str:
    return " ".join(clean(text).replace("|", "/").split())


# --- Nagios -----------------------------------------------------------------------------------

def _summary(r: Report) -> list[str]:
    if r.verdict is None:
        return [r.error or _("no result")]
    v = r.verdict
    problems = v.problems()
    parts = [p.text for p in problems[:SUMMARY_PROBLEMS] if p.check != "balance"]
    more = len([p for p in problems if p.check != "balance"]) - len(parts)
    if more > 0:
        parts.append(_("and {n} more").format(n=more))
    balance = next((f for f in v.findings if f.check == "balance"), None)
    if not parts:
        parts.append(_("{n} services, nothing needs attention").format(n=v.counts.get("services", 0)))
    if balance is not None:
        parts.append(balance.text)
    if r.stale:
        parts.append(_("STALE data saved {when} ({why})").format(when=_stamp(r.read_at), why=r.stale))
    return parts


def status_line(reports: Sequence[Report], multi: bool) -> str:
    level = overall(reports)
    if not multi:
        body = "; ".join(_summary(reports[0]))
    else:
        body = "; ".join(f"{r.profile}: {r.level.name}, " + ", ".join(_summary(r)) for r in reports)
    return f"BILLTUI {level.name} - {_nagios_text(body)}"


def _label(profile: str, name: str, multi: bool) -> str:
    label = f"{clean(profile)}.{name}" if multi else name
    if any(c in label for c in " ='\"") or not label.isprintable():
        return "'" + label.replace("'", "''").replace("=", "_") + "'"
    return label


def _count_range(n: int | None) -> str:
    """"N or more" as a plugin-API range: alert above N-1 (counts are never negative)."""
    return "" if n is None else str(max(0, n - 1))


def _below_range(limit: Decimal | None) -> str:
    """"Below LIMIT" as a plugin-API range: ``LIMIT:`` (alert when under it)."""
    return "" if limit is None else f"{format(limit, 'f')}:"


def perfdata(reports: Sequence[Report], t: Thresholds, multi: bool) -> str:
    out: list[str] = []
    for r in reports:
        v = r.verdict
        if v is None:
            continue
        if v.balance is not None:
            out.append(f"{_label(r.profile, 'balance', multi)}={format(v.balance.amount, 'f')};"
                       f"{_below_range(t.balance_warning)};{_below_range(t.balance_critical)}")
        c = v.counts
        out.append(f"{_label(r.profile, 'expiring', multi)}={c.get('expiring', 0)};;;0")
        for name, key, warn, crit in (("unpaid", "unpaid", t.unpaid_warning, t.unpaid_critical),
                                      ("tickets_awaiting_reply", "tickets_awaiting_reply", t.tickets_warning,
                                       t.tickets_critical),
                                      ("suspended", "suspended", t.suspended_warning, t.suspended_critical)):
            out.append(f"{_label(r.profile, name, multi)}={c.get(key, 0)};{_count_range(warn)};{_count_range(crit)};0")
    return " ".join(out)


def _detail(f: Finding) -> bool:
    """Findings worth a line of their own: every problem, every OK about a service, each note."""
    return f.level is not Level.OK or f.check != "balance"


def nagios(reports: Sequence[Report], t: Thresholds, multi: bool) -> str:
    first = status_line(reports, multi)
    perf = perfdata(reports, t, multi)
    lines = [f"{first} | {perf}" if perf else first]
    for r in reports:
        prefix = f"{clean(r.profile)}: " if multi else ""
        if r.verdict is None:
            if multi:  # alone, the status line has said it already
                lines.append(_nagios_text(f"[UNKNOWN] {prefix}{r.error}"))
            continue
        if r.stale:
            said = _("data saved {when}, not live: {why}").format(when=_stamp(r.read_at), why=r.stale)
            lines.append(_nagios_text(f"[STALE] {prefix}{said}"))
        for f in r.verdict.findings:
            if _detail(f):
                tag = "INFO" if f.check == "note" else f.level.name
                lines.append(_nagios_text(f"[{tag}] {prefix}{f.text}"))
    return "\n".join(lines) + "\n"


# --- JSON ---------------------------------------------------------------------------------------

def _money(m: Any) -> dict[str, str] | None:
    return None if m is None else {"amount": format(m.amount, "f"), "currency": m.currency or ""}


def _threshold(value: Any) -> Any:
    return format(value, "f") if isinstance(value, Decimal) else value


def as_json(reports: Sequence[Report], t: Thresholds, multi: bool) -> str:
    level = overall(reports)
    body = {
        "status": level.name, "exit_code": int(level), "summary": status_line(reports, multi),
        "thresholds": {k: _threshold(v) for k, v in t.__dict__.items()},
        "profiles": [_report_json(r) for r in reports],
    }
    return json.dumps(body, ensure_ascii=False, indent=2) + "\n"


def _report_json(r: Report) -> dict[str, Any]:
    out: dict[str, Any] = {"profile": clean(r.profile), "status": r.level.name, "error": clean(r.error) or None,
                           "stale": bool(r.stale), "stale_reason": clean(r.stale) or None,
                           "data_time": _iso(r.read_at)}
    v = r.verdict
    if v is None:
        return out
    out["balance"] = _money(v.balance)
    out["counts"] = dict(v.counts)
    out["findings"] = [{"check": f.check, "status": f.level.name, "text": clean(f.text), "subject": clean(f.subject) or None}
                       for f in v.findings]
    out["services"] = [{"id": clean(s.id), "type": clean(s.type), "name": clean(s.name),
                        "expires": s.expires.isoformat() if s.expires else None, "days_left": s.days_left,
                        "autorenew_months": s.autorenew_months, "status_code": int(s.status),
                        "renewal_cost": _money(s.renewal_cost), "covered": s.covered, "status": s.level.name}
                       for s in v.services]
    return out


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="seconds") if ts else None


# --- Prometheus (node_exporter textfile) ----------------------------------------------------------

#: Every metric billtui writes: (name, help). All are gauges; labels below each.
METRICS: tuple[tuple[str, str], ...] = (
    ("billtui_up", "Whether the panel answered this run (1) or not (0); 0 with --allow-stale data too."),
    ("billtui_check_status", "The check's state for the profile: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN."),
    ("billtui_data_timestamp_seconds", "When the data was read from the panel (Unix time); older than the run "
                                       "when it came from the offline cache (--allow-stale)."),
    ("billtui_balance", "The account balance, in the currency named by the currency label."),
    ("billtui_service_expiry_timestamp_seconds", "When the service expires: 00:00 UTC of its expiry date (Unix time)."),
    ("billtui_service_autorenew_months", "The service's auto-renewal period in months; 0 when auto-renew is off."),
    ("billtui_service_status_code", "The service's status code: 1 ordered, 2 active, 3 suspended, 5 in progress."),
    ("billtui_services_expiring", "Services expiring within --expiry-warning days that auto-renew and the "
                                  "balance do not cover."),
    ("billtui_services_suspended", "Services suspended."),
    ("billtui_unpaid_orders", "Orders awaiting payment."),
    ("billtui_unpaid_invoices", "Invoices not paid."),
    ("billtui_tickets_awaiting_reply", "Support tickets awaiting the customer's reply."),
)


def _escape(value: str) -> str:
    """A label value as the text format wants it: backslash, double quote and newline escaped."""
    return clean(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def _labels(**labels: str) -> str:
    return "{" + ",".join(f'{k}="{_escape(v)}"' for k, v in labels.items()) + "}"


def _expiry_seconds(day: Any) -> int:
    return calendar.timegm(day.timetuple())


def prometheus(reports: Sequence[Report]) -> str:
    samples: dict[str, list[str]] = {name: [] for name, _help in METRICS}

    def add(metric: str, value: Any, **labels: str) -> None:
        samples[metric].append(f"{metric}{_labels(**labels)} {value}")

    for r in reports:
        p = r.profile
        add("billtui_up", 1 if r.verdict is not None and not r.stale else 0, profile=p)
        add("billtui_check_status", int(r.level), profile=p)
        if r.read_at:
            add("billtui_data_timestamp_seconds", int(r.read_at), profile=p)
        v = r.verdict
        if v is None:
            continue
        if v.balance is not None:
            add("billtui_balance", format(v.balance.amount, "f"), profile=p, currency=v.balance.currency or "")
        for s in v.services:
            labels = {"profile": p, "id": s.id, "type": s.type, "name": s.name}
            if s.expires is not None:
                add("billtui_service_expiry_timestamp_seconds", _expiry_seconds(s.expires), **labels)
            add("billtui_service_autorenew_months", s.autorenew_months or 0, **labels)
            add("billtui_service_status_code", int(s.status), **labels)
        c = v.counts
        add("billtui_services_expiring", c.get("expiring", 0), profile=p)
        add("billtui_services_suspended", c.get("suspended", 0), profile=p)
        add("billtui_unpaid_orders", c.get("unpaid_orders", 0), profile=p)
        add("billtui_unpaid_invoices", c.get("unpaid_invoices", 0), profile=p)
        add("billtui_tickets_awaiting_reply", c.get("tickets_awaiting_reply", 0), profile=p)
    lines: list[str] = []
    for name, help_text in METRICS:
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} gauge")
        lines.extend(samples[name])
    return "\n".join(lines) + "\n"


FORMATS = ("nagios", "json", "prometheus")


def render(fmt: str, reports: Sequence[Report], t: Thresholds, multi: bool) -> str:
    if fmt == "json":
        return as_json(reports, t, multi)
    if fmt == "prometheus":
        return prometheus(reports)
    return nagios(reports, t, multi)
