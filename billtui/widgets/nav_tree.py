"""The navigation tree: the customer menu of the current edition.

Built from ``billtui.menu`` only, so it can never show an item the edition
hides. Items the panel does not offer stay, dimmed, and say why when selected.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from rich.style import Style
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from billtui.menu import Edition, MenuItem, sections_for
from billtui.display.safe import clean
from billtui.display import styles
from billtui.i18n import N_, _, ngettext


@dataclass(frozen=True)
class NavEntry:
    """What a tree node stands for: a menu item, optionally a service type."""

    item: MenuItem | None
    service_type: str | None = None
    service_title: str = ""
    available: bool = True
    reason: str = ""
    #: A favourite's key (``billtui.storage.favourites``): the node opens it; ``item`` is None.
    favourite: str = ""

    @property
    def key(self) -> str:
        if self.item is None:
            return ""
        if self.service_type:
            return f"services/{self.service_type}"
        return self.item.key


NOT_OFFERED = N_("This panel does not offer it to your account (the provider has not enabled it).")


def label_of(entry: object) -> str:
    """A section's or an item's title in the current language (``menu``'s ``label``)."""
    label = getattr(entry, "label", None)
    return label if isinstance(label, str) else _(getattr(entry, "title", ""))


class NavTree(Tree[NavEntry]):
    # 32 fits the longest built-in label ("└ Affiliate program commissions") at 100 columns
    # and up; narrower (the -narrow class, 26) and for longer labels from the panel, a label
    # that does not fit ends in "…" rather than being cut mid-word.
    DEFAULT_CSS = styles.load("widgets/NavTree.tcss")

    def __init__(self, **kwargs) -> None:
        # A Text label: Textual reads a str label as markup, which loads Rich's emoji table (~1.5 ms at start).
        super().__init__(Text(_("Menu")), **kwargs)
        self.pending_select: str | None = None
        self._builds = 0
        self.show_root = False
        self.guide_depth = 2
        self._label_room = -1  # the width labels were cut to (the cached lines are for it)

    # --------------------------------------------------------- label widths

    def render_lines(self, crop: Region) -> list[Strip]:
        # The room for labels changes with the width and when the scrollbar comes or goes (which
        # Tree's line cache does not see): lines cut for another room are drawn again.
        room = self.scrollable_content_region.width
        if room != self._label_room:
            self._label_room = room
            self._line_cache.clear()
        return super().render_lines(crop)

    def render_label(self, node: TreeNode[NavEntry], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        depth = 0  # the guides before the label: guide_depth cells per level below the top
        parent = node.parent
        while parent is not None and parent is not self.root:
            depth += 1
            parent = parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if 0 < room < label.cell_len:
            label.truncate(room, overflow="ellipsis")
        return label

    def build(
        self,
        edition: Edition,
        offered: Callable[[MenuItem], bool],
        service_types: Iterable[tuple[str, str]] = (),
        unread_tickets: int = 0,
        select_key: str | None = None,
    ) -> None:
        """(Re)build for ``edition``; ``offered(item)`` says if the panel has it."""
        self.clear()
        target: TreeNode[NavEntry] | None = None
        self._add_favourites(edition)
        for section, items in sections_for(edition):
            # A section holding just its namesake (Customer, Services) is that
            # item: "Customer › Customer" would only add a line to scroll past.
            single = len(items) == 1 and items[0].title == section.title
            section_node = self.root if single else self.root.add(
                Text(label_of(section), style="bold"), NavEntry(None), expand=True
            )
            for item in items:
                ok = offered(item)
                entry = NavEntry(item, available=ok, reason="" if ok else _(NOT_OFFERED))
                label = Text(label_of(item), style=("bold" if single else "") if ok else "dim")
                if not ok:
                    label.append(" " + _("(n/a)"), style="dim italic")
                if item.key == "tickets" and unread_tickets:
                    label.append(" " + ngettext("({n} new)", "({n} new)", unread_tickets).format(n=unread_tickets),
                                 style="bold")
                if item.key == "services" and ok:
                    node = section_node.add(label, entry, expand=True)
                    for name, title in service_types:
                        child = NavEntry(item, name, title)
                        leaf = node.add_leaf(Text(clean(title)), child)
                        if select_key == child.key:
                            target = leaf
                else:
                    node = section_node.add_leaf(label, entry)
                if select_key == entry.key:
                    target = node
        # Node lines exist only after the tree has laid itself out again, so the
        # cursor is put back after the next refresh; until then highlights of
        # other nodes are the rebuild's noise (see MainScreen).
        self.pending_select = select_key if target is not None else None
        self._builds += 1
        self.call_after_refresh(self._restore_cursor, select_key, self._builds)

    def _restore_cursor(self, key: str | None, build: int) -> None:
        if build != self._builds:
            return  # rebuilt again since: only the newest build puts the cursor back
        if self.pending_select is not None:  # an item opened since the rebuild wins
            key = self.pending_select
        node = self.find(key) if key else None
        if node is not None:
            self.move_cursor(node)
        elif self.cursor_line < 0 and self.root.children:
            self.cursor_line = 0
        self.pending_select = None

    def _add_favourites(self, edition: Edition) -> None:
        """The user's favourites, first; only those the edition shows (never an empty group)."""
        from billtui.storage.favourites import store_for

        favourites = store_for(self.app).visible(edition) if hasattr(self.app, "profile") else []
        if not favourites:
            return
        group = self.root.add(Text(_("★ Favourites"), style="bold"), NavEntry(None), expand=True)
        for fav in favourites:
            group.add_leaf(Text(clean(fav.label)), NavEntry(None, service_title=fav.label, favourite=fav.key))

    def on_tree_node_selected(self, event: Tree.NodeSelected[NavEntry]) -> None:
        entry = event.node.data
        if entry is not None and entry.favourite:
            event.stop()
            from billtui.host import OpenFavourite
            from billtui.storage.favourites import store_for

            found = next((f for f in store_for(self.app).load() if f.key == entry.favourite), None)
            if found is not None:
                self.post_message(OpenFavourite(found))  # the app opens it (widgets do not open screens)

    def find(self, key: str) -> TreeNode[NavEntry] | None:
        stack = list(self.root.children)
        while stack:
            node = stack.pop(0)
            if node.data and node.data.key == key:
                return node
            stack[0:0] = list(node.children)
        return None

    def entries(self) -> list[NavEntry]:
        """Every item entry in the tree (sections excluded), in order."""
        out: list[NavEntry] = []
        stack = list(self.root.children)
        while stack:
            node = stack.pop(0)
            if node.data and node.data.item is not None:
                out.append(node.data)
            stack[0:0] = list(node.children)
        return out
