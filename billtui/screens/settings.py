"""Settings: notification subscriptions, contact data, user settings, affiliate.

Read-only in this first cut (the panel's current values, real data); the
settings issue makes each one editable.
"""

from __future__ import annotations

from typing import Any

from ..widgets.async_pane import AsyncPane
from ..widgets.kv import small_table
from .form_card import form_card


class NotificationsPane(AsyncPane):
    title = "Notification subscription"

    async def fetch(self) -> Any:
        from ..api.calls import settings

        return await settings.subscriptions(self.billtui.client)

    def show(self, notices: Any) -> list[Any]:
        rows = [(n.name, n.type, n.channel, n.status_text) for n in notices]
        return [small_table("Notices", ("Notice", "Group", "Channel", "Status"), rows,
                            empty="The panel lists no notices.")]


class ContactSettingsPane(AsyncPane):
    title = "Settings (contact data)"

    async def fetch(self) -> Any:
        from ..api.calls import settings

        return await settings.clientoption_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        return [form_card("Contact data", form, [
            ("contactperson", "Contact person"), ("email", "Email for notices"),
            ("phone", "Phone"), ("country", "Country"),
        ])]


class UserSettingsPane(AsyncPane):
    title = "User settings"

    async def fetch(self) -> Any:
        from ..api.calls import settings

        return await settings.usrparam_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        return [form_card("User settings", form, [
            ("email", "Email"), ("lang", "Language"), ("timezone", "Time zone"),
            ("atype", "Access from"), ("addr", "Allowed addresses"),
            ("sendemail", "Email me on login"),
        ])]


class AffiliatePane(AsyncPane):
    title = "Affiliate program"

    async def fetch(self) -> Any:
        from ..api.calls import settings

        return await settings.affiliate_view(self.billtui.client)

    def show(self, form: Any) -> list[Any]:
        return [form_card("Your affiliate program", form, [
            ("affiliate", "Program"), ("url", "Referral link"), ("promocode", "Promo code"),
        ])]
