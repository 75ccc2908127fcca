"""A scriptable fake panel on ``httpx.MockTransport`` for the client tests."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from billtui.api import BillClient

URL = "https://panel.example.com:1500/billmgr"
PASSWORD = "s3cret-Pa55"


def form_of(request: httpx.Request) -> dict[str, str]:
    """The form fields of a request, urlencoded or multipart (file parts as their file names)."""
    body = request.read()
    ctype = request.headers.get("content-type", "")
    if ctype.startswith("application/x-www-form-urlencoded"):
        return dict(parse_qsl(body.decode(), keep_blank_values=True))
    if ctype.startswith("multipart/form-data"):
        boundary = ctype.split("boundary=", 1)[1].encode()
        out: dict[str, str] = {}
        for part in body.split(b"--" + boundary):
            if b"\r\n\r\n" not in part:
                continue
            head, _, data = part.partition(b"\r\n\r\n")
            head_s = head.decode(errors="replace")
            if 'name="' not in head_s:
                continue
            name = head_s.split('name="', 1)[1].split('"', 1)[0]
            if 'filename="' in head_s:
                out[name] = "FILE:" + head_s.split('filename="', 1)[1].split('"', 1)[0]
            else:
                out[name] = data.rstrip(b"\r\n").decode()
        return out
    return {}


def doc(**children: Any) -> dict:
    return {"doc": children}


def error(type_: str, obj: str = "", msg: str = "") -> dict:
    node: dict[str, Any] = {"$type": type_, "$object": obj}
    if msg:
        node["msg"] = {"$": msg}
    return {"doc": {"error": node}}


Handler = Callable[[dict[str, str]], Any]


class FakePanel:
    """Sessions, a per-func handler table and a log of every request."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.forms: list[dict[str, str]] = []
        self.sessions: set[str] = set()
        self._sid = itertools.count(1000)
        self.handlers: dict[str, Handler] = {}
        self.password = PASSWORD
        self.totp_code: str | None = None
        self.logins = 0

    def funcs(self) -> list[str]:
        return [f.get("func", "") for f in self.forms]

    def expire_all(self) -> None:
        self.sessions.clear()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        form = form_of(request)
        self.requests.append(request)
        self.forms.append(form)
        func = form.get("func", "")
        if func == "auth":
            if form.get("password") != self.password:
                return httpx.Response(200, json=error("auth", "badpassword", "Invalid username or password"))
            self.logins += 1
            sid = f"SID{next(self._sid)}abcdef"
            self.sessions.add(sid)
            return httpx.Response(200, json=doc(auth={"$id": sid, "$level": "16", "$": sid}))
        if form.get("auth") not in self.sessions:
            return httpx.Response(200, json=error("access", "", "Access denied"))
        if func == "whoami":
            if self.totp_code and not form["auth"].endswith("-2fa"):
                return httpx.Response(200, json=doc(ok={"$": "func=totp.confirm"}))
            return httpx.Response(200, json=doc(user={"$id": "7", "$realname": "Demo User",
                                                      "$email": "d@example.com", "$phone": "+1", "$": "demo"}))
        if func == "totp.confirm":
            if form.get("qrcode") != self.totp_code:
                return httpx.Response(200, json=error("value", "qrcode", "Invalid code"))
            new = form["auth"] + "-2fa"
            self.sessions.add(new)
            return httpx.Response(200, json=doc(auth={"$id": new, "$": new}, ok={}))
        if func == "logon":
            self.sessions.discard(form["auth"])
            return httpx.Response(200, json=doc(ok={}))
        handler = self.handlers.get(func)
        if handler is None:
            return httpx.Response(200, json=error("missed", "func", f"Function {func} not found"))
        result = handler(form)
        if isinstance(result, httpx.Response):
            return result
        return httpx.Response(200, json=result)


@pytest.fixture
def panel() -> FakePanel:
    return FakePanel()


@pytest.fixture
async def client(panel: FakePanel):
    c = BillClient(URL, "demo", PASSWORD, transport=httpx.MockTransport(panel))
    c.busy_retry_delays = (0.0, 0.0)
    yield c
    await c.aclose()
