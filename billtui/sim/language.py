"""Which language the demo panel answers in: the request's ``lang=`` (API.md section 1).

``ru`` is answered in Russian (``texts_ru``); any other language, and any text the table does not
have, in English. Handlers, the menu, the error nodes and the message labels all ask here.
"""
from __future__ import annotations

import re
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


#: The period at the end of an order's or a renewal's description: ", 3 months".
_PERIOD = re.compile(r", (\d+) (month|months|year|years)$")
_RENEWAL = re.compile(r"^Renewal of (.+?) \((.+)\)$")


def describe(lang: str, english: str) -> str:
    """A description the panel wrote when the order or the charge was made (``VDS-1 new-vm,
    1 month``, ``Renewal of db-01 (VDS-4), 1 year``, ``.com domain example.com (…)``), in ``lang``:
    the tariff's name and the period as the table has them; the customer's names and the dates stay."""
    if lang != "ru":
        return english
    text, tail = english, ""
    found = _PERIOD.search(text)
    if found:
        months = int(found[1]) * (12 if found[2].startswith("year") else 1)
        text, tail = text[:found.start()], ", " + texts_ru.period_label(months)
    renewal = _RENEWAL.match(text)
    if renewal:
        return f"Продление {renewal[1]} ({text_of(renewal[2])}){tail}"
    for name in sorted(texts_ru.TEXTS, key=len, reverse=True):
        if len(name) > 3 and text.startswith(name + " "):
            return texts_ru.TEXTS[name] + text[len(name):] + tail
    return text + tail


def text_of(english: str) -> str:
    return texts_ru.TEXTS.get(english, english)
