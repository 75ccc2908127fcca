"""Issue #16: a hostile or broken panel cannot reach the user's terminal.

One text boundary (``billtui.api.text_clean``, applied by the parser to every string of a
reply), money that never raises on a long amount, and models that never fail on one value.
"""

from __future__ import annotations

import dataclasses
import decimal
import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billtui.display import format as fmt
from billtui.display import safe
from billtui.api import lists, models
from billtui.api.errors import ApiError, BillError, FieldError, LoginRefused, NotJson
from billtui.api.html_text import html_to_text
from billtui.api.models.forms import FormData
from billtui.api.parser import cell_of, parse_reply, row_of, text_of
from billtui.api.text_clean import MAX_TEXT, REMOVED, clean_text
from billtui.api.values import MAX_DIGITS, Money, money_text, parse_decimal, parse_int, parse_money

from tests.api.conftest import doc

#: Escape sequences and characters a hostile panel can put in any string.
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4K\x1b\\"  # OSC 52: write "rm -rf ~" to the clipboard
TITLE = "\x1b]2;title\x1b\\"  # OSC 2: set the window title
LINK = "\x1b]8;;https://evil.example/\x1b\\"  # OSC 8: a hidden hyperlink
HOSTILE = f"{CLIPBOARD}{TITLE}{LINK}\u202e\x9bWrong\u200b login.\x1b[0m\x1b]8;;\x1b\\"
VISIBLE = "Wrong login."

_BAD = re.compile(f"[{REMOVED}\r\u2028\u2029]")


def assert_clean(text: str) -> None:
    assert isinstance(text, str)
    assert not _BAD.search(text), repr(text)
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text and "\u200b" not in text


def assert_clean_and_visible(text: str) -> None:
    assert_clean(text)
    assert VISIBLE in text, repr(text)


# --- the character policy -------------------------------------------------------------------

def test_escape_sequences_lose_their_controls_and_what_followed_stays_as_inert_text():
    assert_clean_and_visible(clean_text(HOSTILE))
    assert clean_text(HOSTILE).endswith(VISIBLE + "[0m]8;;\\")
    assert clean_text("\x1b[2J\x1b[31mRED\x1b[0m\x07\x00\x08") == "[2J[31mRED[0m"
    assert clean_text(TITLE) == "]2;title\\"
    assert clean_text(LINK + "click") == "]8;;https://evil.example/\\click"  # the target shows, nothing links
    assert clean_text("\x9b31mred \x9d2;t\x9c") == "31mred 2;t"  # 8-bit C1 forms alike


def test_line_breaks_become_newlines_and_tabs_stay():
    assert clean_text("one\r\ntwo\rthree\u2028four\u2029five\tsix") == "one\ntwo\nthree\nfour\nfive\tsix"


def test_scripts_that_need_joiners_and_marks_keep_them():
    persian = "می\u200cخواهم"  # ZWNJ inside a Persian word
    family = "👨\u200d👩\u200d👧"  # ZWJ emoji sequence
    hebrew = "שלום\u200f!"  # RLM after Hebrew
    for text in (persian, family, hebrew, "a\u00a0b", "soft\u00adhyphen"):
        assert clean_text(text) == text


def test_zero_width_and_bidi_controls_are_dropped():
    for ch in "\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x7f\x85\x9b\x9d":
        assert clean_text(f"a{ch}b") == "ab", hex(ord(ch))


def test_a_lone_surrogate_is_dropped_so_the_terminal_can_encode_the_text():
    (row,) = parse_reply('{"doc": {"elem": [{"name": {"$": "a\\ud800b"}}]}}').rows()
    assert row["name"].text == "ab"
    row["name"].text.encode("utf-8")


def test_every_removed_character_fails_isprintable_so_the_fast_path_is_safe():
    removed = re.compile(f"[{REMOVED}]")
    assert all(not chr(i).isprintable() for i in range(0x110000) if removed.match(chr(i)))


def test_the_app_side_uses_the_same_definition():
    assert safe.clean(HOSTILE) == clean_text(HOSTILE)
    assert safe.clean("a\r\nb\u2028c") == "a b c"
    assert safe.clean("a\r\nb", multiline=True) == "a\nb"
    source = Path(safe.__file__).read_text("utf-8")
    assert "\\u202a" not in source and "\\x7f" not in source  # no second copy of the class


# --- one boundary: every string of a reply is clean -----------------------------------------

def test_an_auth_error_message_is_clean():
    with pytest.raises(LoginRefused) as err:
        parse_reply({"doc": {"error": {"$type": "auth", "$object": "other", "msg": {"$": HOSTILE}}}})
    assert_clean_and_visible(err.value.message)
    assert_clean_and_visible(str(err.value))


async def test_a_field_error_and_its_field_name_are_clean(panel, client):
    panel.handlers["user.edit"] = lambda form: {"doc": {"error": {
        "$type": "value", "$object": "em\x1bail\u200b", "msg": {"$": HOSTILE}}}}
    with pytest.raises(FieldError) as err:
        await client.call("user.edit", sok="ok", email="x")
    assert_clean_and_visible(err.value.message)
    assert err.value.field == "email"


def test_an_error_built_from_a_detail_template_is_clean():
    node = {"$type": "xxx", "detail": {"$": f"__what__ {CLIPBOARD}failed"},
            "param": {"$name": "what", "$": HOSTILE}}
    with pytest.raises(ApiError) as err:
        parse_reply({"doc": {"error": node}})
    assert_clean_and_visible(err.value.message)
    assert err.value.message.endswith("failed")


async def test_list_cells_and_column_names_are_clean(panel, client):
    panel.handlers["payment"] = lambda form: doc(
        elem=[{"id": {"$": "1"}, "number": {"$": HOSTILE}, "paymethod_name": {"$": HOSTILE, "$orig": HOSTILE},
               "status": {"$orig": "1", "$": HOSTILE}, "x\x1b\x9dy": {"$": "z"}, f"${LINK}": HOSTILE}],
        p_elems={"$": "1"})
    page = await lists.fetch_page(client, lists.PAYMENTS, 1, 10)
    (payment,) = page.rows
    for text in (payment.number, payment.method, payment.status_text):
        assert_clean_and_visible(text)
    (row,) = parse_reply(panel.handlers["payment"]({})).rows()
    assert "xy" in row
    for name, cell in row.items():
        assert_clean(name)
        assert_clean(cell.text)
        assert_clean(cell.value)


def test_attributes_slist_options_ok_urls_and_form_values_are_clean():
    reply = {"doc": {
        "slist": {"$name": "period", "val": [{"$key": "1\x9b\u202e", "$": HOSTILE}]},
        "ok": {"$type": "url", "$": "https://pay.example/\x1b\u202ego"},
        "email": {"$": HOSTILE, "$readonly": HOSTILE},
        "na\x1b\u200bme": {"$": HOSTILE},
        "messages": {"msg": {"email": HOSTILE, "la\x07bel": "x"}},
    }}
    d = parse_reply(reply)
    (option,) = d.slist("period")
    assert option.key == "1"
    assert_clean_and_visible(option.label)
    assert d.ok is not None and d.ok.kind == "url" and d.ok.value == "https://pay.example/go"
    assert_clean_and_visible(d.field("email") or "")
    cell = d.cell("email")
    assert cell is not None
    assert_clean_and_visible(cell.attrs["readonly"])
    form = FormData.from_doc(d)
    assert "name" in form.values
    for name, value in form.values.items():
        assert_clean(name)
        assert_clean(value)
    assert VISIBLE in form.values["email"] and VISIBLE in form.labels["email"] and "label" in form.labels


def test_instruction_html_is_clean_even_when_character_references_make_controls():
    html = (f"<p>Login: root&#x202e;{CLIPBOARD}</p><p>Password:&#x200b; x&#x9b;31m &#x200c;</p>"
            f"<a href='https://x/{LINK}'>l</a>")
    text = html_to_text(html)
    assert_clean(text)
    assert "Login: root" in text and "Password: x" in text and "\u200c" in text and "<https://x/" in text


def test_error_messages_and_hints_are_clean_whoever_builds_them():
    err = BillError(HOSTILE, "try\u200b again\x07")
    assert_clean_and_visible(err.message)
    assert err.hint == "try again"
    assert_clean(str(NotJson(HOSTILE)))


# --- length: one value cannot freeze the TUI ------------------------------------------------

def test_a_huge_value_is_cut_with_a_visible_marker():
    body = "line of a ticket body\n" * 150_000  # 3.3 MB
    (row,) = parse_reply({"doc": {"elem": [{"body": {"$": body}, "subject": {"$": "S" * 1_500_000}}]}}).rows()
    for cell in (row["body"], row["subject"]):
        assert len(cell.text) < MAX_TEXT + 100
        assert cell.text.endswith(" characters]") and "… [cut by billtui: " in cell.text
    assert "2,300,000 characters" in row["body"].text
    assert text_of({"$": "x" * MAX_TEXT}) == "x" * MAX_TEXT  # exactly the limit: untouched


def test_a_single_line_for_display_is_cut_shorter():
    shown = safe.clean("S" * 1_000_000)
    assert len(shown) < safe.MAX_LINE + 100 and shown.endswith(" characters]")
    assert len(safe.clean("B\n" * 400_000, multiline=True)) == 800_000  # multi-line keeps more


def test_a_number_too_long_for_int_does_not_make_the_reply_unreadable():
    text = '{"doc": {"p_elems": ' + "9" * 5000 + ', "elem": [{"id": {"$": "1"}}]}}'
    with pytest.raises(ValueError):
        json.loads(text)  # what the standard decoder does with it
    d = parse_reply(text)
    assert len(d.rows()) == 1 and d.total == 1


# --- money never crashes ----------------------------------------------------------------------

FORTY = "1234567890" * 4


def test_a_forty_digit_amount_reads_and_prints():
    m = parse_money(f"{FORTY}.50 USD")
    assert m == Money(Decimal(f"{FORTY}.50"), "USD")
    assert str(m) == f"{FORTY}.50 USD"
    assert money_text(m).startswith("1,234,567,890,123") and money_text(m).endswith(".50 USD")
    assert fmt.money(m).endswith(".50 USD")
    whole = parse_money(f"{FORTY} EUR")
    assert whole is not None and str(whole) == f"{FORTY}.00 EUR"  # quantize raised InvalidOperation here


def test_a_negated_long_amount_stays_exact():
    m = parse_money(f"-€{FORTY}")
    assert m is not None and m.amount == Decimal(f"-{FORTY}") and str(m) == f"-€{FORTY}.00"


def test_money_ignores_the_threads_decimal_context():
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        m = parse_money(f"{FORTY} USD")
        assert m is not None and str(m) == f"{FORTY}.00 USD" and fmt.money(m).endswith(",890.00 USD")
    assert decimal.getcontext().prec == 28  # and leaves it alone


def test_an_absurdly_long_amount_is_unreadable_not_an_error():
    assert parse_money("9" * (MAX_DIGITS + 1) + " USD") is None
    assert parse_money("9" * MAX_DIGITS + " USD") is not None
    assert parse_decimal("9" * 5000) is None
    assert parse_int("9" * 5000) is None  # int() refuses more than 4,300 digits
    assert parse_money("1" * 3_000_000) is None


def test_money_made_by_code_with_odd_decimals_still_prints():
    for amount in (Decimal("NaN"), Decimal("Infinity"), Decimal("1E+200"), Decimal("-0")):
        m = Money(amount, "USD")
        assert str(m) and money_text(m) and fmt.money(m)


@given(st.decimals(allow_nan=False, allow_infinity=False, places=2,  # MAX_DIGITS digits, decimals included
                   min_value=-Decimal(10) ** (MAX_DIGITS - 3), max_value=Decimal(10) ** (MAX_DIGITS - 3)))
def test_any_amount_up_to_the_limit_round_trips(amount):
    m = Money(amount, "USD")
    assert parse_money(str(m)) == m
    money_text(m)


# --- models never fail on one value -----------------------------------------------------------

ODD = ["²", "¹", "٣", "", " ", "9" * 5000, FORTY, f"{FORTY}.123456", "0000-00-00", "2026-02-30", "2026-13-45 99:99",
       "-", "—", "1.2.3 USD", HOSTILE, "on", "3_x", "¹ month", "² years", None]

ROW_MODELS = [models.Payment, models.Expense, models.Invoice, models.Order, models.Service, models.HistoryEntry,
              models.Ticket, models.Payer, models.Discount, models.Notice, models.Click, models.RewardDetail,
              models.BasketItem, models.Tariff, models.PayMethod, models.Dashboard]


def _columns(model: Any) -> set[str]:
    cols = {n for names in getattr(model, "COLUMNS", {}).values() for n in names}
    return cols | {"id", "name", "status", "size", "period", "price", "cost", "amount", "realbalance", "balance",
                   "credit", "available_credit", "payment_minamount", "payment_maxamount", "autoprolong",
                   "item_status", "cdate", "reward", "fullcost", "item.period"}


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_no_model_fails_on_an_odd_value(data):
    for model in ROW_MODELS:
        node = {c: ({"$": v, "$orig": data.draw(st.sampled_from(ODD))} if v is not None else {})
                for c in _columns(model) for v in [data.draw(st.sampled_from(ODD))]}
        obj = model.from_row(row_of(node))
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, str):
                assert_clean(value)
            fmt.field(obj, f.name, "money" if isinstance(value, Money) else "text")


def test_a_superscript_size_and_period_build_their_models():
    att = models.Attachment.from_node({"param": {"$": "7"}, "name": {"$": "a.txt"}, "size": {"$": "²"}})
    assert att.size is None and att.name == "a.txt"
    huge = models.Attachment.from_node({"name": {"$": "b"}, "size": {"$": "9" * 5000}})
    assert huge.size is None
    tariff = models.Tariff.from_node({"pricelist": {"$": "1"}, "name": {"$": "VPS"},
                                      "prices": {"price": [{"$period": "¹", "$": "5 USD"},
                                                           {"$period": "12", "$": "50 USD"}]}})
    assert tariff.prices == ((12, Money(Decimal("50"), "USD")),)
    assert models.PaymentStatus.parse("²") is models.PaymentStatus.UNKNOWN
    assert models.ServiceStatus.parse("٣", "Active") is models.ServiceStatus.ACTIVE  # not read as code 3
    service = models.Service.from_row(row_of({"id": {"$": "1"}, "autoprolong": {"$orig": "¹", "$": "¹ month"}}))
    assert service.autoprolong_months == 1


def test_a_thread_with_odd_sizes_and_dates_builds():
    thread = models.TicketThread.from_doc(parse_reply({"doc": {"mlist": {"message": [
        {"$id": "1", "$type": "incoming", "date_post": {"$": "2026-99-99"}, "body": {"$": HOSTILE},
         "file": [{"param": {"$": "3"}, "name": {"$": HOSTILE}, "size": {"$": "²"}}]}]}}}))
    (message,) = thread.messages
    assert message.posted is None
    assert_clean_and_visible(message.body)
    assert message.attachments[0].size is None
    assert_clean_and_visible(message.attachments[0].name)


# --- a value that cannot be read is shown as such ------------------------------------------------

def test_an_unreadable_amount_keeps_the_panels_text_and_is_shown():
    (row,) = parse_reply({"doc": {"elem": [{"id": {"$": "1"}, "subaccountamount_iso": {"$": "12,5,0 USD"},
                                            "paymethodamount_iso": {"$": "15.00 USD"},
                                            "create_date": {"$": "0000-00-00"}}]}}).rows()
    p = models.Payment.from_row(row)
    assert p.credited is None and p.paid == Money(Decimal("15.00"), "USD")
    assert dict(p.unreadable) == {"credited": "12,5,0 USD"}  # "0000-00-00" is "no date", not unreadable
    shown = fmt.field(p, "credited", "money")
    assert shown.plain == "12,5,0 USD" and shown.style == fmt.UNREADABLE_STYLE
    assert fmt.field(p, "paid", "money").plain == "15.00 USD"
    assert fmt.field(p, "created", "date").plain == ""
    assert fmt.money_of(p, "credited") == "12,5,0 USD" and fmt.money_of(p, "paid") == "15.00 USD"


def test_an_unreadable_value_with_no_text_left_is_a_question_mark():
    assert fmt.money(None, "") == fmt.UNKNOWN and fmt.money(None, " \x1b\u200b\t") == fmt.UNKNOWN
    assert fmt.money(None) == ""  # absent stays blank


def test_unreadable_dates_and_doc_level_amounts_are_kept_too():
    s = models.Service.from_row(row_of({"id": {"$": "1"}, "expiredate": {"$": "Unlimited"},
                                        "cost": {"$": "по запросу"}}), type="vds")
    assert s.expires is None and s.unreadable == {"expires": "Unlimited", "cost": "по запросу"}
    assert fmt.field(s, "expires", "expiry").plain == "Unlimited"
    basket = models.Basket.from_doc(parse_reply({"doc": {"total_sum": {"$": "n/a"}, "tax": {"$": "1.00"}}}), "EUR")
    assert basket.total is None and basket.tax == Money(Decimal("1.00"), "EUR")
    assert fmt.money_of(basket, "total") == "n/a"


def test_a_readable_row_shares_the_empty_unreadable_and_compares_as_before():
    a = models.Expense.from_row(row_of({"id": {"$": "1"}, "amount": {"$": "5 USD"}}))
    b = models.Expense.from_row(row_of({"id": {"$": "1"}, "amount": {"$": "5 USD"}}))
    assert a == b and not a.unreadable and a.unreadable is b.unreadable
    assert "unreadable" not in repr(a)
    assert date(2026, 1, 1)  # dates stay dates: nothing else changed shape
    bad = models.Expense.from_row(row_of({"id": {"$": "1"}, "amount": {"$": "5 USD"}, "taxamount": {"$": "x"}}))
    assert bad == a  # the kept text is not part of equality


# --- the property: no string out of the parser holds a removed character ---------------------------

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text() | st.sampled_from([HOSTILE, CLIPBOARD, "\r\n", "\u2028", "\ud800"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.text(max_size=6) | st.sampled_from(["$", "$orig", "$name", "$key", "$type", "elem", "msg", "val",
                                               "slist", f"${TITLE}"]), inner, max_size=5),
    max_leaves=25)


def _strings(d: Any) -> list[str]:
    out: list[str] = []
    for row in d.rows():
        for k, c in row.items():
            out += [k, c.text, c.value, *c.attrs.keys(), *c.attrs.values()]
    out += [*d.messages.keys(), *d.messages.values(), *d.toolbar, *d.slist_names()]
    for name in d.slist_names():
        out += [x for o in d.slist(name) for x in (o.key, o.label)]
    if d.ok is not None:
        out.append(d.ok.value)
    form = FormData.from_doc(d)
    out += [*form.values.keys(), *form.values.values()]
    return out


@settings(max_examples=200, deadline=None)
@given(_JSON, st.sampled_from(["elem", "error", "slist", "messages", "ok", "field", "metadata"]))
def test_no_string_out_of_the_parser_holds_a_removed_character(value, where):
    text = json.dumps({"doc": {where: value}})
    try:
        d = parse_reply(text)
    except BillError as exc:
        assert_clean(exc.message)
        assert exc.hint is None or not _BAD.search(exc.hint)
        return
    for s in _strings(d):
        assert_clean(s)
    assert_clean(text_of(value)) if not isinstance(value, (list, dict)) else None
    assert_clean(cell_of(value).text)
