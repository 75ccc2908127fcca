"""Offline mode: open with the last data seen when the panel cannot be reached, read-only.

billtui runs on flaky links against panels behind firewalls. When the panel does not answer
at start, a user with a saved profile should still see their services, balance and tickets
as they last were — clearly marked as stale — rather than an error. ``OfflineClient`` stands
in for ``BillClient``: reads are answered from the profile's cache (``billtui.storage.cache``), every
write is refused with a message that says why, and ``Reconnector`` keeps trying the panel with
a growing delay and swaps the live client back in as soon as it answers.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from billtui.api.errors import BillError
from billtui.api.secret import Secret
from billtui.api.parser import Doc
from billtui.storage.cache import ProfileCache
from billtui.i18n import N_, _, formats

__all__ = ["OfflineReadOnly", "NotSavedOffline", "OfflineClient", "Reconnector", "RECONNECT_DELAYS"]

#: Waits between reconnection attempts; the last one repeats.
RECONNECT_DELAYS: tuple[float, ...] = (5.0, 10.0, 20.0, 40.0, 60.0)


def _when(ts: float | None) -> str:
    if not ts:
        return _("an earlier session")
    return formats.moment(datetime.fromtimestamp(ts))


class OfflineReadOnly(BillError):
    """A change was asked for while billtui shows saved data: nothing was sent."""

    default_message = N_("Offline: nothing was sent; changes wait until the panel answers again.")
    default_hint = N_("billtui shows saved data and reconnects by itself (F5 tries now).")

    def __init__(self, message: str | None = None, hint: str | None = default_hint) -> None:
        # Made when raised: in the language of that moment (the defaults are marked only).
        super().__init__(message or _(self.default_message), _(hint) if hint else hint)


class NotSavedOffline(BillError):
    """A read that was never answered while online, so there is nothing saved to show."""

    default_message = N_("Offline: the panel cannot be reached, and this was not opened while it could be, "
                         "so there is no saved copy.")
    default_hint = N_("It loads once the panel answers again; billtui keeps trying by itself.")

    def __init__(self, message: str | None = None, hint: str | None = default_hint) -> None:
        super().__init__(message or _(self.default_message), _(hint) if hint else hint)


class OfflineClient:
    """Answers reads from the cache and refuses writes; looks like a ``BillClient`` to screens."""

    offline = True

    def __init__(self, cache: ProfileCache, *, url: str, username: str, host: str) -> None:
        self.cache = cache
        self.url = url
        self.username = username
        self.host = host
        self.session_epoch = 0
        self.user_id: str | None = None
        self.realname = ""
        self.request_log: list[tuple[str, str, dict]] = []
        self.on_read = None
        saved = cache.lookup("whoami", {})
        if saved is not None:
            user = saved[0].get("user")
            if isinstance(user, dict):
                self.user_id = str(user.get("$id") or "") or None
                self.realname = str(user.get("$realname") or "")

    @property
    def logged_in(self) -> bool:
        return False

    @property
    def verifies_tls(self) -> bool:
        return True

    def saved_when(self) -> str:
        return _when(self.cache.saved_at())

    def take_login_whoami(self) -> Doc | None:
        return None  # no login happened: "who am I" comes from the saved copy, through call()

    async def call(self, func: str, *, write: bool = False, files: Any = None, **params: Any) -> Doc:
        form = {k: str(v) for k, v in params.items() if v is not None}
        if write or files:
            raise OfflineReadOnly()
        if func.endswith(".filter") and form.get("sok"):
            if set(form) - {"sok", "drop"} and form.get("drop") != "on":
                raise OfflineReadOnly(_("Filtering needs the panel; the saved copy is unfiltered."))
            return Doc({"ok": {}})
        page = form.get("p_num", "1")
        if page not in ("", "1"):
            raise NotSavedOffline(_("Offline: only the first page of each list is saved, and the panel cannot be reached."))
        saved = self.cache.lookup(func, form)
        if saved is None:
            raise NotSavedOffline()
        raw = dict(saved[0])
        if "elem" in raw:
            # Show exactly the saved rows: later pages are not there to scroll to.
            rows = raw["elem"] if isinstance(raw["elem"], list) else [raw["elem"]]
            raw["p_elems"] = {"$": str(len(rows))}
            raw["p_num"] = {"$": "1"}
            raw["p_cnt"] = {"$": str(max(1, len(rows)))}
        return Doc(raw)

    async def download(self, func: str, **params: Any) -> tuple[str | None, bytes]:
        raise OfflineReadOnly(_("Downloads need the panel, which cannot be reached right now."),
                              _("billtui reconnects by itself; press F5 to try now."))

    async def login(self) -> None:
        from billtui.api.errors import PanelUnreachable

        raise PanelUnreachable()

    async def logout(self) -> None:
        return None

    async def keepalive(self) -> None:
        return None

    async def aclose(self) -> None:
        self.cache.flush()

    def set_password(self, password: Any) -> None:
        return None

    def remember_secret_params(self, params: Mapping[str, Any]) -> None:
        return None


class Reconnector:
    """Tries to log in again after each delay of ``delays`` (the last repeats) until it works.

    ``attempt`` returns True when the live client is back, False to keep trying; ``schedule``
    runs a callback after a delay (the app's ``set_timer``), so nothing here sleeps.
    """

    def __init__(self, attempt: Callable[[], Awaitable[bool]],
                 schedule: Callable[[float, Callable[[], None]], Any],
                 run: Callable[[Awaitable[bool]], Any],
                 delays: tuple[float, ...] = RECONNECT_DELAYS) -> None:
        self._attempt = attempt
        self._schedule = schedule
        self._run = run
        self.delays = delays
        self.tries = 0
        self.stopped = False
        self._timer: Any = None
        self._running = False
        self.next_at: float | None = None

    def start(self) -> None:
        self._arm()

    def _arm(self) -> None:
        if self.stopped:
            return
        delay = self.delays[min(self.tries, len(self.delays) - 1)]
        self.next_at = time.monotonic() + delay
        self._timer = self._schedule(delay, self.now)

    def now(self) -> None:
        """Try at once (F5, or the timer)."""
        if self.stopped or self._running:
            return
        if self._timer is not None:
            stop = getattr(self._timer, "stop", None)
            if stop is not None:
                stop()
            self._timer = None
        self._running = True
        self._run(self._go())

    async def _go(self) -> bool:
        try:
            back = await self._attempt()
        except Exception:
            back = False
        finally:
            self._running = False
        self.tries += 1
        if back:
            self.stop()
        else:
            self._arm()
        return back

    def stop(self) -> None:
        self.stopped = True
        if self._timer is not None:
            stop = getattr(self._timer, "stop", None)
            if stop is not None:
                stop()
            self._timer = None


# ---------------------------------------------------------------- the app's side


class OfflineState:
    """What the header and the screens need to know while billtui shows saved data."""

    def __init__(self, client: OfflineClient, reason: BillError, reconnector: Reconnector) -> None:
        self.client = client
        self.reason = reason
        self.reconnector = reconnector

    @property
    def warning(self) -> str:
        return _("Offline (saved {when}), read-only").format(when=self.client.saved_when())


def profile_cache(app: Any) -> ProfileCache | None:
    """The cache of the app's profile (None in demo mode: the demo panel is always there)."""
    profile = getattr(app, "profile", None)
    if profile is None or app.launch.mode == "demo":
        return None
    cached = getattr(app, "profile_cache", None)
    identity = f"{profile.url}\n{profile.username}"
    if cached is None or cached.profile != profile.name or getattr(cached, "identity", "") != identity:
        cached = ProfileCache(profile.name, identity=identity)
        cached.identity = identity  # type: ignore[attr-defined]
        app.profile_cache = cached
    return cached


def attach_cache(app: Any, client: Any) -> None:
    """Save what a live client reads, so a later start without the panel has something to show."""
    cache = profile_cache(app)
    if cache is None or not hasattr(client, "on_read"):
        return
    cache.record_from(client)


def flush(app: Any) -> None:
    cache = getattr(app, "profile_cache", None)
    if cache is not None:
        cache.flush()


def start_offline(app: Any, exc: BaseException, password: Secret | None) -> bool:
    """Open with saved data if the panel could not be reached and there is any; True if it did."""
    from billtui.api.errors import TlsError, TransportError

    if not isinstance(exc, TransportError) or isinstance(exc, TlsError):
        return False  # a refused login or a certificate to fix is not "offline"
    cache = profile_cache(app)
    if cache is None or not cache.has_data():
        return False
    profile = app.profile
    parts = urlsplit(profile.url)
    host = f"{parts.hostname}:{parts.port}" if parts.port else (parts.hostname or profile.url)
    client = OfflineClient(cache, url=profile.url, username=profile.username, host=host)

    reconnector = Reconnector(
        lambda: _attempt(app, password),
        lambda delay, callback: app.set_timer(delay, callback),
        lambda awaitable: app.run_worker(awaitable, group="reconnect", exclusive=True),
        getattr(app, "reconnect_delays", None) or RECONNECT_DELAYS,
    )
    app.client = client
    app.offline = OfflineState(client, exc, reconnector)
    app.show_main()
    app.notify(_("{error} Showing the data saved on {when}, read-only; "
                 "billtui reconnects by itself (F5 tries now).").format(error=exc.message, when=client.saved_when()),
               title=_("Offline"), severity="warning", timeout=12)
    reconnector.start()
    return True


def reconnect_now(app: Any) -> bool:
    """F5 while offline: try the panel at once. False when billtui is not offline."""
    state = app.offline
    if state is None:
        return False
    state.reconnector.now()
    return True


async def _attempt(app: Any, password: Secret | None) -> bool:
    from billtui.api.errors import TransportError

    state = app.offline
    if state is None:
        return True
    client = app.make_client(password)
    try:
        await client.login()
    except TransportError:
        await client.aclose()
        return False
    except BillError as exc:  # the panel answers but refuses: the user has to log in
        await client.aclose()
        app.offline = None
        state.reconnector.stop()
        app.client = None
        app.show_login(f"{exc.message} {exc.hint or ''}".strip())
        return True
    app.client = client
    attach_cache(app, client)
    app.offline = None  # the main screen, watching, drops what it built from saved data
    app.notify(_("The panel answers again: live data, changes allowed."), title=_("Back online"))
    return True


def went_live(app: Any, client: Any) -> None:
    """A login worked: stop any reconnecting and start saving what this client reads."""
    state = app.offline
    if state is not None:
        state.reconnector.stop()
        app.offline = None
    attach_cache(app, client)
