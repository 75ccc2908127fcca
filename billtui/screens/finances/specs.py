"""Finances' lists, declared: payments, expenses, invoices, orders and the referral clicks.

Each is rendered by the generic ``widgets.list_pane.ListPane``; the row actions live beside
them in this section's modules.
"""

from __future__ import annotations

from billtui.widgets.list_pane import ListSpec, list_call
from billtui.widgets.resource_table import Column

# Column priorities (1 identifies a row and stays at any width): ``widgets.resource_table.Column``.


def payments_spec() -> ListSpec:
    from billtui.screens.finances.payments import ACTIONS, open_payment

    return ListSpec(
        key="payments",
        title="Credits/Payments",
        call=list_call("PAYMENTS"),
        noun="payments",
        default_sort=("created", True),
        actions=ACTIONS,
        on_select=open_payment,
        columns=(
            Column("number", "Number", width=10),
            Column("created", "Date", "date", width=10, priority=3),
            Column("method", "Method", min_width=10, priority=2),
            Column("credited", "Credited", "money", width=14),
            Column("paid", "Paid", "money", width=14, priority=4),
            Column("status", "Status", "status", width=14, label_field="status_text"),
        ),
    )


def expenses_spec() -> ListSpec:
    return ListSpec(
        key="expenses",
        title="Expenses",
        call=list_call("EXPENSES"),
        noun="expenses",
        default_sort=("date", True),
        columns=(
            Column("date", "Date", "date", width=10),
            Column("name", "What", min_width=16),
            Column("amount", "Amount", "money", width=14),
            Column("discount", "Discount", "money", width=12, priority=4),
            Column("tax", "Tax", "money", width=12, priority=5),
            Column("unpaid", "Unpaid", "money", width=12, priority=3),
        ),
    )


def invoices_spec() -> ListSpec:
    from billtui.screens.finances.invoices import ACTIONS, open_invoice

    return ListSpec(
        key="invoices",
        title="Invoices",
        call=list_call("INVOICES"),
        noun="invoices",
        default_sort=("created", True),
        actions=ACTIONS,
        on_select=open_invoice,
        columns=(
            Column("number", "Number", width=14),
            Column("created", "Date", "date", width=10),
            Column("customer", "Customer", min_width=12, priority=3),
            Column("amount", "Amount", "money", width=14),
            Column("status_text", "Status", width=12),
            Column("sent", "Sent", "date", width=10, priority=2),
        ),
    )


def orders_spec() -> ListSpec:
    from billtui.screens.finances.orders import ORDER_ACTIONS

    return ListSpec(
        key="orders",
        title="Order history",
        call=list_call("ORDERS"),
        noun="orders",
        default_sort=("created", True),
        actions=ORDER_ACTIONS,
        columns=(
            Column("number", "Number", width=10),
            Column("created", "Date", "date", width=10, priority=3),
            Column("description", "What", min_width=12),
            Column("cost", "Cost", "money", width=12),
            Column("status_text", "Status", width=16),
        ),
    )


def clicks_spec() -> ListSpec:
    return ListSpec(
        key="commissions/clicks",
        title="Referral clicks",
        call=list_call("REWARD_CLICKS"),
        noun="clicks",
        default_sort=("created", True),
        columns=(
            Column("created", "When", "datetime", width=16),
            Column("referrer", "From", min_width=12),
            Column("url", "Link", min_width=12, priority=2),
            Column("ip", "IP", width=15, priority=3),
        ),
    )
