"""The reply parser against real-shaped replies, with all their noise, and against random shapes."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from billtui.api import errors
from billtui.api.parser import Cell, Doc, Ok, Option, parse_reply

PAYMENT_LIST = {"doc": {
    "$lang": "en", "$func": "payment", "$binary": "/billmgr", "$host": "https://panel:1500",
    "elem": [
        {"id": {"$": "12"}, "number": {"$": "12"}, "create_date": {"$": "2024-05-01"},
         "paymethod_name": {"$": "Bank card"}, "subaccountamount_iso": {"$": "15.00 USD"},
         "paymethodamount_iso": {"$": "15.00 USD"}, "status": {"$orig": "4", "$": "Credited"}},
        {"id": {"$": "13"}, "status": {"$orig": "1", "$": "New"}, "paymethod_name": {}},
    ],
    "p_elems": {"$": "42"}, "p_num": {"$": "2"}, "p_cnt": {"$": "20"}, "p_sort": {"$": "id"},
    "p_order": {"$": "desc"},
    "metadata": {"$type": "list", "$key": "id",
                 "coldata": {"col": [{"$name": "id", "$type": "data", "$sort": "digit"}]},
                 "toolbar": {"toolgrp": [{"$name": "edit", "toolbtn": [{"$name": "edit", "$func": "payment.edit"}]},
                                         {"$name": "new", "toolbtn": {"$name": "delete", "$func": "payment.delete"}}]}},
    "messages": {"msg": {"id": "Id", "status": "Status"}},
    "tparams": {"func": {"$": "payment"}, "out": {"$": "json"}},
    "tips": {"tip": [{"$name": "x", "$": "A tip"}]},
    "saved_filters": {}, "p_possible_filters": {"$": ""}, "page": [{"$name": "x"}],
}}


def test_list_rows_cells_and_paging():
    d = parse_reply(PAYMENT_LIST)
    rows = d.rows()
    assert len(rows) == 2
    assert rows[0]["status"] == Cell("Credited", "4")
    assert rows[0]["status"].value == "4"
    assert rows[0]["id"].value == "12"
    assert rows[1]["paymethod_name"].text == ""
    assert (d.total, d.page, d.page_size) == (42, 2, 20)
    assert d.sorted_as == ("id", True)
    assert d.messages == {"id": "Id", "status": "Status"}
    assert {"edit", "payment.edit", "delete", "payment.delete"} <= d.toolbar
    assert d.ok is None


def test_single_object_elem_and_empty_list():
    d = parse_reply({"doc": {"elem": {"id": {"$": "1"}}}})
    assert [r["id"].text for r in d.rows()] == ["1"]
    assert d.total == 1 and d.page == 1 and d.page_size > 0
    empty = parse_reply({"doc": {"p_elems": {"$": "0"}}})
    assert empty.rows() == [] and empty.total == 0
    assert empty.sorted_as is None  # a reply that does not say how it sorted
    assert parse_reply({"doc": {"elem": {}}}).rows() == [{}]


def test_bare_strings_instead_of_elements():
    d = parse_reply({"doc": {"elem": [{"id": "5", "name": 7}], "p_elems": "3"}})
    assert d.rows()[0]["id"].text == "5" and d.rows()[0]["name"].text == "7"
    assert d.total == 3


def test_ok_shapes():
    assert parse_reply({"doc": {"ok": {}}}).ok == Ok("plain", "")
    assert parse_reply({"doc": {"ok": {"$": "func=order"}}}).ok == Ok("redirect", "func=order")
    assert parse_reply({"doc": {"ok": {"$type": "url", "$": "https://pay/x"}}}).ok == Ok("url", "https://pay/x")
    assert parse_reply({"doc": {"ok": {}, "id": {"$": "123"}}}).new_id == "123"
    assert parse_reply({"doc": {}}).new_id is None


def test_form_fields_slists_and_sublists():
    d = parse_reply({"doc": {
        "email": {"$": "a@b.c"}, "phone": {}, "timezone": {"$": "Europe/Berlin"},
        "slist": [{"$name": "timezone", "val": [{"$key": "Europe/Berlin", "$": "Berlin"},
                                                  {"$key": "UTC", "$": "UTC"}]},
                  {"$name": "lang", "val": {"$key": "en", "$": "English"}}],
        "list": {"$name": "methodlist", "elem": [{"paymethod": {"$": "3"}, "name": {"$": "Card"}}]},
    }})
    assert d.field("email") == "a@b.c"
    assert d.field("phone") == ""
    assert d.field("nothing") is None
    assert d.cell("timezone").text == "Europe/Berlin"
    assert d.slist("timezone") == [Option("Europe/Berlin", "Berlin"), Option("UTC", "UTC")]
    assert d.slist("lang") == [Option("en", "English")]
    assert d.slist("missing") == []
    assert d.sublist("methodlist")[0]["name"].text == "Card"
    assert d.sublist("other") == []


def test_messages_as_xml_style_list():
    d = parse_reply({"doc": {"messages": {"msg": [{"$name": "vds", "$": "VPS"}, {"$name": "x", "$": "X"}]}}})
    assert d.messages == {"vds": "VPS", "x": "X"}


def test_text_and_bytes_input():
    assert parse_reply(json.dumps({"doc": {"ok": {}}})).ok is not None
    assert parse_reply(json.dumps({"doc": {"ok": {}}}).encode()).ok is not None
    with pytest.raises(errors.NotJson):
        parse_reply("<html>blocked</html>")
    with pytest.raises(errors.NotJson):
        parse_reply({"nodoc": 1})


@pytest.mark.parametrize("node,exc,attrs", [
    ({"$type": "auth", "$object": "badpassword"}, errors.LoginRefused, {"reason": "badpassword",
                                                                        "message": "Wrong login or password."}),
    ({"$type": "auth", "$object": "blocklogon"}, errors.LoginRefused, {"reason": "blocklogon"}),
    ({"$type": "auth", "$object": "whatever", "msg": {"$": "Nope"}}, errors.LoginRefused, {"message": "Nope"}),
    ({"$type": "access", "msg": {"$": "Access denied"}}, errors.AccessDenied, {}),
    ({"$type": "value", "$object": "amount", "msg": {"$": "The 'Amount' field has invalid value."}},
     errors.FieldError, {"field": "amount", "message": "The 'Amount' field has invalid value."}),
    ({"$type": "missed", "$object": "promocode", "msg": {"$": "Promo code not found"}}, errors.FieldError,
     {"field": "promocode"}),
    ({"$type": "missed", "$object": "func", "msg": {"$": "Function not found"}}, errors.NotAvailable, {}),
    ({"$type": "xmlerror", "msg": {"$": "Unknown function 'vds'"}}, errors.NotAvailable, {}),
    ({"$type": "exists", "$object": "email", "msg": {"$": "Already exists"}}, errors.ApiError,
     {"type": "exists", "object": "email", "message": "Already exists"}),
    ({"$type": "busy", "msg": {"$": "Request in process, please wait"}}, errors.PanelBusy, {}),
])
def test_error_mapping(node, exc, attrs):
    with pytest.raises(exc) as info:
        parse_reply({"doc": {"error": node}})
    for k, v in attrs.items():
        assert getattr(info.value, k) == v
    assert info.value.message


def test_error_detail_template_is_filled_from_params():
    node = {"$type": "value", "$object": "amount",
            "param": [{"$name": "object", "$type": "msg", "$msg": "amount", "$": "Amount"},
                      {"$name": "value", "$": "-5"}],
            "detail": {"$": "The '__object__' field has invalid value."}}
    with pytest.raises(errors.FieldError) as info:
        parse_reply({"doc": {"error": node}})
    assert info.value.message == "The 'Amount' field has invalid value."


def test_error_as_array_or_text():
    with pytest.raises(errors.ApiError):
        parse_reply({"doc": {"error": [{"$type": "x", "msg": {"$": "m"}}]}})
    with pytest.raises(errors.BillError):
        parse_reply({"doc": {"error": "boom"}})


# --- random shapes: a Doc or a BillError, never anything else ------------------------------------

json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
keys = st.sampled_from(["$", "$orig", "$name", "$type", "$key", "$id", "$object", "elem", "ok", "error", "id",
                        "msg", "val", "slist", "list", "messages", "metadata", "toolbar", "toolgrp", "toolbtn",
                        "p_elems", "p_num", "p_cnt", "detail", "param", "mlist", "user", "status", "x"])
shapes = st.recursive(json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                         st.dictionaries(keys, inner, max_size=6)),
                      max_leaves=30)


def _exercise(d: Doc) -> None:
    d.rows(); d.total; d.page; d.page_size; d.ok; d.new_id; d.messages; d.toolbar
    for name in ("x", "status", "id", "elem"):
        d.field(name); d.cell(name); d.slist(name); d.sublist(name)


@settings(max_examples=300)
@given(st.one_of(shapes, st.dictionaries(st.just("doc"), shapes)))
def test_random_shapes_never_crash(data):
    try:
        d = parse_reply(data)
    except errors.BillError:
        return
    _exercise(d)


@settings(max_examples=300)
@given(st.dictionaries(keys, shapes, max_size=8))
def test_random_docs_never_crash(doc):
    try:
        d = parse_reply({"doc": doc})
    except errors.BillError as e:
        assert isinstance(e.message, str) and e.message
        return
    _exercise(d)
    from billtui.api import models
    for r in d.rows():
        for m in (models.Payment, models.Service, models.Ticket, models.Expense, models.Invoice, models.Order,
                  models.Payer, models.Discount, models.HistoryEntry, models.Notice, models.Click):
            m.from_row(r)
    models.PanelMenu.from_doc(d); models.Basket.from_doc(d); models.TicketThread.from_doc(d)
    models.FormData.from_doc(d); models.AddFundsForm.from_doc(d); models.User.from_whoami(d)
