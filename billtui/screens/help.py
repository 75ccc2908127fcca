"""Help and Tutorials: links kept by billtui (a profile may override them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..config import DEFAULT_HELP_URL, DEFAULT_TUTORIALS
from ..safe import clean

if TYPE_CHECKING:
    from ..app import BillTUI


class LinksPane(VerticalScroll):
    DEFAULT_CSS = """
    LinksPane { height: 1fr; padding: 0 1; }
    LinksPane OptionList { height: auto; max-height: 1fr; }
    LinksPane #links-url { color: $text-muted; height: auto; margin-top: 1; }
    """

    def __init__(self, title: str, links: tuple[tuple[str, str], ...], intro: str) -> None:
        super().__init__()
        self.title = title
        self.links = links
        self.intro = intro

    def compose(self) -> ComposeResult:
        yield Static(Text(self.title), classes="pane-title")
        yield Static(Text(self.intro), classes="muted")
        yield OptionList(*[Option(Text(clean(t)), id=str(i)) for i, (t, _) in enumerate(self.links)])
        yield Static("", id="links-url")

    def focus_first(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        index = int(event.option.id or 0)
        self.query_one("#links-url", Static).update(Text(clean(self.links[index][1])))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from ..links import open_link

        index = int(event.option.id or 0)
        open_link(self.app, self.links[index][1])


def help_pane(app: "BillTUI") -> LinksPane:
    url = app.profile.help_url if app.profile else DEFAULT_HELP_URL
    return LinksPane("Help", (("BILLmanager documentation", url),),
                     "Enter opens the link in a browser, or copies it when there is no display.")


def tutorials_pane(app: "BillTUI") -> LinksPane:
    links = app.profile.tutorials if app.profile else DEFAULT_TUTORIALS
    return LinksPane("Tutorials", links, "Video tutorials on the customer area. Enter opens or copies.")
