"""Settings: notification subscriptions, contact data, user settings, affiliate.

One module per pane (they grow independently); this one is the index the
registry imports from.
"""

from __future__ import annotations

from .affiliate import AffiliatePane
from .contact import ContactSettingsPane
from .notifications import NotificationsPane
from .user_settings import UserSettingsPane

__all__ = ["AffiliatePane", "ContactSettingsPane", "NotificationsPane", "UserSettingsPane"]
