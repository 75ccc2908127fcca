"""One account checked for the All accounts view: reachable or not, and the verdict of the
same rules ``billtui check`` applies (``accounts.rules``), with its default thresholds."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from billtui.accounts.rules import Thresholds, Verdict
from billtui.i18n import _

#: Seconds one account may take (login and every read) before it counts as not answering.
CHECK_TIMEOUT = 30.0


@dataclass(frozen=True)
class Health:
    """What the view shows for one profile."""

    profile: str
    verdict: Verdict | None = None
    #: Why there is no verdict: no saved password, login refused, the panel did not answer.
    error: str = ""
    #: Whether the panel answered at all (a refused login did answer).
    reachable: bool = True


async def verdict_of(client: Any, today: date, thresholds: Thresholds = Thresholds()) -> Verdict:
    """Judge the account ``client`` is logged in to."""
    from billtui.accounts.facts import read_facts
    from billtui.accounts.rules import judge

    facts = await read_facts(client, window=thresholds.expiry_window, today=today)
    return judge(facts, thresholds, today)


async def check_profile(name: str, make_client: Callable[[], Any], today: date, *,
                        timeout: float = CHECK_TIMEOUT) -> Health:
    """Log in to a saved profile without asking anything, judge it, log out."""
    from billtui.accounts.connect import NoPassword, one_line
    from billtui.api import errors
    from billtui.storage.credentials import CredentialError

    try:
        client = make_client()
    except NoPassword:
        return Health(name, error=_("no saved password: open it to log in"), reachable=False)
    except CredentialError as exc:
        return Health(name, error=one_line(exc), reachable=False)
    try:
        return Health(name, await asyncio.wait_for(_login_and_judge(client, today), timeout))
    except TimeoutError:
        return Health(name, error=_("the panel did not answer within {timeout:g} s").format(timeout=timeout), reachable=False)
    except errors.LoginRefused as exc:
        return Health(name, error=_("login refused: {error}").format(error=one_line(exc)))
    except errors.TransportError as exc:
        return Health(name, error=_("unreachable: {error}").format(error=one_line(exc)), reachable=False)
    except errors.BillError as exc:
        return Health(name, error=one_line(exc))
    finally:
        await _close(client.aclose())


async def _login_and_judge(client: Any, today: date) -> Verdict:
    await client.login()
    return await verdict_of(client, today)


async def _close(closing: Awaitable[Any]) -> None:
    try:
        await closing
    except Exception:
        pass  # logging out of a panel that went away: nothing to tell the user
