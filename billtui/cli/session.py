"""Logging in for the script commands (``billtui get``, ``check``, ``service``, ``pay``, ...).

The same rules as the TUI: a password comes from ``BILLTUI_PASSWORD``, the
profile's ``password_command`` or the keyring — never from argv. If none is
there and someone is at the terminal, billtui asks (without echo); a script
without a terminal gets one line naming the alternatives instead of a hang.
``check`` and ``--all-profiles`` never ask, even at a terminal (``interactive=False``).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from billtui.accounts.connect import NO_PASSWORD
from billtui.i18n import _, set_language
from billtui.menu import Edition


#: The name of the profile ``--url/--user`` makes for one run (never saved, nothing remembered).
ONE_OFF = "one-off"


class CliError(Exception):
    """Something the user must fix; printed as one line on stderr, exit code 1 (or ``code``)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code



def add_login_options(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """``--demo/--tier/--size/--profile/--url/--user``, shared by the TUI and every subcommand.

    On subcommands the defaults are suppressed so ``billtui --demo get payments`` and
    ``billtui get payments --demo`` mean the same thing.
    """
    sup: dict[str, Any] = {} if top_level else {"default": argparse.SUPPRESS}
    parser.add_argument("--demo", action="store_true", help=_("use the embedded demo panel (no network)"), **sup)
    parser.add_argument("--tier", "--edition", dest="tier", choices=[e.value for e in Edition],
                        help=_("the panel's edition (default: the profile's, else standard)"), **sup)
    parser.add_argument("--size", choices=["small", "large"],
                        help=_("demo data size (large: 100,000 expenses)"),
                        **({"default": "small"} if top_level else sup))
    parser.add_argument("--profile", help=_("the profile to use (default: the default profile)"), **sup)
    parser.add_argument("--url", help=_("a one-off panel URL, e.g. https://billing.example.com:1500/billmgr"),
                        **sup)
    parser.add_argument("--user", help=_("the login for --url"), **sup)
    parser.add_argument("--lang", type=lang_argument, metavar="LANG",
                        help=_("the language the panel answers in (en, ru, ...), for this run: over the "
                               "profile's language and the one chosen in the panel"), **sup)


def lang_argument(text: str) -> str:
    """``--lang``: a language code (``ru``, ``ru_RU.UTF-8``), as the panel's ``lang=`` value."""
    from billtui.api.language import panel_lang

    code = panel_lang(text)
    if code is None:
        raise argparse.ArgumentTypeError(
            _("{text} is not a language code (for example en or ru)").format(text=repr(text)))
    return code


def language_for(args: argparse.Namespace, profile: Any) -> str:
    """The ``lang=`` a script sends for ``profile`` (None: the demo, a one-off panel): ``--lang``,
    else as the TUI resolves it (``storage.languages``). Scripts never learn the panel's language
    themselves; they use what the TUI last learned for a saved profile."""
    from billtui.storage import languages

    saved = profile is not None and getattr(profile, "name", "") != ONE_OFF
    code = languages.resolve(getattr(args, "lang", None), profile, remembered=saved).code
    speak(args, code)
    return code


def speak(args: argparse.Namespace, code: str) -> None:
    """billtui's own words (messages, a table's headers) are in ``code`` from now on, the language
    resolved for the run's profile (``cli.main`` set the command line's or the terminal's before
    parsing). Not with ``--all-profiles``, whose profiles may each have their own language: the
    words stay in the one set before parsing. Not when a command has pinned them
    (``args.pinned_language``: ``check``'s JSON and Prometheus output stay English)."""
    if getattr(args, "all_profiles", False) or getattr(args, "pinned_language", None):
        return
    set_language(code)


def _tty_totp() -> Any:
    async def ask() -> str:
        if not sys.stdin.isatty():
            raise CliError(_("the panel asks for a two-factor code, but there is no terminal to type it in"))
        return input(_("Two-factor code: ")).strip()

    return ask


def make_client(args: argparse.Namespace, *, interactive: bool = True) -> Any:
    """A not-yet-logged-in client for the panel the arguments name.

    ``interactive=False`` (``billtui check``, ``--all-profiles``) never asks for anything, even
    at a terminal: a missing password or a two-factor code is an error, never a prompt that
    would hang a cron job or a monitoring agent.
    """
    edition = Edition(args.tier) if getattr(args, "tier", None) else Edition.STANDARD
    if getattr(args, "demo", False):
        from billtui.runtime.demo import demo_client

        return demo_client(edition, getattr(args, "size", None) or "small", lang=language_for(args, None))
    profile = chosen_profile(args)
    return client_for(profile, interactive=interactive, lang=language_for(args, profile))


def chosen_profile(args: argparse.Namespace) -> Any:
    """The ``Profile`` the arguments name: ``--url/--user``, ``--profile``, else the default one."""
    from billtui.storage.config import Profile

    edition = Edition(args.tier) if getattr(args, "tier", None) else Edition.STANDARD
    url, user = getattr(args, "url", None), getattr(args, "user", None)
    if url:
        if not user:
            raise CliError(_("--url needs --user LOGIN"), code=2)
        return Profile(name=ONE_OFF, url=url, username=user, edition=edition)
    config = load_config()
    name = getattr(args, "profile", None)
    found = config.profile(name)
    if found is None:
        if name:
            names = ", ".join(config.profiles) or _("none yet")
            raise CliError(_("no profile named {name} (profiles: {names})").format(name=repr(name), names=names),
                           code=2)
        raise CliError(_("no profile yet: add one with `billtui profiles add`, or use --url/--user or --demo"),
                       code=2)
    return found


def load_config() -> Any:
    from billtui.storage import config as config_mod

    try:
        return config_mod.load()
    except config_mod.ConfigError as exc:
        raise CliError(str(exc), code=2) from None


def every_profile(args: argparse.Namespace) -> list[Any]:
    """``--all-profiles``: every saved profile, in the config file's order."""
    for flag, name in (("demo", "--demo"), ("url", "--url"), ("profile", "--profile")):
        if getattr(args, flag, None):
            raise CliError(_("--all-profiles reads every profile of the config file; it does not go with "
                             "{option}").format(option=name), code=2)
    profiles = list(load_config().profiles.values())
    if not profiles:
        raise CliError(_("--all-profiles: no profile yet: add one with `billtui profiles add`"), code=2)
    return profiles


def client_for(profile: Any, *, interactive: bool = True, lang: str | None = None) -> Any:
    """A not-yet-logged-in client for ``profile``, its password found as the TUI finds it; at a
    terminal (and ``interactive``) a missing one is asked for. ``lang``: the ``lang=`` to send
    (``language_for``); None resolves it for the profile without ``--lang``."""
    from billtui.accounts.connect import stored_password
    from billtui.api.client import BillClient
    from billtui.api.secret import Secret
    from billtui.storage import credentials

    try:
        password = stored_password(profile)
    except credentials.CredentialError as exc:
        raise CliError(str(exc)) from None
    if password is None and interactive and sys.stdin.isatty():
        import getpass

        password = Secret(getpass.getpass(_("Password for {user} on {url}: ").format(
            user=profile.username, url=profile.url)))
    if password is None:
        who = _("{user} on {url}").format(user=profile.username, url=profile.url)
        raise CliError(_(NO_PASSWORD).format(who=who))
    if lang is None:
        from billtui.storage import languages

        lang = languages.resolve(None, profile).code
    return BillClient(profile.url, profile.username, password, verify=profile.verify, lang=lang,
                      totp=_tty_totp() if interactive else None)


def one_line(exc: BaseException) -> str:
    """An error as one line, never showing a secret (``accounts.connect.one_line``).

    Anything unexpected is printed this way too (``cli._script``), and its text may quote
    a password or a session id: every secret alive in the process is cut out.
    """
    from billtui.accounts.connect import one_line as line

    return line(exc)
