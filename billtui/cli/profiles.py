"""``billtui profiles list|add|remove|default``: manage saved panels without the TUI.

A profile never holds a password (see ``credentials``); ``remove`` also forgets
the one stored in the keyring, so nothing lingers after a profile is gone.
"""

from __future__ import annotations

import argparse
import shlex
from dataclasses import replace
from typing import Any

from billtui.cli.session import CliError, lang_argument
from billtui.i18n import _
from billtui.menu import Edition


def add_parser(sub: Any) -> None:
    p = sub.add_parser("profiles", help=_("list, add, remove profiles and set the default"),
                       description=_("Profiles are kept in the config file (mode 0600); passwords never are."))
    psub = p.add_subparsers(dest="profiles_command", metavar="list|add|remove|default")
    lst = psub.add_parser("list", help=_("list profiles (the default one is marked with *)"))
    lst.add_argument("--format", choices=("table", "json", "csv"), default="table")
    lst.add_argument("--no-headers", action="store_true")
    add = psub.add_parser("add", help=_("add or replace a profile"))
    add.add_argument("name")
    add.add_argument("--url", required=True, help=_("the panel URL, e.g. https://billing.example.com:1500/billmgr"))
    add.add_argument("--user", required=True, help=_("your login on the panel"))
    add.add_argument("--tier", "--edition", dest="tier", choices=[e.value for e in Edition], default="standard")
    add.add_argument("--password-command", default="",
                     help=_("a command that prints the password, e.g. 'pass show hosting/billing'"))
    add.add_argument("--ca-bundle", default="", help=_("a CA bundle file for a self-signed panel certificate"))
    add.add_argument("--no-verify-tls", action="store_true",
                     help=_("do not check the TLS certificate (not recommended)"))
    add.add_argument("--default", action="store_true", help=_("make it the default profile"))
    add.add_argument("--language", dest="profile_language", type=lang_argument, metavar="LANG",
                     help=_("the language the panel answers in for this profile (en, ru, ...); "
                            "default: the one chosen in the panel, else the terminal's"))
    rm = psub.add_parser("remove", help=_("remove a profile (and its password in the keyring)"))
    rm.add_argument("name")
    default = psub.add_parser("default", help=_("set the default profile"))
    default.add_argument("name")
    p.set_defaults(run_sync=run, profiles_parser=p)


def _load() -> Any:
    from billtui.storage import config as config_mod

    try:
        return config_mod.load()
    except config_mod.ConfigError as exc:
        raise CliError(str(exc), code=2) from None


def _save(config: Any) -> None:
    from billtui.storage import config as config_mod

    try:
        config_mod.save(config)
    except OSError as exc:
        raise CliError(_("cannot write the config file: {error}").format(error=exc)) from None


def _need(config: Any, name: str) -> Any:
    profile = config.profiles.get(name)
    if profile is None:
        names = ", ".join(config.profiles) or _("none yet")
        raise CliError(_("no profile named {name} (profiles: {names})").format(name=repr(name), names=names),
                       code=2)
    return profile


def run(args: argparse.Namespace) -> str:
    from billtui.storage.config import Profile
    from billtui.cli.output import Field, attr, render

    command = args.profiles_command or "list"
    config = _load()
    if command == "list":
        rows = list(config.profiles.values())
        fields = (Field("default", lambda p: config.profile() is p),
                  Field("name", attr("name")), Field("url", attr("url")), Field("user", attr("username")),
                  Field("edition", lambda p: p.edition.value))
        if args.format == "table":
            fields = (Field("", lambda p: "*" if config.profile() is p else ""),) + fields[1:]
        return render(rows, fields, args.format, headers=not args.no_headers)
    if command == "add":
        if not args.name.strip():
            raise CliError(_("a profile needs a name"), code=2)
        if not args.url.startswith(("http://", "https://")):
            raise CliError(_("{url} is not a panel URL: it must start with https:// (or http://)").format(
                url=repr(args.url)), code=2)
        profile = Profile(name=args.name, url=args.url, username=args.user, edition=Edition(args.tier),
                          verify_tls=not args.no_verify_tls, ca_bundle=args.ca_bundle,
                          password_command=tuple(shlex.split(args.password_command)),
                          language=args.profile_language or "")
        existed = args.name in config.profiles
        config = config.with_profile(profile, default=args.default)
        _save(config)
        default = config.default_profile == args.name
        if existed:
            said = _("Replaced profile {name} (default).") if default else _("Replaced profile {name}.")
        else:
            said = _("Added profile {name} (default).") if default else _("Added profile {name}.")
        return said.format(name=args.name) + "\n"
    if command == "remove":
        profile = _need(config, args.name)
        from billtui.storage import credentials

        credentials.forget_password(profile.name, profile.username)
        from billtui.storage import languages

        languages.forget(profile.name)
        config = config.without_profile(args.name)
        _save(config)
        if config.default_profile:
            said = _("Removed profile {name}. The default is now {default}.")
        else:
            said = _("Removed profile {name}.")
        return said.format(name=args.name, default=config.default_profile) + "\n"
    if command == "default":
        _need(config, args.name)
        _save(replace(config, default_profile=args.name))
        return _("The default profile is now {name}.").format(name=args.name) + "\n"
    raise CliError(_("unknown profiles command {command}").format(command=repr(command)), code=2)
