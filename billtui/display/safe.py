"""Make text from the server safe to put on a terminal.

Everything a panel sends (subjects, names, file names, messages) is written by
strangers. It is shown as plain ``rich.text.Text`` — never parsed as markup — and
control characters are removed first, so an ESC sequence can neither style the
screen nor reach the terminal, and bidi overrides cannot reorder what is shown.

The panel's strings are already cleaned where they enter the program (the API parser);
this is the app side of the same rule, for any other text put on screen. Both use the
one definition of what is removed: ``billtui.api.text_clean``.

Text written to a CSV file is made safe too (``csv_safe``): a spreadsheet must not run a
stranger's cell as a formula.
"""

from __future__ import annotations

import re
from typing import Any

from rich.text import Text

from billtui.api.text_clean import clean_text

_WHITESPACE_RUN = re.compile(r"[\t\n]+")

#: The longest single-line text kept, in characters. A table cell or a title shows a screen's
#: width of it, but Rich lays out the whole line on every repaint (~30 ms for 1 MB, ~3 ms for
#: 100 KB); the limit is still far above any real name or URL (payment links are opened from
#: this text). Multi-line text (a ticket body) keeps up to ``text_clean.MAX_TEXT``.
MAX_LINE = 100_000


def clean(value: object, *, multiline: bool = False) -> str:
    """Return ``value`` as a string with every control character removed.

    Single-line text (table cells, titles) also turns tabs and newlines into
    spaces so a cell can never break the table's layout.
    """
    text = "" if value is None else str(value)
    if multiline:
        return clean_text(text).replace("\t", "    ")
    # A printable string has no control character, tab or newline: nothing to do (C speed).
    if text.isprintable() and len(text) <= MAX_LINE:
        return text
    return _WHITESPACE_RUN.sub(" ", clean_text(text, MAX_LINE))


def plain(value: object, style: str = "", *, multiline: bool = False) -> Text:
    """A ``Text`` holding ``value`` literally: no markup, no escapes."""
    return Text(clean(value, multiline=multiline), style=style, no_wrap=not multiline)


#: First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
#: (OWASP "CSV Injection": = + - @, and tab / carriage return, which some of them skip).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: A cell that is entirely a plain number (``-5.00``, ``+3``): a spreadsheet reads it as that
#: number and nothing else, so it is left alone. OWASP would prefix even these, but then a
#: negative amount (a refund, a correction) would become text and scripts and sums would
#: break; a formula needs letters, operators or parentheses, which this cannot contain.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")


def csv_safe(cell: Any) -> Any:
    """``cell`` made harmless for a spreadsheet: text that would start a formula gets a leading ``'``.

    Non-text values (numbers, None) and plain numbers are returned as they are.
    """
    if not isinstance(cell, str) or not cell.startswith(FORMULA_STARTS) or _PLAIN_NUMBER.fullmatch(cell):
        return cell
    return "'" + cell
