"""Customer area: who am I, balance, the menu, contact data, payers, discounts."""

from __future__ import annotations

from ..client import BillClient
from ..lists import DISCOUNTS, PAYERS
from ..models import Dashboard, Discount, FormData, PanelMenu, Payer, User
from ._util import fetch_all


async def whoami(client: BillClient) -> User:
    return User.from_whoami(await client.call("whoami"))


async def dashboard(client: BillClient) -> Dashboard:
    """Balance, credit and phone from ``dashboard.info`` (``elem[0]``)."""
    doc = await client.call("dashboard.info")
    rows = doc.rows()
    if rows:
        return Dashboard.from_row(rows[0])
    return Dashboard.from_row({k: c for k in ("realbalance", "balance", "credit", "phone")
                               if (c := doc.cell(k)) is not None})


async def menu(client: BillClient) -> PanelMenu:
    return PanelMenu.from_doc(await client.call("menu", sok="ok"))


async def _own_id(client: BillClient) -> str:
    if client.user_id is None:
        client.user_id = (await whoami(client)).id or None
    return client.user_id or ""


async def user_view(client: BillClient) -> User:
    """The user's own contact data (``user.edit`` with their id)."""
    elid = await _own_id(client)
    doc = await client.call("user.edit", elid=elid)
    form = FormData.from_doc(doc)
    return User(id=elid, login=form.get("name") or client.username, realname=form.get("realname"),
                email=form.get("email"), phone=form.get("phone"))


async def user_save(client: BillClient, *, realname: str, email: str, phone: str) -> None:
    elid = await _own_id(client)
    await client.call("user.edit", write=True, elid=elid, sok="ok", realname=realname, email=email, phone=phone)


async def payers(client: BillClient) -> list[Payer]:
    return await fetch_all(client, PAYERS)


async def discounts(client: BillClient) -> list[Discount]:
    return await fetch_all(client, DISCOUNTS)
