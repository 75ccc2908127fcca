"""``billtui check``: the account's health as a monitoring plugin (Nagios, Icinga, Prometheus).

It runs unattended, so it never asks anything: the password comes from ``BILLTUI_PASSWORD``,
the profile's ``password_command`` or the keyring, and a missing one (or a two-factor code
the account wants) is UNKNOWN with the usual line naming the alternatives. The whole run
has a deadline (``--timeout``); past it, the profile is UNKNOWN. The exit code is the
state in every format: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (a mistake on the command
line included: argparse's own 2 would read as CRITICAL).

The offline cache (the replies billtui saved from the panel, ``storage.cache``) is used only
with ``--allow-stale``, and the output then says the data is stale and from when. A live run
of a saved profile saves what it read there, as the TUI does, so a later run can fall back
on it.

What is judged and how: ``accounts.rules``. What is read: ``accounts.facts``. What is printed:
``check_output``.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, Callable

from billtui.cli.check_output import FORMATS, Report, overall, render
from billtui.accounts.rules import Level, Thresholds
from billtui.cli.days import OFF_WORDS, days_or_off
from billtui.cli.session import CliError, one_line
from billtui.i18n import N_, _, set_language

#: ``--timeout`` by default, in seconds: the whole run, every profile at once.
DEFAULT_TIMEOUT = 30.0
#: With ``--allow-stale``, the share of the deadline the panel gets before the saved data is used.
LIVE_SHARE = 0.8

DESCRIPTION = N_("""\
Check the account as a monitoring plugin: the balance, services expiring soon, unpaid orders
and invoices, tickets awaiting your reply, suspended services. Exit code and first line follow
the Nagios plugin conventions: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (the panel could not be
reached, the login was refused, no password, past --timeout, a usage mistake). The first line
is "BILLTUI STATE - summary | perfdata"; one line per finding follows.

A service expiring within --expiry-warning days (or already expired) is WARNING, within
--expiry-critical days CRITICAL, unless auto-renew is on and the balance covers its renewal
(counted soonest first). Counts (unpaid, tickets, suspended) alert at N or more. Any
threshold can be "off". Never asks for anything: the password comes from BILLTUI_PASSWORD,
the profile's password_command or the keyring.""")

EPILOG = N_("""\
examples:
  billtui check --profile work
  billtui check --all-profiles --balance-warning 50 --expiry-warning 3w
  billtui check --format prometheus --output /var/lib/node_exporter/textfile/billtui.prom
  billtui check --format json --allow-stale | jq .status""")


#: An amount written with a decimal comma (``12,50``): one or two digits after it, so it is never
#: a thousands separator.
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")


def _amount_or_off(text: str) -> Decimal | None:
    """A balance threshold in the account's currency (an exact decimal), or ``off``."""
    if text.strip().lower() in OFF_WORDS:
        return None
    typed = text.strip()
    if _DECIMAL_COMMA.fullmatch(typed):
        typed = typed.replace(",", ".")  # 12,50 as well as 12.50 (never 1,000: that is refused)
    try:
        value = Decimal(typed)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise argparse.ArgumentTypeError(
            _("{text} is not an amount: write 20 or 12.50 (or off)").format(text=repr(text)))
    return value


def _count_or_off(text: str) -> int | None:
    if text.strip().lower() in OFF_WORDS:
        return None
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError(_("{text} is not a count: write 1, 2... (or off)").format(text=repr(text)))
    return int(text.strip())


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text} is not a number of seconds").format(text=repr(text))) from None
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(_("the timeout must be more than 0 and at most 3600 seconds"))
    return value


def _off(value: Any) -> str:
    return "off" if value is None else str(value)


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    d = Thresholds()
    p = sub.add_parser("check", help=_("monitoring plugin: balance, expiring services, unpaid, tickets "
                                       "(Nagios/Prometheus)"),
                       description=_(DESCRIPTION), epilog=_(EPILOG),
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    common(p)
    p.add_argument("--all-profiles", action="store_true",
                   help=_("check every saved profile at once; the state is the worst of them, and a profile "
                          "that fails is UNKNOWN without hiding the others"))
    p.add_argument("--format", choices=FORMATS, default="nagios",
                   help=_("nagios: status line, perfdata and a line per finding (default); json; "
                          "prometheus: node_exporter textfile format"))
    p.add_argument("--output", metavar="FILE",
                   help=_("write to FILE instead of stdout, atomically (a temporary file in the same "
                          "directory, then renamed): for node_exporter's textfile collector"))
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=_("deadline for the whole run (default {seconds}); past it: UNKNOWN").format(
                       seconds=f"{DEFAULT_TIMEOUT:g}"))
    p.add_argument("--allow-stale", action="store_true",
                   help=_("when the panel does not answer, judge the data billtui saved from it last time "
                          "(the output says STALE and from when) instead of UNKNOWN"))
    g = p.add_argument_group(_("thresholds"), _("WARNING and CRITICAL levels; any of them can be \"off\""))
    also = _("(default {default})")  # the critical level: the warning's help says what it is
    g.add_argument("--balance-warning", type=_amount_or_off, default=d.balance_warning, metavar="AMOUNT",
                   help=_("balance below AMOUNT, in the account's currency (default {default})").format(
                       default=_off(d.balance_warning)))
    g.add_argument("--balance-critical", type=_amount_or_off, default=d.balance_critical, metavar="AMOUNT",
                   help=also.format(default=_off(d.balance_critical)))
    g.add_argument("--expiry-warning", type=days_or_off, default=d.expiry_warning, metavar="DAYS",
                   help=_("a service expires within DAYS (14, 14d, 2w; default {default})").format(
                       default=_off(d.expiry_warning)))
    g.add_argument("--expiry-critical", type=days_or_off, default=d.expiry_critical, metavar="DAYS",
                   help=also.format(default=_off(d.expiry_critical)))
    for name, what in (("unpaid", _("N or more orders awaiting payment plus unpaid invoices (default {default})")),
                       ("tickets", _("N or more tickets awaiting your reply (default {default})")),
                       ("suspended", _("N or more suspended services (default {default})"))):
        g.add_argument(f"--{name}-warning", type=_count_or_off, default=getattr(d, f"{name}_warning"), metavar="N",
                       help=what.format(default=_off(getattr(d, f"{name}_warning"))))
        g.add_argument(f"--{name}-critical", type=_count_or_off, default=getattr(d, f"{name}_critical"),
                       metavar="N", help=also.format(default=_off(getattr(d, f"{name}_critical"))))
    p.set_defaults(run_plugin=run_plugin)


def thresholds_of(args: argparse.Namespace) -> Thresholds:
    return Thresholds(**{name: getattr(args, name) for name in Thresholds.__dataclass_fields__})


def run_plugin(args: argparse.Namespace) -> int:
    """The whole command: its output, and the Nagios state as the exit code."""
    if args.format != "nagios":
        # JSON and Prometheus are read by programs: their texts (summary, findings, errors) stay
        # English whatever the language (session.speak leaves a pinned language alone).
        args.pinned_language = set_language("en")
    thresholds = thresholds_of(args)
    multi = bool(getattr(args, "all_profiles", False))
    try:
        reports = asyncio.run(_reports(args, thresholds))
    except KeyboardInterrupt:
        reports = [Report(_single_name(args), None, error=_("interrupted"))]
    except CliError as exc:
        reports = [Report(_single_name(args), None, error=one_line(exc))]
        multi = False
    except Exception as exc:  # anything unexpected is UNKNOWN too: a plugin never leaves a traceback
        reports = [Report(_single_name(args), None, error=one_line(exc) or type(exc).__name__)]
        multi = False
    try:
        text = render(args.format, reports, thresholds, multi)
        code = int(overall(reports))
    except Exception as exc:  # still a plugin's answer, never a traceback
        text, code = f"BILLTUI UNKNOWN - {one_line(exc) or type(exc).__name__}\n", int(Level.UNKNOWN)
    if args.output:
        from billtui.cli.atomic_file import write_atomic

        try:
            write_atomic(args.output, text)
        except OSError as exc:
            said = _("cannot write {file}: {error}").format(file=args.output, error=exc.strerror or exc)
            print(f"BILLTUI UNKNOWN - {said}")
            return int(Level.UNKNOWN)
        return code
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    return code


def _single_name(args: argparse.Namespace) -> str:
    if getattr(args, "all_profiles", False):
        return "all profiles"
    if getattr(args, "demo", False):
        return "demo"
    if getattr(args, "url", None):
        return "one-off"
    return getattr(args, "profile", None) or "default"


async def _reports(args: argparse.Namespace, t: Thresholds) -> list[Report]:
    from billtui.cli.all_profiles import each_profile
    from billtui.cli.session import chosen_profile, client_for, every_profile, language_for, make_client

    if getattr(args, "all_profiles", False):
        profiles = every_profile(args)
    elif getattr(args, "demo", False):
        profiles = []
    else:
        profiles = [chosen_profile(args)]
    saved = not getattr(args, "url", None)
    if not profiles:  # --demo
        return [await _bounded("demo", lambda: make_client(args, interactive=False), None, args, t)]

    async def one(profile: Any) -> Report:
        return await _bounded(profile.name, lambda: client_for(profile, interactive=False,
                                                                lang=language_for(args, profile)),
                              profile if saved else None, args, t)

    outcomes = await each_profile(profiles, one)
    return [o.value if o.value is not None else Report(o.profile, None, error=one_line(o.error or Exception()))
            for o in outcomes]


async def _bounded(name: str, make: Callable[[], Any], profile: Any, args: argparse.Namespace,
                   t: Thresholds) -> Report:
    """One profile's report within the run's deadline (a little is kept for the saved data)."""
    try:
        return await asyncio.wait_for(_check_one(name, make, profile, args, t), args.timeout)
    except TimeoutError:
        return Report(name, None, error=_("no answer within {seconds} s (--timeout)").format(
            seconds=f"{args.timeout:g}"))


def _cache_for(profile: Any) -> Any:
    """The profile's offline cache, as the TUI names it (same panel and login, same cache)."""
    from billtui.storage.cache import ProfileCache

    return ProfileCache(profile.name, identity=f"{profile.url}\n{profile.username}")


async def _check_one(name: str, make: Callable[[], Any], profile: Any, args: argparse.Namespace,
                     t: Thresholds) -> Report:
    from billtui.api import errors
    from billtui.cli.all_profiles import off_thread
    from billtui.accounts.facts import read_facts
    from billtui.accounts.rules import judge

    try:
        client = await off_thread(make)
    except CliError as exc:  # no password, a failing password_command, a bad --url
        return Report(name, None, error=one_line(exc))
    cache = _cache_for(profile) if profile is not None else None
    if cache is not None:
        # Reads are saved as the TUI saves them, so a later --allow-stale run has something.
        cache.record_from(client)
    stale_possible = bool(args.allow_stale and cache is not None and cache.has_data())
    budget = args.timeout * (LIVE_SHARE if stale_possible else 1.0)

    async def live() -> Any:
        await client.login()
        # Handed to the cache (no request): the saved data counts as usable once it knows who logged in.
        client.take_login_whoami()
        return await read_facts(client, window=t.expiry_window)

    failure: errors.BillError
    try:
        facts = await asyncio.wait_for(live(), budget)
        return Report(name, judge(facts, t, date.today()), read_at=facts.read_at)
    except errors.LoginRefused as exc:
        return Report(name, None, error=_("login refused: {error}").format(error=one_line(exc)))
    except TimeoutError:
        failure = errors.PanelTimeout(_("The panel did not answer within {seconds} s.").format(
            seconds=f"{budget:g}"), hint="")
    except errors.TransportError as exc:
        failure = exc
    except errors.BillError as exc:
        return Report(name, None, error=one_line(exc))
    finally:
        if cache is not None:
            cache.flush()
        try:
            await client.aclose()
        except Exception:
            pass
    if stale_possible and cache is not None and not isinstance(failure, errors.TlsError):
        return await _from_cache(name, cache, profile, failure, t)
    if cache is not None and not args.allow_stale and cache.has_data():
        said = _("panel unreachable: {error} (--allow-stale would judge the data saved from it instead)")
    else:
        said = _("panel unreachable: {error}")
    return Report(name, None, error=said.format(error=one_line(failure)))


async def _from_cache(name: str, cache: Any, profile: Any, failure: Exception, t: Thresholds) -> Report:
    from billtui.accounts.facts import read_facts
    from billtui.accounts.rules import judge
    from billtui.runtime.offline import OfflineClient

    host = profile.url.split("//", 1)[-1].split("/", 1)[0]
    offline = OfflineClient(cache, url=profile.url, username=profile.username, host=host)
    saved = cache.saved_at()
    why = _("the panel did not answer: {error}").format(error=one_line(failure))
    try:
        facts = await read_facts(offline, window=t.expiry_window, read_at=saved)
    except Exception as exc:
        return Report(name, None, error=_("panel unreachable ({error}) and the saved data is not enough: "
                                          "{problem}").format(error=one_line(failure), problem=one_line(exc)))
    return Report(name, judge(facts, t, date.today()), stale=why, read_at=saved)
