"""Services: one list per product type, auto-renewal, deletion, renewal, history, ordering.

Evidence for every call is in ``assumed.py`` under ``# --- evidence: services ---``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .. import assumed, errors, models
from ..client import BillClient
from ..html_text import html_to_text
from ..lists import SERVICE_HISTORY, Page, fetch_page
from ..parser import Cell, Doc, Ok, Option, as_list, text_of
from ..values import SYMBOLS, Money, parse_date, parse_int, parse_money
from ._util import CallFields, ids, page_url


def autoprolong_off_key(options: Sequence[Option]) -> str:
    """The key of the form's "off" option: real panels spell it ``null`` (vds/EditModal.jsx,
    dedicOperations.js); an older or localised form may use another key, so it is read from the
    form's own ``slist autoprolong`` and only falls back to ``null`` when the form offers none
    (vds/EditModal.jsx adds ``null`` itself when the list lacks it)."""
    for o in options:
        if o.key.strip().lower() == assumed.AUTOPROLONG_OFF_KEY:
            return o.key
    for o in options:
        if o.key.strip().lower() in assumed.AUTOPROLONG_OFF and o.key.strip():
            return o.key
    for o in options:
        if o.key.strip() and assumed.AUTOPROLONG_OFF_LABEL.search(o.label or ""):
            return o.key
    return assumed.AUTOPROLONG_OFF_KEY


def autoprolong_key(options: Sequence[Option], months: int | None) -> str:
    """The key to send for "off" (``None``) or "every ``months`` months", from the form's options."""
    if months is None:
        return autoprolong_off_key(options)
    for o in options:
        if parse_int(o.key) == months:
            return o.key
    return str(months)


def is_autoprolong_off(key: str, options: Sequence[Option] = ()) -> bool:
    """Whether ``key`` (a value of the form or of a list row) means auto-renew is off."""
    k = (key or "").strip().lower()
    if k in assumed.AUTOPROLONG_OFF:
        return True
    return bool(options) and key == autoprolong_off_key(options) and parse_int(k) is None


async def save_autoprolong(client: BillClient, type_name: str, elid: str, key: str) -> None:
    """Save auto-renewal with the key of one of the form's own ``slist autoprolong`` options
    (``null`` = off on real panels). Only the changed field is sent, as the production panel does
    (dedicOperations.js ``editDedicServerNoExtraPay``: ``sok=ok``, ``clicked_button=ok``)."""
    await client.call(f"{type_name}.edit", write=True, elid=elid, sok="ok",
                      clicked_button=assumed.SERVICE_EDIT_BUTTON, autoprolong=key)


async def set_autoprolong(client: BillClient, type_name: str, elid: str, months: int | None,
                          form: models.FormData | None = None) -> None:
    """Auto-renew every ``months`` months, or turn it off with ``None``: the key sent is the one
    the panel's form offers for that choice (viewed first when ``form`` is not given)."""
    if form is None:
        form = await service_form(client, type_name, elid)
    await save_autoprolong(client, type_name, elid, autoprolong_key(form.options.get("autoprolong") or [], months))


async def service_form(client: BillClient, type_name: str, elid: str) -> models.FormData:
    """``T.edit`` view: current values and the autoprolong choices (``options["autoprolong"]``)."""
    return models.FormData.from_doc(await client.call(f"{type_name}.edit", elid=elid))


async def delete(client: BillClient, type_name: str, elid: str | Iterable[str]) -> None:
    await client.call(f"{type_name}.delete", write=True, elid=ids(elid))


async def prolong_view(client: BillClient, elid: str) -> models.ProlongForm:
    return models.ProlongForm.from_doc(await client.call("service.prolong", elid=elid))


async def prolong_recompute(client: BillClient, elid: str, period: str | int) -> models.ProlongForm:
    """The new expiry date for another period, without saving: the view again with ``period``
    and no ``sok`` (dedicOperations.js ``getUpdateProlongInfo`` reads ``newexpiredate.$``). No
    ``sv_field``: production does not send it here, and ``sv_field`` replies may nest the form
    under ``doc.doc`` (vdsOperations.js ``changeOrderFormField``)."""
    return models.ProlongForm.from_doc(await client.call("service.prolong", elid=elid, period=str(period)))


async def prolong_submit(client: BillClient, elid: str, period: str | int) -> Ok | None:
    """Put the renewal in the cart (dedicOperations.js ``payProlongPeriod``: ``period``,
    ``clicked_button=basket``, ``sok=ok``); the reply usually redirects to the cart."""
    doc = await client.call("service.prolong", write=True, elid=elid, period=str(period), sok="ok",
                            clicked_button="basket")
    return doc.ok


async def prolong_pay(client: BillClient, elid: str, period: str | int) -> models.RenewResult:
    """Renew and pay now from the balance, bypassing the cart (``skipbasket=on``, ISPsystem's
    "Service management via API"; UNPROVEN for ``service.prolong`` by a real client). A panel that
    cannot charge the balance answers an error or a payment page URL."""
    pay_now: CallFields = dict(assumed.PROLONG_PAY_FIELDS)
    doc = await client.call("service.prolong", write=True, elid=elid, period=str(period), sok="ok", **pay_now)
    ok = doc.ok
    url = page_url(ok, client.url) if ok is not None and ok.kind == "url" else None
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


_TAG = re.compile(r"<[^>]*>")
# One amount of a price cell with a code or a symbol on either side ("8.00 EUR Month",
# "1,234.50 EUR / Month", "CAD 5.00", "€8.00", "1 234,50 ₽"); thousands may be grouped. Codes
# are upper case so that words of the period ("8.00 per month") are not read as one.
_AMOUNT = r"\d{1,3}(?:[ \u00a0,.']\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_UNIT = r"[A-Z]{3}\b|" + "|".join(re.escape(k) for k in sorted(SYMBOLS, key=len, reverse=True) if k)
_PRICE = re.compile(rf"(?:(?:{_UNIT})\s*)?[+-]?(?:{_AMOUNT})(?:\s*(?:{_UNIT}))?")


def tariff_price(text: str) -> tuple[Money | None, Money | None]:
    """(price now, price before a discount) of a tariff row's ``price.$``.

    Real rows write the price with the period and, when discounted, the rate and the old price
    as HTML (VDSOrder.jsx ``parseTariffPrice``: ``<b>%</b>``, ``<del>old</del>``, ``<b>new</b>``;
    SharedHosting TarifCard.jsx: one number, or percent, old and new): the last amount with a
    currency is the price now. Each amount is read by ``values.parse_money``, the one reader of
    money, so a symbol means here what it means everywhere else."""
    plain = _TAG.sub(" ", text or "").replace("\u00a0", " ")
    found: list[Money] = []
    for m in _PRICE.finditer(plain):
        if plain[m.end():].lstrip().startswith("%"):
            continue  # the discount rate
        money = parse_money(m.group(0))
        if money is not None:
            found.append(money)
    with_currency = [x for x in found if x.currency or x.symbol] or found
    if not with_currency:
        return None, None
    return with_currency[-1], (with_currency[0] if len(with_currency) > 1 else None)


def _cell_text(row: dict[str, Cell], *names: str) -> str:
    for n in names:
        c = row.get(n)
        if c is not None and (c.text or c.orig):
            return c.text or c.orig or ""
    return ""


def tariff_of_row(row: dict[str, Cell], period: int | None = None) -> models.Tariff | None:
    """A tariff from a ``list tariflist`` row: ``pricelist.$`` is the id, ``desc.$`` the name and
    features (``NAME | SSD 10 GB | ...``, possibly HTML — SharedHosting TarifCard.jsx), ``price.$``
    the price for the period asked (``period``); ``order_available`` off = not on sale
    (SharedHostingOrder.jsx filters ``order_available.$ === 'on'``)."""
    tid = ""
    for n in ("pricelist", "id"):
        c = row.get(n)
        if c is not None and c.value:
            tid = c.value
            break
    if not tid:
        return None
    available = row.get("order_available")
    if available is not None and available.value and available.value.strip().lower() not in assumed.TRUE_VALUES:
        return None
    desc = html_to_text(_cell_text(row, "desc", "description")).replace("\n", " | ")
    parts = [p.strip() for p in desc.split("|") if p.strip()]
    name = _cell_text(row, "name", "pricelist_name") or (parts[0] if parts else tid)
    if parts and parts[0] == name:
        parts = parts[1:]
    price, _old = tariff_price(_cell_text(row, "price", "cost"))
    prices = ((period, price),) if period is not None and price is not None else ()
    return models.Tariff(id=tid, name=name, price=price, description=" · ".join(parts), prices=prices)


def _period_of(doc: Doc) -> int | None:
    return parse_int(doc.field("period"))


def _tariffs_of(doc: Doc) -> list[models.Tariff] | None:
    """Tariffs of a ``T.order.pricelist`` reply in the real shape (``list tariflist``), or None
    when the reply has no such list (then the older shapes are read)."""
    if not doc.has_sublist(assumed.TARIFF_LIST_NAME):
        return None
    period = _period_of(doc)
    return [t for t in (tariff_of_row(r, period) for r in doc.sublist(assumed.TARIFF_LIST_NAME)) if t is not None]


async def order_pricelist(client: BillClient, type_name: str, **filters: str) -> list[models.Tariff]:
    """Tariffs on offer for a product type, with a price for each period the panel offers.

    Real panels answer ``T.order.pricelist`` with ``list[$name=tariflist].elem[]`` priced for
    one period (the ``period`` field) and the periods in ``slist period`` (vhostOperations.js
    ``orderVhost``, dnsOperations.js, dedicOperations.js): the other periods are asked for one
    by one with ``period=N`` (as vhostOperations.js does when the user picks one). Older shapes —
    rows in ``elem`` with ``prices.price[]``, or only ``slist pricelist`` — are still read."""
    func = f"{type_name}.order.pricelist"
    params: CallFields = filters
    try:
        doc = await client.call(func, **params)
    except errors.NotAvailable:
        # dedic and dnshost are ordered from ``T.order`` in production (dedicOperations.js getTarifs,
        # dnsOperations.js getTarifs), which answers with the same tariflist.
        func = f"{type_name}{assumed.ORDER_START_SUFFIX}"
        doc = await client.call(func, **params)
    tariffs = _tariffs_of(doc)
    if tariffs is None:
        elems = [e for e in as_list(doc.get("elem")) if isinstance(e, dict)]
        if elems:
            return [models.Tariff.from_node(e) for e in elems]
        rows = doc.sublist("pricelist")
        if rows:
            return [models.Tariff.from_row(r) for r in rows]
        return [models.Tariff(id=o.key, name=o.label, price=None, description="") for o in doc.slist("pricelist")]
    if "period" in filters:
        return tariffs
    shown = _period_of(doc)
    periods = [n for n in (parse_int(o.key) for o in doc.slist("period")) if n is not None]
    prices: dict[str, list[tuple[int, Money]]] = {t.id: list(t.prices) for t in tariffs}
    for months in periods[:assumed.ORDER_PERIODS_MAX]:
        if months == shown:
            continue
        try:
            other = _tariffs_of(await client.call(func, **params, period=str(months)))
        except errors.BillError:
            continue  # the tariffs are still worth showing with the prices the panel did give
        for t in other or []:
            if t.id in prices and t.price is not None:
                prices[t.id].append((months, t.price))
    order = {m: i for i, m in enumerate(periods)}
    out = []
    for t in tariffs:
        row = sorted(prices[t.id], key=lambda mp: order.get(mp[0], len(order)))
        out.append(models.Tariff(id=t.id, name=t.name, price=t.price, description=t.description, prices=tuple(row)))
    return out


async def order_params(client: BillClient, type_name: str, pricelist: str, **values: str) -> models.FormData:
    """The order form for a tariff (period, datacenter, OS template, add-ons, ``slist autoprolong``
    with its ``null`` "off" key...), not saved: ``T.order.param&pricelist=&period=`` without ``sok``
    (vhostOperations.js ``orderParamVhost``)."""
    fields: CallFields = values
    return models.FormData.from_doc(await client.call(f"{type_name}.order.param", pricelist=pricelist, **fields))


#: Fields ``order_submit`` sets itself (a form value of the same name is not sent twice).
_ORDER_OWN_FIELDS = frozenset({"sok", "clicked_button", "func", "sv_field", "pricelist", "period", "elid", "snext"})


async def order_submit(client: BillClient, type_name: str, pricelist: str, period: str | int,
                       **values: str) -> Ok | None:
    """Put the order in the cart: ``T.order.param`` with ``sok=ok``, ``licence_agreement=on`` and
    the wizard's last button (dnsOperations.js ``orderDNS``, ftpOperations.js ``orderFTP``:
    ``clicked_button=finish``); ``values`` carries the form's fields (``autoprolong`` with the
    form's own key, ``datacenter``, ``domain``, ``ostempl``, ``addon_N``...)."""
    # ``dict[str, Any]``, not ``dict[str, str]``: sent as ``**fields`` (see ``CallFields``).
    fields: dict[str, Any] = {k: v for k, v in values.items() if k not in _ORDER_OWN_FIELDS}
    fields[assumed.ORDER_LICENCE_FIELD] = "on"
    doc = await client.call(f"{type_name}.order.param", write=True, **fields, pricelist=pricelist,
                            period=str(period), sok="ok", clicked_button=assumed.ORDER_SUBMIT_BUTTON)
    return doc.ok


__all__ = ["autoprolong_off_key", "autoprolong_key", "is_autoprolong_off", "save_autoprolong",
           "tariff_price", "tariff_of_row", "set_autoprolong", "service_form", "delete", "prolong_view",
           "prolong_recompute", "prolong_submit", "prolong_pay", "history", "instruction", "goto_server", "order_pricelist", "order_params", "order_submit"]
