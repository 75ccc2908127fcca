"""Customer area: who am I, balance, the menu, contact data, payers, discounts."""

from __future__ import annotations

from .. import assumed, errors, models
from ..client import BillClient
from ..lists import PAYERS
from ..models.account import readonly_fields
from ..parser import as_list, attr_of
from ._util import fetch_all


async def whoami(client: BillClient) -> models.User:
    """Who is logged in; right after a login, the login's own ``whoami`` answer (one request less)."""
    doc = client.take_login_whoami()
    return models.User.from_whoami(doc if doc is not None else await client.call("whoami"))


async def dashboard(client: BillClient) -> models.Dashboard:
    """Balance and phone from ``dashboard.info`` (``elem[0]``); the credit from there too, else from
    ``dashboard.subaccount_credit`` (where production reads it: userOperations.js getAvailableCredit)."""
    doc = await client.call("dashboard.info")
    rows = doc.rows()
    row = rows[0] if rows else {k: c for k in (*assumed.BALANCE_FIELDS, "credit", "phone")
                                if (c := doc.cell(k)) is not None}
    credit_row = None
    if "credit" not in row:
        try:
            credit_rows = (await client.call(assumed.DASHBOARD_CREDIT_FUNC)).rows()
        except errors.BillError:
            credit_rows = []  # not on this panel, or not for this user: no credit shown
        credit_row = credit_rows[0] if credit_rows else None
    result = models.Dashboard.from_row(row, credit_row)
    if result.balance is not None and result.balance.currency:
        # Real carts write bare totals (cartOperations.js getBasket): they are in this currency.
        client.account_currency = result.balance.currency
    return result


async def menu(client: BillClient) -> models.PanelMenu:
    return models.PanelMenu.from_doc(await client.call("menu", sok="ok"))


async def _own_id(client: BillClient) -> str:
    if client.user_id is None:
        client.user_id = (await whoami(client)).id or None
    return client.user_id or ""


async def user_view(client: BillClient) -> models.User:
    """The user's own contact data (``user.edit`` with their id)."""
    elid = await _own_id(client)
    doc = await client.call("user.edit", elid=elid)
    form = models.FormData.from_doc(doc)
    return models.User(id=elid, login=form.get("name") or client.username, realname=form.get("realname"),
                       email=form.get("email"), phone=form.get("phone"),
                       readonly=readonly_fields(doc))


async def user_save(client: BillClient, *, realname: str, email: str, phone: str) -> None:
    elid = await _own_id(client)
    await client.call("user.edit", write=True, elid=elid, sok="ok", realname=realname, email=email, phone=phone)


async def payers(client: BillClient) -> list[models.Payer]:
    """The payers; rows without an id or a name are not payers (production drops them too:
    payersOperations.js getPayers)."""
    return [p for p in await fetch_all(client, PAYERS) if p.id and p.name]


async def discounts(client: BillClient) -> list[models.Discount]:
    """``account.discountinfo``: new-API panels list them in ``doc.list[$name=promotion].elem``,
    older ones in ``doc.elem`` (cartOperations.js getSalesList reads both, in that order)."""
    doc = await client.call("account.discountinfo")
    lists = [n for n in as_list(doc.raw.get("list"))
             if isinstance(n, dict) and attr_of(n, "name") == assumed.DISCOUNT_LIST_NAME]
    nodes = [e for n in lists for e in as_list(n.get("elem"))] if lists else as_list(doc.raw.get("elem"))
    return [models.Discount.from_node(e) for e in nodes if isinstance(e, dict)]
