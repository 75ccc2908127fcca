"""Which language the demo panel answers in: the request's ``lang=`` (API.md section 1).

``ru`` is answered in Russian (``texts_ru``); any other language, and any text the table does not
have, in English. Handlers, the menu, the error nodes and the message labels all ask here.
"""
from __future__ import annotations

from collections.abc import Mapping

from . import texts_ru
from .values import period_label

DEFAULT = "en"


def of(params: Mapping[str, str]) -> str:
    """The language a request asks for."""
    return (params.get("lang", "") or DEFAULT).strip() or DEFAULT


def text(lang: str, english: str) -> str:
    """``english`` in ``lang``, or as it is when there is no translation."""
    if lang == "ru":
        return texts_ru.TEXTS.get(english, english)
    return english


def period(lang: str, months: int) -> str:
    """A period's label in ``lang`` ("3 months", «3 месяца»)."""
    if lang == "ru":
        return texts_ru.period_label(months)
    return period_label(months)
