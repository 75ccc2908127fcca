"""The Textual application: start-up, login, the edition, app-wide keys.

The app owns the one API client; screens ask it for data through
``billtui.api`` and never build requests themselves.
"""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from textual import work
from textual.await_complete import AwaitComplete
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive, var
from textual.screen import Screen

from billtui import compat
from billtui.storage import config as config_mod
from billtui.display import format as fmt
from billtui.display import styles
from billtui.runtime import offline
from billtui.screens.shell.commands import MenuCommands, ObjectCommands
from billtui.host import DataChanged, OpenFavourite, host
from billtui import i18n
from billtui.i18n import N_, _
from billtui.launch import Launch
from billtui.menu import Edition
from billtui.session import SessionInfo
from billtui.storage import languages
from billtui.workers import later

if TYPE_CHECKING:
    from textual.filter import LineFilter

    from billtui.api.secret import Secret


#: The title a toast gets in plain mode, where its colour no longer tells an error from a note.
PLAIN_SEVERITY_TITLES = {"error": N_("Error"), "warning": N_("Warning")}

#: Textual's own words a user meets, for the catalog: its palette commands
#: (``App.get_system_commands``), the footer keys of its widgets (a Select's open list, a Link, the
#: palette), Textual 8.2.8. Textual writes them in English only; billtui shows them through
#: ``_()`` (the palette here, the footer in ``widgets.footer``).
TEXTUAL_TEXTS = (
    N_("Dismiss menu"), N_("Open link"), N_("Exit the command palette"),
    N_("Theme"), N_("Change the current theme"),
    N_("Keys"), N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"), N_("Minimize the widget and restore to normal size"),
    N_("Maximize"), N_("Maximize the focused widget"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
    N_("Bell"), N_("Ring the bell"),
)

#: Seconds the connecting screen stays up while the main screen's first answers come in.
FIRST_FRAME_WAIT = 0.5


class BillTUI(App[None]):
    TITLE = "billtui"
    CSS_PATH = [styles.path("app.tcss"), styles.path("plain.tcss")]
    COMMANDS = App.COMMANDS | {MenuCommands, ObjectCommands}
    COMMAND_PALETTE_BINDING = "ctrl+p"

    BINDINGS = [
        Binding("question_mark", "keys", N_("Keys"), key_display="?", id="app.keys"),
        Binding("q", "quit_app", N_("Quit"), id="app.quit-app"),
        Binding("ctrl+c", "quit_app", N_("Quit"), show=False, priority=True, id="app.quit-app-ctrl-c"),
    ]

    edition: reactive[Edition] = reactive(Edition.STANDARD, init=False)
    #: Set while billtui shows saved data because the panel cannot be reached
    #: (``runtime.offline.OfflineState``); the header and the main screen watch it.
    offline: var[Any] = var(None, init=False)

    def __init__(
        self,
        launch: Launch,
        *,
        config: config_mod.Config | None = None,
        transport: Any = None,
        demo_sim: Any = None,
    ) -> None:
        super().__init__()
        # The user's own stylesheet, read last so its rules win over billtui's (README, "Keys").
        user_css = config_mod.user_stylesheet()
        if user_css is not None:
            self.css_path.append(user_css)
        # Line filters billtui adds to Textual's own (``get_line_filters``).
        self._own_filters: list[LineFilter] = []
        if launch.plain:
            # --plain: no colour (not even NO_COLOR's greys), no box drawing: see plain.py.
            # Set here, without changing the process environment (child processes, tests).
            from billtui.display.plain import install

            self._own_filters = install(self)
        else:
            # 16-colour terminals: text moved off a background it would vanish into
            # (low_colour.py). Plain mode has no colours to move.
            from billtui.display.low_colour import filters_for

            self._own_filters = filters_for(self.console.color_system, lambda: self.current_theme.dark)
        # Seams for tests and for the in-process demo: an httpx transport to use
        # instead of the network, and an already-built demo panel.
        self._transport = transport
        self._demo_sim = demo_sim
        self.launch = launch
        self.config = config if config is not None else config_mod.Config()
        self.profile = launch.profile
        self.client: Any = None
        self.session = SessionInfo()
        #: The language the panel is asked to answer in, and why (``storage.languages``); set
        #: for each new client (``make_client``), moved by the panel's User settings.
        self.language = self._resolve_language()
        #: The language billtui's own texts were in when the main screen was made (``show_main``).
        self._main_language = i18n.language()
        self.set_reactive(BillTUI.edition, launch.start_edition)
        self._saved_theme = self.config.theme
        self._first_frame_held = False
        self._gc_resume_set = False
        self.set_class(launch.plain, "-plain")

    def get_line_filters(self) -> Sequence[LineFilter]:
        textuals = super().get_line_filters()
        if self.launch.plain:
            from billtui.display.plain import without_colour_filters

            textuals = without_colour_filters(textuals)
        return [*textuals, *self._own_filters]

    # ------------------------------------------------------------ start-up

    def on_mount(self) -> None:
        if self._saved_theme and self._saved_theme in self.available_themes:
            self.theme = self._saved_theme
        if self.config.keymap:
            # [keymap] in the config: binding id -> keys; `?` shows every key's id.
            self.set_keymap(self.config.keymap)
        from billtui.screens.shell.start import StartScreen

        self.push_screen(StartScreen())
        # Start-up that ends on the login or profile form (no first frame to wait for).
        self.set_timer(FIRST_FRAME_WAIT + 1.0, self._started)
        from billtui.runtime.hangup import watch

        watch(self)  # exit when the terminal goes away, instead of spinning on it
        self.begin()
        bench = os.environ.get("BILLTUI_BENCH_EXIT_AFTER_FIRST_FRAME")
        if bench:  # `make bench` only: exit after the first frame with data
            from billtui.runtime.bench_hook import install

            install(self, bench)

    def begin(self) -> None:
        """Decide the first step for how we were launched."""
        if self.launch.mode == "setup" or self.profile is None:
            from billtui.screens.shell.profile_form import ProfileFormScreen

            self.switch_screen(ProfileFormScreen(first_run=True))
            return
        if self.launch.mode == "demo":
            self.login(None)
            return
        from billtui.storage import credentials

        try:
            found = credentials.find_password(
                self.profile.name, self.profile.username, self.profile.password_command
            )
        except credentials.CredentialError as exc:
            self.show_login(str(exc))
            return
        if found is None:
            self.show_login(None)
        else:
            self.login(found.password)

    def replace_base_screen(self, screen: Screen[Any]) -> None:
        """Put ``screen`` in place of the start/login screen. ``switch_screen`` replaces whatever is
        on top: a palette or ``:`` bar a fast typist opened while billtui was still connecting would
        be the one replaced, leaving the start screen under the main one and the dialog's own
        dismiss popping the last screen (a crash). Such dialogs are closed first."""
        from textual.screen import ModalScreen

        while len(self.screen_stack) > 1 and isinstance(self.screen, ModalScreen):
            self.pop_screen()
        self.switch_screen(screen)

    def pop_screen(self) -> AwaitComplete:
        """Pop the top screen, but never the base one (main, login, setup) down to Textual's empty
        default screen: billtui changes its base only with ``replace_base_screen``. A dialog whose
        late message dismisses it after escape already closed it (the ``:`` bar: Enter and Escape
        typed fast) would otherwise pop the main screen, and the next pop crash the app."""
        if len(self.screen_stack) <= 2:
            self.log.warning(f"not popping the base screen {self.screen!r}")
            return AwaitComplete(asyncio.sleep(0))
        return super().pop_screen()

    def show_login(self, error: str | None, *, field: str | None = None) -> None:
        from billtui.screens.shell.login import LoginScreen

        if isinstance(self.screen, LoginScreen):
            self.screen.show_error(error, field=field)
            return
        self.replace_base_screen(LoginScreen(self.profile, error=error, field=field))

    def make_client(self, password: Secret | None) -> Any:
        self.language = self._resolve_language()
        if self.launch.mode == "demo":
            from billtui.runtime.demo import demo_client, demo_sim

            if self._demo_sim is None:
                self._demo_sim = demo_sim(self.edition, self.launch.demo_size)
            # Expiry highlights count from the demo panel's day, set once here.
            fmt.pin_today(self.today())
            return demo_client(
                self.launch.start_edition, self.launch.demo_size, sim=self._demo_sim, totp=self.ask_totp,
                lang=self.language.code,
            )
        from billtui.api.client import BillClient

        fmt.pin_today(None)  # a real panel: the clock
        assert self.profile is not None
        return BillClient(
            self.profile.url,
            self.profile.username,
            password,
            verify=self.profile.verify,
            lang=self.language.code,
            totp=self.ask_totp,
            transport=self._transport,
        )

    # ------------------------------------------------------------ language

    @property
    def language(self) -> languages.Language:
        return self._language

    @language.setter
    def language(self, value: languages.Language) -> None:
        """The panel's language is billtui's too, when billtui has a catalog for it (``i18n``)."""
        self._language = value
        i18n.set_language(value.code)

    def _resolve_language(self) -> languages.Language:
        """``--lang``, the profile's ``language``, what its panel said last time (saved profiles
        only: the demo panel starts afresh each run), the locale, English."""
        return languages.resolve(self.launch.lang, self.profile, remembered=self.launch.mode == "profile")

    def _learns_language(self) -> bool:
        """Whether the panel's own setting may move the language: not over ``--lang`` or the config,
        and not in the demo, whose panel is nobody's choice (its user is English each run)."""
        return self.launch.mode in ("profile", "oneoff") and not self.language.fixed

    async def _learn_language(self, client: Any) -> None:
        """After a login: the language the user chose in the panel's User settings. Read beside
        the main screen's first requests, not before them; when it is the one billtui already
        speaks (it was remembered), nothing happens."""
        from billtui.api.calls import settings
        from billtui.api.errors import BillError

        try:
            form = await settings.usrparam_view(client)
        except BillError:
            return  # no User settings on this panel, or a hiccup: the language stays as it is
        if client is self.client:
            self.panel_language_chosen(form.get("lang") or "")

    def panel_language_chosen(self, value: str) -> languages.Language:
        """The panel's User settings name ``value`` (after a login, or a save there): billtui asks
        the panel in it from now on, unless ``--lang`` or the profile's ``language`` say otherwise,
        and remembers it for the profile. The panes on screen reload in it (``DataChanged``
        "language"). Returns the language billtui speaks now."""
        from billtui.api.language import panel_key

        code = panel_key(value)
        if code is None:
            return self.language
        if self.launch.mode == "profile" and self.profile is not None:
            languages.remember(self.profile.name, code)  # a read-only state dir: this run only
        if self.language.fixed:
            return self.language
        changed = code != self.language.code
        self.language = languages.Language(code, languages.PANEL)
        if not changed:
            return self.language
        if self.client is not None:
            self.client.lang = code
        self._keep_words_over_unsaved_input()
        self.post_message(DataChanged(frozenset({"language"})))
        return self.language

    def _keep_words_over_unsaved_input(self) -> None:
        """billtui's own words would change language, but a pane holds unsaved input that a new
        main screen would lose (``_redraw_in_language``): billtui keeps speaking the screen's
        language, from now on (so what the saving form says next, and what opens next, match
        it), until the next start; the note says so. The panel's texts follow at once."""
        from billtui.screens.shell.main import MainScreen

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or not main.is_mounted or i18n.language() == self._main_language:
            return  # (a main screen still being made, right after a login, holds nothing typed)
        if not main.has_unsaved():
            return
        i18n.set_language(self._main_language)
        self.notify(_("Some panes hold unsaved input, so billtui's own texts change language at "
                      "the next start. The panel's texts change now."), timeout=8)

    def login(self, password: Secret | str | None, remember: bool = False) -> Any:
        """Log in, then show the main screen; failures go to the login form.

        The worker gets the password as a ``Secret``: a worker's arguments are printed in
        its description and, as locals, in a crash report (``secret.py`` says why).
        """
        from billtui.api.secret import as_secret

        return self._login(as_secret(password), remember)

    @work(exclusive=True, group="login")
    async def _login(self, password: Secret | None, remember: bool) -> None:
        from billtui.api import errors

        if self.client is not None:
            await self._close_client()
        try:
            client = self.make_client(password)
        except errors.BillError as exc:  # e.g. an unreadable ca_bundle
            self.show_login(f"{exc.message} {exc.hint or ''}".strip())
            return
        try:
            await client.login()
        except errors.LoginRefused as exc:
            await client.aclose()
            self.show_login(exc.message, field="password")
            return
        except errors.FieldError as exc:  # a wrong two-factor code
            await client.aclose()
            self.show_login(exc.message, field="password")
            return
        except errors.BillError as exc:
            await client.aclose()
            if offline.start_offline(self, exc, password):
                return  # the panel is unreachable: saved data, read-only, reconnecting
            hint = f" {exc.hint}" if exc.hint else ""
            self.show_login(f"{exc.message}{hint}")
            return
        offline.went_live(self, client)
        self.client = client
        if remember and password and self.profile is not None and self.launch.mode != "demo":
            from billtui.storage import credentials

            if not credentials.store_password(self.profile.name, self.profile.username, password):
                self.notify(_(credentials.NO_KEYRING_HINT), title=_("Password not remembered"), timeout=12)
        self.hold_first_frame()
        self.show_main()
        if self._learns_language():
            self.run_worker(later(self._learn_language, client), group="language", exclusive=True)

    def on_data_changed(self, message: DataChanged) -> None:
        from billtui.screens.shell.main import MainScreen

        if "language" in message.kinds and self._redraw_in_language():
            return
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.data_changed(message.kinds)

    def on_open_favourite(self, message: OpenFavourite) -> None:
        from billtui.screens.shell.favourite_open import open_favourite

        open_favourite(host(self), message.favourite)

    def show_main(self, start: str | None = None) -> None:
        """The main screen in place of the start or login screen (dialogs above it closed first),
        showing the item ``start`` (else Customer)."""
        from billtui.screens.shell.main import MainScreen

        self._main_language = i18n.language()
        self.replace_base_screen(MainScreen(start=start) if start else MainScreen())

    def _redraw_in_language(self) -> bool:
        """billtui's own texts are in another language now (User settings): the main screen is
        made again in it, on the item the user was on, and the panel's texts come with it. (Over
        unsaved input billtui has kept its language: ``_keep_words_over_unsaved_input``; then only
        the panel's texts follow, ``MainScreen.data_changed``.) Returns whether the screen was
        made again."""
        from billtui.screens.shell.main import MainScreen

        main = next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)
        if main is None or i18n.language() == self._main_language:
            return False
        self.show_main(start=main.current_key or None)
        self.notify(_("Language changed."))
        return True

    # ------------------------------------------------------------ first frame

    def hold_first_frame(self) -> None:
        """Keep the connecting screen up until the main screen has its data (at most ``FIRST_FRAME_WAIT``).

        Without this the main screen is drawn three or four times while its
        answers come in: an empty frame, the menu, the balance, the cards. Held,
        it appears once, complete, which is calmer to look at and less work.
        A slow panel still gets the partial screen after ``FIRST_FRAME_WAIT``.
        """
        if self._first_frame_held:
            return
        self._first_frame_held = True
        # Textual's own batch (what ``batch_update()`` uses), begun and ended in two
        # places because the answers arrive across awaits.
        compat.begin_batch(self)
        self.set_timer(FIRST_FRAME_WAIT, self.release_first_frame)

    def release_first_frame(self) -> None:
        if self._first_frame_held:
            self._first_frame_held = False
            compat.end_batch(self)
            screen = self.screen
            screen.refresh()
            # Lay out and draw now. Left to Textual, the held-up work waits for the next
            # tick of the screen's update timer, up to 1/60 s later (~8 ms on average,
            # `make bench`: startup).
            compat.draw_now(screen)
            self.call_after_refresh(self._started)

    def _started(self) -> None:
        """The first frame is drawn (or start-up ended on another screen): collect garbage again soon."""
        from billtui.runtime import startup_gc

        if startup_gc.paused() and not self._gc_resume_set:
            self._gc_resume_set = True
            self.set_timer(startup_gc.RESUME_AFTER, startup_gc.resume)

    async def ask_totp(self) -> str:
        """The client's two-factor callback: ask for the 6-digit code."""
        from billtui.screens.shell.login import TotpScreen

        loop = asyncio.get_running_loop()
        answer: asyncio.Future[str] = loop.create_future()

        def done(code: str | None) -> None:
            if not answer.done():
                answer.set_result(code or "")

        self.push_screen(TotpScreen(), callback=done)
        return await answer

    async def _close_client(self) -> None:
        client, self.client = self.client, None
        if client is not None:
            try:
                await client.aclose()
            except Exception:
                pass

    # ------------------------------------------------------------ actions

    def watch_edition(self, edition: Edition) -> None:
        from billtui.screens.shell.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.edition_changed(edition)

    def switch_edition(self, edition: Edition) -> None:
        if self.launch.mode == "demo" and self._demo_sim is not None:
            # The demo panel follows, so the app's edition and the panel agree
            # (a real panel's edition is the provider's, not ours to change).
            from billtui.runtime.demo import set_demo_edition

            set_demo_edition(self._demo_sim, edition)
        self.edition = edition
        self.notify(_("Edition: {edition}. The menu now shows what {edition} offers.").format(edition=edition.title))

    def today(self) -> Any:  # datetime.date
        """Today, for periods (this month, last 12 months): the demo panel's pinned day in demo mode."""
        from datetime import date

        day = getattr(getattr(self._demo_sim, "state", None), "today", None)
        return day if isinstance(day, date) else date.today()

    def goto(self, key: str) -> None:
        from billtui.screens.shell.main import MainScreen

        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.open_key(key, focus=True)

    @work(exclusive=True, group="login")
    async def logout(self) -> None:
        client = self.client
        if client is not None:
            try:
                await client.logout()
            except Exception:
                pass  # logging out of a panel that is gone must still work
        await self._close_client()
        self.session = SessionInfo()
        from billtui.runtime import startup_gc

        startup_gc.thaw()  # the main screen goes: what start-up froze may be garbage now
        if self.launch.mode == "demo":
            self.notify(_("Logged out of the demo panel. Logging in again as demo."))
            self.login(None)
            return
        self.show_login(_("You have logged out."))

    def switch_profile(self, name: str) -> None:
        profile = self.config.profile(name)
        if profile is None:
            return
        self.profile = profile
        self.launch = replace(self.launch, mode="profile", profile=profile, edition=None)
        self.edition = profile.edition
        self.run_worker(later(self._switch_profile), exclusive=True, group="login")

    def unattended_client(self, profile: config_mod.Profile) -> Any:
        from billtui.accounts.connect import unattended_client

        return unattended_client(profile, transport=self._transport, lang=self.launch.lang)

    async def _switch_profile(self) -> None:
        await self._close_client()
        self.session = SessionInfo()
        from billtui.runtime import startup_gc

        startup_gc.thaw()
        self.begin()

    def action_keys(self) -> None:
        from billtui.screens.shell.keys import KeysScreen

        if not isinstance(self.screen, KeysScreen):
            self.push_screen(KeysScreen(self.screen))

    def has_unsaved(self) -> bool:
        checker = getattr(self.screen, "has_unsaved", None)
        return bool(checker and checker())

    async def action_quit_app(self) -> None:
        if self.has_unsaved():
            from billtui.widgets.confirm import ConfirmScreen

            def decided(ok: bool | None) -> None:
                if ok:
                    self.exit()

            self.push_screen(
                ConfirmScreen(_("You have unsaved changes. Quit anyway?"), yes=_("Quit")), callback=decided
            )
            return
        self.exit()

    def _fatal_error(self) -> None:
        """After an unexpected error: the full report in a file, a short message on exit.

        Overrides Textual's own hook (pinned Textual: 8.2.8), which prints a traceback with every
        frame's locals, secrets included, as the last thing the user sees. ``crash.report`` is
        that traceback with secrets hidden; it goes to the state dir, and ``panic`` (public)
        shows ``crash.summary`` once the terminal is restored.
        """
        from billtui.runtime.crash import report, summary, write_report

        self.bell()
        error = self._exception or sys.exc_info()[1]
        path = write_report(report())
        # A short crash message after the terminal is restored (what happened, where the details
        # are, how to go on); the full report is in the file. The exit status is 1 (Textual's
        # _handle_exception sets it; billtui.cli.main returns it).
        self.panic(summary(error, path))

    async def on_unmount(self) -> None:
        offline.flush(self)
        await self._close_client()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Keep Textual's theme picker and the rest; billtui's own commands come
        # from MenuCommands so they follow the edition.
        for command in super().get_system_commands(screen):
            if command.title.lower() in {"quit"}:
                continue
            yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the user's language (Textual's is English only)."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: Any = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Notifications never interpret markup.

        Most of them quote the panel (a ticket subject, a service name, an
        error message), and Textual's ``notify`` would otherwise style or link
        ``[bold]``-like text. Widgets' ``notify`` passes ``markup=True`` by
        default, so the flag is ignored here, in the one place they all reach.

        In plain mode an error or a warning says so in words: its colour is gone, and a
        screen reader reads the title first.
        """
        from billtui.display.safe import clean

        if not title and self.launch.plain and severity in PLAIN_SEVERITY_TITLES:
            title = _(PLAIN_SEVERITY_TITLES[severity])

        super().notify(
            clean(message, multiline=True), title=clean(title), severity=severity,
            timeout=timeout, markup=False,
        )

    def save_theme(self) -> None:
        """Remember the chosen theme in the config (only for real profiles)."""
        if self.launch.mode == "demo":
            return
        self.config = replace(self.config, theme=self.theme)
        try:
            config_mod.save(self.config)
        except OSError:
            pass

    def watch_theme(self, theme: str) -> None:
        """Textual's own theme picker (palette) remembers its choice too, like User settings."""
        if self.is_running and theme and theme != self.config.theme:
            self.save_theme()
