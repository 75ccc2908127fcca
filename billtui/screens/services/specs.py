"""The per-type service lists, declared.

Rendered by the generic ``widgets.list_pane.ListPane``; the row actions are in ``services.py``.
"""

from __future__ import annotations

from billtui.i18n import _, pgettext
from billtui.widgets.list_pane import ListSpec, list_call
from billtui.widgets.resource_table import Column

# Column priorities (1 identifies a row and stays at any width): ``widgets.resource_table.Column``.


def services_spec(type_name: str, title: str) -> ListSpec:
    from billtui.screens.services.services import open_service, service_row_actions

    return ListSpec(
        key=f"services/{type_name}",
        title=title,
        call=list_call("services", type_name),
        noun=pgettext("list noun", "services"),
        default_sort=("expires", False),
        actions=service_row_actions(type_name),
        on_select=open_service,
        columns=(
            Column("name", _("Name"), min_width=14),
            Column("ip", "IP", width=15, priority=3),
            # The tariff, long ("VDS-4 (4 vCPU, 8 GB RAM, 120 GB SSD)"), gives way before
            # auto-renew, which the list's a key changes and which warns of an expiry.
            Column("tariff", _("Tariff"), min_width=10, priority=4),
            Column("status", _("Status"), "status", width=12, label_field="status_text"),
            Column("expires", _("Expires"), "expiry", width=12),
            Column("autoprolong", _("Auto-renew"), width=10, priority=3, label_field="autoprolong_text"),
            Column("cost", _("Cost"), "money", width=12, priority=5),
        ),
    )
