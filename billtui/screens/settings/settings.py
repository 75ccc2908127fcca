"""Settings: notification subscriptions, contact data, user settings, affiliate.

One module per pane (they grow independently); this one is the index the
registry imports from.
"""

from __future__ import annotations

from billtui.screens.settings.affiliate import AffiliatePane
from billtui.screens.settings.contact import ContactSettingsPane
from billtui.screens.settings.notifications import NotificationsPane
from billtui.screens.settings.user_settings import UserSettingsPane

__all__ = ["AffiliatePane", "ContactSettingsPane", "NotificationsPane", "UserSettingsPane"]
