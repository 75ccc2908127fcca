"""The one text boundary: every string that came from a panel is cleaned here, once.

A panel's strings are written by strangers (ticket subjects, payer names, error messages,
file names). Before any of them reaches a model, a screen or the user's terminal, this
module removes what could act on the terminal or disguise the text, and caps its length:

- every character of ``REMOVED`` is dropped: ESC and every other control character, so no
  escape sequence (a colour, a screen clear, an OSC 52 clipboard write, an OSC 8 hyperlink,
  a window title) can act; what followed the ESC stays as inert, visible text ("[2J",
  "]52;c;…"), so the user sees what the panel sent rather than losing text silently;
- ``\\r\\n``, ``\\r``, U+2028 and U+2029 become ``\\n``. Tabs and newlines stay: ticket bodies
  are multi-line (single-line display code turns them into spaces, see ``billtui.display.safe.clean``).

Kept on purpose: U+200C/U+200D (zero-width non-joiner/joiner: Persian and Indic scripts and
emoji sequences need them), U+200E/U+200F/U+061C (LRM/RLM/ALM: marks that only settle the
direction of neutral characters next to them — real Hebrew and Arabic text uses them — and
cannot reorder a run of text the way embeddings, overrides and isolates can), soft hyphens,
non-ASCII spaces and emoji tag characters.

This module imports nothing from billtui outside ``billtui.api`` but the translator below it,
``billtui.i18n``, for the cut marker (the app side, ``billtui.display.safe``, uses the same definitions).
"""

from __future__ import annotations

import re

from billtui.i18n import _
from billtui.i18n import formats

__all__ = ["REMOVED", "MAX_TEXT", "clean_text", "cut"]

#: The characters never kept in panel text — the single definition of the class, for the API
#: layer and the app alike:
REMOVED = (
    "\x00-\x08\x0b\x0c\x0e-\x1f"  # C0 controls except tab and newline (\r becomes \n first)
    "\x7f-\x9f"  # DEL and the C1 controls (\x9b is an 8-bit CSI, \x9d an 8-bit OSC)
    "\u200b\u2060\ufeff"  # zero-width space, word joiner, BOM / zero-width no-break space
    "\u202a-\u202e"  # bidi embeddings and overrides (U+202E shows "exe.txt" as "txt.exe")
    "\u2066-\u2069"  # bidi isolates
    "\ud800-\udfff"  # lone surrogates (JSON "\ud800" decodes to one): no terminal can encode them
)

#: The longest text kept from one value, in characters. A real ticket body or instruction is
#: far shorter; a 1 MB subject or a 3 MB body from a broken panel would otherwise be laid out
#: and drawn whole on every repaint and freeze the TUI. Longer values are cut with a marker.
MAX_TEXT = 1_000_000

_UNSAFE = re.compile(f"[{REMOVED}]")
_LINE_BREAKS = re.compile("\r\n?|[\u2028\u2029]")


def cut(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` cut to ``limit`` characters with a visible marker saying how much is gone."""
    if len(text) <= limit:
        return text
    return text[:limit] + _cut_marker(len(text) - limit)


def _cut_marker(over: int) -> str:
    """What ends a cut text: how many characters are gone, in the user's language."""
    return _("… [cut by billtui: {n} characters]").format(n=formats.number(over, 0))


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` without ``REMOVED`` characters, line breaks as ``\\n``, and at most ``limit``
    characters (plus the cut marker)."""
    # Fast path: a printable string holds none of the removed characters and no line break
    # (``str.isprintable`` runs at C speed; most cells of a 100,000-row list take it).
    if text.isprintable():
        return text if len(text) <= limit else cut(text, limit)
    # Cut before cleaning, so the work is bounded by ``limit`` whatever the panel sent.
    over = len(text) - limit
    if over > 0:
        text = text[:limit]
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = _LINE_BREAKS.sub("\n", text)
    text = _UNSAFE.sub("", text)
    if over > 0:
        text = text + _cut_marker(over)
    return text
