"""Finances' lists, declared: payments, expenses, invoices, orders and the referral clicks.

Each is rendered by the generic ``widgets.list_pane.ListPane``; the row actions live beside
them in this section's modules.
"""

from __future__ import annotations

from billtui.i18n import _, pgettext
from billtui.widgets.list_pane import ListSpec, list_call
from billtui.widgets.resource_table import Column

# Column priorities (1 identifies a row and stays at any width): ``widgets.resource_table.Column``.
# Titles are translated here, when the pane is made. ``noun`` goes into the list's status line
# ("No payments", "1 of 20 payments"): context "list noun", the plural in the nominative, as
# ``widgets.list_pane`` writes those sentences (``ListSpec.noun``).


def payments_spec() -> ListSpec:
    from billtui.screens.finances.payments import ACTIONS, open_payment

    return ListSpec(
        key="payments",
        title=_("Credits/Payments"),
        call=list_call("PAYMENTS"),
        noun=pgettext("list noun", "payments"),
        default_sort=("created", True),
        actions=ACTIONS,
        on_select=open_payment,
        columns=(
            Column("number", _("Number"), width=10),
            Column("created", _("Date"), "date", width=10, priority=3),
            Column("method", _("Method"), min_width=10, priority=2),
            Column("credited", pgettext("amount", "Credited"), "money", width=14),
            Column("paid", pgettext("amount", "Paid"), "money", width=14, priority=4),
            Column("status", _("Status"), "status", width=14, label_field="status_text"),
        ),
    )


def expenses_spec() -> ListSpec:
    return ListSpec(
        key="expenses",
        title=_("Expenses"),
        call=list_call("EXPENSES"),
        noun=pgettext("list noun", "expenses"),
        default_sort=("date", True),
        columns=(
            Column("date", _("Date"), "date", width=10),
            Column("name", _("What"), min_width=16),
            Column("amount", _("Amount"), "money", width=14),
            Column("discount", _("Discount"), "money", width=12, priority=4),
            Column("tax", _("Tax"), "money", width=12, priority=5),
            Column("unpaid", _("Unpaid"), "money", width=12, priority=3),
        ),
    )


def invoices_spec() -> ListSpec:
    from billtui.screens.finances.invoices import ACTIONS, open_invoice

    return ListSpec(
        key="invoices",
        title=_("Invoices"),
        call=list_call("INVOICES"),
        noun=pgettext("list noun", "invoices"),
        default_sort=("created", True),
        actions=ACTIONS,
        on_select=open_invoice,
        columns=(
            Column("number", _("Number"), width=14),
            Column("created", _("Date"), "date", width=10),
            Column("customer", _("Customer"), min_width=12, priority=3),
            Column("amount", _("Amount"), "money", width=14),
            Column("status_text", _("Status"), width=12),
            Column("sent", pgettext("column", "Sent"), "date", width=10, priority=2),
        ),
    )


def orders_spec() -> ListSpec:
    from billtui.screens.finances.orders import ORDER_ACTIONS

    return ListSpec(
        key="orders",
        title=_("Order history"),
        call=list_call("ORDERS"),
        noun=pgettext("list noun", "orders"),
        default_sort=("created", True),
        actions=ORDER_ACTIONS,
        columns=(
            Column("number", _("Number"), width=10),
            Column("created", _("Date"), "date", width=10, priority=3),
            Column("description", _("What"), min_width=12),
            Column("cost", _("Cost"), "money", width=12),
            Column("status_text", _("Status"), width=16),
        ),
    )


def clicks_spec() -> ListSpec:
    return ListSpec(
        key="commissions/clicks",
        title=_("Referral clicks"),
        call=list_call("REWARD_CLICKS"),
        noun=pgettext("list noun", "clicks"),
        default_sort=("created", True),
        columns=(
            Column("created", _("When"), "datetime", width=16),
            Column("referrer", pgettext("column", "From"), min_width=12),
            Column("url", _("Link"), min_width=12, priority=2),
            Column("ip", _("IP"), width=15, priority=3),
        ),
    )
