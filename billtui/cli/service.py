"""``billtui service renew|autorenew``: renew a service, or set how it renews itself.

The same calls as the TUI's dialogs (``screens/services/renew.py``, ``service_actions.py``),
so a renewal from a script moves the expiry exactly as one from the TUI does:

- the terms: ``service.prolong`` viewed, then viewed again with the period (nothing saved);
- ``--from-balance``: ``services.prolong_pay`` (the dialog's "Pay now");
- ``--cart`` (the default, since it spends nothing): ``services.prolong_submit`` ("Add to
  cart"), paid later with ``billtui pay cart``;
- auto-renew: the ``T.edit`` form's own ``autoprolong`` keys (``null`` = off on real panels),
  saved with ``services.save_autoprolong``.

After a write the service is read back, so what is printed is what the panel now says.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, Callable

from billtui.cli.confirm import add_yes, confirm, send_once
from billtui.cli.session import CliError
from billtui.i18n import N_, _, pgettext

RENEW_CHECK = N_("the service's expiry (`billtui get services`), the balance (`billtui get balance`) "
                 "and the cart (Finances › Orders in billtui)")
AUTORENEW_CHECK = N_("the service's auto-renew setting (`billtui get services`)")


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    s = sub.add_parser("service", help=_("renew a service, or turn its auto-renewal on or off"),
                       description=_("Change one service. Each command says what will happen and asks first "
                                     "(--yes: no question; without a terminal --yes is required)."))
    ssub = s.add_subparsers(dest="service_command", metavar="renew|autorenew", required=True)
    renew = ssub.add_parser(
        "renew", help=_("renew for a period: into the cart (default) or paid now from the balance"),
        description=_("Renew a service for --period months, as the TUI's renew dialog does. It prints the "
                      "current and the new expiry date and the cost, then asks. --cart (the default) puts the "
                      "renewal in the cart: the expiry moves once the cart is paid (billtui pay cart). "
                      "--from-balance pays it now from the account balance; if the balance does not cover it, "
                      "the panel leaves it in the cart and the command fails (exit code 1). A write is sent "
                      "once: if its answer is lost, billtui says what to check instead of sending it again."))
    renew.add_argument("id", metavar="ID", help=_("the service's id (or its exact name)"))
    renew.add_argument("--period", required=True, metavar="N",
                       help=_("months to renew for: a period the panel offers (12 or \"1 year\"; a wrong one "
                              "lists them)"))
    how = renew.add_mutually_exclusive_group()
    how.add_argument("--from-balance", action="store_true", help=_("pay now from the account balance"))
    how.add_argument("--cart", action="store_true", help=_("put the renewal in the cart, to pay later (the default)"))
    add_yes(renew)
    common(renew)
    renew.set_defaults(run=run_renew)

    auto = ssub.add_parser(
        "autorenew", help=_("auto-renew: on, off, or every PERIOD months"),
        description=_("Set the service's auto-renewal. on: keep the current period if it is on already, else the "
                      "first (shortest) period the panel offers; off; or a period in months (1, 3, 12, 1y...) "
                      "that the panel offers. Nothing is sent when it is set that way already."))
    auto.add_argument("id", metavar="ID", help=_("the service's id (or its exact name)"))
    auto.add_argument("setting", metavar="on|off|PERIOD")
    add_yes(auto)
    common(auto)
    auto.set_defaults(run=run_autorenew)


# --- finding the service ---------------------------------------------------------------------

async def find_service(client: Any, wanted: str) -> tuple[Any, str]:
    """The service with id (or exact name) ``wanted``, and its product type's title."""
    from billtui.api import lists
    from billtui.api.calls import account
    from billtui.cli.get import _pages
    from billtui.display.safe import clean

    panel_menu = await account.menu(client)
    found: list[tuple[Any, str]] = []
    for stype in panel_menu.service_types:
        for svc in await _pages(client, lists.services(stype.name), None):
            found.append((svc, stype.title or stype.name))
    key = wanted.strip()
    by_id = [f for f in found if str(f[0].id) == key]
    if by_id:
        return by_id[0]
    by_name = [f for f in found if str(f[0].name).lower() == key.lower()]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        ids = ", ".join(f"{clean(s.id)}" for s, _title in by_name)
        raise CliError(_("several services are named {name} (ids {ids}): give the id").format(
            name=repr(wanted), ids=ids), code=2)
    raise CliError(_("no service {name} on this account: `billtui get services` lists them").format(
        name=repr(wanted)), code=2)


def described(service: Any, title: str) -> str:
    from billtui.display.safe import clean

    return _("{name} ({type}, id {id})").format(name=clean(service.name) or _("service"), type=clean(title),
                                               id=clean(service.id))


# --- renew ----------------------------------------------------------------------------------------

def period_key(periods: Any, wanted: str) -> str:
    """The key of the panel's period option that ``wanted`` names (its key, months or label)."""
    from billtui.api.values import parse_int
    from billtui.display.safe import clean

    w = " ".join(wanted.strip().lower().split())
    months = _months(w)
    for o in periods:
        if o.key == wanted.strip() or " ".join(o.label.lower().split()) == w:
            return str(o.key)
    for o in periods:
        if months is not None and parse_int(o.key) == months:
            return str(o.key)
    for o in periods:
        # The panel's labels often carry the price ("3 months - 72.00 USD"): its first words name it.
        if o.label.lower().split(" - ")[0].strip() == w:
            return str(o.key)
    offered = ", ".join(f"{clean(o.key)} ({clean(o.label)})" for o in periods) or _("none")
    raise CliError(_("the panel offers no period {period} for this service (periods: {offered})").format(
        period=repr(wanted), offered=offered), code=2)


_MONTHS = re.compile(r"(?P<n>\d{1,3})\s*(?P<unit>m|months?|y|years?)?")


def _months(text: str) -> int | None:
    m = _MONTHS.fullmatch(text)
    if m is None:
        return None
    n = int(m.group("n"))
    return n * 12 if (m.group("unit") or "m").startswith("y") else n


def _cost(form: Any, currency: str) -> Any:
    from billtui.api.values import parse_money

    raw = form.values.get("cost") or form.values.get("amount") or ""
    return parse_money(raw, currency) if raw else None


def _label(periods: Any, key: str) -> str:
    from billtui.api.values import parse_int, period_text
    from billtui.display.safe import clean

    months = parse_int(key)
    if months is not None:
        return period_text(months)
    return next((clean(o.label) for o in periods if o.key == key), clean(key))


async def run_renew(client: Any, args: argparse.Namespace) -> str:
    from billtui.api.calls import account, services
    from billtui.cli.output import amount_or as _amount, day_or as _day

    dashboard = await account.dashboard(client)
    currency = dashboard.balance.currency if dashboard.balance is not None else ""
    service, title = await find_service(client, args.id)
    what = described(service, title)
    form = await services.prolong_view(client, service.id)
    key = period_key(form.periods, args.period)
    if key != form.period:
        form = await services.prolong_recompute(client, service.id, key)
    cost = _cost(form, currency)
    old = form.expires or service.expires
    new = form.new_expires
    label = _label(form.periods, key)
    pay_now = bool(args.from_balance)
    terms = _("expires {old} → {new}, cost {cost}").format(
        old=_day(old, _("on an unknown date")), new=_day(new, _("a date the panel did not say")),
        cost=_amount(cost, _("not given")))
    if pay_now:
        how = _("paid now from the balance ({balance})").format(balance=_amount(dashboard.balance, _("unknown")))
    else:
        how = _("put in the cart; the expiry moves when the cart is paid (billtui pay cart)")
    confirm(_("Renew {service} for {period}: {terms}; {how}.").format(service=what, period=label, terms=terms,
                                                                       how=how), yes=args.yes)

    if not pay_now:
        await send_once(services.prolong_submit(client, service.id, key), check=_(RENEW_CHECK))
        return _("The renewal of {service} for {period} ({cost}) is in the cart. It still expires {old} until "
                 "the cart is paid: billtui pay cart --from-balance").format(
            service=what, period=label, cost=_amount(cost, _("cost not given")), old=_day(old, "?")) + "\n"
    result = await send_once(services.prolong_pay(client, service.id, key), check=_(RENEW_CHECK))
    if result.expires is None and result.url:
        from billtui.runtime.links import web_url

        page = web_url(result.url, client.url)
        if page:
            said = _("not renewed: the balance does not cover {cost}, so the panel put the renewal of {service} "
                     "in the cart; pay it with `billtui pay cart` or on its payment page: {page}")
        else:
            said = _("not renewed: the balance does not cover {cost}, so the panel put the renewal of {service} "
                     "in the cart; pay it with `billtui pay cart`")
        raise CliError(said.format(cost=_amount(cost, _("the renewal")), service=what, page=page))
    try:
        now, _title = await find_service(client, str(service.id))
        expires = now.expires
    except CliError:
        expires = result.expires
    expires = expires or result.expires
    if expires is None or (old is not None and expires <= old):
        return _("The panel accepted the renewal of {service} for {period}; it still shows the expiry {expires} "
                 "(it may change once the panel has processed it).").format(
            service=what, period=label, expires=_day(expires, "?")) + "\n"
    return _("Renewed {service} for {period} until {expires}; {cost} paid from the balance.").format(
        service=what, period=label, expires=_day(expires, "?"), cost=_amount(cost, _("the cost"))) + "\n"


# --- auto-renew -----------------------------------------------------------------------------------

_ON = frozenset({"on", "yes", "enable", "enabled"})
_OFF = frozenset({"off", "no", "disable", "disabled", "none"})


def autorenew_key(choices: Any, current: str, wanted: str) -> str:
    """The key of the form's option that ``wanted`` (on, off, a period) means."""
    from billtui.api.calls import services
    from billtui.api.values import parse_int
    from billtui.display.safe import clean

    off_key = services.autoprolong_off_key(choices)
    w = " ".join(wanted.strip().lower().split())
    if w in _OFF:
        return off_key
    periods = [o for o in choices if not services.is_autoprolong_off(o.key, choices)]
    if w in _ON:
        if not services.is_autoprolong_off(current, choices):
            return current
        if not periods:
            raise CliError(_("the panel offers no auto-renewal period for this service"), code=2)
        return str(periods[0].key)
    months = _months(w)
    for o in periods:
        if o.key == wanted.strip() or " ".join(o.label.lower().split()) == w or (
                months is not None and parse_int(o.key) == months):
            return str(o.key)
    offered = ", ".join(f"{clean(o.key)} ({clean(o.label)})" for o in periods) or _("none")
    raise CliError(_("the panel offers no auto-renewal {setting} for this service: use on, off or one of "
                     "the periods ({offered})").format(setting=repr(wanted), offered=offered), code=2)


def _setting(choices: Any, key: str) -> str:
    from billtui.api.calls import services

    if services.is_autoprolong_off(key, choices):
        return pgettext("auto-renew", "off")
    return _("every {period}").format(period=_label(choices, key))


async def run_autorenew(client: Any, args: argparse.Namespace) -> str:
    from billtui.api.calls import services
    from billtui.api.parser import Option

    service, title = await find_service(client, args.id)
    what = described(service, title)
    form = await services.service_form(client, service.type, service.id)
    # The form's own keys, as the TUI's dialog takes them (a placeholder with an empty key is not one).
    choices = [o for o in form.options.get("autoprolong") or [] if o.key.strip()]
    off_key = services.autoprolong_off_key(choices)
    if off_key not in [o.key for o in choices]:
        choices.insert(0, Option(off_key, "Off"))
    current = form.get("autoprolong") or off_key
    if services.is_autoprolong_off(current, choices):
        current = off_key
    key = autorenew_key(choices, current, args.setting)
    if key == current:
        return _("Auto-renew for {service} is {setting} already: nothing to change.").format(
            service=what, setting=_setting(choices, key)) + "\n"
    confirm(_("Auto-renew for {service}: {old} → {new}.").format(
        service=what, old=_setting(choices, current), new=_setting(choices, key)), yes=args.yes)
    await send_once(services.save_autoprolong(client, service.type, service.id, key), check=_(AUTORENEW_CHECK))
    saved = (await services.service_form(client, service.type, service.id)).get("autoprolong") or off_key
    return _("Auto-renew for {service}: {setting}.").format(service=what, setting=_setting(choices, saved)) + "\n"
