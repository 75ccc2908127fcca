"""``BillClient``: one logged-in customer session on one panel.

It owns the session id and the renewal policy of API.md section 2: an expired session is
renewed once, silently; a read is then repeated, a write is not (the user decides, because
repeating a payment or a ticket reply behind their back is worse than asking). Concurrent
calls share one login through an ``asyncio.Lock``. The password and the session id only
ever travel in POST bodies and never appear in ``request_log`` or in any exception text.

They are also never a plain ``str`` in a local variable or argument of this module: they
are held as ``Secret`` and forms travel as ``SecretForm`` (both print ``***``), because a
crash report prints every frame's locals (see ``secret.py``). ``SecretForm`` becomes a
plain dict only inside ``Transport``, at the httpx call.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from billtui.i18n import _

from . import assumed, retry
from .errors import (AccessDenied, BillError, LoginRefused, NotAvailable, NotJson, PanelBusy,
                     SessionRenewedWriteNotSent)
from .form import SecretForm
from .parser import Doc, attr_of, parse_reply, text_of
from .secret import Secret, as_secret, reveal
from .transport import SECRET_FIELDS, Response, Transport, filename_from, redact

__all__ = ["BillClient", "form_value"]

REQUEST_LOG_SIZE = 100
#: Seconds a login's ``whoami`` answer may be reused by the first "who am I" after it.
LOGIN_WHOAMI_MAX_AGE = 10.0
_TOTP_CONFIRM = assumed.TOTP_PENDING_OK

#: What a profile's password may be: a Secret, a plain str (wrapped at once), or a callable
#: asked at each login (``password_command`` style); None means "no password".
Password = Secret | str | Callable[[], "Secret | str"] | None


def form_value(value: Any) -> str:
    """A parameter as the panel wants it: lists joined by ", ", booleans as on/off."""
    if isinstance(value, bool):
        return "on" if value else "off"
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(str(v) for v in value)
    return str(value)


class BillClient:
    """Talks to one BILLmanager endpoint as one customer."""

    def __init__(self, url: str, username: str, password: Password = None, *,
                 verify: bool | str = True, timeout: float = 20.0, lang: str = "en",
                 transport: httpx.AsyncBaseTransport | None = None,
                 totp: Callable[[], Awaitable[str]] | None = None) -> None:
        self.url = url
        self.username = username
        self._password = _held(password)
        self.verify = verify
        self.lang = lang
        self._totp = totp
        self._http = Transport(url, verify=verify, timeout=timeout, transport=transport)
        self._sid: Secret | None = None
        self._lock = asyncio.Lock()
        #: Values never to show in an error text (password, session ids, 2FA codes). Plain
        #: strings, read by the offline cache's guard (offline.py); an attribute is not among
        #: the locals a crash report prints, and the live ones are Secrets elsewhere too.
        self._secrets: set[str] = set()
        #: Bumped at every successful login; lets callers notice that server-side state
        #: tied to the session (stored list filters) is gone.
        self.session_epoch = 0
        #: Who we are, from ``whoami`` at login (own user id for ``user.edit``/``usrparam``).
        self.user_id: str | None = None
        self.realname: str = ""
        #: The account's currency, from the last balance read: where the panel writes bare
        #: amounts (the cart's totals), they are in this currency.
        self.account_currency: str = ""
        #: The last login's ``whoami`` answer and when it came (see ``take_login_whoami``).
        self._login_whoami: tuple[Doc, float] | None = None
        self.request_log: list[tuple[str, str, dict]] = []
        self.busy_retry_delays: tuple[float, ...] = assumed.BUSY_RETRY_DELAYS
        #: Backoff for reads that fail on the wire (timeouts, 5xx, proxy pages); writes never retry.
        self.read_retry: retry.RetryPolicy = retry.READS
        #: Called with ``(func, params, doc)`` after every successful read (the offline cache);
        #: ``params`` never hold the session id.
        self.on_read: Callable[[str, Mapping[str, str], Doc], None] | None = None

    # --- identity -------------------------------------------------------------------
    @property
    def host(self) -> str:
        """``host[:port]`` of the endpoint, for the header (never any user info)."""
        parts = urlsplit(self.url)
        host = parts.hostname or self.url
        return f"{host}:{parts.port}" if parts.port else host

    @property
    def logged_in(self) -> bool:
        return self._sid is not None

    @property
    def verifies_tls(self) -> bool:
        return self.verify is not False

    # --- session ----------------------------------------------------------------------
    async def login(self) -> None:
        """Log in (and confirm the 2FA code if the account asks for one)."""
        async with self._lock:
            self._login_whoami = None
            whoami = await self._login_locked()
            if whoami is not None and whoami.get("user") is not None:
                # Kept for the screen that comes next; a silent renewal (_renew) keeps nothing.
                self._login_whoami = (whoami, time.monotonic())

    async def _login_locked(self) -> Doc | None:
        """Log in; the panel's ``whoami`` answer for the new session (None if it gave none)."""
        password = self._password_now()
        if not password:
            raise LoginRefused("nopassword", _("No password was given for this profile."),
                               _("Type the password, or store it for this profile."))
        self._remember_secret(password)
        # The replies are read by _session_id, never kept here: they hold the session id in plain.
        sid = _session_id(await self._post(SecretForm(
            {"func": assumed.AUTH_FUNC, "username": self.username, "password": password})))
        if sid is None:
            raise LoginRefused("other", _("The panel did not open a session."),
                               _("Check that the profile URL points at the billmgr endpoint."))
        self._remember_secret(sid)
        whoami = await self._whoami_or_none(sid)
        if whoami is not None and whoami.ok is not None and whoami.ok.value == _TOTP_CONFIRM:
            if self._totp is None:
                raise LoginRefused("totp", _("This account needs a two-factor code."),
                                   _("Log in interactively to type the code."))
            code = Secret((await self._totp()).strip())
            self._remember_secret(code)
            new_sid = _session_id(await self._post(SecretForm(
                {"func": assumed.TOTP_CONFIRM_FUNC, "sok": "ok", "clicked_button": "ok",
                 "qrcode": code, "auth": sid})))
            if new_sid is not None:
                sid = new_sid
                self._remember_secret(sid)
            whoami = await self._whoami_or_none(sid)
        if whoami is not None:
            user = whoami.get("user")
            self.user_id = attr_of(user, "id") or self.user_id
            self.realname = attr_of(user, "realname") or self.realname
        self._sid = sid
        self.session_epoch += 1
        return whoami

    def _password_now(self) -> Secret | None:
        """The password for this login (a callable is asked each time)."""
        source = self._password
        return as_secret(source() if callable(source) else source)

    def take_login_whoami(self) -> Doc | None:
        """The last login's ``whoami`` answer, once, if at most ``LOGIN_WHOAMI_MAX_AGE`` seconds old.

        The first screen asks who is logged in a moment after ``login()`` asked the
        panel the same; this saves that request. A silent renewal of the session does
        not offer its answer, and a write or a logout drops it. Handed over like any read
        (``on_read``), so the offline cache still gets it.
        """
        taken, self._login_whoami = self._login_whoami, None
        if taken is None or time.monotonic() - taken[1] > LOGIN_WHOAMI_MAX_AGE:
            return None
        doc = taken[0]
        if self.on_read is not None:
            self.on_read("whoami", {}, doc)
        return doc

    async def _whoami_or_none(self, sid: Secret) -> Doc | None:
        try:
            return await self._post(SecretForm({"func": assumed.WHOAMI_FUNC, "auth": sid}))
        except (NotAvailable, NotJson):
            return None

    async def _renew(self, stale_sid: Secret | None) -> None:
        """Log in unless another task already replaced ``stale_sid``."""
        async with self._lock:
            if self._sid is not None and self._sid != stale_sid:
                return
            self._sid = None
            await self._login_locked()

    async def logout(self) -> None:
        self._login_whoami = None
        sid, self._sid = self._sid, None
        if sid is None:
            return
        try:
            await self._post(SecretForm({"func": assumed.LOGOUT_FUNC, "auth": sid}))
        except BillError:
            pass  # the session dies anyway after an hour

    async def keepalive(self) -> None:
        await self.call(assumed.KEEPALIVE_FUNC)

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> "BillClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # --- calls ---------------------------------------------------------------------------
    async def call(self, func: str, *, write: bool = False,
                   files: Mapping[str, tuple[str, bytes]] | None = None, **params: Any) -> Doc:
        """Call ``func`` with ``params``; renew an expired session as API.md section 2 says."""
        form = _fields(params)
        del params  # a new password or a 2FA code stays in no local a crash report prints
        self.remember_secret_params(form)
        is_write = write or bool(files)
        if is_write:
            self._login_whoami = None  # a write may change who we are (name, contacts): ask again

        async def send(sid: Secret) -> Doc:
            def attempt() -> Awaitable[Doc]:
                return self._post(SecretForm({"func": func}, form, {"auth": sid}), files)

            # Reads ride out a flaky link; a write is sent once (retry.py says why).
            if is_write:
                return await retry.guard_write(attempt, func)
            return await retry.retry_read(attempt, self.read_retry)

        doc = await self._with_session(send, write=is_write)
        if not is_write and self.on_read is not None:
            self.on_read(func, form, doc)
        return doc

    async def download(self, func: str, *, progress: Callable[[int, int | None], None] | None = None,
                       **params: Any) -> tuple[str | None, bytes]:
        """A binary reply (PDF, attachment): ``(file name from Content-Disposition, bytes)``."""
        form = _fields(params)
        del params

        async def send(sid: Secret) -> tuple[str | None, bytes]:
            return await retry.retry_read(lambda: fetch(sid), self.read_retry)

        async def fetch(sid: Secret) -> tuple[str | None, bytes]:
            full = self._base_form(SecretForm({"func": func}, form, {"auth": sid}))
            self._log("POST", full)
            try:
                resp = await self._http.download(full, progress)
            except BillError as exc:
                raise self._scrub(exc) from None
            self._raise_if_api_error(resp)
            return filename_from(resp.headers.get("content-disposition")), resp.content

        return await self._with_session(send, write=False)

    async def _with_session(self, send: Callable[[Secret], Awaitable[Any]], *, write: bool) -> Any:
        if self._sid is None:
            await self._renew(None)
        sid = self._sid
        assert sid is not None
        try:
            return await self._busy_retry(send, sid, write)
        except AccessDenied:
            if write and await self._session_alive(sid):
                raise  # a real "no right", not an expired session
            await self._renew(sid)
            if write:
                raise SessionRenewedWriteNotSent() from None
        sid = self._sid
        assert sid is not None
        return await self._busy_retry(send, sid, write)

    async def _busy_retry(self, send: Callable[[Secret], Awaitable[Any]], sid: Secret, write: bool) -> Any:
        delays = () if write else self.busy_retry_delays
        for delay in delays:
            try:
                return await send(sid)
            except PanelBusy:
                await asyncio.sleep(delay)
        return await send(sid)

    async def _session_alive(self, sid: Secret) -> bool:
        """Probe with a harmless read: tells an expired session from a missing right.

        ``keepalive`` is what the production panel asks after an "Insufficient privileges"
        error (its ``access`` answer means the session is gone); it changes nothing.
        """
        try:
            await self._post(SecretForm({"func": assumed.SESSION_PROBE_FUNC, "auth": sid}))
        except AccessDenied:
            return False
        except BillError:
            return True
        return True

    # --- wire ------------------------------------------------------------------------------
    def _base_form(self, form: Mapping[str, "str | Secret"]) -> SecretForm:
        out = SecretForm({"out": assumed.REPLY_FORMAT, "lang": self.lang}, form)
        if out["lang"] == assumed.OMIT_LANG:
            out = out.without("lang")  # a usrparam save that keeps the user's own language
        return out

    async def _post(self, form: Mapping[str, str],
                    files: Mapping[str, tuple[str, bytes]] | None = None) -> Doc:
        full = self._base_form(form)
        self._log("POST", full, files)
        try:
            resp = await self._http.post(full, files)
            return parse_reply(resp.json())
        except BillError as exc:
            raise self._scrub(exc) from None

    def _raise_if_api_error(self, resp: Response) -> None:
        ctype = resp.headers.get("content-type", "")
        if "json" not in ctype and not resp.content[:1] == b"{":
            return
        try:
            data = resp.json()
        except NotJson:
            return
        if isinstance(data, dict) and isinstance(data.get("doc"), dict) and "error" in data["doc"]:
            try:
                parse_reply(data)
            except BillError as exc:
                raise self._scrub(exc) from None

    def _log(self, method: str, form: Mapping[str, str],
             files: Mapping[str, tuple[str, bytes]] | None = None) -> None:
        entry = form.redacted() if isinstance(form, SecretForm) else redact(form)
        for name, (filename, data) in (files or {}).items():
            entry[name] = f"<file {filename!r}, {len(data)} bytes>"
        self.request_log.append((method, self.url, entry))
        if len(self.request_log) > REQUEST_LOG_SIZE:
            del self.request_log[: len(self.request_log) - REQUEST_LOG_SIZE]

    def _remember_secret(self, value: Secret | str) -> None:
        if len(reveal(value)) >= 3:
            self._secrets.add(reveal(value))

    def _scrub(self, exc: BillError) -> BillError:
        """Remove any secret the panel might have echoed into an error text."""

        def clean(s: str | None) -> str | None:
            if s is None:
                return None
            for secret in sorted(self._secrets, key=len, reverse=True):
                s = s.replace(secret, "***")
            return s

        exc.message = clean(exc.message) or ""
        exc.hint = clean(exc.hint)
        exc.args = tuple(clean(a) if isinstance(a, str) else a for a in exc.args)
        return exc

    def set_password(self, password: Password) -> None:
        """Use a new password (after a password change) for every later login, so a silent
        session renewal keeps working."""
        self._password = _held(password)
        if isinstance(self._password, Secret):
            self._remember_secret(self._password)

    def remember_secret_params(self, params: Mapping[str, Any]) -> None:
        """Let callers (password change) register values that must never appear in errors."""
        if isinstance(params, SecretForm):
            for secret in params.secrets():
                self._remember_secret(secret)
            return
        for k, v in params.items():
            if k in SECRET_FIELDS and isinstance(v, (str, Secret)):
                self._remember_secret(v)


def _fields(params: Mapping[str, Any]) -> SecretForm:
    """Call parameters as form fields; a ``Secret`` passed in stays one until the wire
    (``form_value`` would send its ``str``, which is ``Secret('***')``)."""
    return SecretForm({k: v if isinstance(v, Secret) else form_value(v)
                       for k, v in params.items() if v is not None})


def _held(password: Password) -> Secret | Callable[[], "Secret | str"] | None:
    """How a client keeps a password: a plain str is wrapped at once, a callable kept as is."""
    if password is None or callable(password):
        return password
    return as_secret(password)


def _session_id(doc: Doc) -> Secret | None:
    """The session id a login (or 2FA confirmation) answer opened, if any."""
    auth = doc.get("auth")
    sid = attr_of(auth, "id") or text_of(auth)
    return Secret(sid) if sid else None
