"""What screens and widgets may ask of the app: a small typed protocol, not the app class.

Screens and widgets live below the app (README, "Layout"): they never import ``billtui.app``.
What they need from it — the panel client, the session, the edition, today's date, going to a
menu item, and the few start-up and session steps the shell screens drive — is declared here,
and ``host(node)`` gives it to them typed. ``HostApp`` is the same app seen as both a Textual
``App`` and a ``Host``. What they tell the app goes up as a message (at the end of this module).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual.message import Message

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from billtui.api.secret import Secret
    from billtui.launch import Launch
    from billtui.menu import Edition
    from billtui.session import SessionInfo
    from billtui.storage.config import Config, Profile
    from billtui.storage.favourites import Favourite
    from billtui.storage.languages import Language


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
    #: The language the panel is asked to answer in, and why (``storage.languages``).
    language: Language

    def today(self) -> dt.date: ...

    def goto(self, key: str) -> None:
        """Open a menu item (or ``services/<type>``) on the main screen."""

    # The shell's steps: login, start-up, profiles, editions, the theme.
    def login(self, password: Secret | str | None, remember: bool = False) -> Any: ...

    def show_login(self, error: str | None, *, field: str | None = None) -> None: ...

    def begin(self) -> None: ...

    def release_first_frame(self) -> None: ...

    def switch_profile(self, name: str) -> None: ...

    def unattended_client(self, profile: Profile) -> Any:
        """A client for a saved profile that never asks for anything (the All accounts view);
        raises ``accounts.connect.NoPassword`` when none is saved."""

    def switch_edition(self, edition: Edition) -> None: ...

    def panel_language_chosen(self, value: str) -> Language:
        """The panel's User settings now name ``value`` as the user's language: billtui follows
        (unless ``--lang`` or the profile's ``language`` fix it) and says so with a
        ``DataChanged`` "language". Returns the language billtui speaks now."""

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


# ------------------------------------------------------------ upward messages
# What a screen or widget tells the app instead of reaching for the main screen. The app
# handles them (``BillTUI.on_*``): a section never imports the shell, nor another section.

#: What a write can change that other panes show: ``balance`` (the header), ``payments``,
#: ``orders`` (the cart and the order history), ``tickets`` (both lists and the unread count) and
#: ``language`` (the language the panel answers in: everything it wrote on screen).
CHANGE_KINDS = frozenset({"balance", "payments", "orders", "tickets", "language"})


class DataChanged(Message):
    """The panel's data changed under panes that may be open: they reload."""

    def __init__(self, kinds: frozenset[str]) -> None:
        super().__init__()
        self.kinds = kinds


class OpenFavourite(Message):
    """Go to a favourite (an item, or an object in its list) as the menu would."""

    def __init__(self, favourite: Favourite) -> None:
        super().__init__()
        self.favourite = favourite


def announce(node: DOMNode, *kinds: str) -> None:
    """Say that a write changed ``kinds`` of data (``CHANGE_KINDS``)."""
    unknown = set(kinds) - CHANGE_KINDS
    assert not unknown, unknown
    node.app.post_message(DataChanged(frozenset(kinds)))
