"""``billtui pay cart``: pay what is in the cart, as the TUI's Orders screen does (``p``).

The same calls as ``screens/finances/payments.py`` with an order: the cart (``basket``), the
methods to pay it with (``payment.add&billorder=ID``), then ``finance.pay_basket`` with the
chosen method, the cart's total, the form's payer, and no currency when paying from the
balance. From the balance the panel pays at once (``ok`` = ``func=order``) and any renewal in
the cart is carried out; with another method it answers with a payment page, printed to
open in a browser.
"""

from __future__ import annotations

import argparse
from typing import Any, Callable

from billtui.cli.confirm import add_yes, confirm, send_once
from billtui.cli.session import CliError
from billtui.i18n import N_, _, ngettext

PAY_CHECK = N_("the cart (Finances › Orders in billtui), the balance (`billtui get balance`) "
               "and the payments (`billtui get payments`)")


def add_parser(sub: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    p = sub.add_parser("pay", help=_("pay the cart (from the balance, or on a payment page)"))
    psub = p.add_subparsers(dest="pay_command", metavar="cart", required=True)
    cart = psub.add_parser(
        "cart", help=_("pay everything in the cart"),
        description=_("Pay the cart, as the TUI's Orders screen does. It prints the items, the total and how it "
                      "will be paid, then asks. --from-balance pays from the account balance at once (renewals in "
                      "the cart then take effect); otherwise choose a payment method with --method (name or id; "
                      "a wrong one lists them) and open the payment page it prints. An empty cart is not an "
                      "error: nothing is paid and the exit code is 0. A payment is sent once: if its answer is "
                      "lost, billtui says what to check instead of sending it again."))
    how = cart.add_mutually_exclusive_group()
    how.add_argument("--from-balance", action="store_true", help=_("pay from the account balance"))
    how.add_argument("--method", metavar="NAME|ID",
                     help=_("the payment method (its name or id, as the panel lists it)"))
    add_yes(cart)
    common(cart)
    cart.set_defaults(run=run_cart)


def _method_text(method: Any) -> str:
    from billtui.display.safe import clean

    return f"{clean(method.id)} {clean(method.name)}"


def choose_method(form: Any, args: argparse.Namespace) -> Any:
    """The payment method the arguments ask for, among the form's."""
    if args.from_balance:
        method = form.balance_method
        if method is None:
            listed = ", ".join(_method_text(m) for m in form.methods) or _("none")
            raise CliError(_("the panel offers no payment from the balance for this cart (methods: {methods})").format(
                methods=listed))
        return method
    others = [m for m in form.methods if not m.from_balance]
    if args.method:
        w = args.method.strip().lower()
        found = [m for m in form.methods if str(m.id).lower() == w] or \
                [m for m in form.methods if str(m.name).strip().lower() == w]
        if len(found) == 1:
            return found[0]
    elif len(others) == 1 and not form.balance_method:
        return others[0]
    listed = ", ".join(_method_text(m) for m in form.methods) or _("none")
    if args.method:
        said = _("no payment method {method} (methods: {methods})")
    else:
        said = _("choose --from-balance or --method (methods: {methods})")
    raise CliError(said.format(method=repr(args.method), methods=listed), code=2)


async def run_cart(client: Any, args: argparse.Namespace) -> str:
    from billtui.api.calls import account, finance
    from billtui.cli.output import amount_or as _amount
    from billtui.display.safe import clean

    dashboard = await account.dashboard(client)  # first: the cart's bare totals are in the account's currency
    cart = await finance.basket(client)
    if cart.empty or not cart.billorder:
        return _("The cart is empty: nothing to pay.") + "\n"
    form = await finance.pay_basket_form(client, cart.billorder)
    method = choose_method(form, args)
    total = cart.total
    if total is not None and not method.accepts(total.amount):
        raise CliError(_("{method} does not take {total} (its limits: from {min} up to {max})").format(
            method=clean(method.name), total=_amount(total, ""), min=_amount(method.min, "-"),
            max=_amount(method.max, "-")), code=2)
    items = "; ".join(f"{clean(i.description or i.tariff)}" + (f" {_amount(i.cost, '')}" if i.cost is not None else "")
                      for i in cart.items)
    count = ngettext("{n} item", "{n} items", len(cart.items)).format(n=len(cart.items))
    if method.from_balance:
        how = _("from the balance ({balance})").format(balance=_amount(dashboard.balance, _("unknown")))
    else:
        how = _("by {method}: the panel then gives a payment page to pay on").format(method=clean(method.name))
    confirm(_("Pay the cart ({count}: {items}), total {total}, {how}.").format(
        count=count, items=items, total=_amount(total, _("not given")), how=how), yes=args.yes)
    start = await send_once(
        finance.pay_basket(client, cart.billorder, method=method,
                           amount=total.amount if total is not None else None, payer=form.default_payer,
                           currency="" if method.from_balance else form.values.get("payment_currency", "")),
        check=_(PAY_CHECK))
    if start.paid:
        return _("Paid the cart ({count}, {total}) from the balance.").format(
            count=count, total=_amount(total, _("total not given"))) + "\n"
    if start.url:
        from billtui.runtime.links import web_url

        page = web_url(start.url, client.url)
        if page is None:
            raise CliError(_("the payment was created, but the panel's payment page is not a web address billtui "
                             "shows; find the payment with `billtui get payments --status new`"))
        if start.payment_id:
            said = _("Payment {number} created for the cart ({total}). Pay it on: {page}")
        else:
            said = _("Payment created for the cart ({total}). Pay it on: {page}")
        return said.format(number=clean(start.payment_id), total=_amount(total, _("total not given")),
                           page=page) + "\n"
    return _("The payment was created, but the panel sent no payment page: find it with "
             "`billtui get payments --status new`.") + "\n"
