"""Models from real-shaped rows, and how lists turn sort/filter requests into panel parameters."""

from datetime import date
from decimal import Decimal

from billtui.api import lists, models
from billtui.api.parser import parse_reply
from billtui.api.values import Money

from tests.api.conftest import doc


def rows(*elems):
    return parse_reply({"doc": {"elem": list(elems)}}).rows()


def test_service_status_detail_and_autoprolong():
    (r,) = rows({"id": {"$": "5"}, "domain": {}, "name": {"$": "vm1"}, "status": {"$orig": "3_abusesuspend",
                 "$": "Suspended"}, "autoprolong": {"$orig": "off", "$": "Off"}, "cost": {"$": "5.00 USD / 1 month"},
                 "expiredate": {"$": "2025-07-01"}})
    s = models.Service.from_row(r, type="vds")
    assert s.name == "vm1" and s.type == "vds"
    assert s.status is models.ServiceStatus.SUSPENDED and s.status_detail == "abusesuspend"
    assert s.autoprolong_months is None and s.cost == Money(Decimal("5.00"), "USD")
    assert s.expires == date(2025, 7, 1)


def test_models_tolerate_empty_rows():
    for m in (models.Payment, models.Service, models.Ticket, models.Expense, models.Invoice, models.Order,
              models.Payer, models.Discount, models.HistoryEntry, models.Notice, models.Click, models.RewardDetail):
        obj = m.from_row({})
        assert obj.id == ""


def test_status_enums():
    assert models.PaymentStatus.parse("7").label == "Fraud"
    assert models.PaymentStatus.parse("99") is models.PaymentStatus.UNKNOWN
    assert models.TicketStatus.parse("10") is models.TicketStatus.ARCHIVED
    assert models.ServiceStatus.parse(None, "Active") is models.ServiceStatus.ACTIVE


def test_menu_titles():
    d = parse_reply({"doc": {"mainmenu": {"node": [
        {"$name": "customer", "node": [{"$name": "profile"}]},
        {"$name": "mainmenuservice", "node": [{"$name": "vds"}, {"$name": "storage"}, {"$name": "zzz"}]},
    ]}, "messages": {"msg": {"vds": "VPS"}}}})
    menu = models.PanelMenu.from_doc(d)
    assert [(t.name, t.title) for t in menu.service_types] == [("vds", "VPS"), ("storage", "Storage"), ("zzz", "zzz")]
    assert menu.offers("profile") and menu.offers("vds.edit") and not menu.offers("dnshost")


def test_ticket_thread_shapes():
    d = parse_reply({"doc": {"subject": {"$": "S"}, "mlist": {"message": {
        "$id": "1", "$type": "incoming", "user": {"realname": {"$": "Support"}}, "date_post": {"$": "2025-01-02 03:04:05"},
        "body": {"$": "Hello"}, "file": {"name": {"$": "a.txt"}, "param": {"$": "77"}}}}}})
    t = models.TicketThread.from_doc(d, id="9")
    (m,) = t.messages
    assert m.from_support and m.author == "Support" and m.attachments[0].id == "77"


async def test_fetch_page_sort_and_filters(panel, client):
    panel.handlers["payment"] = lambda f: doc(elem=[{"id": {"$": "1"}}], p_elems={"$": "30"}, p_num={"$": "2"},
                                              p_cnt={"$": "10"})
    panel.handlers["payment.filter"] = lambda f: doc(ok={})
    panel.handlers["expense"] = lambda f: doc(elem=[])
    panel.handlers["expense.filter"] = lambda f: doc(ok={})
    page = await lists.fetch_page(client, lists.PAYMENTS, 2, 10, sort=("created", True),
                                  filters={"status": "1", "from": "2025-01-01"})
    assert (page.total, page.page, page.page_size, page.pages) == (30, 2, 10, 3)
    f = panel.forms[-1]
    assert f["p_col"] == "-create_date" and f["p_num"] == "2" and f["p_cnt"] == "10"
    assert f["filter"] == "on" and f["status"] == "1" and f["createdate"] == "other"
    assert f["createdatestart"] == "2025-01-01"
    # stored filter: set once, not again while unchanged, replaced (drop + set) when changed
    await lists.fetch_page(client, lists.EXPENSES, 1, 10, filters={"from": "2025-01-01"})
    await lists.fetch_page(client, lists.EXPENSES, 2, 10, filters={"from": "2025-01-01"})
    await lists.fetch_page(client, lists.EXPENSES, 1, 10, filters={"to": "2025-02-01"})
    await lists.fetch_page(client, lists.EXPENSES, 1, 10, filters={})
    ex = [x for x in panel.forms if x["func"].startswith("expense")]
    assert [(x["func"], x.get("drop"), x.get("fromdate"), x.get("todate")) for x in ex] == [
        ("expense.filter", "on", None, None), ("expense.filter", None, "2025-01-01", None), ("expense", None, None, None),
        ("expense", None, None, None),
        ("expense.filter", "on", None, None), ("expense.filter", None, None, "2025-02-01"), ("expense", None, None, None),
        ("expense.filter", "on", None, None), ("expense", None, None, None)]


async def test_service_history_needs_elid(client):
    import pytest
    with pytest.raises(ValueError):
        await lists.fetch_page(client, lists.SERVICE_HISTORY, 1, 10)
