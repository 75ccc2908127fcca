"""Favourites: your starred menu items, in your order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..favourites import FavouritesStore
from ..safe import clean

if TYPE_CHECKING:
    from ..app import BillTUI


class FavouritesPane(Vertical):
    DEFAULT_CSS = """
    FavouritesPane { height: 1fr; padding: 0 1; }
    FavouritesPane OptionList { height: 1fr; }
    """
    BINDINGS = [
        Binding("d,delete", "remove", "Remove"),
        Binding("K,shift+up", "move(-1)", "Move up"),
        Binding("J,shift+down", "move(1)", "Move down"),
    ]

    @property
    def billtui(self) -> "BillTUI":
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(Text("Favourites"), classes="pane-title")
        yield Static(Text("Press f on any menu item to star it. Enter opens a favourite."), classes="muted")
        yield OptionList(id="favourites")

    def store(self) -> FavouritesStore:
        app = self.billtui
        return FavouritesStore(app.profile.name if app.profile else "default")

    def on_mount(self) -> None:
        self.refresh_list()

    def on_show(self) -> None:
        self.refresh_list()

    def refresh_list(self, keep: str | None = None) -> None:
        favourites = self.store().visible(self.billtui.edition)
        options = self.query_one(OptionList)
        options.clear_options()
        if not favourites:
            options.add_option(Option(Text("No favourites yet.", style="dim"), id="", disabled=True))
            return
        options.add_options([Option(Text(clean(f.title)), id=f.key) for f in favourites])
        if keep:
            index = next((i for i, f in enumerate(favourites) if f.key == keep), 0)
            options.highlighted = index

    def focus_first(self) -> None:
        self.query_one(OptionList).focus()

    def _selected_key(self) -> str | None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id or None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.billtui.goto(event.option.id)

    def action_remove(self) -> None:
        key = self._selected_key()
        if key:
            self.store().remove(key)
            self.refresh_list()
            self.screen.query_one("#nav").refresh()  # the star marks go with it

    def action_move(self, delta: int) -> None:
        key = self._selected_key()
        if key:
            self.store().move(key, delta)
            self.refresh_list(keep=key)
