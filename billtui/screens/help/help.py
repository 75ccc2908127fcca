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
from billtui.i18n import N_, _



class LinksPane(Pane, VerticalScroll):
    DEFAULT_CSS = styles.load("screens/help/LinksPane.tcss")
    BINDINGS = [
        Binding("o", "open", N_("Open"), id="links.open"),
        Binding("c", "copy", N_("Copy link"), id="links.copy"),
    ]

    def __init__(self, title: str, links: tuple[tuple[str, str], ...], intro: str) -> None:
        super().__init__()
        self.title = title
        self.links = tuple((t, u) for t, u in links if u) or ((N_("BILLmanager documentation"), DEFAULT_HELP_URL),)
        self.intro = intro

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title), classes="pane-title")
        yield Static(Text(_(self.intro)), classes="muted")
        # A link's title is billtui's English (DEFAULT_TUTORIALS, marked with N_) or the provider's own
        # (a profile's ``tutorials``), which _() leaves as it is.
        yield OptionList(*[Option(Text(clean(_(t)) or clean(u)), id=str(i)) for i, (t, u) in enumerate(self.links)])
        yield Static(Text(_("Link: {url}").format(url=clean(self.links[0][1]))), id="links-url")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0

    def focus_content(self) -> None:
        self.query_one(OptionList).focus()

    def current_url(self) -> str:
        index = self.query_one(OptionList).highlighted or 0
        return self.links[index][1]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = int(event.option.id or 0)
        self.query_one("#links-url", Static).update(Text(_("Link: {url}").format(url=clean(self.links[index][1]))))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from billtui.runtime.links import open_link

        open_link(self.app, self.current_url())

    def action_copy(self) -> None:
        from billtui.runtime.links import copy_link

        copy_link(self.app, self.current_url())


#: Shown with ``_()`` by ``LinksPane``.
INTRO = N_("Enter or o opens the link in a browser; where there is no display it is shown and copied. c copies it.")


def help_pane(app: HostApp) -> LinksPane:
    url = app.profile.help_url if app.profile else DEFAULT_HELP_URL
    return LinksPane(_("Help"), ((N_("BILLmanager documentation"), url or DEFAULT_HELP_URL),), INTRO)


def tutorials_pane(app: HostApp) -> LinksPane:
    links = (app.profile.tutorials if app.profile else ()) or DEFAULT_TUTORIALS
    return LinksPane(_("Tutorials"), links, INTRO)
