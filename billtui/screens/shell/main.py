"""The main screen: header, the menu tree on the left, the item on the right.

Panes are kept once opened (hidden, not destroyed) so going back to a screen
visited a moment ago shows it at once.
"""

from __future__ import annotations

import asyncio
import re
import time
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Tree

from billtui.compat import HeldFrameScreen
from billtui.menu import SECTIONS, Edition, visible
from billtui.widgets.availability import ItemUnavailable
from billtui.widgets.footer import Footer
from billtui.widgets.header_bar import HeaderBar
from billtui.widgets.nav_tree import NavEntry, NavTree
from billtui.widgets.pane import Pane
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.workers import later
from billtui.i18n import N_, _

if TYPE_CHECKING:
    from textual.widget import AwaitMount


_ID_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def pane_id(key: str) -> str:
    return "pane-" + _ID_SAFE.sub("-", key)


#: Seconds the tree's cursor rests on an item before the item is shown (Enter: at once).
#: Long enough for a key held down or pressed in a quick run to pass items by, short enough
#: to feel immediate to someone reading the menu. Tests set it to 0 (tests/app/conftest.py).
PREVIEW_DELAY = 0.2


class MainScreen(HeldFrameScreen):
    DEFAULT_CSS = styles.load("screens/shell/MainScreen.tcss")
    BINDINGS = [
        Binding("escape", "back", N_("Back"), id="main.back"),
        Binding("f", "star", N_("Star"), id="main.star"),
        Binding("f5", "refresh_all", N_("Refresh"), show=False, id="main.refresh-all"),
        # Priority: handled as the key arrives, so keys typed right after it (":inv⏎" in one
        # burst) reach the bar, not the list it opens over. Textual drops it from the chain
        # while a field that takes ":" (a filter, a form) has the focus.
        Binding("colon", "jump", N_("Jump"), key_display=":", priority=True, id="main.jump"),
    ]

    def __init__(self, start: str = "customer") -> None:
        super().__init__()
        #: The item shown first: Customer, or the one the user was on when the screen was made
        #: again in another language (``BillTUI.show_main``).
        self.start = start
        self.current_key: str = ""
        # Back goes through the items the user went *into* (enter, a jump),
        # not every item the cursor passed over on the way.
        self.history: list[str] = []
        self._committed: str = ""
        # Items a call said the panel does not offer, with the panel's words.
        self.unavailable: dict[str, str] = {}
        self._pending_open: tuple[str, bool] | None = None
        self._mounting: AwaitMount | None = None  # the mount of the pane opened last (done or not)
        # The item the tree's cursor rests on, opened once PREVIEW_DELAY has passed (see
        # on_tree_node_highlighted), and the timer that will open it.
        self._preview: NavEntry | None = None
        self._preview_timer: Timer | None = None

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        yield HeaderBar(id="header")
        with Horizontal(id="body"):
            yield NavTree(id="nav")
            yield ContentSwitcher(id="content")
        yield Footer()

    @property
    def nav(self) -> NavTree:
        return self.query_one(NavTree)

    @property
    def header(self) -> HeaderBar:
        return self.query_one(HeaderBar)

    def on_mount(self) -> None:
        from billtui.display.plain import TREE_LINES, is_plain

        if is_plain(self):  # --plain: indentation instead of box-drawing guides
            self.nav.LINES = TREE_LINES
            self.nav.ICON_NODE, self.nav.ICON_NODE_EXPANDED = "+ ", "- "
        self._update_header()
        self.watch(self.app, "offline", self._offline_changed, init=False)
        self.rebuild_tree(select=self.start)
        self.open_key(self.start)
        self.nav.focus()
        self.session_load = self.load_session()  # the Customer pane's first load waits for its balance
        self._start_ticket_watch()
        self.run_worker(self._show_when_loaded(), group="first-frame")

    async def _show_when_loaded(self) -> None:
        """Let the app draw this screen once its first answers are in (see ``hold_first_frame``)."""
        try:
            waits = [w.wait() for w in self.workers if w.node is self and w.group in ("session", "ticket-watch")]
            pane = self.current_pane()
            if pane is not None:
                waits.append(pane.wait_loaded())
            await asyncio.gather(*waits, return_exceptions=True)
        finally:
            self.billtui.release_first_frame()

    def _start_ticket_watch(self) -> None:
        """Open tickets are polled in the background; the tree shows the unread count."""
        from billtui.screens.support.ticket_watch import TicketWatch

        self.ticket_watch = TicketWatch(self, self._unread_changed)
        self.ticket_watch.start(self.billtui.config.ticket_refresh_seconds)

    def _unread_changed(self, unread: int) -> None:
        session_load = getattr(self, "session_load", None)
        if session_load is not None and not session_load.is_finished:
            return  # the session's rebuild, due any moment, shows the count too
        self.rebuild_tree(select=self.current_key)

    def on_resize(self) -> None:
        self.nav.set_class(self.size.width < 100, "-narrow")

    # ------------------------------------------------------------- session

    @work(group="session", exclusive=True)
    async def load_session(self) -> None:
        """Who, balance and the panel's menu, asked for at the same time."""
        from dataclasses import replace

        from billtui.api.calls import account

        app = self.billtui
        client = app.client
        if client is None:
            return
        user, dashboard, panel_menu = await asyncio.gather(
            account.whoami(client), account.dashboard(client), account.menu(client),
            return_exceptions=True,
        )
        session = app.session
        if not isinstance(user, BaseException):
            session = replace(session, user=user)
        if not isinstance(dashboard, BaseException):
            session = replace(session, dashboard=dashboard, loaded_at=time.monotonic())
        if not isinstance(panel_menu, BaseException):
            session = replace(session, menu=panel_menu)
        else:
            message = getattr(panel_menu, "message", str(panel_menu))
            self.notify(_("Could not read the panel's menu: {message}").format(message=message), severity="warning",
                        timeout=8)
        app.session = session
        self._update_header()
        pending, self._pending_open = self._pending_open, None
        self.rebuild_tree(select=self.current_key or "customer")
        if not isinstance(panel_menu, BaseException):
            self._retitle()
        if pending is not None and session.menu is not None:
            key, focus = pending
            self.call_after_refresh(self.open_key, key, focus=focus)
        if panel_menu is not None and not isinstance(panel_menu, BaseException):
            self._refresh_unavailable()

    def _offline_changed(self, was: Any, now: Any) -> None:
        self._update_header()
        if was is not None and now is None:
            self._back_online()

    def _back_online(self) -> None:
        """Drop every pane built from saved data except the one on screen, which reloads."""
        switcher = self.query_one(ContentSwitcher)
        for pane in list(switcher.children):
            if pane.id != switcher.current:
                pane.remove()
        self.unavailable.clear()
        self.action_refresh_all()

    def _update_header(self) -> None:
        self.header.show_session(self.billtui)

    def refresh_balance(self) -> None:
        """Ask for the balance again (after a payment, a renewal…)."""
        self._reload_dashboard()

    #: The lists each kind of change (``host.CHANGE_KINDS``) reloads, by spec key.
    #: The menu items whose panes show each kind of data.
    CHANGED_LISTS = {"payments": ("payments",), "orders": ("orders",), "tickets": ("tickets", "archived_tickets")}

    def data_changed(self, kinds: frozenset[str]) -> None:
        """A write changed data other panes show (``host.DataChanged``): those panes reload
        (Orders: its cart and its list)."""
        if "language" in kinds:
            self._language_changed()
            return
        if "balance" in kinds:
            self.refresh_balance()
        keys = {key for kind in kinds for key in self.CHANGED_LISTS.get(kind, ())}
        for pane in self.panes():
            if pane.item_key in keys and pane.is_mounted:
                pane.reload()
        watch = getattr(self, "ticket_watch", None)
        if "tickets" in kinds and watch is not None:
            watch.poll_now()

    def _language_changed(self) -> None:
        """The panel answers in another language now: what it wrote on screen is asked for again —
        the menu's product types and the header (the session), and every kept pane, shown or not.
        A pane with something typed in it keeps it, in the old language, until it is saved or
        reloaded by hand (``r``)."""
        self.load_session()
        for pane in self.panes():
            if pane.is_mounted and not pane.has_unsaved():
                pane.reload()

    def _retitle(self) -> None:
        """The panel's menu names product types anew (another language): the header's crumb and
        the per-type lists' titles follow."""
        titles = dict(self._service_types())
        for pane in self.panes():
            kind = pane.item_key.split("/", 1)[1] if pane.item_key.startswith("services/") else ""
            if titles.get(kind):
                pane.retitle(titles[kind])
        node = self.nav.find(self.current_key)
        if node is not None and node.data is not None:
            self._set_crumb(node.data)

    def _set_crumb(self, entry: NavEntry) -> None:
        section = next((s.label for s in SECTIONS if s.key == (entry.item.section if entry.item else "")), "")
        title = entry.service_title or (entry.item.label if entry.item else "")
        self.header.crumb = f"{section} › {title}" if section and section != title else title

    @work(group="dashboard", exclusive=True)
    async def _reload_dashboard(self) -> None:
        from dataclasses import replace

        from billtui.api.calls import account

        try:
            dashboard = await account.dashboard(self.billtui.client)
        except Exception:
            return
        self.billtui.session = replace(self.billtui.session, dashboard=dashboard, loaded_at=time.monotonic())
        self._update_header()

    # ---------------------------------------------------------------- tree

    def _offered(self, item: Any) -> bool:
        from billtui.api.features import offered

        if item.key in self.unavailable:
            return False
        return offered(self.billtui.session.menu, item.feature)

    def on_item_unavailable(self, event: "ItemUnavailable") -> None:
        key = event.key.split("/", 1)[0]
        if key in self.unavailable or key == "services":
            return
        self.unavailable[key] = event.reason
        self.rebuild_tree(select=self.current_key)
        self.notify(_("The panel says: {reason}").format(reason=event.reason), title=_("Not available"),
                    severity="warning")

    def _service_types(self) -> list[tuple[str, str]]:
        panel_menu = self.billtui.session.menu
        if panel_menu is None:
            return []
        return [(t.name, t.title) for t in panel_menu.service_types]

    def rebuild_tree(self, select: str | None = None) -> None:
        edition = self.billtui.edition
        watch = getattr(self, "ticket_watch", None)
        self.nav.build(edition, self._offered, self._service_types(), select_key=select,
                       unread_tickets=watch.unread if watch is not None else 0)

    def _refresh_unavailable(self) -> None:
        """The menu arrived: a pane opened before it may now be (un)available."""
        key = self.current_key
        node = self.nav.find(key)
        if node is None or node.data is None:
            return
        self.current_key = ""
        self.open_entry(node.data)

    def edition_changed(self, edition: Edition) -> None:
        self._update_header()
        if self.billtui.launch.mode == "demo":
            self.load_session()  # the demo panel's menu changed with the edition
        key = self.current_key
        item_key = key.split("/", 1)[0]
        if item_key and not visible(item_key, edition):
            key = "customer"
        # Panes of items this edition hides must not linger behind the scenes.
        for pane in self.panes():
            if pane.item_key and not visible(pane.item_key.split("/", 1)[0], edition):
                pane.remove()
        self.history = [k for k in self.history if visible(k.split("/", 1)[0], edition)]
        self.rebuild_tree(select=key)
        self.open_key(key)

    # ----------------------------------------------------------- switching

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NavEntry]) -> None:
        if event.node is not self.nav.cursor_node:
            return  # stale: the tree was rebuilt and the cursor has moved on since
        entry = event.node.data
        pending = self.nav.pending_select
        if pending is not None and (entry is None or entry.key != pending):
            return  # the tree is being rebuilt; the cursor is on its way back
        if entry is not None and entry.item is not None:
            self._preview_later(entry)

    def _preview_later(self, entry: NavEntry) -> None:
        """Show the item under the tree's cursor once the cursor rests on it. Passing over items
        (a held arrow key, a fast walk down the menu) sends the panel no request for them and
        repaints no pane: over a slow link each would cost a round trip and a screenful."""
        self._cancel_preview()
        if entry.key == self.current_key:
            return
        if PREVIEW_DELAY <= 0:
            self.open_entry(entry)
            return
        self._preview = entry
        self._preview_timer = self.set_timer(PREVIEW_DELAY, self.preview_due, name="tree preview")

    def preview_due(self) -> None:
        """The cursor has rested on an item for ``PREVIEW_DELAY``: show it."""
        entry, self._preview = self._preview, None
        self._preview_timer = None
        if entry is not None:
            self.open_entry(entry)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Leaving the tree (tab) before the cursor has rested: the user is going into the item
        under the cursor, so it opens now and takes the focus (else the focus went into the
        pane about to be hidden, and was lost)."""
        if event.widget is self.nav and self._preview is not None:
            entry = self._preview
            self._cancel_preview()
            self.open_entry(entry)
            self._focus_when_mounted()

    def _cancel_preview(self) -> None:
        if self._preview_timer is not None:
            self._preview_timer.stop()
        self._preview_timer = None
        self._preview = None

    def on_tree_node_selected(self, event: Tree.NodeSelected[NavEntry]) -> None:
        entry = event.node.data
        if entry is not None and entry.item is not None:
            self._cancel_preview()  # Enter opens at once
            self.open_entry(entry)
            self._commit(entry.key)
            self._focus_when_mounted()

    def open_key(self, key: str, *, focus: bool = False) -> None:
        node = self.nav.find(key)
        if node is None:
            if self.billtui.session.menu is None:
                # Service types come with the panel's menu: a jump made before it
                # arrived (a fast typist, the palette at start) is kept until then.
                self._pending_open = (key, focus)
            return
        if self.nav.pending_select is not None:
            self.nav.pending_select = key  # the tree is being rebuilt: put the cursor here, not back
        self.nav.move_cursor(node)
        if node.data is not None:
            self._cancel_preview()  # a jump, the palette, a favourite: opened now, not later
            self.open_entry(node.data)
        if focus:
            self._commit(key)
            self._focus_when_mounted()

    def _commit(self, key: str) -> None:
        if self._committed and self._committed != key:
            self.history.append(self._committed)
            del self.history[:-50]
        self._committed = key

    def open_entry(self, entry: NavEntry) -> None:
        key = entry.key
        if key == self.current_key:
            return
        if not self._committed:
            self._committed = key
        self._warn_if_leaving_unsaved()
        self.current_key = key
        switcher = self.query_one(ContentSwitcher)
        wanted = pane_id(key) + ("" if entry.available else "-na")
        from billtui.widgets.revisit import mark_fresh, refresh_if_stale

        if self._has_child(switcher, wanted):
            switcher.current = wanted
            refresh_if_stale(switcher.get_child_by_id(wanted))  # after it is drawn, never before
        else:
            pane = self._make_pane(entry)
            pane.id = wanted
            pane.item_key = key
            self._mounting = switcher.mount(pane)
            switcher.current = wanted
            mark_fresh(pane)
        self._set_crumb(entry)

    def _warn_if_leaving_unsaved(self) -> None:
        """Leaving an item with changes not sent yet: they are kept (the pane stays), and the user
        is told so, once per leaving — a dialog on every cursor step through the tree would be worse."""
        pane = self.current_pane()
        if pane is None or not pane.has_unsaved():
            return
        title = self.header.crumb.rsplit("›", 1)[-1].strip()
        if title:
            message = _("{title} has unsaved changes. They are kept until you save or undo them there; "
                        "quitting asks first.").format(title=title)
        else:
            message = _("That item has unsaved changes. They are kept until you save or undo them there; "
                        "quitting asks first.")
        self.notify(message, title=_("Not saved yet"), severity="warning", timeout=6)

    @staticmethod
    def _has_child(switcher: ContentSwitcher, child_id: str) -> bool:
        return any(c.id == child_id for c in switcher.children)

    def _make_pane(self, entry: NavEntry) -> Pane:
        from billtui.screens.shell.registry import make_pane, not_available_pane

        if not entry.available:
            return not_available_pane(entry)
        return make_pane(entry, host(self))

    def has_unsaved(self) -> bool:
        """Any kept pane, shown or not, with changes not sent yet (quitting asks first)."""
        return any(pane.has_unsaved() for pane in self.panes())

    def panes(self) -> list[Pane]:
        """The panes kept in the content area, shown or not (each menu item opened so far)."""
        return [child for child in self.query_one(ContentSwitcher).children if isinstance(child, Pane)]

    def current_pane(self) -> Pane | None:
        switcher = self.query_one(ContentSwitcher)
        if switcher.current is None:
            return None
        pane = switcher.get_child_by_id(switcher.current)
        return pane if isinstance(pane, Pane) else None

    def _focus_when_mounted(self) -> None:
        """Focus the content once the pane opened just now has its children: a pane never opened
        before (a cold ``:pay PM-000040``, the palette right after start) is still composing, and
        reaching into it then found no list."""
        if self._mounting is None:
            self.call_after_refresh(self.focus_content)
            return

        async def focus_after_mount() -> None:
            await self.pane_mounted()
            self.call_after_refresh(self.focus_content)

        self.run_worker(later(focus_after_mount), group="focus-content", exclusive=True)

    async def pane_mounted(self) -> Pane | None:
        """The pane shown now, once it has its children. A pane opened just now (cold, from the
        palette, a jump or a favourite) is still composing: this waits for its mount to finish,
        where polling for its children would guess how long that takes."""
        if self._mounting is not None:
            await self._mounting  # a finished mount returns at once
        return self.current_pane()

    def focus_content(self) -> None:
        pane = self.current_pane()
        if pane is None:
            return
        try:
            pane.focus_content()
        except NoMatches:
            # Still composing (a pane whose children arrive with its data): the pane itself takes
            # the focus now, rather than the key that asked for it crashing the app.
            pane.focus(scroll_visible=False)
            if not pane.can_focus:
                focusable = [w for w in pane.query("*") if w.can_focus]
                if focusable:
                    focusable[0].focus()

    def action_back(self) -> None:
        focused = self.focused
        if focused is not None and focused is not self.nav and self.nav not in focused.ancestors_with_self:
            self.nav.focus()
            return
        if self.current_key != self._committed and self.nav.find(self._committed):
            self.open_key(self._committed)  # first back to where the user was
            return
        while self.history:
            key = self.history.pop()
            if self.nav.find(key) is not None:
                self._committed = key
                self.open_key(key)
                return

    def action_star(self) -> None:
        """Star or unstar the focused list's row, else the highlighted menu item (kept per profile)."""
        from billtui.screens.settings.favourites import star_focused

        star_focused(self)

    def action_jump(self) -> None:
        """``:`` — type where to go (``:pay``, ``:ticket 1001``)."""
        from billtui.screens.shell.jump import JumpScreen

        self.app.push_screen(JumpScreen())

    def action_refresh_all(self) -> None:
        from billtui.runtime.offline import reconnect_now

        if reconnect_now(self.billtui):
            return  # offline: F5 tries the panel now instead of re-reading saved data
        self.load_session()
        pane = self.current_pane()
        if pane is not None:
            pane.reload()
