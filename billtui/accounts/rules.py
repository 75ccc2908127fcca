"""``billtui check``'s judgement: thresholds, and what the facts of an account mean against them.

Pure functions of the facts read from a panel (``accounts.facts.Facts``) and the day: no I/O,
so each rule is tested on its own. The states are Nagios's (``Level``); the worst finding
is the account's state, and across profiles the worst account's (``worst``), where not
knowing (UNKNOWN) counts as worse than a warning but not as bad as a known critical.

The rules:

- balance: below ``--balance-warning`` is WARNING, below ``--balance-critical`` CRITICAL,
  in the account's currency (``Decimal``, never float).
- expiry: a service (not just ordered, with an expiry date) expiring within
  ``--expiry-warning`` days, or already expired, is WARNING; within ``--expiry-critical``
  days CRITICAL. A service with auto-renew on whose renewal the balance covers is OK: the
  covered ones are counted soonest first, each taking its cost off what is left, as the
  panel will charge them.
- unpaid: orders awaiting payment plus unpaid invoices, counted.
- tickets: tickets awaiting the customer's reply, counted.
- suspended: suspended services, counted.

A count's threshold N means "N or more"; ``off`` turns a level off.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from billtui.api.models import ServiceStatus
from billtui.api.values import MONEY_CONTEXT, Money
from billtui.display.safe import clean
from billtui.i18n import _, formats, ngettext


class Level(enum.IntEnum):
    """A Nagios state; its value is the plugin's exit code."""

    OK = 0
    WARNING = 1
    CRITICAL = 2
    UNKNOWN = 3

    @property
    def rank(self) -> int:
        """How bad, for picking the worst: OK < WARNING < UNKNOWN < CRITICAL."""
        return {Level.OK: 0, Level.WARNING: 1, Level.UNKNOWN: 2, Level.CRITICAL: 3}[self]


def worst(levels: Sequence[Level]) -> Level:
    return max(levels, key=lambda lv: lv.rank, default=Level.OK)


@dataclass(frozen=True)
class Thresholds:
    """Warning and critical levels of each check; ``None`` is off."""

    balance_warning: Decimal | None = Decimal("20")
    balance_critical: Decimal | None = Decimal("5")
    expiry_warning: int | None = 14
    expiry_critical: int | None = 3
    unpaid_warning: int | None = 1
    unpaid_critical: int | None = None
    tickets_warning: int | None = 1
    tickets_critical: int | None = None
    suspended_warning: int | None = 1
    suspended_critical: int | None = None

    @property
    def expiry_window(self) -> int | None:
        """The days ahead that matter at all: the wider of the two expiry thresholds."""
        days = [d for d in (self.expiry_warning, self.expiry_critical) if d is not None]
        return max(days) if days else None


#: The checks, by the name used in findings, JSON and the options (``--<name>-warning``).
CHECKS = ("balance", "expiry", "unpaid", "tickets", "suspended")


@dataclass(frozen=True)
class Finding:
    """One thing worth saying about an account, with its state."""

    check: str  # one of ``CHECKS`` or "note": language-neutral
    level: Level
    #: A sentence for a person, in billtui's language when it was judged.
    text: str
    #: The service, order, invoice or ticket it is about ("" for the balance).
    subject: str = ""


@dataclass(frozen=True)
class ServiceView:
    """A service as the expiry rule sees it (also what JSON and Prometheus list)."""

    id: str
    type: str
    name: str
    expires: date | None
    days_left: int | None
    autorenew_months: int | None
    status: ServiceStatus
    #: The renewal's cost when auto-renew is on and it was asked for (else the row's cost).
    renewal_cost: Money | None
    #: Auto-renew is on and the balance covers it (so it needs no one's attention).
    covered: bool = False
    level: Level = Level.OK


@dataclass(frozen=True)
class Verdict:
    """An account judged: its state, the findings behind it and the numbers the formats print."""

    level: Level
    findings: tuple[Finding, ...]
    balance: Money | None
    services: tuple[ServiceView, ...]
    counts: Mapping[str, int] = field(default_factory=dict)

    def problems(self) -> list[Finding]:
        """The findings that are not OK, worst first (then in the order they were found)."""
        bad = [f for f in self.findings if f.level is not Level.OK]
        return sorted(bad, key=lambda f: -f.level.rank)


def money_text(m: Money | None) -> str:
    """An amount as monitoring text reads it best: the exact number, then the ISO code
    (``12.40 EUR``), whatever symbol the panel wrote (``$12.40``)."""
    if m is None:
        return "?"
    return f"{format(m.amount, 'f')} {m.currency}".strip() if m.currency else str(m)


def renews_itself(service: Any) -> bool:
    """Auto-renew is on: a period, or at least the panel's word for "on" (``Service.autoprolong``)."""
    return service.autoprolong_months is not None or (service.autoprolong or "").strip().lower() not in ("", "off")


def _count_level(n: int, warning: int | None, critical: int | None) -> Level:
    if critical is not None and n >= critical:
        return Level.CRITICAL
    if warning is not None and n >= warning:
        return Level.WARNING
    return Level.OK


def _name(service: Any) -> str:
    return clean(getattr(service, "name", "") or _("service {id}").format(id=getattr(service, "id", "?")))


def _expiry(name: str, days: int) -> str:
    """``VPS-1 expires in 3 days``, ``… expires today``, ``… expired 2 days ago``."""
    if days < 0:
        return ngettext("{name} expired {n} day ago", "{name} expired {n} days ago", -days).format(name=name, n=-days)
    if days == 0:
        return _("{name} expires today").format(name=name)
    return ngettext("{name} expires in {n} day", "{name} expires in {n} days", days).format(name=name, n=days)


def _expiry_level(days: int, t: Thresholds) -> Level:
    if t.expiry_critical is not None and days <= t.expiry_critical:
        return Level.CRITICAL
    if t.expiry_warning is not None and days <= t.expiry_warning:
        return Level.WARNING
    return Level.OK


def judge(facts: Any, t: Thresholds, today: date) -> Verdict:
    """What the account's ``facts`` (a ``accounts.facts.Facts``) mean against ``t`` on ``today``."""
    findings: list[Finding] = []
    balance: Money | None = facts.balance

    # --- balance ---------------------------------------------------------------------
    if balance is None:
        findings.append(Finding("balance", Level.UNKNOWN, _("the balance could not be read")))
    else:
        text = _("balance {amount}").format(amount=money_text(balance))
        level = Level.OK
        for lv, limit in ((Level.CRITICAL, t.balance_critical), (Level.WARNING, t.balance_warning)):
            if limit is not None and balance.amount < limit:
                level = lv
                text = _("balance {amount} (below {limit})").format(amount=money_text(balance), limit=limit)
                break
        findings.append(Finding("balance", level, text))

    # --- expiry, soonest first, auto-renewals taken off the balance in that order ----------
    left = balance.amount if balance is not None else None
    views: list[ServiceView] = []
    window = t.expiry_window
    listed = sorted(facts.services, key=lambda s: (s.expires or date.max, str(s.id)))
    expiring = 0
    for s in listed:
        days = (s.expires - today).days if s.expires is not None else None
        cost = facts.renewal_costs.get(s.id) or s.cost
        view = ServiceView(id=s.id, type=s.type, name=clean(s.name), expires=s.expires, days_left=days,
                           autorenew_months=s.autoprolong_months, status=s.status, renewal_cost=cost)
        relevant = (days is not None and window is not None and days <= window
                    and s.status not in (ServiceStatus.ORDERED, ServiceStatus.DELETED))
        if not relevant:
            views.append(view)
            continue
        assert days is not None
        auto_on = renews_itself(s)
        same_currency = cost is not None and balance is not None and (
            not cost.currency or not balance.currency or cost.currency == balance.currency)
        covered = False
        if auto_on and days >= 0 and left is not None and cost is not None and same_currency \
                and cost.amount <= left:
            covered = True
            left = MONEY_CONTEXT.subtract(left, cost.amount)
        level = Level.OK if covered else _expiry_level(days, t)
        details = [formats.day(s.expires)] if s.expires is not None else []
        if covered:
            details.append(_("auto-renew on, {cost} covered by the balance").format(cost=money_text(cost)))
        elif auto_on and days >= 0:
            if cost is None:
                details.append(_("auto-renew on, but its cost is unknown"))
            elif balance is not None and not same_currency:
                details.append(_("auto-renew on, but it costs {cost}, not in the balance's currency").format(
                    cost=money_text(cost)))
            elif balance is not None:
                details.append(_("auto-renew on, but the balance does not cover {cost}").format(cost=money_text(cost)))
        elif days >= 0:
            details.append(_("auto-renew off"))
        what = _expiry(_name(s), days) + (f" ({', '.join(details)})" if details else "")
        if level is not Level.OK:
            expiring += 1
        findings.append(Finding("expiry", level, what, subject=s.id))
        views.append(replace(view, covered=covered, level=level))

    # --- counts ---------------------------------------------------------------------------
    unpaid = len(facts.unpaid_orders) + len(facts.unpaid_invoices)
    level = _count_level(unpaid, t.unpaid_warning, t.unpaid_critical)
    for o in facts.unpaid_orders:
        number = clean(o.number or o.id)
        if o.cost is not None:
            text = _("order {number} ({cost}) awaits payment").format(number=number, cost=money_text(o.cost))
        else:
            text = _("order {number} awaits payment").format(number=number)
        findings.append(Finding("unpaid", level, text, subject=o.id))
    for i in facts.unpaid_invoices:
        number = clean(i.number or i.id)
        if i.amount is not None:
            text = _("invoice {number} ({amount}) is not paid").format(number=number, amount=money_text(i.amount))
        else:
            text = _("invoice {number} is not paid").format(number=number)
        findings.append(Finding("unpaid", level, text, subject=i.id))

    tickets = len(facts.tickets_awaiting)
    level = _count_level(tickets, t.tickets_warning, t.tickets_critical)
    for k in facts.tickets_awaiting:
        findings.append(Finding("tickets", level, _("ticket {id} awaits your reply: {subject}").format(
            id=clean(k.id), subject=clean(k.subject)), subject=k.id))

    suspended = [s for s in listed if s.status is ServiceStatus.SUSPENDED]
    level = _count_level(len(suspended), t.suspended_warning, t.suspended_critical)
    for s in suspended:
        if s.status_text:
            text = _("{name} is suspended ({why})").format(name=_name(s), why=clean(s.status_text))
        else:
            text = _("{name} is suspended").format(name=_name(s))
        findings.append(Finding("suspended", level, text, subject=s.id))

    for note in facts.notes:
        findings.append(Finding("note", Level.OK, note))

    counts = {"expiring": expiring, "suspended": len(suspended), "unpaid": unpaid,
              "unpaid_orders": len(facts.unpaid_orders), "unpaid_invoices": len(facts.unpaid_invoices),
              "tickets_awaiting_reply": tickets, "services": len(views)}
    return Verdict(level=worst([f.level for f in findings]), findings=tuple(findings), balance=balance,
                   services=tuple(views), counts=counts)
