"""Services: one list per product type, auto-renewal, deletion, renewal, history, ordering."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .. import models
from ..client import BillClient
from ..html_text import html_to_text
from ..lists import SERVICE_HISTORY, Page, fetch_page
from ..parser import Doc, Ok, as_list, text_of
from ..values import parse_date
from ._util import ids


async def set_autoprolong(client: BillClient, type_name: str, elid: str, months: int | None) -> None:
    """Auto-renew every ``months`` months, or turn it off with ``None``."""
    await client.call(f"{type_name}.edit", write=True, elid=elid, sok="ok",
                      autoprolong="off" if months is None else str(months))


async def service_form(client: BillClient, type_name: str, elid: str) -> models.FormData:
    """``T.edit`` view: current values and the autoprolong choices (``options["autoprolong"]``)."""
    return models.FormData.from_doc(await client.call(f"{type_name}.edit", elid=elid))


async def delete(client: BillClient, type_name: str, elid: str | Iterable[str]) -> None:
    await client.call(f"{type_name}.delete", write=True, elid=ids(elid))


async def prolong_view(client: BillClient, elid: str) -> models.ProlongForm:
    return models.ProlongForm.from_doc(await client.call("service.prolong", elid=elid))


async def prolong_recompute(client: BillClient, elid: str, period: str | int) -> models.ProlongForm:
    """The new expiry date for another period, without saving (``sv_field=period``)."""
    return models.ProlongForm.from_doc(await client.call("service.prolong", elid=elid, period=str(period),
                                                         sv_field="period"))


async def prolong_submit(client: BillClient, elid: str, period: str | int) -> Ok | None:
    """Put the renewal in the cart; the reply usually redirects to the cart."""
    doc = await client.call("service.prolong", write=True, elid=elid, period=str(period), sok="ok",
                            clicked_button="basket")
    return doc.ok


async def prolong_pay(client: BillClient, elid: str, period: str | int) -> models.RenewResult:
    """Renew and pay now (``clicked_button=pay``): from the balance if it covers it, else a payment page."""
    doc = await client.call("service.prolong", write=True, elid=elid, period=str(period), sok="ok",
                            clicked_button="pay")
    ok = doc.ok
    url = ok.value if ok is not None and ok.kind == "url" and ok.value else None
    return models.RenewResult(expires=parse_date(doc.field("expiredate")), url=url,
                              billorder=doc.field("billorder") or None)


async def history(client: BillClient, elid: str, page: int = 1, page_size: int = 100) -> Page[models.HistoryEntry]:
    return await fetch_page(client, SERVICE_HISTORY, page, page_size, params={"elid": elid})


_INSTRUCTION_FIELDS = ("body", "instruction", "text", "html", "content", "message")


async def instruction(client: BillClient, elid: str) -> str:
    """The service's instruction (login data, how to connect) as plain text."""
    _, body = await client.download("service.instruction.html", elid=elid)
    text = body.decode("utf-8", errors="replace")
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except ValueError:
            data = None
        if isinstance(data, dict) and isinstance(data.get("doc"), dict):
            doc = Doc(data["doc"])
            for name in _INSTRUCTION_FIELDS:
                v = doc.field(name)
                if v:
                    return html_to_text(v)
            return html_to_text(text_of(data["doc"]))
    return html_to_text(text)


async def goto_server(client: BillClient, elid: str) -> str | None:
    """The URL of the service's own control panel (a one-time login link)."""
    doc = await client.call("gotoserver", elid=elid)
    ok = doc.ok
    return ok.value if ok is not None and ok.value else None


async def order_pricelist(client: BillClient, type_name: str, **filters: str) -> list[models.Tariff]:
    """Tariffs on offer for a product type (rows, or the ``pricelist`` option list)."""
    doc = await client.call(f"{type_name}.order.pricelist", **filters)
    elems = [e for e in as_list(doc.get("elem")) if isinstance(e, dict)]
    if elems:
        return [models.Tariff.from_node(e) for e in elems]
    rows = doc.sublist("pricelist")
    if rows:
        return [models.Tariff.from_row(r) for r in rows]
    return [models.Tariff(id=o.key, name=o.label, price=None, description="") for o in doc.slist("pricelist")]


async def order_params(client: BillClient, type_name: str, pricelist: str, **values: str) -> models.FormData:
    """The order form for a tariff (period, datacenter, OS template, add-ons...), not saved."""
    return models.FormData.from_doc(await client.call(f"{type_name}.order.param", pricelist=pricelist, **values))


async def order_submit(client: BillClient, type_name: str, pricelist: str, period: str | int,
                       **values: str) -> Ok | None:
    """Put the order in the cart (``clicked_button=basket``, licence accepted)."""
    doc = await client.call(f"{type_name}.order.param", write=True, pricelist=pricelist, period=str(period),
                            sok="ok", clicked_button="basket", licence_agreement="on", **values)
    return doc.ok


__all__ = ["set_autoprolong", "service_form", "delete", "prolong_view", "prolong_recompute", "prolong_submit",
           "prolong_pay",
           "history", "instruction", "goto_server", "order_pricelist", "order_params", "order_submit"]
