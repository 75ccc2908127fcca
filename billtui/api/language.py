"""The panel's ``lang=`` value for a language named by a person, a locale or the panel itself.

The table behind it (which codes differ, which a locale may pick) is ``assumed.py``'s
``# --- language`` section, with its evidence; this module only reads names.
"""

from __future__ import annotations

import re

from . import assumed

__all__ = ["panel_lang", "panel_key", "known_for_locale"]

#: An ISO 639 language code: two or three letters.
_CODE = re.compile(r"[a-z]{2,3}")
#: A language key as a panel's own option list may spell it (``ru``, ``ua``, ``pt-br``).
_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,15}")


def panel_lang(name: str | None) -> str | None:
    """``lang=`` for a language as a person or a locale writes it: ``ru``, ``RU``, ``ru_RU.UTF-8``,
    ``ru-RU`` → ``ru``; ``uk_UA`` → ``ua`` (``assumed.LANG_ALIASES``). None when it names no language
    (blank, ``C``, ``POSIX``, ``C.UTF-8``)."""
    head = re.split(r"[._@-]", (name or "").strip(), maxsplit=1)[0].lower()
    if not _CODE.fullmatch(head):
        return None
    return assumed.LANG_ALIASES.get(head, head)


def panel_key(value: str | None) -> str | None:
    """A language key the panel gave (usrparam ``lang``): sent back exactly as the panel wrote it,
    since it is one of the panel's own keys; None when it is blank or not a plausible key."""
    key = (value or "").strip()
    return key if _KEY.fullmatch(key) else None


def known_for_locale(lang: str) -> bool:
    """Whether a language guessed from the terminal's locale is one panels are seen to speak."""
    return lang in assumed.LOCALE_LANGS
