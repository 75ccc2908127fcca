"""Credits/Payments: the payment list, its filter, deleting, printing and adding funds."""
from __future__ import annotations

import datetime as dt
import secrets

from ..catalog import CURRENCIES, PAYMENT_STATUS, PAYMETHODS
from ..context import Binary, Ctx, Doc
from ..doc import cell, form, ok, slist, sublist, t
from ..errors import ApiError, missed_field, not_found, value_error
from ..listing import Column, FilterSpec, ListSpec, Where, date_range, filter_handler, run_list
from ..pdf import build_pdf
from ..values import bare, money, parse_amount

PAY_URL = "https://pay.example.com/pay/{id}?token={token}"
CREATEDATE_OPTIONS = [("all", "Any time"), ("today", "Today"), ("week", "Last 7 days"),
                      ("currentmonth", "This month"), ("currentyear", "This year"), ("other", "Period")]


def _payment_where(values: dict[str, str], ctx: Ctx) -> Where:
    clauses: list[str] = []
    args: list = []
    if values.get("status", "").isdigit():
        clauses.append("status = ?")
        args.append(int(values["status"]))
    if values.get("number"):
        clauses.append("number LIKE ?")
        args.append(f"%{values['number']}%")
    today = ctx.store.today
    kind = values.get("createdate", "all")
    start = {"today": today, "week": today - dt.timedelta(days=6), "currentmonth": today.replace(day=1),
             "currentyear": today.replace(month=1, day=1)}.get(kind)
    if start is not None:
        c, a = date_range("create_date", start.isoformat(), today.isoformat())
    elif kind == "other":
        c, a = date_range("create_date", values.get("createdatestart", ""), values.get("createdateend", ""))
    else:
        c, a = [], []
    return clauses + c, args + a


def _render(row, ctx: Ctx) -> dict:
    name = ctx.tr(PAYMETHODS.get(row["paymethod"], ("Other",))[0])
    payer = ctx.store.one("SELECT name FROM profiles WHERE id=?", (row["profile_id"],)) if row["profile_id"] else None
    return {"id": t(row["id"]), "number": t(row["number"]), "create_date": t(row["create_date"]),
            "sender_name": t(payer["name"] if payer else ""),
            "paymethod_name": t(name), "subaccountamount_iso": t(money(row["amount"], row["currency"])),
            "paymethodamount_iso": t(money(row["amount"], row["currency"])),
            "status": cell(ctx.tr(PAYMENT_STATUS[row["status"]]), row["status"])}


PAYMENT = ListSpec(
    func="payment", title="Credits/Payments", source="payments",
    columns=[Column("id", "Id", "id", "digit"), Column("number", "Number", "number"),
             Column("create_date", "Date", "create_date", "date"),
             Column("paymethod_name", "Payment method", "paymethod"),
             Column("subaccountamount_iso", "Amount", "amount", "digit"),
             Column("paymethodamount_iso", "Paid", "amount", "digit"),
             Column("status", "Status", "status", "digit")],
    render=_render, default_sort="create_date",
    toolbar=[("new", "payment.add.method"), ("delete", "payment.delete"), ("print", "payment.print.pdf"),
             ("pay", "payment.add.redirect")],
    filter=FilterSpec(
        fields={"status": "", "number": "", "createdate": "all", "createdatestart": "", "createdateend": ""},
        options={"status": [("", "Any")] + [(str(k), v) for k, v in PAYMENT_STATUS.items()],
                 "createdate": CREATEDATE_OPTIONS},
        where=_payment_where))


def _payment(ctx: Ctx, elid: str):
    row = ctx.store.one("SELECT * FROM payments WHERE id=?", (elid,)) if elid.isdigit() else None
    if row is None:
        raise not_found("elid", elid)
    return row


def payment_delete(ctx: Ctx) -> Doc:
    """``payment.delete``: only new (status 1) payments can go."""
    ids = ctx.elids
    if not ids:
        raise missed_field("elid", "Payment")
    rows = [_payment(ctx, elid) for elid in ids]
    for row in rows:
        if row["status"] != 1:
            # (assumed) refusing to delete a paid payment: type "value" on "status"
            raise ApiError("value", "status", f"Payment {row['number']} cannot be deleted: "
                           "only new payments can be deleted", label="Status",
                           value=str(row["status"]))
    for row in rows:
        ctx.store.run("DELETE FROM payments WHERE id=?", (row["id"],))
    return ok()


def payment_pdf(ctx: Ctx) -> Binary | Doc:
    """``payment.print.pdf&out=pdf_print``: the payment receipt as a PDF."""
    row = _payment(ctx, ctx.p("elid"))
    lines = [f"Payment number: {row['number']}", f"Date: {row['create_date']}",
             f"Method: {PAYMETHODS.get(row['paymethod'], ('Other',))[0]}",
             f"Amount: {money(row['amount'], row['currency'])}", f"Status: {PAYMENT_STATUS[row['status']]}",
             "Payer: Acme Hosting Ltd"]
    return Binary(build_pdf(f"Payment {row['number']}", lines), "application/pdf",
                  f"payment_{row['number']}.pdf")


def payment_page(ctx: Ctx, amount: int | None) -> Doc:
    """The add-funds form: methods, currencies and payers (amount fixed when paying an order)."""
    methods = [{"paymethod": t(k), "name": t(ctx.tr(name)), "payment_minamount": t(bare(lo)),
                "payment_maxamount": t(bare(hi)), "currency": t("USD"), "paymethod_type": t("1")}
               for k, (name, lo, hi) in PAYMETHODS.items()]
    payers = ctx.store.all("SELECT id, name FROM profiles ORDER BY id")
    fields = {"paymethod": "", "amount": bare(amount) if amount else "", "payment_currency": "USD",
              "profile": str(payers[0]["id"]) if payers else ""}
    return form(ctx.func, fields,
                slists=[slist("payment_currency", CURRENCIES.items()),
                        slist("profile", [(p["id"], p["name"]) for p in payers]),
                        slist("paymethod", [(k, ctx.tr(v[0])) for k, v in PAYMETHODS.items()])],
                lists=[sublist("methodlist", methods)],
                messages={"amount": "Amount", "paymethod": "Payment method", "profile": "Payer",
                          "payment_currency": "Currency"})


def create_payment(ctx: Ctx, amount_text: str | None, *, fixed: int | None = None,
                   billorder: int | None = None) -> Doc:
    """Validate a submitted add-funds form, create a new payment, answer with its pay URL."""
    method = ctx.p("paymethod")
    if not method:
        raise missed_field("paymethod", "Payment method")
    if not method.isdigit() or int(method) not in PAYMETHODS:
        raise value_error("paymethod", "Payment method", method)
    name, low, high = PAYMETHODS[int(method)]
    if fixed is not None:
        cents = fixed
    else:
        if not amount_text:
            raise missed_field("amount", "Amount")
        parsed = parse_amount(amount_text)
        if parsed is None or parsed < low or parsed > high:
            error = value_error("amount", "Amount", amount_text)
            if parsed is not None:
                error.msg = (f"The amount for {name} must be between {bare(low)} and {bare(high)} USD")
            raise error
        cents = parsed
    currency = ctx.p("payment_currency") or "USD"
    if currency not in CURRENCIES:
        raise value_error("payment_currency", "Currency", currency)
    profile = ctx.p("profile")
    pid = ctx.store.run(
        "INSERT INTO payments(number, create_date, paymethod, amount, currency, status, profile_id, billorder)"
        " VALUES ('', ?, ?, ?, ?, 1, ?, ?)",
        (ctx.store.now(), int(method), cents, currency, int(profile) if profile.isdigit() else None, billorder))
    ctx.store.run("UPDATE payments SET number=? WHERE id=?", (f"PM-{pid:06d}", pid))
    return {**ok(url=PAY_URL.format(id=pid, token=secrets.token_hex(8))), "payment_id": t(pid),
            "id": t(pid)}


def payment_add_method(ctx: Ctx) -> Doc:
    """``payment.add.method``: view the add-funds form or submit it."""
    if ctx.sok and ctx.p("billorder"):
        from .basket import pay_order  # paying an order: the production panel's cart (cartOperations.js)

        return pay_order(ctx)
    if ctx.sok:
        return create_payment(ctx, ctx.p("amount"))
    return payment_page(ctx, None)


def payment_add_redirect(ctx: Ctx) -> Doc:
    """``payment.add.redirect``: the pay URL of a payment that is still new."""
    row = _payment(ctx, ctx.p("elid"))
    if row["status"] != 1:
        raise ApiError("value", "status", f"Payment {row['number']} is not awaiting payment", label="Status")
    return {**ok(url=PAY_URL.format(id=row["id"], token=secrets.token_hex(8))), "payment_id": t(row["id"])}


HANDLERS = {"payment": lambda ctx: run_list(ctx, PAYMENT), "payment.filter": filter_handler(PAYMENT),
            "payment.delete": payment_delete, "payment.print.pdf": payment_pdf,
            "payment.add.method": payment_add_method, "payment.add.redirect": payment_add_redirect}

