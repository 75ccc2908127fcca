"""argparse's own words ("usage: ", "options", its error messages) in billtui's language.

argparse translates them with the module-level ``_`` and ``ngettext`` it imports from gettext:
those look the words up in gettext's default domain (``messages``, from ``gettext.textdomain``),
which billtui does not install, so they would stay English however billtui speaks.
``installed`` points argparse's two names at billtui's translator instead, and this module lists
the exact texts of Python 3.11's argparse (``argparse.py``) so that they are in billtui's catalog. Their
``%s``/``%(name)s``/``%r`` placeholders are filled in by argparse and must stay as they are.

Only the words a user can meet are listed: the ones only a programming mistake shows
("conflicting option string", "dest= is required", ...) stay English.

``installed`` holds while ``cli.main`` runs; argparse's words are looked up when a parser is
made, its help formatted or its error written, so they follow ``billtui.i18n.set_language``. English is unchanged: billtui's
translator gives every text back as it is when it speaks English.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from billtui import i18n
from billtui.i18n import N_, ngettext

#: argparse's words (Python 3.11), exactly as its source writes them.
WORDS = (
    # help
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("subcommands"),
    # errors
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
)


def _plural_words() -> None:
    """argparse's words that have a plural, for the catalog only (never called)."""
    ngettext("expected %s argument", "expected %s arguments", 2)


@contextmanager
def installed() -> Iterator[None]:
    """While billtui's command line runs (``cli.main``), argparse's ``_`` and ``ngettext`` are
    billtui's (see the module's note for why); then argparse's own again, so another parser in
    the same process (a test runner, a program that imports billtui) keeps its English."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = i18n._, i18n.ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]
