"""Account and money against replies shaped the way real clients read them (values invented, paths real).

Sources: Karantir-dev/billing-typescript (the production customer panel, "KD" below) and
pulivilizator/billmgr-addon billmgr_addon/utils/billmgr_api.py ("addon"). Each case names its file.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from billtui.api import models
from billtui.api.calls import account
from billtui.api.parser import Doc
from billtui.api.values import Money, money_text, parse_money

from tests.api.conftest import doc

# --- money: codes and symbols on either side ---------------------------------------------------

MONEY_CASES = [
    # KD src/Redux/userInfo/userOperations.js dashBoardInfo strips ' €' and ' EUR' from realbalance.
    ("12.34 €", Decimal("12.34"), "EUR", "12.34 €"),
    ("12.34 EUR", Decimal("12.34"), "EUR", "12.34 EUR"),
    # The same money with the unit before the number, and other currencies (API.md §5).
    ("€12.34", Decimal("12.34"), "EUR", "€12.34"),
    ("EUR 12.34", Decimal("12.34"), "EUR", "12.34 EUR"),
    ("$5.00", Decimal("5.00"), "USD", "$5.00"),
    ("1 234,50 ₽", Decimal("1234.50"), "RUB", "1,234.50 ₽"),
    ("1\u00a0234.56 €", Decimal("1234.56"), "EUR", "1,234.56 €"),
    ("1,234.56 USD", Decimal("1234.56"), "USD", "1,234.56 USD"),
    ("1.234,56 €", Decimal("1234.56"), "EUR", "1,234.56 €"),
    ("12,5 €", Decimal("12.5"), "EUR", "12.50 €"),
    ("100 руб.", Decimal("100"), "RUB", "100.00 руб."),
    # Negative balances, with the sign before or after the symbol.
    ("-5.00 €", Decimal("-5.00"), "EUR", "-5.00 €"),
    ("-€5", Decimal("-5"), "EUR", "-€5.00"),
    ("€-5", Decimal("-5"), "EUR", "-€5.00"),
    ("-$0.10", Decimal("-0.10"), "USD", "-$0.10"),
    ("- 3.50 USD", Decimal("-3.50"), "USD", "-3.50 USD"),
    # Prices with a period (tariff cells) keep working with symbols too.
    ("$5.00 / 1 month", Decimal("5.00"), "USD", "$5.00"),
    # A symbol that names several currencies: kept as written, no code.
    ("5 ¥", Decimal("5"), "", "5.00 ¥"),
]


@pytest.mark.parametrize("text,amount,code,shown", MONEY_CASES, ids=[c[0] for c in MONEY_CASES])
def test_money_with_codes_and_symbols(text, amount, code, shown):
    m = parse_money(text)
    assert m is not None and m.amount == amount and isinstance(m.amount, Decimal)
    assert m.currency == code
    assert money_text(m) == shown


def test_a_symbol_is_display_only():
    """``12.34 €`` and ``12.34 EUR`` are the same money: equal, same hash, same order."""
    assert parse_money("12.34 €") == parse_money("12.34 EUR") == parse_money("€12.34")
    assert len({parse_money("12.34 €"), parse_money("EUR 12.34")}) == 1
    assert str(Money(Decimal("15"), "USD")) == "15.00 USD"  # no symbol: the panel's own code format


@pytest.mark.parametrize("text", ["€", "12.34 €€", "1.2.3 €", "--5 €", "€ €5", "5 DOLLARS", "12.34 ?"])
def test_money_garbage_is_none(text):
    assert parse_money(text) is None


# --- whoami -----------------------------------------------------------------------------------

def test_whoami_reads_doc_user_attributes():
    """KD src/Redux/userInfo/userOperations.js userInfo: doc.user $realname $email $phone $id."""
    d = Doc({"user": {"$id": "42", "$realname": "Jane Roe", "$email": "jane@example.com", "$phone": "+44 1",
                      "$email_verified": "on", "$need_phone_validate": "off", "$": "jane"}})
    user = models.User.from_whoami(d)
    assert (user.id, user.realname, user.email, user.phone, user.login) == (
        "42", "Jane Roe", "jane@example.com", "+44 1", "jane")


# --- dashboard.info and dashboard.subaccount_credit -----------------------------------------------

async def test_balance_written_with_a_symbol_reaches_the_header(panel, client):
    """KD userOperations.js dashBoardInfo: elem[0].realbalance.$ ('12.34 €'), elem[0].phone.$;
    getAvailableCredit: dashboard.subaccount_credit elem[0].credit.$ / available_credit.$ (bare numbers)."""
    panel.handlers["dashboard.info"] = lambda f: doc(elem=[{"realbalance": {"$": "12.34 €"},
                                                            "phone": {"$": "+49 30 1"}}])
    panel.handlers["dashboard.subaccount_credit"] = lambda f: doc(elem=[{"credit": {"$": "50.00"},
                                                                         "available_credit": {"$": "37.66"}}])
    board = await account.dashboard(client)
    assert board.balance == Money(Decimal("12.34"), "EUR") and money_text(board.balance) == "12.34 €"
    assert board.credit == Money(Decimal("50.00"), "EUR") and money_text(board.credit) == "50.00 €"
    assert board.available_credit == Money(Decimal("37.66"), "EUR")
    assert board.phone == "+49 30 1"
    sent = [f for f in panel.forms if f.get("func") == "dashboard.info"][0]
    assert set(sent) - {"auth", "out", "lang"} == {"func"}  # no parameters, as KD getUserInfo


async def test_credit_in_dashboard_info_needs_no_second_call(panel, client):
    panel.handlers["dashboard.info"] = lambda f: doc(elem={"realbalance": {"$": "-3.50 EUR"},
                                                           "credit": {"$": "10.00 EUR"}})  # one row, an object
    board = await account.dashboard(client)
    assert board.balance == Money(Decimal("-3.50"), "EUR") and board.credit == Money(Decimal("10.00"), "EUR")
    assert "dashboard.subaccount_credit" not in panel.funcs()


async def test_a_panel_without_subaccount_credit_still_shows_the_balance(panel, client):
    panel.handlers["dashboard.info"] = lambda f: doc(elem=[{"realbalance": {"$": "$7.00"}}])
    board = await account.dashboard(client)  # dashboard.subaccount_credit answers "function not found"
    assert money_text(board.balance) == "$7.00" and board.credit is None


# --- user.edit --------------------------------------------------------------------------------

async def test_user_edit_view_and_save(panel, client):
    """KD src/Redux/settings/settingsOperations.js getUserEdit (elid = whoami $id; reads doc.email.$,
    doc.phone.$, doc.realname.$) and setPersonalSettings (func=user.edit sok=ok elid email realname phone)."""
    panel.handlers["user.edit"] = lambda f: doc(ok={}) if f.get("sok") else doc(
        elid={"$": "7"}, name={"$": "demo"}, realname={"$": "Demo User"}, email={"$": "d@example.com"},
        phone={"$": "+1 555"}, phone_country={"$": "1"})
    user = await account.user_view(client)
    assert (user.id, user.realname, user.email, user.phone) == ("7", "Demo User", "d@example.com", "+1 555")
    await account.user_save(client, realname="Jane Roe", email="jane@example.com", phone="+44 1")
    sent = [f for f in panel.forms if f.get("func") == "user.edit" and f.get("sok")][0]
    assert {k: sent[k] for k in ("elid", "sok", "realname", "email", "phone")} == {
        "elid": "7", "sok": "ok", "realname": "Jane Roe", "email": "jane@example.com", "phone": "+44 1"}


# --- profile (payers) ---------------------------------------------------------------------------

async def test_payers_rows_without_id_or_name_are_dropped(panel, client):
    """KD src/Redux/payers/payersOperations.js getPayers: elem[] id.$ name.$ profiletype.$ (PayersTable.jsx),
    rows without name or id filtered out; one row as an object is still a row."""
    panel.handlers["profile"] = lambda f: doc(
        elem=[{"id": {"$": "3"}, "name": {"$": "Acme Ltd"}, "profiletype": {"$orig": "2", "$": "Company"}},
              {"id": {"$": "4"}, "name": {}}],
        p_elems={"$": "2"})
    payers = await account.payers(client)
    assert [(p.id, p.name, p.kind) for p in payers] == [("3", "Acme Ltd", "Company")]
    panel.handlers["profile"] = lambda f: doc(elem={"id": {"$": "9"}, "name": {"$": "Solo"}}, p_elems={"$": "1"})
    assert [p.name for p in await account.payers(client)] == ["Solo"]


# --- account.discountinfo: both shapes -----------------------------------------------------------

NEW_API = doc(list=[{"$name": "promotion", "elem": [
    # addon AccountDiscountinfoRequest: id.$, name.name.$, value.text.$; KD Cart.jsx: products.$.
    {"id": {"$": "5"}, "name": {"name": {"$": "Big dedicated sale"}}, "value": {"text": {"$": "12%"}},
     "products": {"$": "Dedicated E3 / Dedicated E5"}},
    {"id": {"$": "6"}, "name": {"name": {"$": "First month of hosting"}}, "value": {"text": {"$": "1.00 €"}},
     "products": {"$": "Hosting Start"}},
]}])

OLD_API = doc(elem=[
    # KD SecureRoutes.jsx / Cart.jsx (old API): promotion.$ (the name), idname.$ (the products).
    {"id": {"$": "1"}, "promotion": {"$": "1month-hosting"}, "idname": {"$": "Hosting Start"},
     "value": {"$": "100%"}},
])


@pytest.mark.parametrize("reply,expected", [
    (NEW_API, [("5", "Big dedicated sale", "12%", "Dedicated E3 / Dedicated E5"),
               ("6", "First month of hosting", "1.00 €", "Hosting Start")]),
    (OLD_API, [("1", "1month-hosting", "100%", "Hosting Start")]),
    # KD cartOperations.js getSalesList: one list object, one elem object.
    (doc(list={"$name": "promotion", "elem": {"id": {"$": "8"}, "name": {"name": {"$": "Solo"}},
                                              "value": {"text": {"$": "3%"}}}}), [("8", "Solo", "3%", "")]),
    # ISPsystem b6c "Discounts (account.discountinfo)": flat id name value.
    (doc(elem={"id": {"$": "2"}, "name": {"$": "Loyalty"}, "value": {"$": "5%"}}), [("2", "Loyalty", "5%", "")]),
    # An empty new-API list wins over stray rows; no list and no elem: no discounts.
    (doc(list=[{"$name": "promotion"}], elem=[{"id": {"$": "1"}}]), []),
    (doc(), []),
], ids=["new-api", "old-api", "new-api-one-row-object", "docs-flat", "new-api-empty", "nothing"])
async def test_discounts_in_both_shapes(panel, client, reply, expected):
    panel.handlers["account.discountinfo"] = lambda f: reply
    got = await account.discounts(client)
    assert [(d.id, d.name, d.value, d.applies_to) for d in got] == expected
    sent = [f for f in panel.forms if f.get("func") == "account.discountinfo"][0]
    assert set(sent) - {"auth", "out", "lang"} == {"func"}  # no parameters, as KD getSalesList


async def test_user_edit_readonly_fields(panel, client):
    """KD settingsOperations.js getUserEdit: metadata.form.page[$name=user].field[].input[].$readonly."""
    meta = {"$type": "form", "form": {"page": [{"$name": "user", "field": [
        {"$name": "email", "input": [{"$name": "email", "$readonly": "yes"}]},
        {"$name": "realname", "input": {"$name": "realname"}},
        {"$name": "phone", "input": [{"$name": "phone", "$readonly": "no"}]}]}]}}
    panel.handlers["user.edit"] = lambda f: doc(realname={"$": "R"}, email={"$": "e@x.io"}, phone={"$": ""},
                                                metadata=meta)
    user = await account.user_view(client)
    assert user.readonly == frozenset({"email"})
