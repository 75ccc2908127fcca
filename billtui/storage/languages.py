"""Which language billtui asks the panel to answer in (``lang=`` on every request), and the one
each profile's user chose in the panel, remembered between runs.

The first of these that names a language wins:

1. ``--lang`` on the command line (this run only);
2. the profile's ``language`` in the config file (the user's own; billtui never writes it);
3. the language the user chose in the panel's User settings (usrparam ``lang``), learned after
   each login and remembered per profile in ``languages.json`` in the state dir, so that the next
   start's login and first screen already speak it (it is not a setting: never in the config);
4. the terminal's locale: the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set, as POSIX
   reads them (``ru_RU.UTF-8`` → ``ru``), if panels are seen to speak that language;
5. English.

What the panel writes follows it (service types, statuses, its messages); billtui's own words
follow it too where billtui has them (``billtui.i18n``), else they stay English.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from billtui.api import assumed
from billtui.api.language import known_for_locale, panel_key, panel_lang
from billtui.storage import paths
from billtui.i18n import N_, _

#: Where a language came from (``Language.source``), in the order they win.
COMMAND_LINE = "command line"
CONFIG = "config"
PANEL = "panel"
LOCALE = "locale"
DEFAULT = "default"

#: The locale variables, in the order POSIX reads them for messages.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

#: Names for the status line ("billtui keeps Russian ..."), in English, translated where shown
#: (``Language.name``); others are shown by their code.
NAMES = {"en": N_("English"), "ru": N_("Russian"), "ua": N_("Ukrainian"), "uk": N_("Ukrainian"),
         "kk": N_("Kazakh"), "de": N_("German"), "fr": N_("French"), "es": N_("Spanish"),
         "it": N_("Italian"), "pl": N_("Polish"), "tr": N_("Turkish")}


@dataclass(frozen=True)
class Language:
    """The ``lang=`` billtui sends, and why."""

    code: str
    source: str = DEFAULT

    @property
    def fixed(self) -> bool:
        """Chosen for billtui itself (``--lang``, the config file): the panel's setting does not move it."""
        return self.source in (COMMAND_LINE, CONFIG)

    @property
    def name(self) -> str:
        """The language's name in billtui's current language, or its code."""
        return _(NAMES[self.code]) if self.code in NAMES else self.code

    def kept(self) -> str:
        """Why billtui keeps this language when the panel's User settings name another."""
        if self.source == COMMAND_LINE:
            return _("billtui keeps {language} for this run (--lang {code} on the command line).").format(
                language=self.name, code=self.code)
        return _('billtui keeps {language} for this profile (language = "{code}" in the config file).').format(
            language=self.name, code=self.code)


def from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the terminal's locale names, if panels are seen to speak it.

    The first variable that is set decides, as in POSIX: ``LC_ALL=C`` means the C locale even when
    ``LANG`` names Russian, so it gives no language at all."""
    env = os.environ if environ is None else environ
    for name in LOCALE_VARIABLES:
        value = env.get(name, "")
        if value:
            lang = panel_lang(value)
            return lang if lang is not None and known_for_locale(lang) else None
    return None


def resolve(override: str | None, profile: Any, *, remembered: bool = True,
            environ: Mapping[str, str] | None = None) -> Language:
    """The language for ``profile`` (a ``config.Profile``, or None): ``override`` is ``--lang``;
    ``remembered=False`` skips what the panel said last time (the demo, a one-off panel)."""
    if override:
        code = panel_lang(override)
        if code is not None:
            return Language(code, COMMAND_LINE)
    configured = panel_lang(getattr(profile, "language", "") or "")
    if configured is not None:
        return Language(configured, CONFIG)
    if remembered and profile is not None:
        learned = remembered_language(profile.name)
        if learned is not None:
            return Language(learned, PANEL)
    guessed = from_locale(environ)
    if guessed is not None:
        return Language(guessed, LOCALE)
    return Language(assumed.DEFAULT_LANG, DEFAULT)


# ------------------------------------------------------------ what the panel said, per profile


def languages_path() -> Path:
    return paths.state_dir() / "languages.json"


def _load() -> dict[str, str]:
    try:
        data = json.loads(languages_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and panel_key(v)}


def remembered_language(profile: str) -> str | None:
    """The language the panel last named for ``profile``'s user, if any."""
    return _load().get(profile)


def remember(profile: str, lang: str) -> bool:
    """Keep the panel's language for ``profile``; False when the state dir cannot be written
    (the language still applies to this run)."""
    key = panel_key(lang)
    if key is None:
        return False
    known = _load()
    if known.get(profile) == key:
        return True
    known[profile] = key
    try:
        paths.private_write(languages_path(), json.dumps(known, indent=2, sort_keys=True) + "\n")
    except OSError:
        return False
    return True


def forget(profile: str) -> None:
    """The profile is gone: so is what its panel said."""
    known = _load()
    if known.pop(profile, None) is None:
        return
    try:
        paths.private_write(languages_path(), json.dumps(known, indent=2, sort_keys=True) + "\n")
    except OSError:
        pass
