"""billtui's stylesheets: the ``.tcss`` files in the top-level ``styles/`` folder.

Each widget's and screen's own rules live in ``styles/<package>/<Class>.tcss`` and are read into
that class's ``DEFAULT_CSS``. Keeping them *default* CSS (not app CSS) keeps Textual's precedence
exactly as it was when the rules were written in the classes: a widget's defaults lose to the
app's stylesheets (``app.tcss``, ``plain.tcss``) and to a user's ``user.tcss``, which can
therefore override any of them.

Two places hold the folder: a checkout has it beside the package (``styles/``); an installed
wheel has it inside the package (``billtui/styles/``, mapped there by ``setup.py``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import billtui

_PACKAGE = Path(billtui.__file__).resolve().parent


@cache
def root() -> Path:
    """The folder holding the stylesheets, in a wheel or in a checkout."""
    for candidate in (_PACKAGE / "styles", _PACKAGE.parent / "styles"):
        if (candidate / "app.tcss").is_file():
            return candidate
    raise FileNotFoundError(f"billtui's styles/ folder is missing (looked beside and inside {_PACKAGE})")


def path(name: str) -> Path:
    """The path of one stylesheet, ``name`` relative to ``styles/`` (``"widgets/HeaderBar.tcss"``)."""
    return root() / name


def load(name: str) -> str:
    """One stylesheet's text, for a class's ``DEFAULT_CSS``."""
    return path(name).read_text(encoding="utf-8")
