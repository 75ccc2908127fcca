"""What every script command that changes something (renew, auto-renew, pay) does around its write.

Before: say what will happen (the new expiry, the cost, where the money comes from) and ask
on the terminal, unless ``--yes``. With no terminal and no ``--yes`` nothing is sent: a
script that forgot ``--yes`` must not spend money on a guess, nor hang on a question.

The write itself is sent once (``BillClient`` never repeats a write, ``retry.guard_write``).
When its outcome is unknown — the request went out and no usable answer came back — billtui
does not send it again either: it says what to look at before the user runs the command again.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable
from typing import TypeVar

from billtui.cli.session import CliError
from billtui.i18n import _

T = TypeVar("T")

#: The answers that mean yes: English, and Russian («д», «да») for a question asked in Russian.
YES = ("y", "yes", "д", "да")


def add_yes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", "-y", action="store_true",
                        help=_("do it without asking (needed when there is no terminal, as in a script)"))


def confirm(plan: str, *, yes: bool) -> None:
    """Show ``plan`` and ask; ``CliError`` (nothing sent) unless the answer is yes."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise CliError(_("{plan} Not done: there is no terminal to ask for confirmation; "
                         "add --yes to do it from a script").format(plan=plan), code=2)
    sys.stderr.write(_("{plan}\nContinue? [y/N] ").format(plan=plan))
    sys.stderr.flush()
    answer = sys.stdin.readline()
    if answer.strip().lower() not in YES:
        raise CliError(_("cancelled: nothing was sent"))


async def send_once(write: Awaitable[T], *, check: str) -> T:
    """Await one write; an unknown outcome becomes what to check, never a second try.

    ``check`` names the commands (or places) that show whether it went through.
    """
    from billtui.api.errors import OutcomeUnknown, SessionRenewedWriteNotSent

    try:
        return await write
    except OutcomeUnknown as exc:
        if exc.cause is not None:
            said = _("the panel's answer was lost ({cause}), so it is not known whether this went through. "
                     "billtui does not send it again: check {check} before running the command again")
        else:
            said = _("the panel's answer was lost, so it is not known whether this went through. "
                     "billtui does not send it again: check {check} before running the command again")
        cause = exc.cause.message.rstrip(".") if exc.cause is not None else ""
        raise CliError(said.format(cause=cause, check=check)) from None
    except SessionRenewedWriteNotSent:
        raise CliError(_("the session had expired: billtui logged in again but did not send the change; "
                         "run the command again")) from None
