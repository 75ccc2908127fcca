"""Support tickets and the affiliate program against replies shaped the way real code reads them.

Values are invented; every path is one that production code reads or sends. Sources:
- Karantir-dev/billing-typescript (a production customer panel for BILLmanager 6):
  src/Redux/support/supportOperations.js, src/Components/Support/**, src/Pages/SupportPage/**,
  src/Redux/affiliateProgram/operations.js, src/Components/affiliateProgram/DetailsModal/DetailsModal.jsx,
  src/Pages/AffiliateProgram/AffiliateProgramStatistics/AffiliateProgramStatistics.jsx.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import httpx
import pytest

from billtui.api import assumed, lists
from billtui.api.calls import finance, settings, support
from billtui.api.values import Money

from tests.api.conftest import doc


# ----------------------------------------------------------------------------- (a) reply corpus

def _ticket_row(i: str, **extra) -> dict:
    # SupportTable.jsx: id name last_message tstatus unread ('on'); RequestsPage.jsx: toarchive ('on'),
    # last_message_utc.
    row = {"id": {"$": i}, "name": {"$": f"Subject {i}"}, "last_message": {"$": "2024-03-05 10:20:30"},
           "last_message_utc": {"$": "2024-03-05T08:20:30Z"}, "tstatus": {"$": "Answered"},
           "unread": {"$": "on"}, "toarchive": {"$": "on"}}
    row.update(extra)
    return row


LIST_CASES = {
    # supportOperations.js getTicketsHandler: data.doc.elem (array), p_elems.
    "SupportTable.jsx elem array": doc(elem=[_ticket_row("11"), _ticket_row("12", unread={"$": "off"})],
                                       p_elems={"$": "2"}),
    # XML→JSON gives one row as an object.
    "SupportTable.jsx one-row elem object": doc(elem=_ticket_row("11"), p_elems={"$": "1"}),
    # getTicketsHandler: `data?.doc?.elem || []` — an empty list has no elem.
    "supportOperations.js missing elem": doc(p_elems={"$": "0"}),
}


@pytest.mark.parametrize("name", list(LIST_CASES))
async def test_ticket_lists_read_real_rows(panel, client, name):
    reply = LIST_CASES[name]
    panel.handlers["clientticket"] = lambda f: reply
    panel.handlers["clientticket_archive"] = lambda f: reply
    for call in (lists.TICKETS, lists.ARCHIVED_TICKETS):
        page = await lists.fetch_page(client, call, 1, 10)
        expected = {"11", "12"} if "array" in name else ({"11"} if "object" in name else set())
        assert {t.id for t in page.rows} == expected
        for t in page.rows:
            assert t.subject.startswith("Subject ") and t.last_message == datetime(2024, 3, 5, 10, 20, 30)
            assert t.can_archive is True and t.status_text == "Answered"
        if page.rows:
            assert page.rows[0].unread is True
    sent = [f for f in panel.forms if f.get("func") in ("clientticket", "clientticket_archive")]
    assert sent and all(f.get("p_num") == "1" and f.get("p_cnt") == "10" for f in sent)


def _thread(messages, **extra) -> dict:
    # OpenedTicket.jsx: subject.$, mlist[0].message[], closed_ticket_user.$ === 'on'.
    return doc(subject={"$": "Disk is full"}, mlist=[{"fm_date_post": {"$": "2024-03-01 09:00:00"},
                                                       "message": messages}], **extra)


CUSTOMER_MSG = {  # MessageItem.jsx: $type 'outcoming' = the customer's own message
    "$id": "501", "$type": "outcoming", "user": {"realname": {"$": "John Smith"}},
    "date_post": {"$": "2024-03-01 09:00:00"}, "body": {"$": "My disk is full"},
    "file": [{"name": {"$": "df.txt"}, "param": {"$": "9001"}}, {"name": {"$": "du.png"}, "param": {"$": "9002"}}],
}
SUPPORT_MSG = {  # incoming, with rates.rate.$name (MessageRate.jsx)
    "$id": "502", "$type": "incoming", "user": {"realname": {"$": "Anna (Support)"}},
    "date_post": {"$": "2024-03-01 10:00:00"}, "body": {"$": "Cleaned /tmp"},
    "file": {"name": {"$": "report.pdf"}, "param": {"$": "9003"}},  # one file as an object
    "rates": {"rate": {"$name": "good"}},
}
UNRATED_MSG = {"$id": "503", "$type": "incoming", "user": {"realname": {"$": "Anna (Support)"}},
               "date_post": {"$": "2024-03-01 11:00:00"}, "body": {"$": "Anything else?"}, "rates": {}}
INFO_MSG = {"$id": "500", "$type": "info", "body": {"$": ""}, "rowgroup": [{"row": [{"$": "VDS #101"}]}]}
SYSTEM_MSG = {"$id": "504", "$type": "system", "body": {"$": "The ticket was moved to the archive"}}


async def test_thread_reads_every_path_production_reads(panel, client):
    panel.handlers["clientticket.edit"] = lambda f: _thread(
        [INFO_MSG, CUSTOMER_MSG, SUPPORT_MSG, UNRATED_MSG, SYSTEM_MSG], closed_ticket_user={"$": "off"})
    thread = await support.thread(client, "77")
    assert thread.id == "77" and thread.subject == "Disk is full" and thread.closed is False
    info, mine, answer, unrated, system = thread.messages
    assert mine.from_customer and mine.author == "John Smith" and mine.body == "My disk is full"
    assert mine.posted == datetime(2024, 3, 1, 9, 0) and mine.id == "501"
    assert [(a.id, a.name) for a in mine.attachments] == [("9001", "df.txt"), ("9002", "du.png")]
    assert mine.rateable is False
    assert answer.from_support and answer.author == "Anna (Support)"
    assert [(a.id, a.name) for a in answer.attachments] == [("9003", "report.pdf")]
    assert answer.rateable and answer.rating == "good"
    assert unrated.rateable and unrated.rating == ""
    assert info.kind == "info" and system.kind == "info" and "archive" in system.body
    assert panel.forms[-1]["elid"] == "77" and "sok" not in panel.forms[-1]


async def test_an_archived_thread_says_closed(panel, client):
    # OpenedTicket.jsx: archivePage = ticket.closed_ticket_user.$ === 'on'; mlist as one object.
    panel.handlers["clientticket.edit"] = lambda f: doc(subject={"$": "Old"}, closed_ticket_user={"$": "on"},
                                                        mlist={"message": CUSTOMER_MSG})
    thread = await support.thread(client, "5")
    assert thread.closed and len(thread.messages) == 1


async def test_departments_and_services_of_the_new_ticket_form(panel, client):
    # supportOperations.js getDepartmenList / getServiceList: slist client_department, slist ticket_item.
    panel.handlers["clientticket.edit"] = lambda f: doc(slist=[
        {"$name": "client_department", "val": [{"$key": "1", "$": "Billing"}, {"$key": "2", "$": "Technical"}]},
        {"$name": "ticket_item", "val": {"$key": "101.vds", "$": "VDS #101"}}])
    form = await support.ticket_form(client)
    assert [(o.key, o.label) for o in form.options["client_department"]] == [("1", "Billing"), ("2", "Technical")]
    assert [o.key for o in form.options["ticket_item"]] == ["101.vds"]
    assert [o.key for o in await support.departments(client)] == ["1", "2"]


REWARD_CASES = {
    # affiliateProgram operations.js getChartInfo: reportdata.reward.elem array of {amount: {$id, $}}.
    "operations.js getChartInfo elem array": (doc(reportdata={"reward": {"elem": [
        {"amount": {"$id": "2024-03-02", "$": "1.50 EUR"}}, {"amount": {"$id": "2024-03-01", "$": "0.25 EUR"}}]}}),
        [(date(2024, 3, 2), Decimal("1.50")), (date(2024, 3, 1), Decimal("0.25"))]),
    # the same code's `else` branch: one row as an object.
    "operations.js getChartInfo elem object": (doc(reportdata={"reward": {"elem": {
        "amount": {"$id": "2024-03-02", "$": "1.50 EUR"}}}}), [(date(2024, 3, 2), Decimal("1.50"))]),
    # `if (tableData) … else setTableData([])`: no elem = no rewards.
    "operations.js getChartInfo no elem": (doc(reportdata={"reward": {}}), []),
    "reportdata as an array": (doc(reportdata=[{"reward": {"elem": {"amount": {"$id": "2024-01-09",
                                                                          "$": "3.00 EUR"}}}}]),
                               [(date(2024, 1, 9), Decimal("3.00"))]),
}


@pytest.mark.parametrize("name", list(REWARD_CASES))
async def test_rewards_per_day(panel, client, name):
    reply, expected = REWARD_CASES[name]
    panel.handlers["affiliate.client.reward"] = lambda f: reply
    rewards = await finance.rewards(client, "currentmonth")
    assert [(r.date, r.amount.amount) for r in rewards] == expected
    assert all(r.amount.currency == "EUR" for r in rewards)


def _detail_row(service: str, rate: str, amount: str, referal: str) -> dict:
    # DetailsModal.jsx: name (service), reward (rate, '10%'), amount (income, money), referal, cdate.
    return {"name": {"$": service}, "reward": {"$": rate}, "amount": {"$": amount},
            "referal": {"$": referal}, "cdate": {"$": "2024-03-02"}}


DETAIL_CASES = {
    # operations.js getDayDetails: `Array.isArray(details) ? details : [details]`.
    "getDayDetails elem array": doc(reportdata={"reward": {"elem": [
        _detail_row("VDS-2 ", "10%", "1.20 EUR", "alice@example.net"),
        _detail_row("Hosting", "15%", "0.30 EUR", "bob@example.org")]}}),
    "getDayDetails elem object": doc(reportdata={"reward": {"elem": _detail_row("VDS-2 ", "10%", "1.20 EUR",
                                                                             "alice@example.net")}}),
}


@pytest.mark.parametrize("name", list(DETAIL_CASES))
async def test_reward_detail_reads_reportdata(panel, client, name):
    reply = DETAIL_CASES[name]
    panel.handlers["affiliate.client.reward.detail"] = lambda f: reply
    rows = await finance.reward_detail(client, date(2024, 3, 2))
    first = rows[0]
    assert first.service == "VDS-2" and first.rate == "10%" and first.referral == "alice@example.net"
    assert first.amount == Money(Decimal("1.20"), "EUR") and first.created == date(2024, 3, 2)
    assert len(rows) == (2 if "array" in name else 1)
    assert panel.forms[-1]["elid"] == "2024-03-02"


async def test_reward_detail_with_plain_rows_is_read_too(panel, client):
    # A reply with no reportdata and rows in doc.elem (how billtui read it before): still shown.
    panel.handlers["affiliate.client.reward.detail"] = lambda f: doc(elem=[_detail_row("X", "5%", "2.00 USD", "c")])
    rows = await finance.reward_detail(client, "2024-03-02")
    assert rows[0].amount == Money(Decimal("2.00"), "USD") and rows[0].rate == "5%"


async def test_clicks_read_the_columns_production_shows(panel, client):
    # AffiliateProgramStatistics.jsx: cdate, site, referal, payed ('on').
    panel.handlers["affiliate.client.click"] = lambda f: doc(elem=[
        {"id": {"$": "1"}, "cdate": {"$": "2024-03-02 12:30:00"}, "site": {"$": "https://forum.example.net/t/1"},
         "referal": {"$": "carol@example.com"}, "payed": {"$": "on"}},
        {"id": {"$": "2"}, "cdate": {"$": "2024-03-03 08:00:00"}, "site": {"$": ""}, "referal": {"$": ""},
         "payed": {"$": "off"}}], p_elems={"$": "2"}, p_num={"$": "1"})
    page = await lists.fetch_page(client, lists.REWARD_CLICKS, 1, 20)
    one, two = page.rows
    assert one.created == datetime(2024, 3, 2, 12, 30) and one.referrer == "https://forum.example.net/t/1"
    assert one.referral == "carol@example.com" and one.paid is True
    assert two.referral == "" and two.paid is False and page.total == 2


async def test_affiliate_program_form_reads_link_and_promocode(panel, client):
    # operations.js getReferralLink: doc.url.$, doc.promocode.$.
    panel.handlers["affiliate.client"] = lambda f: doc(url={"$": "https://host.example/?from=7"},
                                                       promocode={"$": "FRIEND-7"})
    form = await settings.affiliate_view(client)
    assert form.get("url") == "https://host.example/?from=7" and form.get("promocode") == "FRIEND-7"


# ----------------------------------------------------------------------------- (b) what is sent

def _ok(form):
    return doc(ok={}, id={"$": "88"})


async def test_create_ticket_sends_what_createTicket_sends(panel, client):
    # supportOperations.js createTicket: multipart func sok message subject ticket_item client_department
    # file_1..file_N.
    panel.handlers["clientticket.edit"] = _ok
    new = await support.create_ticket(client, subject="Disk", message="Full", department="2", item="101",
                                      files=[("a.txt", b"a"), ("b.png", b"b")])
    assert new == "88"
    sent = panel.forms[-1]
    assert panel.requests[-1].headers["content-type"].startswith("multipart/form-data")
    assert {k: sent[k] for k in ("func", "sok", "subject", "message", "client_department", "ticket_item")} == {
        "func": "clientticket.edit", "sok": "ok", "subject": "Disk", "message": "Full",
        "client_department": "2", "ticket_item": "101"}
    assert sent["file_1"] == "FILE:a.txt" and sent["file_2"] == "FILE:b.png" and "elid" not in sent


async def test_reply_sends_what_sendMessage_sends(panel, client):
    # supportOperations.js sendMessage: multipart func sok message elid file_1.
    panel.handlers["clientticket.edit"] = _ok
    await support.reply(client, "77", "Thanks", files=[("log.txt", b"x")])
    sent = panel.forms[-1]
    assert (sent["func"], sent["sok"], sent["elid"], sent["message"], sent["file_1"]) == (
        "clientticket.edit", "ok", "77", "Thanks", "FILE:log.txt")


async def test_archive_sends_what_archiveTicketsHandler_sends(panel, client):
    # supportOperations.js archiveTicketsHandler: func=clientticket.archive sok=ok elid="1, 2".
    panel.handlers["clientticket.archive"] = lambda f: doc(ok={})
    await support.archive(client, ["11", "12"])
    await support.archive(client, "13")
    assert [(f["func"], f["sok"], f["elid"]) for f in panel.forms[-2:]] == [
        ("clientticket.archive", "ok", "11, 12"), ("clientticket.archive", "ok", "13")]


async def test_a_refused_archive_comes_back_as_the_panels_error(panel, client):
    from billtui.api import errors

    panel.handlers["clientticket.archive"] = lambda f: {"doc": {"error": {
        "$type": "value", "$object": "elid", "msg": {"$": "The ticket is being processed"}}}}
    with pytest.raises(errors.BillError) as info:
        await support.archive(client, "11")
    assert "being processed" in str(info.value)


async def test_restore_uses_the_assumed_function(panel, client):
    # UNPROVEN: no real client seen restoring; one constant to change.
    panel.handlers[assumed.TICKET_RESTORE_FUNC] = lambda f: doc(ok={})
    await support.restore(client, "13")
    sent = panel.forms[-1]
    assert (sent["func"], sent["elid"], sent["sok"]) == ("clientticket_archive.restore", "13", "ok")


@pytest.mark.parametrize("good,func", [(True, "ticket.message.rate.good"), (False, "ticket.message.rate.bad")])
async def test_rating_sends_what_setRate_sends(panel, client, good, func):
    # supportOperations.js setRate: func=ticket.message.rate.${type}, elid=message $id, plid=ticket id.
    panel.handlers[func] = lambda f: doc(ok={})
    await support.rate(client, "77", "502", good)
    sent = panel.forms[-1]
    assert (sent["func"], sent["elid"], sent["plid"]) == (func, "502", "77") and "sok" not in sent


async def test_attachment_download_sends_what_getFile_sends(panel, client):
    # supportOperations.js getFile: func=ticket.file, elid=file.param (blob reply).
    panel.handlers["ticket.file"] = lambda f: httpx.Response(
        200, content=b"PNG", headers={"content-type": "image/png",
                                      "content-disposition": 'attachment; filename="du.png"'})
    name, data = await support.attachment(client, "9002")
    assert (name, data) == ("du.png", b"PNG")
    sent = panel.forms[-1]
    assert sent["func"] == "ticket.file" and sent["elid"] == "9002"


async def test_reward_report_sends_the_period_like_getChartInfo(panel, client):
    # affiliateProgram operations.js getChartInfo: period periodstart periodend, no sok.
    panel.handlers["affiliate.client.reward"] = lambda f: doc(reportdata={"reward": {}})
    await finance.rewards(client, "currentyear")
    await finance.rewards(client, "other", date(2024, 1, 1), date(2024, 3, 31))
    year, other = panel.forms[-2:]
    assert year["period"] == "currentyear" and "sok" not in year
    assert (other["period"], other["periodstart"], other["periodend"]) == ("other", "2024-01-01", "2024-03-31")
    assert "sok" not in other


async def test_reward_periods_come_from_the_panels_form(panel, client):
    # operations.js getInitialIncomeInfo: the report with no period; slist[0].val = the period options.
    panel.handlers["affiliate.client.reward"] = lambda f: doc(period={"$": "currentmonth"}, slist=[
        {"$name": "period", "val": [{"$key": "thismonth", "$": "Current month"},
                                    {"$key": "lastmonth", "$": "Last month"},
                                    {"$key": "year_now", "$": "Current year"}, {"$key": "other", "$": "Period"}]}],
        reportdata={"reward": {}})
    options = await finance.reward_periods(client)
    assert "period" not in panel.forms[-1] and "sok" not in panel.forms[-1]
    assert finance.reward_period_key(options, "currentmonth") == "thismonth"
    assert finance.reward_period_key(options, "currentyear") == "year_now"
    assert finance.reward_period_key(options, "other") == "other"
    assert finance.reward_period_key([], "currentyear") == "currentyear"  # API.md's key when none offered
