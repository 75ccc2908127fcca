"""Expenses, invoices and the affiliate commission reports."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..catalog import INVOICE_STATUS
from ..context import Binary, Ctx, Doc
from ..doc import cell, form, slist, t
from ..errors import not_found, value_error
from ..listing import Column, FilterSpec, ListSpec, Where, date_range, filter_handler, run_list
from ..pdf import build_pdf
from ..values import money, parse_date


def _expense_where(values: dict[str, str], _ctx: Ctx) -> Where:
    return date_range("realdate", values.get("fromdate", ""), values.get("todate", ""))


EXPENSE = ListSpec(
    func="expense", title="Expenses", source="expenses",
    columns=[Column("id", "Id", "id", "digit"), Column("locale_name", "Description", "locale_name"),
             Column("realdate", "Date", "realdate", "date"), Column("cdate", "Created", "cdate", "date"),
             Column("amount", "Amount", "amount", "digit"), Column("notpayd", "Unpaid", "notpayd", "digit"),
             Column("discountamount", "Discount", "discountamount", "digit"),
             Column("payments", "Payments", "payments"), Column("taxamount", "Tax", "taxamount", "digit")],
    render=lambda r, c: {"id": t(r["id"]), "locale_name": t(c.describe(r["locale_name"])), "realdate": t(r["realdate"]),
                          "cdate": t(r["cdate"]), "amount": t(money(r["amount"])),
                          "notpayd": t(money(r["notpayd"])), "discountamount": t(money(r["discountamount"])),
                          "payments": t(r["payments"]), "taxamount": t(money(r["taxamount"]))},
    default_sort="id",
    filter=FilterSpec(fields={"fromdate": "", "todate": ""}, options={}, where=_expense_where))

INVOICE = ListSpec(
    func="invoice", title="Invoices", source="invoices",
    columns=[Column("id", "Id", "id", "digit"), Column("number", "Number", "number"),
             Column("cdate", "Date", "cdate", "date"), Column("customer", "Customer", "customer"),
             Column("amount_iso", "Amount", "amount", "digit"),
             Column("invoice_status", "Status", "invoice_status", "digit"),
             Column("sdate", "Paid on", "sdate", "date")],
    render=lambda r, ctx: {"id": t(r["id"]), "number": t(r["number"]), "cdate": t(r["cdate"]),
                          "customer": t(r["customer"]), "amount_iso": t(money(r["amount"], r["currency"])),
                          "invoice_status": cell(ctx.tr(INVOICE_STATUS[r["invoice_status"]]), r["invoice_status"]),
                          "sdate": t(r["sdate"])},
    default_sort="cdate", toolbar=[("print", "invoice.print.pdf")])


def invoice_pdf(ctx: Ctx) -> Binary:
    """``invoice.print.pdf&out=pdf_print`` (assumed name, as for payments)."""
    elid = ctx.p("elid")
    row = ctx.store.one("SELECT * FROM invoices WHERE id=?", (elid,)) if elid.isdigit() else None
    if row is None:
        raise not_found("elid", elid)
    lines = [f"Invoice number: {row['number']}", f"Date: {row['cdate']}", f"Customer: {row['customer']}",
             f"Amount: {money(row['amount'], row['currency'])}",
             f"Status: {INVOICE_STATUS[row['invoice_status']]}"]
    return Binary(build_pdf(f"Invoice {row['number']}", lines), "application/pdf", f"{row['number']}.pdf")


PERIODS = [("currentmonth", "Current month"), ("currentyear", "Current year"), ("other", "Period")]


def reward(ctx: Ctx) -> Doc:
    """``affiliate.client.reward``: commissions summed per day for the chosen period."""
    period = ctx.p("period") or "currentyear"
    today = ctx.store.today
    start_text, end_text = ctx.p("periodstart"), ctx.p("periodend")
    # A typed period may not parse (None); its branch refuses that, so every path on has both days.
    start: dt.date | None
    end: dt.date | None
    if period == "currentmonth":
        start, end = today.replace(day=1), today
    elif period == "currentyear":
        start, end = today.replace(month=1, day=1), today
    elif period == "other":
        start, end = parse_date(start_text), parse_date(end_text)
        if start is None:
            raise value_error("periodstart", "Period start", start_text)
        if end is None:
            raise value_error("periodend", "Period end", end_text)
    else:
        raise value_error("period", "Period", period)
    rows = ctx.store.all("SELECT cdate, SUM(reward) AS r FROM rewards WHERE cdate BETWEEN ? AND ? "
                         "GROUP BY cdate ORDER BY cdate DESC", (start.isoformat(), end.isoformat()))
    total = sum(int(r["r"]) for r in rows)
    doc = form(ctx.func, {"period": period, "periodstart": start.isoformat(), "periodend": end.isoformat(),
                          "total": money(total, "EUR")},
               slists=[slist("period", PERIODS)],
               messages={"period": "Period", "amount": "Commission", "total": "Total"})
    reward_node: Doc = {}
    if rows:
        reward_node["elem"] = [{"amount": {"$id": r["cdate"], "$": money(int(r["r"]), "EUR")}} for r in rows]
    doc["reportdata"] = {"reward": reward_node}
    return doc


def _rate(amount: int, reward: int) -> str:
    """The reward as the rate of the referral's payment, the way real panels write it (``10%``)."""
    if amount <= 0:
        return "0%"
    rate = (Decimal(reward) * 100 / Decimal(amount)).quantize(Decimal("0.01")).normalize()
    return f"{rate:f}%"


def reward_detail(ctx: Ctx) -> Doc:
    """``affiliate.client.reward.detail&elid=DATE``: who brought that day's commissions.

    The real shape (Karantir-dev/billing-typescript affiliateProgram operations.js getDayDetails,
    DetailsModal.jsx): rows in ``reportdata.reward.elem`` — one row as an object, as XML→JSON makes
    it — each with ``name`` (the service), ``reward`` (the rate, ``10%``), ``amount`` (the commission,
    money), ``referal`` and ``cdate``.
    """
    day = parse_date(ctx.p("elid"))
    if day is None:
        raise not_found("elid", ctx.p("elid"))
    rows = ctx.store.all("SELECT * FROM rewards WHERE cdate = ? ORDER BY id", (day.isoformat(),))
    elems = [{"name": t(r["services"]), "reward": t(_rate(int(r["amount"]), int(r["reward"]))),
              "amount": t(money(int(r["reward"]), "EUR")), "referal": t(r["referal"]), "cdate": t(r["cdate"])}
             for r in rows]
    section: Doc = {}
    if elems:
        section["elem"] = elems[0] if len(elems) == 1 else elems
    return {"elid": t(day.isoformat()), "reportdata": {"reward": section},
            "messages": {"msg": {"name": "Service", "reward": "Rate", "amount": "Income", "referal": "Referral",
                                 "cdate": "Date"}}}


CLICK = ListSpec(
    func="affiliate.client.click", title="Referral clicks", source="clicks",
    columns=[Column("id", "Id", "id", "digit"), Column("cdate", "Date", "cdate", "date"),
             Column("site", "From site", "referer"), Column("referal", "Registered", "id"),
             Column("payed", "Paid", "id"),
             Column("ip", "IP address", "ip"), Column("url", "Landing page", "url")],
    # ``site referal payed`` are what the production panel reads (AffiliateProgramStatistics.jsx);
    # ``ip url`` are ours. Every seventh click registered, every fourteenth paid (deterministic demo data).
    render=lambda r, _c: {"id": t(r["id"]), "cdate": t(r["cdate"]), "site": t(r["referer"]),
                          "referal": t("carol@example.com" if r["id"] % 7 == 0 else ""),
                          "payed": t("on" if r["id"] % 14 == 0 else "off"),
                          "ip": t(r["ip"]), "url": t(r["url"])},
    default_sort="cdate")

HANDLERS = {
    "expense": lambda ctx: run_list(ctx, EXPENSE), "expense.filter": filter_handler(EXPENSE),
    "invoice": lambda ctx: run_list(ctx, INVOICE), "invoice.print.pdf": invoice_pdf,
    "affiliate.client.reward": reward, "affiliate.client.reward.detail": reward_detail,
    "affiliate.client.click": lambda ctx: run_list(ctx, CLICK),
}

