"""Favourites: starred menu items and objects (a service, a ticket, an invoice),
in your order.

``f`` stars what the user is looking at: the highlighted row of a list when a
list has the focus, else the highlighted menu item (on a favourite in the tree
it unstars it). Favourites show as a group at the top of the tree, here and in
the command palette, only when the current edition shows their item.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from billtui.storage.favourites import Favourite, FavouritesStore, object_key, store_for
from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.widgets.resource_table import ResourceTable
from billtui.host import HostApp, OpenFavourite, host
from billtui.display import styles
from billtui.widgets.pane import Pane

if TYPE_CHECKING:
    from billtui.screens.shell.main import MainScreen

#: Row attributes that name an object, best first.
_NAME_ATTRS = ("number", "subject", "name", "domain")


def visible_favourites(app: Any) -> list[Favourite]:
    return store_for(app).visible(app.edition)


def object_title(list_title: str, row: Any) -> str:
    name = next((str(getattr(row, a)) for a in _NAME_ATTRS if getattr(row, a, "")), "")
    if getattr(row, "subject", "") and getattr(row, "id", ""):
        name = f"#{row.id} {row.subject}"  # tickets are known by number and subject
    return f"{list_title} › {clean(name or str(getattr(row, 'id', '')))}"


def _focused_list(screen: "MainScreen") -> Any | None:
    from billtui.widgets.list_pane import ListPane

    focused = screen.focused
    if focused is None:
        return None
    for node in focused.ancestors_with_self:
        if isinstance(node, ListPane):
            return node
    return None


def star_focused(screen: "MainScreen") -> None:
    """``f``: star or unstar the row of the focused list, else the highlighted tree entry."""
    app = screen.billtui
    store = store_for(app)
    pane = _focused_list(screen)
    if pane is not None:
        row = pane.table.current_row
        object_id = str(getattr(row, "id", "") or "") if row is not None else ""
        if not object_id:
            screen.notify(_("Highlight a row to star it."), severity="warning")
            return
        key = object_key(pane.spec.key, object_id)
        title = object_title(pane.spec.title, row)
        starred = store.toggle(key, title, object_id)
    else:
        node = screen.nav.cursor_node
        entry = node.data if node is not None else None
        if entry is not None and entry.favourite:
            key, title = entry.favourite, entry.service_title
            store.remove(key)
            starred = False
        elif entry is None or entry.item is None or entry.item.key == "favourites":
            return
        else:
            title = entry.service_title or entry.item.label
            if entry.service_type:
                title = _("Services › {title}").format(title=title)
            starred = store.toggle(entry.key, title)
    screen.notify((_("Starred {title}.") if starred else _("Unstarred {title}.")).format(title=clean(title)))
    favourites_changed(screen)


def favourites_changed(screen: Any) -> None:
    """Show the change at once in the tree and the Favourites pane."""
    rebuild = getattr(screen, "rebuild_tree", None)
    if rebuild is not None:
        focused = screen.focused
        rebuild(select=screen.current_key)
        if focused is not None and focused.is_attached:
            focused.focus()  # rebuilding the tree must not steal the focus
    for pane in screen.query(FavouritesPane):
        pane.refresh_list()


class FavouritesPane(Pane, Vertical):
    DEFAULT_CSS = styles.load("screens/settings/FavouritesPane.tcss")
    BINDINGS = [
        Binding("d,delete", "remove", N_("Remove"), id="favourites.remove"),
        Binding("K,shift+up", "move(-1)", N_("Move up"), id="favourites.move-up"),
        Binding("J,shift+down", "move(1)", N_("Move down"), id="favourites.move-down"),
    ]

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        yield Static(Text(_("Favourites")), classes="pane-title")
        yield Static(Text(_("Press f on a menu item, or on a row of a list (a service, a ticket, an invoice), "
                            "to star it. Enter opens a favourite; d removes it; K/J move it.")), classes="muted")
        yield OptionList(id="favourites")

    def store(self) -> FavouritesStore:
        return store_for(self.billtui)

    def on_mount(self) -> None:
        self.refresh_list()
        self.watch(self.app, "edition", lambda _e: self.refresh_list(), init=False)

    def on_show(self) -> None:
        self.refresh_list()

    def refresh_list(self, keep: str | None = None) -> None:
        favourites = self.store().visible(self.billtui.edition)
        options = self.query_one(OptionList)
        if keep is None and options.highlighted is not None and options.option_count:
            keep = options.get_option_at_index(options.highlighted).id
        options.clear_options()
        if not favourites:
            options.add_option(Option(Text(_("No favourites yet."), style="dim"), id="", disabled=True))
            return
        options.add_options([Option(Text("★ " + clean(f.label)), id=f.key) for f in favourites])
        index = next((i for i, f in enumerate(favourites) if f.key == keep), 0)
        options.highlighted = index

    def focus_content(self) -> None:
        self.query_one(OptionList).focus()

    def _selected_key(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id or None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        favourite = next((f for f in self.store().load() if f.key == event.option.id), None)
        if favourite is not None:
            self.post_message(OpenFavourite(favourite))  # the app opens it, as the menu would

    def action_remove(self) -> None:
        key = self._selected_key()
        if key:
            title = next((f.label for f in self.store().load() if f.key == key), key)
            self.store().remove(key)
            self.notify(_("Removed {title} from favourites.").format(title=clean(title)))
            favourites_changed(self.screen)

    def action_move(self, delta: int) -> None:
        key = self._selected_key()
        if key:
            self.store().move(key, delta)
            self.refresh_list(keep=key)
            favourites_changed(self.screen)
