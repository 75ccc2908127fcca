"""Finances: adding funds, payments, the cart, invoices, expenses, affiliate rewards."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal

from .. import assumed, models
from ..client import BillClient
from ..parser import Doc, Ok, as_list, attr_of, text_of
from ..values import parse_date, parse_money
from ._util import ids

Progress = Callable[[int, int | None], None] | None


def _url(ok: Ok | None) -> str | None:
    return ok.value if ok is not None and ok.kind == "url" and ok.value else None


def _payment_start(doc: Doc) -> models.PaymentStart:
    payment_id = None
    for name in assumed.PAYMENT_ID_FIELDS:
        v = doc.field(name)
        if v:
            payment_id = v
            break
    return models.PaymentStart(url=_url(doc.ok), payment_id=payment_id)


async def payment_methods(client: BillClient) -> models.AddFundsForm:
    return models.AddFundsForm.from_doc(await client.call("payment.add.method"))


async def add_funds(client: BillClient, *, paymethod: str, amount: Decimal | str, currency: str = "",
                    payer: str = "") -> models.PaymentStart:
    """Create a payment; the reply's ``ok`` URL is the payment page to open in a browser."""
    doc = await client.call("payment.add.method", write=True, sok="ok", paymethod=paymethod,
                            amount=str(amount), payment_currency=currency or None, profile=payer or None)
    return _payment_start(doc)


async def payment_redirect(client: BillClient, payment_id: str) -> str | None:
    """The payment page of a new (unpaid) payment, to resume paying it."""
    doc = await client.call("payment.add.redirect", elid=payment_id, sok="ok")
    return _url(doc.ok)


async def delete_payment(client: BillClient, payment_id: str | Iterable[str]) -> None:
    await client.call("payment.delete", write=True, elid=ids(payment_id))


async def payment_pdf(client: BillClient, payment_id: str, progress: Progress = None) -> tuple[str | None, bytes]:
    return await client.download("payment.print.pdf", progress=progress, elid=payment_id, out=assumed.PDF_OUT)


async def invoice_pdf(client: BillClient, invoice_id: str, progress: Progress = None) -> tuple[str | None, bytes]:
    return await client.download(assumed.INVOICE_PDF_FUNC, progress=progress, elid=invoice_id, out=assumed.PDF_OUT)


# --- the cart ---------------------------------------------------------------------------------

async def basket(client: BillClient) -> models.Basket:
    return models.Basket.from_doc(await client.call("basket"))


async def basket_remove(client: BillClient, item_id: str) -> models.Basket:
    await client.call("basket", write=True, sok="ok", id=item_id, clicked_button="delete")
    return await basket(client)


async def basket_clear(client: BillClient) -> None:
    await client.call("basket", write=True, sok="ok", clicked_button="clearbasket")


async def apply_promocode(client: BillClient, code: str) -> models.Basket:
    """A bad code is a ``FieldError`` on ``promocode`` (``missed``/``value``)."""
    await client.call("basket", write=True, sok="ok", promocode=code)
    return await basket(client)


async def pay_basket_form(client: BillClient, billorder: str) -> models.AddFundsForm:
    """``payment.add&billorder=ID`` view: the methods to pay the cart with."""
    return models.AddFundsForm.from_doc(await client.call("payment.add", billorder=billorder))


async def pay_basket(client: BillClient, billorder: str, *, paymethod: str | None = None,
                     **extra: str) -> models.PaymentStart:
    """Pay the cart: ``payment.add&billorder=ID`` (with a method if the panel asks for one)."""
    doc = await client.call("payment.add", write=True, billorder=billorder, sok="ok", paymethod=paymethod, **extra)
    return _payment_start(doc)


async def orders_awaiting_payment(client: BillClient) -> list[models.Order]:
    """Orders placed but not paid yet: the ``inpaylist`` the ``order`` list carries."""
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
    """Commission per day. ``period``: ``currentmonth``, ``currentyear`` or ``other`` with start/end."""
    params: dict[str, str] = {"period": period}
    if period == "other" or start or end:
        params.update(period="other", periodstart=str(start or ""), periodend=str(end or ""))
    doc = await client.call("affiliate.client.reward", sok="ok", **params)
    out: list[models.Reward] = []
    for report in as_list(doc.get("reportdata")):
        if not isinstance(report, dict):
            continue
        for reward in as_list(report.get("reward")):
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


async def reward_detail(client: BillClient, day: date | str) -> list[models.RewardDetail]:
    doc = await client.call("affiliate.client.reward.detail", elid=str(day))
    return [models.RewardDetail.from_row(r) for r in doc.rows()]


__all__ = ["payment_methods", "add_funds", "payment_redirect", "delete_payment", "payment_pdf", "invoice_pdf",
           "basket", "pay_basket_form", "basket_remove", "basket_clear", "apply_promocode", "pay_basket", "orders_awaiting_payment", "expense_filter",
           "rewards", "reward_detail"]
