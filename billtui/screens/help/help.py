"""Help and Tutorials: links kept by billtui (a provider may set them per profile:
``help_url`` and ``tutorials`` in the profile's TOML)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from billtui.storage.config import DEFAULT_HELP_URL, DEFAULT_TUTORIALS
from billtui.display.safe import clean
from billtui.host import HostApp, host
from billtui.display import styles
from billtui.widgets.pane import Pane



class LinksPane(Pane, VerticalScroll):
    DEFAULT_CSS = styles.load("screens/help/LinksPane.tcss")
    BINDINGS = [
        Binding("o", "open", "Open", id="links.open"),
        Binding("c", "copy", "Copy link", id="links.copy"),
    ]

    def __init__(self, title: str, links: tuple[tuple[str, str], ...], intro: str) -> None:
        super().__init__()
        self.title = title
        self.links = tuple((t, u) for t, u in links if u) or (("BILLmanager documentation", DEFAULT_HELP_URL),)
        self.intro = intro

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title), classes="pane-title")
        yield Static(Text(self.intro), classes="muted")
        yield OptionList(*[Option(Text(clean(t) or clean(u)), id=str(i)) for i, (t, u) in enumerate(self.links)])
        yield Static(Text(f"Link: {clean(self.links[0][1])}"), id="links-url")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_content(self) -> None:
        self.query_one(OptionList).focus()

    def current_url(self) -> str:
        index = self.query_one(OptionList).highlighted or 0
        return self.links[index][1]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = int(event.option.id or 0)
        self.query_one("#links-url", Static).update(Text(f"Link: {clean(self.links[index][1])}"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from billtui.runtime.links import open_link

        open_link(self.app, self.current_url())

    def action_copy(self) -> None:
        from billtui.runtime.links import copy_link

        copy_link(self.app, self.current_url())


INTRO = "Enter or o opens the link in a browser; where there is no display it is shown and copied. c copies it."


def help_pane(app: HostApp) -> LinksPane:
    url = app.profile.help_url if app.profile else DEFAULT_HELP_URL
    return LinksPane("Help", (("BILLmanager documentation", url or DEFAULT_HELP_URL),), INTRO)


def tutorials_pane(app: HostApp) -> LinksPane:
    links = (app.profile.tutorials if app.profile else ()) or DEFAULT_TUTORIALS
    return LinksPane("Tutorials", links, INTRO)
