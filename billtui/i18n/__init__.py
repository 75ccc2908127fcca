"""billtui's own words in the user's language: gettext from the standard library.

The panel writes its own texts in the language it is asked for (``lang=``, ``storage.languages``);
this module translates what billtui itself writes. One process speaks one language at a time,
set by ``set_language`` when the app or a script knows it, and again when the user changes it in
User settings.

How code marks a text (``extract`` finds these, the catalog test checks every one is translated):

- ``_("Text")`` in a function: translated now, in the current language.
- ``N_("Text")`` for a constant made at import (a Binding's description, a column title, a menu
  item): only marked, and translated with ``_(value)`` where it is shown, so that a change of
  language reaches it.
- ``ngettext("{n} service", "{n} services", n)`` for a count, then ``.format(n=n)``: Russian has
  three plural forms.
- ``pgettext("verb", "Open")`` where one English word is two Russian ones.

Values go in with ``str.format`` after translation, never by an f-string inside ``_()``: the
catalog holds the text with its ``{placeholders}``, so a translator can move them.

English is the source language: it needs no catalog, so a run in English reads no file. Another
language's catalog is read on first use (``set_language``), once.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path

__all__ = ["_", "N_", "ngettext", "pgettext", "npgettext", "set_language", "language", "LANGUAGES",
           "DOMAIN", "LOCALE_DIR"]

#: The gettext domain: ``locale/<lang>/LC_MESSAGES/billtui.mo``.
DOMAIN = "billtui"
LOCALE_DIR = Path(__file__).with_name("locale")
#: The languages billtui's own texts are written in; another ``lang=`` keeps billtui in English.
LANGUAGES = ("en", "ru")

_NULL = _gettext.NullTranslations()
_current: _gettext.NullTranslations = _NULL
_code = "en"
_loaded: dict[str, _gettext.NullTranslations] = {}


def ui_language(code: str | None) -> str:
    """The language billtui's own texts are shown in for the panel language ``code``: itself when
    billtui has a catalog for it, else English (a panel in German still gets an English billtui)."""
    head = (code or "").strip().lower().replace("_", "-").split("-", 1)[0]
    return head if head in LANGUAGES else "en"


def set_language(code: str | None) -> str:
    """Speak ``code`` (a panel ``lang=`` value) from now on; returns the language billtui's own
    texts are in now (``ui_language``)."""
    global _current, _code
    ui = ui_language(code)
    if ui not in _loaded:
        _loaded[ui] = _NULL if ui == "en" else _gettext.translation(
            DOMAIN, localedir=str(LOCALE_DIR), languages=[ui], fallback=True)
    _current, _code = _loaded[ui], ui
    return ui


def language() -> str:
    """The language billtui's own texts are in now: ``en`` or ``ru``."""
    return _code


def _(message: str) -> str:
    """``message`` in the current language (itself in English, or when the catalog lacks it)."""
    return _current.gettext(message) if message else message


def N_(message: str) -> str:
    """Marks ``message`` for the catalog without translating it: translate it with ``_()`` where it
    is shown (it was made at import, before the language was known, and the language can change)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` for the count ``n`` in the current language."""
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` as meant in ``context`` (``"verb"``, ``"column"``): one English word, two Russian."""
    return _current.pgettext(context, message)


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    return _current.npgettext(context, singular, plural, n)
