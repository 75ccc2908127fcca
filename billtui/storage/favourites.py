"""Favourites: billtui's own (BILLmanager 5/6 has no API for them).

Kept per profile as JSON in the user data dir. A favourite of an item the
current edition hides is kept on disk but never shown.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from billtui.storage import paths
from billtui import menu
from billtui.menu import Edition, visible

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class Favourite:
    """A starred menu item (``key`` = "payments", "services/vds") or an object in
    a list (``key`` = "<list key>#<id>", e.g. "invoices#12", with ``object_id``)."""

    key: str
    title: str
    object_id: str = ""

    @property
    def label(self) -> str:
        """What to show for it: a starred menu item by its name in the current language (it was
        saved in the language of the day it was starred), anything else by its saved title."""
        if "#" not in self.key and menu.known(self.key):
            return menu.item(self.key).label
        return self.title

    @property
    def list_key(self) -> str:
        """The menu entry to open: the item itself, or the list holding the object."""
        return self.key.split("#", 1)[0]

    @property
    def item_key(self) -> str:
        return self.list_key.split("/", 1)[0]


def object_key(list_key: str, object_id: str) -> str:
    return f"{list_key}#{object_id}"


class FavouritesStore:
    def __init__(self, profile: str, base: Path | None = None) -> None:
        base = base or paths.data_dir()
        self.path = base / "favourites" / f"{_SAFE.sub('_', profile) or 'default'}.json"

    def load(self) -> list[Favourite]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        out = []
        for entry in data if isinstance(data, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("key"), str):
                out.append(Favourite(entry["key"], str(entry.get("title", entry["key"])),
                                     str(entry.get("object_id", ""))))
        return out

    def save(self, favourites: list[Favourite]) -> None:
        data = [{"key": f.key, "title": f.title, **({"object_id": f.object_id} if f.object_id else {})}
                for f in favourites]
        paths.private_write(self.path, json.dumps(data, indent=2, ensure_ascii=False))

    def visible(self, edition: Edition) -> list[Favourite]:
        return [f for f in self.load() if visible(f.item_key, edition)]

    def toggle(self, key: str, title: str, object_id: str = "") -> bool:
        """Star or unstar; returns True if it is now a favourite."""
        current = self.load()
        if any(f.key == key for f in current):
            self.save([f for f in current if f.key != key])
            return False
        self.save([*current, Favourite(key, title, object_id)])
        return True

    def contains(self, key: str) -> bool:
        return any(f.key == key for f in self.load())

    def remove(self, key: str) -> None:
        self.save([f for f in self.load() if f.key != key])

    def move(self, key: str, delta: int) -> None:
        current = self.load()
        index = next((i for i, f in enumerate(current) if f.key == key), None)
        if index is None:
            return
        target = max(0, min(len(current) - 1, index + delta))
        current.insert(target, current.pop(index))
        self.save(current)


def store_for(app: Any) -> FavouritesStore:
    """The favourites of the app's profile."""
    return FavouritesStore(app.profile.name if app.profile else "default")
