"""Make text from the server safe to put on a terminal.

Everything a panel sends (subjects, names, file names, messages) is written by
strangers. It is shown as plain ``rich.text.Text`` — never parsed as markup — and
control characters are removed first, so an ESC sequence can neither style the
screen nor reach the terminal, and bidi overrides cannot reorder what is shown.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls (except tab/newline, handled separately), DEL, C1 controls, and the
# bidi embedding/override/isolate characters that can visually reorder a line.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_WHITESPACE_RUN = re.compile(r"[\t\n]+")


def clean(value: object, *, multiline: bool = False) -> str:
    """Return ``value`` as a string with every control character removed.

    Single-line text (table cells, titles) also turns tabs and newlines into
    spaces so a cell can never break the table's layout.
    """
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if multiline:
        return text.replace("\t", "    ")
    return _WHITESPACE_RUN.sub(" ", text)


def plain(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """A ``Text`` holding ``value`` literally: no markup, no escapes."""
    return Text(clean(value, multiline=multiline), style=style, no_wrap=not multiline)
