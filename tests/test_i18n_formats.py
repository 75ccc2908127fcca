"""Dates and numbers in billtui's display follow the language; money stays Decimal."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from billtui import i18n
from billtui.api.values import Money
from billtui.display import format as fmt
from billtui.i18n import formats


def test_english_dates_and_money_are_as_before() -> None:
    assert fmt.day(date(2026, 12, 2)) == "2026-12-02"
    assert fmt.day(datetime(2026, 12, 2, 14, 5)) == "2026-12-02 14:05"
    assert fmt.money(Money(Decimal("1234.5"), "USD")) == "1,234.50 USD"
    assert fmt.day(date(1, 1, 1)) == "0001-01-01"  # as date.isoformat() wrote it before


def test_russian_dates_and_money() -> None:
    i18n.set_language("ru")
    assert fmt.day(date(2026, 12, 2)) == "02.12.2026"
    assert fmt.day(datetime(2026, 12, 2, 14, 5)) == "02.12.2026 14:05"
    # A no-break space between thousands: an amount never wraps in a narrow column.
    assert fmt.money(Money(Decimal("1234567.5"), "RUB")) == "1\u00a0234\u00a0567,50 RUB"
    assert fmt.money(Money(Decimal("-12.4"), "USD")) == "-12,40 USD"
    assert formats.date_hint() == "ДД.ММ.ГГГГ"
    assert fmt.day(date(999, 3, 4)) == "04.03.0999"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.sampled_from(["en", "ru"]))
def test_a_shown_amount_reads_back_as_the_same_decimal(amount: Decimal, lang: str) -> None:
    i18n.set_language(lang)
    try:
        shown = formats.number(amount)
    finally:
        i18n.set_language("en")
    c = formats.CONVENTIONS[lang]
    assert Decimal(shown.replace(c.group, "").replace(c.decimal, ".")) == amount


@pytest.mark.parametrize("n, text", [(1, "1 месяц"), (2, "2 месяца"), (5, "5 месяцев"), (11, "11 месяцев"),
                                     (21, "21 месяц"), (104, "104 месяца")])
def test_russian_plural_forms(n: int, text: str) -> None:
    """A renewal period as the order wizard and the renew dialog write it (``api.values.period_text``)."""
    from billtui.api.values import period_text

    i18n.set_language("ru")
    assert period_text(n) == text
