"""Money, dates and periods: the formats of API.md section 5."""

from datetime import date, datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from billtui.api.values import Money, parse_date, parse_datetime, parse_money, period_label


def test_money_formats_like_the_panel():
    assert str(Money(Decimal("15"), "USD")) == "15.00 USD"
    assert str(Money(Decimal("-3.5"), "EUR")) == "-3.50 EUR"
    assert str(Money(Decimal("0.125"), "BTC")) == "0.125 BTC"


def test_parse_money_accepts_the_usual_shapes():
    assert parse_money("15.00 USD") == Money(Decimal("15.00"), "USD")
    assert parse_money("15 USD") == Money(Decimal("15"), "USD")
    assert parse_money("-3.5 EUR") == Money(Decimal("-3.5"), "EUR")
    assert parse_money("123.45", "RUB") == Money(Decimal("123.45"), "RUB")
    assert parse_money("123.45") == Money(Decimal("123.45"), "")
    assert parse_money("USD 7") == Money(Decimal("7"), "USD")
    assert parse_money("1 234.50 USD") == Money(Decimal("1234.50"), "USD")


def test_parse_money_rejects_garbage():
    for text in (None, "", "  ", "abc", "USD", "1.2.3 USD", "15.00 DOLLARS", "--5 EUR"):
        assert parse_money(text) is None


def test_money_is_never_a_float():
    m = parse_money("0.10 USD")
    assert isinstance(m.amount, Decimal)
    assert m.amount * 3 == Decimal("0.30")


def test_money_orders_by_amount_then_currency():
    assert Money(Decimal("1"), "USD") < Money(Decimal("2"), "USD")


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**9, max_value=10**9),
       st.sampled_from(["USD", "EUR", "RUB", "KZT"]))
def test_money_round_trip(amount, currency):
    m = Money(amount, currency)
    assert parse_money(str(m)) == m


@given(st.text(max_size=40))
def test_parse_money_never_crashes(text):
    parse_money(text)
    parse_date(text)
    parse_datetime(text)


def test_dates():
    assert parse_date("2024-02-29") == date(2024, 2, 29)
    assert parse_date("2024-02-29 10:11:12") == date(2024, 2, 29)
    assert parse_date("0000-00-00") is None
    assert parse_date("") is None
    assert parse_date("tomorrow") is None
    assert parse_datetime("2024-02-29 10:11:12") == datetime(2024, 2, 29, 10, 11, 12)
    assert parse_datetime("2024-02-29 10:11") == datetime(2024, 2, 29, 10, 11)
    assert parse_datetime("2024-02-29") == datetime(2024, 2, 29)
    assert parse_datetime("2024-13-01 00:00:00") is None


def test_period_labels():
    assert period_label(-100) == "Trial"
    assert period_label(-50) == "1 day"
    assert period_label(0) == "Lifetime"
    assert period_label(1) == "1 month"
    assert period_label(3) == "3 months"
    assert period_label(12) == "1 year"
    assert period_label(24) == "2 years"
    assert period_label(18) == "18 months"


def test_money_with_a_symbol_reads_both_sides():
    """Real panels write ``12.34 €`` (API.md §5; more shapes in tests/api/test_real_account.py)."""
    assert parse_money("12.34 €") == Money(Decimal("12.34"), "EUR")
    assert parse_money("€12.34") == Money(Decimal("12.34"), "EUR")
    assert parse_money("$5") == Money(Decimal("5"), "USD")
    assert str(parse_money("12.34 €")) == "12.34 €" and str(parse_money("-$5")) == "-$5.00"


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**9, max_value=10**9),
       st.sampled_from(["€", "$", "₽", "£"]), st.booleans())
def test_money_with_a_symbol_round_trip(amount, symbol, first):
    from billtui.api.values import SYMBOLS, money_text

    m = Money(amount, SYMBOLS[symbol], symbol, first)
    assert parse_money(str(m)) == m and parse_money(str(m)).symbol == symbol
    assert parse_money(money_text(m)) == m
