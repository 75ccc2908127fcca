"""The command palette (ctrl+p): jump to any item of the current edition,
switch edition, log out, switch profile.

Candidates are rebuilt on every search from ``billtui.menu`` and the current
edition, so an item the edition hides never appears here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterator

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from billtui.menu import SECTIONS, Edition, item, items_for
from billtui.display.safe import clean
from billtui.host import HostApp, host
from billtui.i18n import N_, _


# Titles and help lines quote the panel (service types, ticket subjects, statuses,
# favourite titles). Textual parses a ``str`` prompt or help as markup, so both
# are handed over as ``Content``, which it shows as it is.

#: The commands' words, in English: shown with ``_()``, and matched in English too (a user of a
#: Russian billtui who types "invoices" still finds them).
FAVOURITE = N_("Favourite: {title}")
GO_TO = N_("Go to {title}")
SWITCH_EDITION = N_("Switch edition to {edition}")
SWITCH_PROFILE = N_("Switch profile to {name}")
LOG_OUT = N_("Log out")
ALL_ACCOUNTS = N_("All accounts")
QUIT = N_("Quit")


@dataclass(frozen=True)
class Candidate:
    """One command: what it is called (in the current language), what it does, and the names
    typed in full that mean exactly it (lowercase), in the current language and in English."""

    title: str
    run: Callable[[], None]
    help: str
    #: The title in English, when it differs: matched as well.
    english: str = ""
    names: frozenset[str] = frozenset()


def _command(template: str, run: Callable[[], None], help_text: str, *, also: tuple[str, ...] = (),
             english: dict[str, str] | None = None, **values: str) -> Candidate:
    """``template`` (marked with ``N_``) in the current language and in English; ``english``: the
    values for the English title where they differ (a menu item's English name)."""
    title = _(template).format(**values)
    in_english = template.format(**(english or values))
    names = frozenset(n.lower() for n in (title, in_english, *also) if n)
    return Candidate(title, run, help_text, in_english if in_english != title else "", names)


class MenuCommands(Provider):
    @property
    def billtui(self) -> HostApp:
        return host(self.screen)

    def _candidates(self) -> Iterator[Candidate]:
        app = self.billtui
        edition = app.edition
        section_labels = {s.key: s.label for s in SECTIONS}
        from billtui.screens.shell.main import MainScreen

        on_main = any(isinstance(s, MainScreen) for s in app.screen_stack)
        if on_main:
            from billtui.screens.settings.favourites import visible_favourites
            from billtui.screens.shell.favourite_open import open_favourite

            for fav in visible_favourites(app):
                yield _command(FAVOURITE, partial(open_favourite, app, fav), _("★ Favourites"),
                               title=clean(fav.label))
            for entry in items_for(edition):
                # "Go to Invoices" is also meant by its name alone, in either language.
                yield _command(GO_TO, partial(app.goto, entry.key),
                               f"{section_labels[entry.section]} · {entry.blurb}",
                               also=(entry.label, entry.title), english={"title": entry.title},
                               title=entry.label)
            menu = app.session.menu
            if menu is not None:
                services = item("services")
                for stype in menu.service_types:
                    where = f"{services.label} › {clean(stype.title)}"
                    where_en = f"{services.title} › {clean(stype.title)}"
                    yield _command(GO_TO, partial(app.goto, f"services/{stype.name}"), services.label,
                                   also=(where, where_en), english={"title": where_en}, title=where)
            for other in Edition:
                if other is not edition:
                    yield _command(SWITCH_EDITION, partial(app.switch_edition, other),
                                   _("Now: {edition}. The menu changes at once.").format(edition=edition.title),
                                   edition=other.title)
            yield _command(LOG_OUT, app.logout, _("End the session on the panel"))
        if on_main:
            from billtui.screens.shell.accounts import open_accounts

            yield _command(ALL_ACCOUNTS, partial(open_accounts, app),
                           _("Every saved profile: balance, what expires soon, tickets awaiting your reply"))
        current = app.profile.name if app.profile else ""
        for name in app.config.profiles:
            if name != current:
                yield _command(SWITCH_PROFILE, partial(app.switch_profile, name),
                               _("Log in to another panel or account"), name=clean(name))
        # Textual's own Quit is left out (app.get_system_commands): it would skip the unsaved check.
        yield _command(QUIT, app.action_quit_app, _("Leave billtui (asks first when something is not saved)"))

    async def discover(self) -> Hits:
        for c in self._candidates():
            yield DiscoveryHit(Content(c.title), c.run, text=c.title, help=Content(c.help))  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        exact = " ".join(query.lower().split())
        for c in self._candidates():
            score = matcher.match(c.title)
            if c.english:
                score = max(score, matcher.match(c.english))
            if score > 0 and exact in c.names:
                # Typing a title in full means that item: "Affiliate program" must not lose to
                # "Affiliate program commissions", which the fuzzy score can rank first.
                score += 10.0
            if score > 0:
                yield Hit(score, plain_highlight(matcher, c.title), c.run, text=c.title,
                          help=Content(c.help))  # type: ignore[arg-type]


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
