"""What screens and widgets may ask of the app: a small typed protocol, not the app class.

Screens and widgets live below the app (README, "Layout"): they never import ``billtui.app``.
What they need from it — the panel client, the session, the edition, today's date, going to a
menu item, and the few start-up and session steps the shell screens drive — is declared here,
and ``host(node)`` gives it to them typed. ``HostApp`` is the same app seen as both a Textual ``App`` and a ``Host``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from billtui.api.secret import Secret
    from billtui.launch import Launch
    from billtui.menu import Edition
    from billtui.session import SessionInfo
    from billtui.storage.config import Config, Profile


class Host(Protocol):
    """The billtui side of the running app."""

    #: The panel client (``billtui.api.client.BillClient``); None before login.
    client: Any
    session: SessionInfo
    edition: Edition
    launch: Launch
    config: Config
    profile: Profile | None
    #: Saved data shown while the panel is unreachable (``runtime.offline.OfflineState``), or None.
    offline: Any

    def today(self) -> dt.date: ...

    def goto(self, key: str) -> None:
        """Open a menu item (or ``services/<type>``) on the main screen."""

    # The shell's steps: login, start-up, profiles, editions, the theme.
    def login(self, password: Secret | str | None, remember: bool = False) -> Any: ...

    def show_login(self, error: str | None, *, field: str | None = None) -> None: ...

    def begin(self) -> None: ...

    def release_first_frame(self) -> None: ...

    def switch_profile(self, name: str) -> None: ...

    def switch_edition(self, edition: Edition) -> None: ...

    def save_theme(self) -> None: ...

    def has_unsaved(self) -> bool: ...

    def logout(self) -> Any: ...

    def action_quit_app(self) -> Any: ...


if TYPE_CHECKING:
    from textual.app import App

    class HostApp(App[Any], Host):
        """For type checking only: the running app is a Textual ``App`` and a ``Host``."""

else:
    HostApp = Host  # annotations only: nothing checks against it at run time


def host(node: DOMNode) -> HostApp:
    """The app ``node`` runs in: Textual's side and billtui's, typed."""
    return cast("HostApp", node.app)
