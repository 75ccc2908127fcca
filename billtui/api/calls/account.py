"""Customer area: who am I, balance, the menu, contact data, payers, discounts."""

from __future__ import annotations

from .. import models
from ..client import BillClient
from ..lists import DISCOUNTS, PAYERS
from ._util import fetch_all


async def whoami(client: BillClient) -> models.User:
    """Who is logged in; right after a login, the login's own ``whoami`` answer (one request less)."""
    doc = client.take_login_whoami()
    return models.User.from_whoami(doc if doc is not None else await client.call("whoami"))


async def dashboard(client: BillClient) -> models.Dashboard:
    """Balance, credit and phone from ``dashboard.info`` (``elem[0]``)."""
    doc = await client.call("dashboard.info")
    rows = doc.rows()
    if rows:
        return models.Dashboard.from_row(rows[0])
    return models.Dashboard.from_row({k: c for k in ("realbalance", "balance", "credit", "phone")
                                      if (c := doc.cell(k)) is not None})


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
                       email=form.get("email"), phone=form.get("phone"))


async def user_save(client: BillClient, *, realname: str, email: str, phone: str) -> None:
    elid = await _own_id(client)
    await client.call("user.edit", write=True, elid=elid, sok="ok", realname=realname, email=email, phone=phone)


async def payers(client: BillClient) -> list[models.Payer]:
    return await fetch_all(client, PAYERS)


async def discounts(client: BillClient) -> list[models.Discount]:
    return await fetch_all(client, DISCOUNTS)
