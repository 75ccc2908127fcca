"""The command palette (ctrl+p): jump to any item of the current edition,
switch edition, log out, switch profile.

Candidates are rebuilt on every search from ``billtui.menu`` and the current
edition, so an item the edition hides never appears here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from billtui.menu import SECTIONS, Edition, items_for
from billtui.display.safe import clean
from billtui.host import HostApp, host



# Titles and help lines quote the panel (service types, ticket subjects, statuses,
# favourite titles). Textual parses a ``str`` prompt or help as markup, so both
# are handed over as ``Content``, which it shows as it is.


class MenuCommands(Provider):
    @property
    def billtui(self) -> HostApp:
        return host(self.screen)

    def _candidates(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        app = self.billtui
        edition = app.edition
        section_titles = {s.key: s.title for s in SECTIONS}
        from billtui.screens.shell.main import MainScreen

        on_main = any(isinstance(s, MainScreen) for s in app.screen_stack)
        if on_main:
            from billtui.screens.settings.favourites import visible_favourites
            from billtui.screens.shell.favourite_open import open_favourite

            for fav in visible_favourites(app):
                yield (f"Favourite: {clean(fav.title)}", partial(open_favourite, app, fav), "★ Favourites")
            for item in items_for(edition):
                yield (f"Go to {item.title}", partial(app.goto, item.key),
                       f"{section_titles[item.section]} · {item.description}")
            menu = app.session.menu
            if menu is not None:
                for stype in menu.service_types:
                    yield (f"Go to Services › {clean(stype.title)}",
                           partial(app.goto, f"services/{stype.name}"), "Services")
            for other in Edition:
                if other is not edition:
                    yield (f"Switch edition to {other.title}", partial(app.switch_edition, other),
                           f"Now: {edition.title}. The menu changes at once.")
            yield ("Log out", app.logout, "End the session on the panel")
        if on_main:
            from billtui.screens.shell.accounts import open_accounts

            yield ("All accounts", partial(open_accounts, app),
                   "Every saved profile: balance, what expires soon, tickets awaiting your reply")
        current = app.profile.name if app.profile else ""
        for name in app.config.profiles:
            if name != current:
                yield (f"Switch profile to {clean(name)}", partial(app.switch_profile, name),
                       "Log in to another panel or account")
        # Textual's own Quit is left out (app.get_system_commands): it would skip the unsaved check.
        yield ("Quit", app.action_quit_app, "Leave billtui (asks first when something is not saved)")

    async def discover(self) -> Hits:
        for title, run, help_text in self._candidates():
            yield DiscoveryHit(Content(title), run, text=title, help=Content(help_text))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        exact = " ".join(query.lower().split())
        for title, run, help_text in self._candidates():
            score = matcher.match(title)
            if score > 0 and exact in (title.lower(), title.lower().removeprefix("go to ")):
                # Typing a title in full means that item: "Affiliate program" must not lose to
                # "Affiliate program commissions", which the fuzzy score can rank first.
                score += 10.0
            if score > 0:
                yield Hit(score, plain_highlight(matcher, title), run, text=title,
                          help=Content(help_text))  # type: ignore[arg-type]


def plain_highlight(matcher: Any, text: str) -> Content:
    """Like ``matcher.highlight`` but for server text: never parsed as markup."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if text[offset] != " ":
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ObjectCommands(Provider):
    """Objects in the palette: a ticket by number or subject, an invoice or payment by number,
    a service by name or IP. Enter opens it as Enter on its row would.

    The candidates are the first page of each list, fetched once when the palette opens.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._refs: list[Any] = []

    async def startup(self) -> None:
        from billtui.screens.shell.objects import candidates
        from billtui.screens.shell.main import MainScreen

        app = self.app
        client = getattr(app, "client", None)
        if client is None or not any(isinstance(s, MainScreen) for s in app.screen_stack):
            return
        try:
            self._refs = await candidates(client, host(self.screen).session.menu)
        except Exception:  # the palette must open even when the panel is away
            self._refs = []

    async def search(self, query: str) -> Hits:
        from billtui.screens.shell.objects import open_object

        matcher = self.matcher(query)
        for ref in self._refs:
            score = matcher.match(ref.title)
            if score > 0:
                yield Hit(score * 0.9, plain_highlight(matcher, ref.title),
                          partial(open_object, host(self.screen), ref), text=ref.title,
                          help=Content(ref.help))  # type: ignore[arg-type]
