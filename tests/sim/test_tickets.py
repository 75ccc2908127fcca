"""Support tickets: the lists, threads, uploads, replies, archive and restore, attachments."""
from __future__ import annotations

from tests.sim.conftest import Panel


async def test_open_and_archived_lists(panel: Panel) -> None:
    open_doc = await panel.call("clientticket")
    assert sorted(int(r["id"]["$"]) for r in open_doc["elem"]) == [1001, 1002, 1003, 1004, 1005]
    unread = {r["id"]["$"]: r["unread"]["$orig"] for r in open_doc["elem"]}
    assert unread["1001"] == "on"
    assert {"id", "name", "last_message", "wait_time", "tstatus", "unread", "toarchive"} <= set(open_doc["elem"][0])
    archive = await panel.call("clientticket_archive")
    assert sorted(int(r["id"]["$"]) for r in archive["elem"]) == [1006, 1007, 1008]


async def test_thread_view_marks_read_and_lists_files(panel: Panel) -> None:
    thread = await panel.call("clientticket.edit", elid=1001)
    assert thread["subject"]["$"] == "SSH connection refused on web-01"
    messages = thread["mlist"][0]["message"]
    assert [m["$type"] for m in messages] == ["outcoming", "incoming"]
    assert messages[1]["user"]["realname"]["$"].startswith("Anna")
    row = [r for r in (await panel.call("clientticket"))["elem"] if r["id"]["$"] == "1001"][0]
    assert row["unread"]["$orig"] == "off"
    files = [f for m in (await panel.call("clientticket.edit", elid=1005))["mlist"][0]["message"]
             for f in m.get("file", [])]
    assert files[0]["name"]["$"] == "../../.bashrc" and files[0]["param"]["$"] == "9002"
    download = await panel.raw(func="ticket.file", elid=9001)
    assert download.content.startswith(b"traceroute to")
    assert 'filename="traceroute.txt"' in download.headers["content-disposition"]
    assert files[0]["size"]["$"] == str(len((await panel.raw(func="ticket.file", elid=9002)).content))


async def test_new_ticket_form_and_missing_fields(panel: Panel) -> None:
    form = await panel.call("clientticket.edit")
    depts = [v["$"] for s in form["slist"] if s["$name"] == "client_department" for v in s["val"]]
    assert depts == ["Billing", "Technical support", "Sales"]
    assert any(s["$name"] == "ticket_item" for s in form["slist"])
    assert (await panel.call("clientticket.edit", sok="ok", message="hi"))["error"]["$object"] == "subject"
    assert (await panel.call("clientticket.edit", sok="ok", subject="x"))["error"]["$object"] == "message"


async def test_create_with_upload_reply_archive_restore(panel: Panel) -> None:
    files = {"file_1": ("notes.bin", b"\x00\x01binary\r\n\r\nend", "application/octet-stream")}
    response = await panel.client.post("/billmgr", data={
        "func": "clientticket.edit", "sok": "ok", "out": "json", "auth": panel.sid, "subject": "Need help",
        "message": "Line one\nLine two", "client_department": "1", "ticket_item": "101"}, files=files)
    doc = response.json()["doc"]
    tid = doc["id"]["$"]
    thread = await panel.call("clientticket.edit", elid=tid)
    attachment = thread["mlist"][0]["message"][0]["file"][0]
    assert thread["mlist"][0]["message"][0]["body"]["$"] == "Line one\nLine two"
    content = (await panel.raw(func="ticket.file", elid=attachment["param"]["$"])).content
    assert content == b"\x00\x01binary\r\n\r\nend"
    assert "ok" in await panel.call("clientticket.edit", elid=tid, sok="ok", message="Any news?")
    assert len((await panel.call("clientticket.edit", elid=tid))["mlist"][0]["message"]) == 2
    assert "ok" in await panel.call("clientticket.archive", elid=tid, sok="ok")
    assert tid in [r["id"]["$"] for r in (await panel.call("clientticket_archive"))["elem"]]
    assert tid not in [r["id"]["$"] for r in (await panel.call("clientticket"))["elem"]]
    assert "ok" in await panel.call("clientticket_archive.restore", elid=tid, sok="ok")
    assert tid in [r["id"]["$"] for r in (await panel.call("clientticket"))["elem"]]


async def test_an_open_ticket_can_be_archived_and_the_thread_says_closed(panel: Panel) -> None:
    # Real customers close a ticket by archiving it; production sends clientticket.archive with the
    # selected ids joined by ", " (supportOperations.js archiveTicketsHandler).
    rows = {r["id"]["$"]: r for r in (await panel.call("clientticket"))["elem"]}
    assert rows["1001"]["toarchive"]["$"] == "off" and rows["1002"]["toarchive"]["$"] == "on"
    assert (await panel.call("clientticket.edit", elid="1001"))["closed_ticket_user"]["$"] == "off"
    assert "ok" in await panel.call("clientticket.archive", elid="1001, 1002", sok="ok")
    archived = {r["id"]["$"] for r in (await panel.call("clientticket_archive"))["elem"]}
    assert {"1001", "1002"} <= archived
    assert (await panel.call("clientticket.edit", elid="1001"))["closed_ticket_user"]["$"] == "on"


async def test_rating_a_support_reply(panel: Panel) -> None:
    # MessageItem.jsx shows MessageRate when message.rates exists; rates.rate.$name is the rating;
    # setRate sends ticket.message.rate.good|bad with elid=message, plid=ticket.
    messages = (await panel.call("clientticket.edit", elid="1001"))["mlist"][0]["message"]
    answer = next(m for m in messages if m["$type"] == "incoming")
    mine = next(m for m in messages if m["$type"] == "outcoming")
    assert answer["rates"] == {} and "rates" not in mine
    assert "ok" in await panel.call("ticket.message.rate.good", elid=answer["$id"], plid="1001")
    messages = (await panel.call("clientticket.edit", elid="1001"))["mlist"][0]["message"]
    assert next(m for m in messages if m["$id"] == answer["$id"])["rates"]["rate"]["$name"] == "good"
    assert "ok" in await panel.call("ticket.message.rate.bad", elid=answer["$id"], plid="1001")
    bad = await panel.call("ticket.message.rate.good", elid=mine["$id"], plid="1001")
    assert bad["error"]["$object"] == "elid"
    wrong_ticket = await panel.call("ticket.message.rate.good", elid=answer["$id"], plid="1002")
    assert wrong_ticket["error"]["$type"] == "missed"


async def test_settings_and_subscriptions(panel: Panel) -> None:
    subs = await panel.call("subscribe", elid=3)
    row = subs["elem"][0]
    assert row["notice"]["$"] == "Reply to a ticket" and row["telegram"]["$orig"] == "on"
    await panel.call("subscribe.suspend", elid="31", channel="telegram")
    row = (await panel.call("subscribe", elid=3))["elem"][0]
    assert row["telegram"]["$orig"] == "off" and row["email"]["$orig"] == "on"
    await panel.call("subscribe.resume", elid="31, 41")
    rows = (await panel.call("subscribe"))["elem"]
    assert all(r[c]["$orig"] == "on" for r in rows if r["id"]["$"] in ("31", "41")
               for c in ("email", "sms", "telegram", "panel"))
    groups = await panel.call("mainsubscribe")
    assert {r["type"]["$"] for r in groups["elem"]} >= {"finance", "support"}
    usr = await panel.call("usrparam")
    assert {s["$name"] for s in usr["slist"]} >= {"timezone", "lang"}
    assert "ok" in await panel.call("usrparam", sok="ok", timezone="UTC", lang="en", sendemail="on")
    assert (await panel.call("usrparam"))["timezone"]["$"] == "UTC"
    assert (await panel.call("clientoption", sok="ok", email="bad", country="NL"))["error"]["$object"] == "email"
    assert "ok" in await panel.call("clientoption", sok="ok", email="ops@example.com", country="DE",
                                    contactperson="Ops", phone="1")
    assert (await panel.call("clientoption"))["country"]["$"] == "DE"
    assert "qrimage" in await panel.call("totp.new")
