"""Finances: adding funds, payments, the cart, invoices, expenses, affiliate rewards.

Evidence for each call: ``billtui/api/assumed.py`` section ``evidence: finance``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from .. import assumed, errors, models
from ..client import BillClient
from ..parser import Doc, Ok, Option, as_list, attr_of, text_of
from ..values import parse_date, parse_money
from ._util import CallFields, ids, page_url

Progress = Callable[[int, int | None], None] | None


def _payment_start(client: BillClient, doc: Doc) -> models.PaymentStart:
    payment_id = None
    for name in assumed.PAYMENT_ID_FIELDS:
        v = doc.field(name)
        if v:
            payment_id = v
            break
    ok = doc.ok
    if ok is not None and ok.kind == "redirect" and ok.value.strip() == assumed.PAID_FROM_BALANCE_OK:
        return models.PaymentStart(url=None, payment_id=payment_id, paid=True)
    return models.PaymentStart(url=page_url(ok, client.url), payment_id=payment_id)


async def _payers(client: BillClient) -> tuple[Option, ...]:
    """The payers to choose from: rows of the ``profile`` list, as the production panel takes them
    (billingOperations.js getPayers: ``func=profile&p_cnt=300``, rows with ``id`` and ``name``)."""
    try:
        doc = await client.call(assumed.PAYERS_LIST_FUNC, p_cnt=str(assumed.PAYERS_PAGE_SIZE))
    except Exception:  # no payer list on this panel: the form goes without a payer field
        return ()
    out: list[Option] = []
    for row in doc.rows():
        pid, name = row.get("id"), row.get("name")
        if pid is not None and name is not None and pid.value and name.text:
            out.append(Option(pid.value, name.text))
    return tuple(out)


async def _with_payers(client: BillClient, form: models.AddFundsForm) -> models.AddFundsForm:
    if form.payers:
        return form
    return form.with_payers(await _payers(client))


async def payment_methods(client: BillClient) -> models.AddFundsForm:
    """``payment.add.method`` view: ``list methodlist``, ``payment_currency``; payers from ``profile``."""
    return await _with_payers(client, models.AddFundsForm.from_doc(await client.call("payment.add.method")))


async def add_funds(client: BillClient, *, paymethod: str, amount: Decimal | str, currency: str = "",
                    payer: str = "") -> models.PaymentStart:
    """Create a payment; the reply's ``ok`` URL is the payment page to open in a browser."""
    doc = await client.call("payment.add.method", write=True, sok="ok", paymethod=paymethod,
                            amount=str(amount), payment_currency=currency or None, profile=payer or None)
    return _payment_start(client, doc)


async def payment_redirect(client: BillClient, payment_id: str) -> str | None:
    """The payment page of a new (unpaid) payment, to resume paying it."""
    doc = await client.call("payment.add.redirect", elid=payment_id, sok="ok")
    return page_url(doc.ok, client.url)


async def delete_payment(client: BillClient, payment_id: str | Iterable[str]) -> None:
    await client.call("payment.delete", write=True, elid=ids(payment_id))


async def payment_pdf(client: BillClient, payment_id: str, progress: Progress = None) -> tuple[str | None, bytes]:
    return await client.download("payment.print.pdf", progress=progress, elid=payment_id, out=assumed.PDF_OUT)


async def invoice_pdf(client: BillClient, invoice_id: str, progress: Progress = None) -> tuple[str | None, bytes]:
    return await client.download(assumed.INVOICE_PDF_FUNC, progress=progress, elid=invoice_id, out=assumed.PDF_OUT)


# --- the cart ---------------------------------------------------------------------------------

async def basket(client: BillClient) -> models.Basket:
    return models.Basket.from_doc(await client.call("basket"), currency=client.account_currency)


async def basket_remove(client: BillClient, item_id: str) -> models.Basket:
    await client.call("basket", write=True, sok="ok", id=item_id, clicked_button="delete")
    return await basket(client)


async def basket_clear(client: BillClient, billorder: str | None = None) -> None:
    """Empty the cart; the production panel sends the cart's ``billorder`` as ``id``."""
    await client.call("basket", write=True, sok="ok", id=billorder or None, clicked_button="clearbasket")


async def apply_promocode(client: BillClient, code: str) -> models.Basket:
    """A bad code is a ``FieldError`` on ``promocode`` (``missed``); a code that does not apply to
    this cart answers ``$type=promocode_not_use`` (cartOperations.js setBasketPromocode)."""
    await client.call("basket", write=True, sok="ok", promocode=code)
    return await basket(client)


async def pay_basket_form(client: BillClient, billorder: str) -> models.AddFundsForm:
    """``payment.add&billorder=ID`` view: the methods to pay the cart with (``list methodlist``,
    the balance among them when the panel allows it), plus the payers."""
    form = models.AddFundsForm.from_doc(await client.call(assumed.PAY_ORDER_VIEW_FUNC, billorder=billorder))
    return await _with_payers(client, form)


async def pay_basket(client: BillClient, billorder: str, *, method: models.PayMethod | None = None,
                     paymethod: str | None = None, amount: Decimal | str | None = None,
                     payer: str = "", currency: str = "", **extra: str) -> models.PaymentStart:
    """Pay the cart: ``payment.add.method&sok=ok&billorder=ID&paymethod=&amount=&profile=``.

    With the balance method, ``clicked_button`` is the button that method's row names
    (``fromsubaccount``); the panel then answers ``ok`` = ``func=order`` (``paid``) instead of a
    payment page (cartOperations.js setPaymentMethods, Cart.jsx payBasketHandler).
    """
    if method is not None:
        paymethod = method.id
        if method.button:
            extra.setdefault("clicked_button", method.button)
    fields: CallFields = extra
    doc = await client.call(assumed.PAY_ORDER_FUNC, write=True, sok="ok", billorder=billorder,
                            paymethod=paymethod or None, amount=None if amount is None else str(amount),
                            profile=payer or None, payment_currency=currency or None, **fields)
    return _payment_start(client, doc)


async def orders_awaiting_payment(client: BillClient) -> list[models.Order]:
    """Orders placed but not paid yet: ``doc.list[$name=inpaylist].elem`` of the ``order`` list
    (billingOperations.js getUnpaidOrders)."""
    doc = await client.call("order", p_cnt="1")
    return [models.Order.from_row(r) for r in doc.sublist("inpaylist")]


# --- expenses ----------------------------------------------------------------------------------

async def expense_filter(client: BillClient, start: date | str | None = None, end: date | str | None = None) -> None:
    """Store the expense period filter for the session; no dates clears it."""
    if start is None and end is None:
        await client.call("expense.filter", sok="ok", drop="on")
        return
    await client.call("expense.filter", sok="ok", fromdate=str(start or ""), todate=str(end or ""))


# --- affiliate rewards -----------------------------------------------------------------------------

async def rewards(client: BillClient, period: str = "currentmonth", start: date | str | None = None,
                  end: date | str | None = None) -> list[models.Reward]:
    """Commission per day. ``period``: ``currentmonth``, ``currentyear`` or ``other`` with start/end.

    Sent as the production panel sends it (Karantir-dev/billing-typescript affiliateProgram
    operations.js getChartInfo): ``period``, ``periodstart``, ``periodend``, no ``sok``
    (``assumed.REWARD_REPORT_SOK``). Rows: ``reportdata.reward.elem[]`` (object or array), each
    ``{"amount": {"$id": DAY, "$": MONEY}}``.
    """
    # ``dict[str, Any]``, not ``dict[str, str]``: sent as ``**params`` (see ``CallFields``).
    params: dict[str, Any] = {"period": period}
    if period == "other" or start or end:
        params.update(period="other", periodstart=str(start or ""), periodend=str(end or ""))
    if assumed.REWARD_REPORT_SOK:
        params["sok"] = "ok"
    doc = await client.call("affiliate.client.reward", **params)
    out: list[models.Reward] = []
    for report in as_list(doc.get("reportdata")):
        if not isinstance(report, dict):
            continue
        for reward in as_list(report.get(assumed.REWARD_REPORT_SECTION)):
            if not isinstance(reward, dict):
                continue
            for elem in as_list(reward.get("elem")):
                if not isinstance(elem, dict):
                    continue
                for node in as_list(elem.get("amount")):
                    day = parse_date(attr_of(node, "id"))
                    money = parse_money(text_of(node))
                    if day is not None and money is not None:
                        out.append(models.Reward(day, money))
    return out


async def reward_periods(client: BillClient) -> list[Option]:
    """The periods the panel's reward report offers: viewing ``affiliate.client.reward`` with no
    period gives them as ``slist period`` (production reads ``slist[0]``: getInitialIncomeInfo)."""
    try:
        doc = await client.call("affiliate.client.reward")
    except errors.BillError:
        return []  # no options: reward_period_key falls back to the wanted key, the report still loads
    options = doc.slist("period")
    if not options:
        names = doc.slist_names()
        options = doc.slist(names[0]) if names else []
    return options


#: Words that tell which of the panel's period options is "this month" / "this year".
_PERIOD_WORDS = {"currentmonth": ("month",), "currentyear": ("year",), "other": ("other", "period")}


def reward_period_key(options: list[Option], wanted: str) -> str:
    """The panel's own key for ``wanted`` (``currentmonth``, ``currentyear``, ``other``): the same key
    if the panel offers it, else the option whose key or label names it (not "last"/"previous"), else
    ``wanted`` as API.md documents it. Options go back with the panel's key, never a constant of ours."""
    if not options or any(o.key == wanted for o in options):
        return wanted
    words = _PERIOD_WORDS.get(wanted, ())
    for attr in ("key", "label"):
        for option in options:
            text = getattr(option, attr).lower()
            if any(w in text for w in words) and not any(x in text for x in ("last", "prev", "past")):
                return option.key
    return wanted


async def reward_detail(client: BillClient, day: date | str) -> list[models.RewardDetail]:
    """Who brought one day's commissions. Real panels put the rows in ``reportdata.reward.elem``
    (one row as an object) — affiliateProgram operations.js getDayDetails; a reply with plain list
    rows in ``doc.elem`` (no ``reportdata``) is read too."""
    doc = await client.call("affiliate.client.reward.detail", elid=str(day))
    rows = doc.report_rows(assumed.REWARD_REPORT_SECTION) if "reportdata" in doc.raw else doc.rows()
    return [models.RewardDetail.from_row(r) for r in rows]


__all__ = ["payment_methods", "add_funds", "payment_redirect", "delete_payment", "payment_pdf", "invoice_pdf",
           "basket", "pay_basket_form", "basket_remove", "basket_clear", "apply_promocode", "pay_basket", "orders_awaiting_payment", "expense_filter",
           "rewards", "reward_periods", "reward_period_key", "reward_detail"]
