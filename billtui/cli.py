"""Entry points: ``billtui`` (the TUI)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace

from .menu import Edition


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="billtui",
        description="A keyboard-first terminal client for the BILLmanager customer area.",
        epilog="Passwords are never taken on the command line: use the system keyring, "
        "a password_command in the profile, or the BILLTUI_PASSWORD environment variable.",
    )
    parser.add_argument("--demo", action="store_true", help="use the embedded demo panel (no network)")
    parser.add_argument("--tier", "--edition", dest="tier", choices=[e.value for e in Edition],
                        help="the panel's edition (default: the profile's, else standard)")
    parser.add_argument("--size", choices=["small", "large"], default="small",
                        help="demo data size (large: 100,000 expenses)")
    parser.add_argument("--profile", help="the profile to use (default: the default profile)")
    parser.add_argument("--url", help="a one-off panel URL, e.g. https://billing.example.com:1500/billmgr")
    parser.add_argument("--user", help="the login for --url")
    parser.add_argument("--plain", action="store_true", help="minimal output for screen readers")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from . import config as config_mod
    from .config import Profile
    from .launch import Launch

    edition = Edition(args.tier) if args.tier else None
    if args.demo:
        launch = Launch.demo(edition or Edition.STANDARD, args.size, args.plain)
        config = config_mod.Config()
    else:
        try:
            config = config_mod.load()
        except config_mod.ConfigError as exc:
            print(f"billtui: {exc}", file=sys.stderr)
            return 2
        if args.url:
            if not args.user:
                print("billtui: --url needs --user LOGIN", file=sys.stderr)
                return 2
            profile = Profile(name="one-off", url=args.url, username=args.user,
                              edition=edition or Edition.STANDARD)
            launch = Launch("oneoff", profile, edition, plain=args.plain)
        else:
            profile = config.profile(args.profile)
            if args.profile and profile is None:
                names = ", ".join(config.profiles) or "none yet"
                print(f"billtui: no profile named {args.profile!r} (profiles: {names})", file=sys.stderr)
                return 2
            mode = "profile" if profile else "setup"
            launch = Launch(mode, profile, edition, plain=args.plain)
    from .app import BillTUI

    BillTUI(launch, config=config).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
