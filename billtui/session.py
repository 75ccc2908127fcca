"""What billtui knows about the logged-in session (no secrets in here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SessionInfo:
    user: Any = None  # billtui.api.models.User
    dashboard: Any = None  # billtui.api.models.Dashboard
    menu: Any = None  # billtui.api.models.PanelMenu, None until the panel answered
    loaded_at: float = 0.0  # time.monotonic() when the dashboard (balance) was read
