"""The ASGI application: routing, sessions, faults, and turning handler results into HTTP.

Written directly against ASGI (no framework) so the demo panel needs nothing but the
standard library at runtime, and runs in-process under httpx's ASGITransport.
"""
from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any, Callable, Iterable
from urllib.parse import quote

from .context import Binary, Ctx
from .db import Store, connect
from .doc import finish
from .errors import ApiError, access_error, busy_error, unknown_func
from .faults import BOMB_BYTES, DRIP_BYTES, DRIP_DELAY, HUGE_TOTAL, Fault, Faults, claim_huge_total, gzip_bomb, pieces
from .menu import TIERS, tier_allows
from .handlers.auth import authinfo_session
from .registry import PRE_TOTP_FUNCS, PUBLIC_FUNCS, all_handlers
from .seed import seed as seed_demo
from .sessions import SESSION_COOKIE, Session, Sessions
from .wire import (Receive, Response, Send, json_response, read_request, send_dripping, send_pieces,
                   send_response, text_response)

PATHS = ("/billmgr", "/manager/billmgr")

FIREWALL_PAGE = """<!DOCTYPE html><html><head><title>Access denied</title></head>
<body><h1>Request blocked</h1><p>Your request was blocked by the web application firewall.
Reference #18.2f3a4b5c</p></body></html>"""


class SimApp:
    """The demo BILLmanager panel as an ASGI callable."""

    def __init__(self, store: Store, sessions: Sessions, disabled_funcs: Iterable[str] = ()) -> None:
        self.state = store
        self.sessions = sessions
        self.faults = Faults()
        self.disabled = frozenset(disabled_funcs)
        self.handlers = all_handlers()
        #: How a latency fault waits (tests record the delay instead of waiting it out).
        self.sleep: Callable[[float], Any] = asyncio.sleep

    # -- public helpers ------------------------------------------------------
    def expire_all_sessions(self) -> None:
        """Simulate the session lifetime passing for everybody."""
        self.sessions.expire_all()

    def available(self, func: str) -> bool:
        """Whether this panel offers ``func`` to the customer (exists, enabled, in this edition)."""
        return (func in self.handlers and func not in self.disabled
                and tier_allows(func, self.state.tier))

    # -- ASGI ------------------------------------------------------------------
    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        path = scope.get("path", "/").rstrip("/") or "/"
        if path not in PATHS:
            await send_response(send, text_response(404, "Not Found"))
            return
        if scope.get("method") not in ("GET", "POST"):
            await send_response(send, text_response(405, "Method Not Allowed"))
            return
        request = await read_request(scope, receive)
        func = request.params.get("func", "").strip()
        fault = self.faults.pick(func)
        if fault is not None:
            if fault.kind == "latency":
                await self.sleep(fault.delay)
            elif fault.kind == "http500":
                await send_response(send, text_response(500, "Internal Server Error"))
                return
            elif fault.kind == "html":
                await send_response(send, text_response(200, FIREWALL_PAGE, "text/html; charset=utf-8"))
                return
            elif fault.kind == "access":
                await send_response(send, self._error(access_error(), func, request.params))
                return
            elif fault.kind == "busy":
                await send_response(send, self._error(busy_error(), func, request.params))
                return
            elif fault.kind == "drop":
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-type", b"application/json"), (b"content-length", b"4096")]})
                await send({"type": "http.response.body", "body": b'{"doc":{', "more_body": True})
                raise ConnectionResetError("sim fault: connection dropped")
            elif fault.kind == "gzip_bomb":
                bomb = Response(200, b"", headers=[("content-encoding", "gzip")])
                await send_pieces(send, bomb, pieces(gzip_bomb(fault.size or BOMB_BYTES)))
                return
        params = request.params
        if fault is not None and fault.kind == "huge_total":
            params = {**params, "p_num": "1"}  # every page asked for gets the first page's rows
        response = self.handle(func, params, request.uploads, request.client_ip, request.cookies)
        if fault is not None:
            await self._send_faulty(send, fault, response, request.params.get("p_num", "1") or "1")
            return
        await send_response(send, response)

    @staticmethod
    async def _send_faulty(send: Send, fault: Fault, response: Response, page: str) -> None:
        """A real reply, spoiled by ``fault`` on its way out."""
        if fault.kind == "truncated":
            response = Response(200, response.body[: max(1, len(response.body) // 2)], response.content_type)
        elif fault.kind == "huge_total":
            response = Response(response.status, claim_huge_total(response.body, page, fault.size or HUGE_TOTAL),
                                response.content_type, response.headers)
        elif fault.kind == "drip":
            await send_dripping(send, response, fault.size or DRIP_BYTES, fault.delay or DRIP_DELAY)
            return
        await send_response(send, response)

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return

    # -- dispatch ----------------------------------------------------------------
    def _session_for(self, params: dict[str, str], cookies: dict[str, str]) -> tuple[Session | None, bool]:
        """The caller's session, and whether it was made for this one call only.

        Real clients name it three ways: the ``auth`` field (the production panel, API.md §2),
        the ``billmgrses5`` cookie (billmgr_api.py), or ``authinfo=LOGIN:PASSWORD`` with no
        session at all (ISPsystem API guide); tried in that order.
        """
        for sid in (params.get("auth", ""), cookies.get(SESSION_COOKIE, "")):
            if sid:
                session = self.sessions.get(sid)
                if session is not None:
                    return session, False
        authinfo = params.get("authinfo", "")
        if authinfo:
            return authinfo_session(self.state, self.sessions, authinfo), True
        return None, False

    def handle(self, func: str, params: dict[str, str], uploads: list, client_ip: str = "127.0.0.1",
               cookies: dict[str, str] | None = None) -> Response:
        """Run one API call synchronously and build its HTTP response."""
        one_call: Session | None = None
        try:
            session = None
            if func not in PUBLIC_FUNCS:
                session, transient = self._session_for(params, cookies or {})
                if session is None:
                    raise access_error()
                if transient:
                    one_call = session
            if not self.available(func):
                raise unknown_func(func)
            if session is not None and session.pending_totp and func not in PRE_TOTP_FUNCS:
                raise access_error()
            ctx = Ctx(func, params, uploads, self.state, self.sessions, session, self.available, client_ip)
            result = self.handlers[func](ctx)
        except ApiError as error:
            return self._error(error, func, params)
        finally:
            if one_call is not None:
                # authinfo opens no session: nothing outlives this call (a logon inside it or
                # totp.confirm may already have replaced it; dropping twice is harmless).
                self.sessions.drop(one_call.sid)
        if isinstance(result, Binary):
            headers = []
            if result.filename is not None:
                safe = result.filename.replace("\\", "\\\\").replace('"', '\\"')
                ascii_name = safe.encode("ascii", "replace").decode("ascii")
                headers.append(("content-disposition",
                                f"attachment; filename=\"{ascii_name}\"; "
                                f"filename*=UTF-8''{quote(result.filename, safe='')}"))
            return Response(200, result.data, result.content_type, headers)
        return json_response(finish(result, func=func, params=params))

    def _error(self, error: ApiError, func: str, params: dict[str, str]) -> Response:
        lang = params.get("lang", "en") or "en"
        return json_response(finish({"error": error.to_node(lang)}, func=func, params=params))


def create_app(*, tier: str = "standard", size: str = "small", db_path: str | None = None,
               session_ttl: float = 3600.0, disabled_funcs: Iterable[str] = (), seed: int = 42,
               today: dt.date | None = None, clock: Callable[[], float] | None = None) -> SimApp:
    """Build a demo panel; seeds the database when it is new. ``clock``: monotonic seconds
    for session lifetimes and login blocks (tests let time pass with their own)."""
    if tier not in TIERS:
        raise ValueError(f"tier must be one of {TIERS}")
    if size not in ("small", "large"):
        raise ValueError("size must be small or large")
    conn, fresh = connect(db_path)
    store = Store(conn, tier, size, today or dt.date.today())
    if fresh:
        seed_demo(store, seed)
    sessions = Sessions(session_ttl) if clock is None else Sessions(session_ttl, clock)
    return SimApp(store, sessions, disabled_funcs)


