"""What a handler receives (the call) and may return besides a doc (a binary file)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Union

from . import language
from .db import Store
from .multipart import Upload
from .sessions import Session, Sessions


@dataclass(frozen=True)
class Binary:
    """A non-JSON reply: a PDF or an attachment."""

    data: bytes
    content_type: str
    filename: str | None = None


@dataclass
class Ctx:
    """One API call: its parameters, its session and the panel state."""

    func: str
    params: dict[str, str]
    uploads: list[Upload]
    store: Store
    sessions: Sessions
    session: Session | None
    available: Callable[[str], bool]
    client_ip: str = "127.0.0.1"
    extra: dict[str, Any] = field(default_factory=dict)

    def p(self, name: str, default: str = "") -> str:
        """A parameter, stripped."""
        return self.params.get(name, default).strip()

    @property
    def sok(self) -> bool:
        """A submit (``sok=ok``) rather than a view."""
        return bool(self.params.get("sok"))

    @property
    def elids(self) -> list[str]:
        """``elid`` split on commas (several ids come as ``12, 15, 20``)."""
        return [part.strip() for part in self.params.get("elid", "").split(",") if part.strip()]

    @property
    def lang(self) -> str:
        """The language the call asks the answer in (``lang=``)."""
        return language.of(self.params)

    def tr(self, english: str) -> str:
        """One of the panel's own texts, in the call's language."""
        return language.text(self.lang, english)

    def describe(self, english: str) -> str:
        """A description written when an order or a charge was made, in the call's language."""
        return language.describe(self.lang, english)

    def period(self, months: int) -> str:
        """A period's label, in the call's language."""
        return language.period(self.lang, months)

    @property
    def user_id(self) -> int:
        """The logged-in user (every handler but auth runs with a session)."""
        assert self.session is not None
        return self.session.user_id


Doc = dict[str, Any]
Reply = Union[Doc, Binary]
Handler = Callable[[Ctx], Reply]
