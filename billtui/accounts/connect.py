"""Logging in to a saved profile without asking anything (a monitoring run, the All accounts
view): the password from ``BILLTUI_PASSWORD``, the profile's ``password_command`` or the
keyring, as the TUI finds it; none there is an error that names the alternatives, never a
prompt."""

from __future__ import annotations

import os
from typing import Any

from billtui.i18n import N_, _

#: Marked only: shown with ``_(NO_PASSWORD).format(who=...)``, ``who`` being
#: ``_("{user} on {url}")``.
NO_PASSWORD = N_(
    "no password for {who}: export BILLTUI_PASSWORD, set password_command in the profile, "
    "or store it in the keyring by logging in once with `billtui` (passwords are never taken as flags)"
)


class NoPassword(Exception):
    """No password for the profile anywhere billtui may look without asking."""


def stored_password(profile: Any) -> Any | None:
    """The profile's password (a ``Secret``) from where billtui keeps or finds one, else None.
    A ``password_command`` that fails raises ``credentials.CredentialError``."""
    from billtui.storage import credentials

    got = credentials.find_password(profile.name, profile.username, profile.password_command)
    return None if got is None else got.password


def unattended_client(profile: Any, *, transport: Any = None, lang: str | None = None) -> Any:
    """A not-yet-logged-in client for ``profile`` that will never ask for anything (no
    two-factor prompt either: an account that wants a code fails its login). ``transport``:
    the app's seam for tests and the demo (an httpx transport instead of the network);
    ``lang``: ``--lang``, over the profile's own language (``storage.languages``)."""
    from billtui.api.client import BillClient
    from billtui.storage import languages

    password = stored_password(profile)
    if password is None:
        raise NoPassword(_(NO_PASSWORD).format(who=who(profile)))
    return BillClient(profile.url, profile.username, password, verify=profile.verify, transport=transport,
                      lang=languages.resolve(lang, profile).code)


def who(profile: Any) -> str:
    """``user on https://panel``: which account, in an error message."""
    return _("{user} on {url}").format(user=profile.username, url=profile.url)


def one_line(exc: BaseException) -> str:
    """An error as one line (messages from the panel may hold newlines), never showing a secret:
    every secret alive in the process is cut out of it."""
    from billtui.api.secret import scrub
    from billtui.display.safe import clean
    from billtui.storage.credentials import ENV_VAR

    return " ".join(scrub(clean(str(exc)), os.environ.get(ENV_VAR)).split())
