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
from billtui.menu import Edition


def add_parser(sub: Any) -> None:
    p = sub.add_parser("profiles", help="list, add, remove profiles and set the default",
                       description="Profiles are kept in the config file (mode 0600); passwords never are.")
    psub = p.add_subparsers(dest="profiles_command", metavar="list|add|remove|default")
    lst = psub.add_parser("list", help="list profiles (the default one is marked with *)")
    lst.add_argument("--format", choices=("table", "json", "csv"), default="table")
    lst.add_argument("--no-headers", action="store_true")
    add = psub.add_parser("add", help="add or replace a profile")
    add.add_argument("name")
    add.add_argument("--url", required=True, help="the panel URL, e.g. https://billing.example.com:1500/billmgr")
    add.add_argument("--user", required=True, help="your login on the panel")
    add.add_argument("--tier", "--edition", dest="tier", choices=[e.value for e in Edition], default="standard")
    add.add_argument("--password-command", default="",
                     help="a command that prints the password, e.g. 'pass show hosting/billing'")
    add.add_argument("--ca-bundle", default="", help="a CA bundle file for a self-signed panel certificate")
    add.add_argument("--no-verify-tls", action="store_true", help="do not check the TLS certificate (not recommended)")
    add.add_argument("--default", action="store_true", help="make it the default profile")
    add.add_argument("--language", dest="profile_language", type=lang_argument, metavar="LANG",
                     help="the language the panel answers in for this profile (en, ru, ...); "
                          "default: the one chosen in the panel, else the terminal's")
    rm = psub.add_parser("remove", help="remove a profile (and its password in the keyring)")
    rm.add_argument("name")
    default = psub.add_parser("default", help="set the default profile")
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
        raise CliError(f"cannot write the config file: {exc}") from None


def _need(config: Any, name: str) -> Any:
    profile = config.profiles.get(name)
    if profile is None:
        names = ", ".join(config.profiles) or "none yet"
        raise CliError(f"no profile named {name!r} (profiles: {names})", code=2)
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
            raise CliError("a profile needs a name", code=2)
        if not args.url.startswith(("http://", "https://")):
            raise CliError(f"{args.url!r} is not a panel URL: it must start with https:// (or http://)", code=2)
        profile = Profile(name=args.name, url=args.url, username=args.user, edition=Edition(args.tier),
                          verify_tls=not args.no_verify_tls, ca_bundle=args.ca_bundle,
                          password_command=tuple(shlex.split(args.password_command)),
                          language=args.profile_language or "")
        existed = args.name in config.profiles
        config = config.with_profile(profile, default=args.default)
        _save(config)
        mark = " (default)" if config.default_profile == args.name else ""
        return f"{'Replaced' if existed else 'Added'} profile {args.name}{mark}.\n"
    if command == "remove":
        profile = _need(config, args.name)
        from billtui.storage import credentials

        credentials.forget_password(profile.name, profile.username)
        from billtui.storage import languages

        languages.forget(profile.name)
        config = config.without_profile(args.name)
        _save(config)
        now = f" The default is now {config.default_profile}." if config.default_profile else ""
        return f"Removed profile {args.name}.{now}\n"
    if command == "default":
        _need(config, args.name)
        _save(replace(config, default_profile=args.name))
        return f"The default profile is now {args.name}.\n"
    raise CliError(f"unknown profiles command {command!r}", code=2)
