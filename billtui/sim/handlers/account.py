"""The panel header and the Customer area: balance, menu, account data, payers, discounts."""
from __future__ import annotations

import re

from ..catalog import DISCOUNTS, PROFILE_TYPES
from ..context import Ctx, Doc
from ..doc import cell, form, ok, t
from ..errors import ApiError, missed_field, value_error
from ..listing import Column, ListSpec, run_list
from ..menu import menu_doc
from ..values import bare, money, money_symbol

EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def dashboard_info(ctx: Ctx) -> Doc:
    """``dashboard.info``: the header's balance bar. ``realbalance`` carries the currency's symbol
    (``$124.50``), as real panels write it (production strips ``" €"`` from it); ``balance`` keeps the
    ISO code. The credit is not here: real clients read it from ``dashboard.subaccount_credit``."""
    acc = ctx.store.row("SELECT * FROM account WHERE id=1")
    services = ctx.store.row("SELECT COUNT(*) AS n FROM services WHERE status != '4'")["n"]
    return {"elem": [{"realbalance": t(money_symbol(acc["balance"])), "balance": t(money(acc["balance"])),
                      "phone": t(acc["phone"]), "name": t(acc["name"]), "services": t(services)}]}


def subaccount_credit(ctx: Ctx) -> Doc:
    """``dashboard.subaccount_credit``: the credit limit and what is left of it, bare numbers in the
    account's currency (production adds ``+realbalance + +credit``)."""
    acc = ctx.store.row("SELECT * FROM account WHERE id=1")
    available = max(0, acc["credit"] + min(0, acc["balance"]))
    return {"elem": [{"credit": t(bare(acc["credit"])), "available_credit": t(bare(available))}]}


def menu(ctx: Ctx) -> Doc:
    """``menu&sok=ok``: the sections and the functions this user is offered."""
    return menu_doc(ctx.available)


def user_edit(ctx: Ctx) -> Doc:
    """``user.edit``: view or change real name, email and phone of the logged-in user."""
    elid = ctx.p("elid") or str(ctx.user_id)
    if elid != str(ctx.user_id):
        raise ApiError("access", "user", "You can only edit your own account")
    if ctx.sok:
        realname, email, phone = ctx.p("realname"), ctx.p("email"), ctx.p("phone")
        if not realname:
            raise missed_field("realname", "Full name")
        if not EMAIL_RE.match(email):
            raise value_error("email", "Email", email)
        ctx.store.run("UPDATE users SET realname=?, email=?, phone=? WHERE id=?",
                      (realname, email, phone, ctx.user_id))
        return ok()
    row = ctx.store.row("SELECT * FROM users WHERE id=?", (ctx.user_id,))
    return form(ctx.func, {"elid": row["id"], "name": row["login"], "realname": row["realname"],
                           "email": row["email"], "phone": row["phone"]},
                messages={"realname": "Full name", "email": "Email", "phone": "Phone", "name": "Login"})


PROFILE = ListSpec(
    func="profile", title="Payers", source="profiles",
    columns=[Column("id", "Id", "id", "digit"), Column("name", "Name", "name"),
             Column("profiletype", "Type", "profiletype", "digit"), Column("status", "Status", "status")],
    render=lambda r, ctx: {"id": t(r["id"]), "name": t(r["name"]),
                          "profiletype": cell(ctx.tr(PROFILE_TYPES[r["profiletype"]]), r["profiletype"]),
                          "status": cell(ctx.tr("Verified" if r["status"] == 2 else "Not verified"), r["status"])},
    default_sort="id", default_order="asc", toolbar=[("edit", "profile.edit")])


def discountinfo(ctx: Ctx) -> Doc:
    """``account.discountinfo`` as new-API panels answer: the rows in ``list[$name=promotion].elem``,
    each cell's text one level down (``name.name``, ``value.text``: billmgr_api.py
    AccountDiscountinfoRequest), ``products`` naming what it applies to (Cart.jsx)."""
    rows = [{"id": t(i), "name": {"name": t(n)}, "value": {"text": t(v)}, "products": t(p)}
            for i, n, v, p in DISCOUNTS]
    return {"list": [{"$name": "promotion", "elem": rows}],
            "messages": {"msg": {"title": "Discounts", "id": "Id", "name": "Discount", "value": "Value",
                                 "products": "Applies to"}},
            "metadata": {"$type": "form", "$name": "account.discountinfo"}}


HANDLERS = {"dashboard.info": dashboard_info, "menu": menu, "user.edit": user_edit,
            "profile": lambda ctx: run_list(ctx, PROFILE), "account.discountinfo": discountinfo,
            "dashboard.subaccount_credit": subaccount_credit}
