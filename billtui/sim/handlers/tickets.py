"""Support tickets: open and archived lists, threads, new tickets, replies, attachments.

Shapes as the production customer panel reads them (Karantir-dev/billing-typescript
src/Components/Support/**, src/Pages/SupportPage/**): message ``$type`` is seen from the customer —
``outcoming`` = written by the customer, ``incoming`` = from support, ``info`` = a system note; each
``file`` carries ``name`` and ``param`` (attachment id) — ``size`` (bytes) is our own addition; a
support reply carries ``rates`` (``rates.rate.$name`` = ``good``/``bad`` once rated); an archived
ticket's thread says ``closed_ticket_user: on``.

Archiving: real customers close a ticket by moving it to the archive. ``toarchive`` says ``on`` where
support has answered (BILLmanager's client docs: a ticket still "in progress" cannot be archived), but
like the issue asks, this panel accepts archiving any open ticket.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from ..catalog import DEPARTMENTS, SERVICE_TYPES, TICKET_STATUS
from ..context import Binary, Ctx, Doc
from ..doc import cell, form, ok, slist, t
from ..errors import ApiError, missed_field, not_found, value_error
from ..listing import Column, FilterSpec, ListSpec, Where, filter_handler, run_list

MAX_UPLOAD = 10 * 1024 * 1024


def _wait(row, ctx: Ctx) -> dict:
    if row["archived"] or row["tstatus"] not in (0, 1) or not row["waiting_since"]:
        return cell("", 0)
    # Both stamps are the panel's own, written as ``values.DATETIME`` (ISO); fromisoformat reads them
    # without loading the strptime machinery on the first ticket list.
    since = dt.datetime.fromisoformat(row["waiting_since"])
    seconds = max(0, int((dt.datetime.fromisoformat(ctx.store.now()) - since).total_seconds()))
    return cell(f"{seconds // 3600} h {seconds % 3600 // 60} min", seconds)


def _render(row, ctx: Ctx) -> dict:
    status = 10 if row["archived"] else row["tstatus"]
    return {"id": t(row["id"]), "name": t(row["name"]), "last_message": t(row["last_message"]),
            "wait_time": _wait(row, ctx), "tstatus": cell(ctx.tr(TICKET_STATUS[status]), status),
            "unread": cell("on" if row["unread"] else "off", "on" if row["unread"] else "off"),
            "toarchive": cell(_toarchive(row), _toarchive(row)),
            "department": t(ctx.tr(DEPARTMENTS.get(row["department"], "")))}


def _toarchive(row) -> str:
    """``on`` once support has answered (awaiting the customer, or closed by support)."""
    return "on" if row["tstatus"] in (2, 3) else "off"


def _where(values: dict[str, str], _ctx: Ctx) -> Where:
    clauses: list[str] = []
    args: list[Any] = []  # SQL parameters of either kind: the status is an int, the name a str
    if values.get("tstatus", "").isdigit():
        clauses.append("tstatus = ?")
        args.append(int(values["tstatus"]))
    if values.get("name"):
        clauses.append("name LIKE ?")
        args.append(f"%{values['name']}%")
    return clauses, args


def _spec(func: str, title: str, toolbar) -> ListSpec:
    return ListSpec(
        func=func, title=title, source="tickets",
        columns=[Column("id", "Id", "id", "digit"), Column("name", "Subject", "name"),
                 Column("last_message", "Last message", "last_message", "date"),
                 Column("wait_time", "Waiting", "waiting_since"), Column("tstatus", "Status", "tstatus", "digit"),
                 Column("unread", "Unread", "unread"), Column("toarchive", "Can archive", "tstatus")],
        render=_render, default_sort="last_message", toolbar=toolbar,
        filter=FilterSpec(fields={"tstatus": "", "name": ""},
                          options={"tstatus": [("", "Any")] + [(str(k), v) for k, v in TICKET_STATUS.items()]},
                          where=_where))


OPEN = _spec("clientticket", "Open tickets", [("new", "clientticket.edit"), ("edit", "clientticket.edit"),
                                               ("archive", "clientticket.archive")])
ARCHIVE = _spec("clientticket_archive", "Archived tickets", [("edit", "clientticket.edit"),
                                                             ("restore", "clientticket_archive.restore")])


def _ticket(ctx: Ctx, elid: str):
    row = ctx.store.one("SELECT * FROM tickets WHERE id=?", (elid,)) if elid.isdigit() else None
    if row is None:
        raise not_found("elid", elid)
    return row


def _save_uploads(ctx: Ctx, message_id: int) -> None:
    for upload in ctx.uploads:
        if not upload.field.startswith("file") or not upload.filename:
            continue
        if len(upload.data) > MAX_UPLOAD:
            raise value_error(upload.field, "Attachment", upload.filename)
        ctx.store.db.execute("INSERT INTO attachments(message_id, name, content_type, data) VALUES (?,?,?,?)",
                             (message_id, upload.filename, upload.content_type or "application/octet-stream",
                              upload.data))
    ctx.store.db.commit()


def _add_message(ctx: Ctx, ticket_id: int, body: str) -> int:
    row = ctx.store.row("SELECT realname FROM users WHERE id=?", (ctx.user_id,))
    now = ctx.store.now()
    mid = ctx.store.run("INSERT INTO ticket_messages(ticket_id, type, realname, date_post, body) "
                        "VALUES (?, 'outcoming', ?, ?, ?)", (ticket_id, row["realname"], now, body))
    _save_uploads(ctx, mid)
    return mid


def edit(ctx: Ctx) -> Doc:
    """``clientticket.edit``: new-ticket form, create, view a thread, or reply."""
    elid = ctx.p("elid")
    if not elid:
        return _create(ctx) if ctx.sok else _new_form(ctx)
    row = _ticket(ctx, elid)
    if ctx.sok:
        message = ctx.params.get("message", "").strip()
        if not message:
            raise missed_field("message", "Message")
        if row["archived"]:
            raise ApiError("value", "elid", "The ticket is archived; restore it to reply", label="Ticket")
        _add_message(ctx, row["id"], message)
        now = ctx.store.now()
        ctx.store.run("UPDATE tickets SET tstatus=1, last_message=?, waiting_since=? WHERE id=?",
                      (now, now, row["id"]))
        return {**ok(), "id": t(row["id"])}
    ctx.store.run("UPDATE tickets SET unread=0 WHERE id=?", (row["id"],))
    messages = []
    for msg in ctx.store.all("SELECT * FROM ticket_messages WHERE ticket_id=? ORDER BY date_post, id",
                             (row["id"],)):
        node: Doc = {"$id": str(msg["id"]), "$type": msg["type"], "user": {"realname": t(msg["realname"])},
                     "date_post": t(msg["date_post"]), "body": t(msg["body"])}
        files = ctx.store.all("SELECT id, name, LENGTH(data) AS size FROM attachments WHERE message_id=? "
                              "ORDER BY id", (msg["id"],))
        if files:
            node["file"] = [{"name": t(f["name"]), "param": t(f["id"]), "size": t(f["size"])} for f in files]
        if msg["type"] == "incoming":
            rating = ctx.store.kv(_rate_key(msg["id"]))
            node["rates"] = {"rate": {"$name": rating}} if rating else {}
        messages.append(node)
    status = 10 if row["archived"] else row["tstatus"]
    return {"elid": t(row["id"]), "subject": t(row["name"]), "tstatus": cell(ctx.tr(TICKET_STATUS[status]), status),
            "closed_ticket_user": t("on" if row["archived"] else "off"),
            "client_department": t(ctx.tr(DEPARTMENTS.get(row["department"], ""))),
            "mlist": [{"$name": "mlist", "message": messages}], "message": t(""),
            "messages": {"msg": {"subject": "Subject", "message": "Message"}}}


def _new_form(ctx: Ctx) -> Doc:
    items = ctx.store.all("SELECT id, type, name FROM services WHERE status != '4' ORDER BY id")
    return form(ctx.func, {"subject": "", "message": "", "client_department": "2", "ticket_item": ""},
                slists=[slist("client_department", [(k, ctx.tr(v)) for k, v in DEPARTMENTS.items()]),
                        slist("ticket_item", [("", ctx.tr("No service"))] + [
                            (i["id"], f"{ctx.tr(SERVICE_TYPES[i['type']])}: {i['name']} (#{i['id']})")
                            for i in items])],
                messages={"subject": "Subject", "message": "Message", "client_department": "Department",
                          "ticket_item": "Service"})


def _create(ctx: Ctx) -> Doc:
    subject = ctx.p("subject")
    message = ctx.params.get("message", "").strip()
    if not subject:
        raise missed_field("subject", "Subject")
    if not message:
        raise missed_field("message", "Message")
    department = ctx.p("client_department") or "2"
    if not department.isdigit() or int(department) not in DEPARTMENTS:
        raise value_error("client_department", "Department", department)
    item = ctx.p("ticket_item")
    if item and ctx.store.one("SELECT id FROM services WHERE id=? AND status != '4'", (item,)) is None:
        raise value_error("ticket_item", "Service", item)
    now = ctx.store.now()
    tid = ctx.store.run("INSERT INTO tickets(name, department, item, tstatus, unread, archived, last_message,"
                        " waiting_since) VALUES (?, ?, ?, 0, 0, 0, ?, ?)",
                        (subject, int(department), int(item) if item else None, now, now))
    _add_message(ctx, tid, message)
    return {**ok(), "id": t(tid)}


def _set_archived(ctx: Ctx, archived: int) -> Doc:
    if not ctx.elids:
        raise missed_field("elid", "Ticket")
    rows = [_ticket(ctx, elid) for elid in ctx.elids]
    for row in rows:
        ctx.store.run("UPDATE tickets SET archived=?, unread=0 WHERE id=?", (archived, row["id"]))
    return ok()


def _rate_key(message_id: int | str) -> str:
    return f"ticket_rate:{message_id}"


def _rate(ctx: Ctx, rating: str) -> Doc:
    """``ticket.message.rate.good|bad&elid=MESSAGE&plid=TICKET``: rate a support reply (as production's
    setRate sends it). Only support's replies can be rated; rating again replaces the rating."""
    plid, elid = ctx.p("plid"), ctx.p("elid")
    if not elid:
        raise missed_field("elid", "Message")
    msg = ctx.store.one("SELECT * FROM ticket_messages WHERE id=?", (elid,)) if elid.isdigit() else None
    if msg is None or (plid and str(msg["ticket_id"]) != plid):
        raise not_found("elid", elid)
    if msg["type"] != "incoming":
        raise ApiError("value", "elid", "Only a reply from support can be rated", label="Message")
    ctx.store.set_kv(_rate_key(msg["id"]), rating)
    return ok()


def ticket_file(ctx: Ctx) -> Binary:
    """``ticket.file&elid=ATTACHMENT_ID``: the attachment bytes, named in Content-Disposition."""
    elid = ctx.p("elid")
    row = ctx.store.one("SELECT * FROM attachments WHERE id=?", (elid,)) if elid.isdigit() else None
    if row is None:
        raise not_found("elid", elid)
    return Binary(bytes(row["data"]), row["content_type"], row["name"])


HANDLERS = {
    "clientticket": lambda ctx: run_list(ctx, OPEN, (["archived = 0"], [])),
    "clientticket.filter": filter_handler(OPEN),
    "clientticket_archive": lambda ctx: run_list(ctx, ARCHIVE, (["archived = 1"], [])),
    "clientticket_archive.filter": filter_handler(ARCHIVE),
    "clientticket.edit": edit,
    "clientticket.archive": lambda ctx: _set_archived(ctx, 1),
    "clientticket_archive.restore": lambda ctx: _set_archived(ctx, 0),
    "ticket.file": ticket_file,
    "ticket.message.rate.good": lambda ctx: _rate(ctx, "good"),
    "ticket.message.rate.bad": lambda ctx: _rate(ctx, "bad"),
}
