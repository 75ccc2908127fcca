"""A real profile against the demo panel, over a transport a test can cut and restore."""

from __future__ import annotations

import httpx

from billtui.storage import config as config_mod
from billtui.app import BillTUI
from billtui.storage.config import Profile
from billtui.launch import Launch
from tests.app.conftest import make_sim

PROFILE_URL = "https://panel.example.test:1500/billmgr"


class Cable(httpx.AsyncBaseTransport):
    """The network between billtui and the panel: ``up`` or cut (connection refused)."""

    def __init__(self, sim) -> None:
        self.sim = sim
        self.up = True
        self.inner = httpx.ASGITransport(app=sim)
        self.requests: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.up:
            raise httpx.ConnectError("[Errno 111] Connection refused", request=request)
        return await self.inner.handle_async_request(request)


def profile_app(sim=None, cable: Cable | None = None, **profile_kwargs) -> BillTUI:
    """billtui started with a saved profile (not demo mode), talking to ``sim`` through ``cable``."""
    sim = sim if sim is not None else make_sim()
    cable = cable if cable is not None else Cable(sim)
    profile = Profile(name="work", url=PROFILE_URL, username="demo", **profile_kwargs)
    config = config_mod.Config().with_profile(profile, default=True)
    config_mod.save(config)
    app = BillTUI(Launch("profile", profile), config=config, transport=cable)
    app.sim = sim  # type: ignore[attr-defined]
    app.cable = cable  # type: ignore[attr-defined]
    return app


def sent_forms(cable: Cable) -> list[dict[str, str]]:
    """The form fields of every request that went out (urlencoded or multipart text parts)."""
    from urllib.parse import parse_qsl

    out = []
    for request in cable.requests:
        body = request.content
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("application/x-www-form-urlencoded"):
            out.append(dict(parse_qsl(body.decode(), keep_blank_values=True)))
        elif ctype.startswith("multipart/form-data"):
            form = {}
            for part in body.split(b"\r\n--"):
                head, _, data = part.partition(b"\r\n\r\n")
                name = head.decode(errors="replace").split('name="', 1)[-1].split('"', 1)[0]
                form[name] = data.rstrip(b"\r\n").decode(errors="replace")
            out.append(form)
    return out


def session_ids(cable: Cable) -> set[str]:
    return {f["auth"] for f in sent_forms(cable) if f.get("auth")}


def flat(text: str) -> str:
    """Screen text as one line: borders dropped, wrapped lines joined (messages wrap in boxes)."""
    import re

    return " ".join(re.sub(r"[│╭╮╰╯─┃]", " ", text).split())
