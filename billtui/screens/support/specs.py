"""Support's lists, declared: open and archived tickets.

Rendered by the generic ``widgets.list_pane.ListPane``; the row actions are in ``tickets.py``.
"""

from __future__ import annotations

from billtui.i18n import _, pgettext
from billtui.widgets.list_pane import ListSpec, list_call, RowAction
from billtui.widgets.resource_table import Column

# Column priorities (1 identifies a row and stays at any width): ``widgets.resource_table.Column``.


def _ticket_columns() -> tuple[Column, ...]:
    return (
        Column("unread", "", "unread", width=5, sortable=False),
        Column("id", "#", width=6),  # what `:ticket N` takes
        Column("subject", pgettext("column", "Subject"), min_width=16),
        Column("status", pgettext("column", "Status"), "status", width=16, label_field="status_text"),
        Column("last_message", pgettext("column", "Last message"), "datetime", width=16, priority=2),
        Column("wait_time", pgettext("column", "Waiting"), width=10, priority=4, sortable=False),
    )


def tickets_spec() -> ListSpec:
    from billtui.screens.support.tickets import archive_ticket, filter_status, new_ticket, open_ticket

    return ListSpec(
        key="tickets",
        title=_("Open tickets"),
        call=list_call("TICKETS"),
        # Shown as "No {noun}." and "3 of 10 {noun}" (widgets/list_pane.py).
        noun=pgettext("list noun", "tickets"),
        default_sort=("last_message", True),
        columns=_ticket_columns(),
        on_select=open_ticket,
        actions=(
            # Explicit ids: the default one is made from the description, which is translated.
            RowAction("n", _("New ticket"), new_ticket, needs_row=False, id="tickets-list.new-ticket"),
            RowAction("a", pgettext("verb", "Archive"), archive_ticket, id="tickets-list.archive"),
            RowAction("t", _("Status"), filter_status, needs_row=False, id="tickets-list.status"),
        ),
    )


def archived_tickets_spec() -> ListSpec:
    from billtui.screens.support.tickets import filter_status, open_archived_ticket, restore_ticket

    return ListSpec(
        key="archived_tickets",
        title=_("Archived tickets"),
        call=list_call("ARCHIVED_TICKETS"),
        noun=pgettext("list noun", "archived tickets"),
        default_sort=("last_message", True),
        columns=_ticket_columns(),
        on_select=open_archived_ticket,
        actions=(
            RowAction("u", _("Restore"), restore_ticket, id="archived-tickets-list.restore"),
            RowAction("t", _("Status"), filter_status, needs_row=False, id="archived-tickets-list.status"),
        ),
    )
