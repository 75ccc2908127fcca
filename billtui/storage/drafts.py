"""Unsent ticket messages, kept on disk until the panel has them.

Support is where customers are most anxious, so a reply or a new ticket being
written is saved as it is typed — one small JSON file per profile and ticket
(and one for "new ticket") under the state dir, written atomically and
readable by the owner only. It comes back when the user returns, also after
billtui was killed, and is deleted only once the panel confirmed the send.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from billtui.storage import paths

NEW_TICKET = "new"
_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class Draft:
    """What the user wrote; empty fields are simply empty."""

    message: str = ""
    subject: str = ""
    department: str = ""
    item: str = ""
    attachments: tuple[str, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        return not (self.message.strip() or self.subject.strip() or self.attachments)


def _component(value: str) -> str:
    cleaned = _SAFE.sub("_", value).strip("._") or "_"
    return cleaned[:80]


class DraftStore:
    """The drafts of one profile: ``key`` is a ticket id or ``NEW_TICKET``."""

    def __init__(self, profile: str, directory: Path | None = None) -> None:
        self.profile = profile or "default"
        self.directory = (directory or paths.state_dir() / "drafts") / _component(self.profile)

    def path(self, key: str) -> Path:
        name = NEW_TICKET if key == NEW_TICKET else f"ticket-{_component(key)}"
        return self.directory / f"{name}.json"

    def load(self, key: str) -> Draft | None:
        """The saved draft, or None; a damaged file is kept aside, never thrown away."""
        path = self.path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            try:
                path.replace(path.with_suffix(".damaged"))
            except OSError:
                pass
            return None
        if not isinstance(data, dict):
            return None
        draft = Draft(
            message=str(data.get("message", "")),
            subject=str(data.get("subject", "")),
            department=str(data.get("department", "")),
            item=str(data.get("item", "")),
            attachments=tuple(str(a) for a in data.get("attachments", []) if isinstance(a, str)),
        )
        return None if draft.empty else draft

    def save(self, key: str, draft: Draft) -> None:
        """Write ``draft`` (or remove the file when there is nothing left to keep)."""
        if draft.empty:
            self.delete(key)
            return
        data = asdict(draft)
        data["attachments"] = list(draft.attachments)
        paths.private_write(self.path(key), json.dumps(data, ensure_ascii=False, indent=1))

    def delete(self, key: str) -> None:
        """Only after the panel confirmed the send (or the user emptied the text)."""
        try:
            self.path(key).unlink()
        except FileNotFoundError:
            pass


def store_for(app: object) -> DraftStore:
    """The draft store of the app's current profile."""
    profile = getattr(app, "profile", None)
    return DraftStore(getattr(profile, "name", "") or "default")


__all__ = ["Draft", "DraftStore", "NEW_TICKET", "store_for"]
