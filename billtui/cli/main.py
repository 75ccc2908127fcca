"""Entry points: ``billtui`` (the TUI) and its script subcommands.

With no subcommand billtui starts the TUI exactly as before (``--demo``,
``--tier``, ``--profile``, ``--url/--user``, ``--lang``, ``--plain``). The subcommands
(``get``, ``invoice``, ``ticket``, ``profiles``, ``service``, ``pay``) print clean output on
stdout, one-line errors on stderr, and exit non-zero on failure. ``check`` is a monitoring
plugin: its exit code is the Nagios state (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any, NoReturn

from billtui.cli import argparse_words
from billtui.cli.session import CliError, add_login_options, one_line
from billtui.i18n import N_, _, language, set_language
from billtui.menu import Edition

EPILOG = N_("Passwords are never taken on the command line: use the system keyring, "
            "a password_command in the profile, or the BILLTUI_PASSWORD environment variable.")


#: The script commands. With none of them on the command line, billtui starts the TUI.
COMMANDS = ("get", "check", "service", "pay", "invoice", "ticket", "profiles")


def _parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line; ``commands=False`` leaves out the script commands (the TUI's own options only)."""
    parser = argparse.ArgumentParser(
        prog="billtui",
        description=_("A keyboard-first terminal client for the BILLmanager customer area."),
        epilog=_(EPILOG),
    )
    add_login_options(parser, top_level=True)
    parser.add_argument("--plain", action="store_true",
                        help=_("plain mode for screen readers and minimal terminals: no box drawing, no colour"))
    parser.add_argument("--version", action=_Version, help=_("print billtui's version and exit"))
    if not commands:
        parser.set_defaults(command=None)
        return parser
    from billtui.cli import (check as cli_check, get as cli_get, pay as cli_pay, profiles as cli_profiles,
                             service as cli_service, tickets as cli_tickets)

    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                title=_("script commands (no command: start the TUI)"))

    def common(p: argparse.ArgumentParser) -> None:
        add_login_options(p)

    cli_get.add_parser(sub, common)
    cli_check.add_parser(sub, common)
    cli_service.add_parser(sub, common)
    cli_pay.add_parser(sub, common)
    cli_tickets.add_parsers(sub, common)
    cli_profiles.add_parser(sub)
    return parser


class _Version(argparse.Action):
    """``--version``: like argparse's own, but the version is looked up only when asked for,
    so a plain TUI start does not read package metadata."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: Any, option_string: str | None = None) -> NoReturn:
        from billtui import version

        print(f"billtui {version()}")
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    # --help and argparse's errors are written while the command line is parsed: billtui's words
    # must be in the user's language before that. A script command that resolves the full language
    # (the profile's, the one chosen in the panel) sets it again (session.language_for).
    before = language()
    set_language(asked_language(words))
    try:
        with argparse_words.installed():  # argparse's own words in billtui's language
            return _main(words)
    finally:
        set_language(before)  # for a caller in the same process (tests): as it was


def asked_language(argv: list[str]) -> str:
    """The language of billtui's words before parsing: the last ``--lang X``/``--lang=X`` on the
    command line (as argparse reads it), else the terminal's locale, else English."""
    from billtui.api.language import panel_lang
    from billtui.storage import languages

    value: str | None = None
    for i, word in enumerate(argv):
        if word == "--":
            break
        if word == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--lang="):
            value = word.split("=", 1)[1]
    code = panel_lang(value) if value else None
    return code or languages.from_locale() or "en"


def _main(words: list[str]) -> int:
    args = _tui_args(words)
    if args is None:
        try:
            args = _parser().parse_args(words)
        except SystemExit as exc:
            if exc.code == 2 and _command(words) == "check":
                # A monitoring plugin's usage mistake is UNKNOWN (3): argparse's 2 reads as CRITICAL.
                raise SystemExit(3) from None
            raise
    if args.command is None:
        return _tui(args)
    return _script(args)


def _tui_args(argv: list[str]) -> argparse.Namespace | None:
    """The arguments of a plain TUI start, read without the script commands' parsers.

    Starting the TUI is the common case, and building every subcommand's parser
    (and importing their modules) costs ~5 ms of start-up. ``None`` when the
    command line may name a command or ask for help, or has anything this short
    parser does not know: the full parser reads it then, and words its errors.
    """
    if any(a in COMMANDS or a == "-h" or (len(a) > 2 and "--help".startswith(a)) for a in argv):
        return None
    parser = _parser(commands=False)
    parser.error = _refuse  # type: ignore[method-assign]  # not exit: the full parser words the error
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    return None if rest else args


def _command(argv: list[str]) -> str | None:
    """The script command named on the command line (its first word that is one), if any."""
    return next((a for a in argv if a in COMMANDS), None)


def _refuse(message: str) -> NoReturn:
    raise argparse.ArgumentError(None, message)


def _script(args: argparse.Namespace) -> int:
    if hasattr(args, "run_plugin"):
        return int(args.run_plugin(args))  # `check`: its own output, and the Nagios state as exit code
    try:
        if hasattr(args, "run_sync"):
            text = args.run_sync(args)
        elif getattr(args, "all_profiles", False) and hasattr(args, "run_all"):
            text = asyncio.run(args.run_all(args))
        else:
            text = asyncio.run(_with_client(args))
    except CliError as exc:
        print(f"billtui: {one_line(exc)}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"billtui: {_('interrupted')}", file=sys.stderr)
        return 130
    except Exception as exc:  # a BillError, or anything unexpected: one line, never a traceback
        print(f"billtui: {one_line(exc) or type(exc).__name__}", file=sys.stderr)
        return 1
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `billtui get ... | head`
        return 0
    return 0


async def _with_client(args: argparse.Namespace) -> str:
    from billtui.cli.session import make_client

    client: Any = make_client(args)
    try:
        await client.login()
        return await args.run(client, args)
    finally:
        try:
            await client.aclose()
        except Exception:
            pass


def _tui(args: argparse.Namespace) -> int:
    from billtui.storage import config as config_mod
    from billtui.storage.config import Profile
    from billtui.launch import Launch

    edition = Edition(args.tier) if args.tier else None
    if args.demo:
        launch = Launch.demo(edition or Edition.STANDARD, args.size, args.plain, args.lang)
        # The demo keeps nothing of the user's config but their keys ([keymap]).
        try:
            config = config_mod.Config(keymap=config_mod.load().keymap)
        except config_mod.ConfigError:
            config = config_mod.Config()
    else:
        try:
            config = config_mod.load()
        except config_mod.ConfigError as exc:
            print(f"billtui: {exc}", file=sys.stderr)
            return 2
        if args.url:
            if not args.user:
                print(f"billtui: {_('--url needs --user LOGIN')}", file=sys.stderr)
                return 2
            profile = Profile(name="one-off", url=args.url, username=args.user,
                              edition=edition or Edition.STANDARD)
            launch = Launch("oneoff", profile, edition, plain=args.plain, lang=args.lang)
        else:
            saved = config.profile(args.profile)
            if args.profile and saved is None:
                names = ", ".join(config.profiles) or _("none yet")
                said = _("no profile named {name} (profiles: {names})").format(name=repr(args.profile), names=names)
                print(f"billtui: {said}", file=sys.stderr)
                return 2
            launch = Launch("profile" if saved else "setup", saved, edition, plain=args.plain, lang=args.lang)
    from billtui.runtime import startup_gc

    startup_gc.pause()  # until the first frame: see billtui/runtime/startup_gc.py
    try:
        from billtui.app import BillTUI

        app = BillTUI(launch, config=config)
        app.run()
    finally:
        startup_gc.end()  # the app is gone (or never drew): the collector is back on either way
    return app.return_code or 0  # 1 after a crash, so a wrapper script knows


if __name__ == "__main__":
    sys.exit(main())
