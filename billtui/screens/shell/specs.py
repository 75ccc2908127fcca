"""The plain lists, declared: what to fetch, which columns, how to show them.

One generic pane (``widgets.list_pane.ListPane``) renders every spec here; the
area issues add row actions and filters to these specs rather than new screens.
"""

from __future__ import annotations

from functools import partial

from billtui.widgets.list_pane import ListSpec, RowAction
from billtui.widgets.resource_table import Column

# Column priorities (``ResourceTable._widths``): 1 for what a user needs to act on a row
# (its number or name, its status, the amount), kept at any width; 2 for useful context;
# 3 and up for descriptive columns (dates, secondary amounts, long text), shown only when
# the columns before them fit in full. ``w`` on any list shows every column in full.


def _lists():
    from billtui.api import lists

    return lists


def payments_spec() -> ListSpec:
    from billtui.screens.finances.payments import ACTIONS, open_payment

    return ListSpec(
        key="payments",
        title="Credits/Payments",
        call=lambda: _lists().PAYMENTS,
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
        call=lambda: _lists().EXPENSES,
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
        call=lambda: _lists().INVOICES,
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
        call=lambda: _lists().ORDERS,
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


def _ticket_columns() -> tuple[Column, ...]:
    return (
        Column("unread", "", "unread", width=5, sortable=False),
        Column("id", "#", width=6),  # what `:ticket N` takes
        Column("subject", "Subject", min_width=16),
        Column("status", "Status", "status", width=16, label_field="status_text"),
        Column("last_message", "Last message", "datetime", width=16, priority=2),
        Column("wait_time", "Waiting", width=10, priority=4, sortable=False),
    )


def tickets_spec() -> ListSpec:
    from billtui.screens.support.tickets import archive_ticket, filter_status, new_ticket, open_ticket

    return ListSpec(
        key="tickets",
        title="Open tickets",
        call=lambda: _lists().TICKETS,
        noun="tickets",
        default_sort=("last_message", True),
        columns=_ticket_columns(),
        on_select=open_ticket,
        actions=(
            RowAction("n", "New ticket", new_ticket, needs_row=False),
            RowAction("a", "Archive", archive_ticket),
            RowAction("t", "Status", filter_status, needs_row=False),
        ),
    )


def archived_tickets_spec() -> ListSpec:
    from billtui.screens.support.tickets import filter_status, open_archived_ticket, restore_ticket

    return ListSpec(
        key="archived_tickets",
        title="Archived tickets",
        call=lambda: _lists().ARCHIVED_TICKETS,
        noun="archived tickets",
        default_sort=("last_message", True),
        columns=_ticket_columns(),
        on_select=open_archived_ticket,
        actions=(
            RowAction("u", "Restore", restore_ticket),
            RowAction("t", "Status", filter_status, needs_row=False),
        ),
    )


def services_spec(type_name: str, title: str) -> ListSpec:
    from billtui.screens.services.services import open_service, service_row_actions

    return ListSpec(
        key=f"services/{type_name}",
        title=title,
        call=partial(lambda t: _lists().services(t), type_name),
        noun="services",
        default_sort=("expires", False),
        actions=service_row_actions(type_name),
        on_select=open_service,
        columns=(
            Column("name", "Name", min_width=14),
            Column("ip", "IP", width=15, priority=3),
            # The tariff, long ("VDS-4 (4 vCPU, 8 GB RAM, 120 GB SSD)"), gives way before
            # auto-renew, which the list's a key changes and which warns of an expiry.
            Column("tariff", "Tariff", min_width=10, priority=4),
            Column("status", "Status", "status", width=12, label_field="status_text"),
            Column("expires", "Expires", "expiry", width=12),
            Column("autoprolong", "Auto-renew", width=10, priority=3),
            Column("cost", "Cost", "money", width=12, priority=5),
        ),
    )


def clicks_spec() -> ListSpec:
    return ListSpec(
        key="commissions/clicks",
        title="Referral clicks",
        call=lambda: _lists().REWARD_CLICKS,
        noun="clicks",
        default_sort=("created", True),
        columns=(
            Column("created", "When", "datetime", width=16),
            Column("referrer", "From", min_width=12),
            Column("url", "Link", min_width=12, priority=2),
            Column("ip", "IP", width=15, priority=3),
        ),
    )


# Menu items that are nothing but a list. Payments and Expenses wrap their list
# in a pane of their own (filter line, totals, chart): see registry.py.
SPECS = {
    "invoices": invoices_spec,
    "tickets": tickets_spec,
    "archived_tickets": archived_tickets_spec,
}
