"""Open a URL the user's way: a browser where there is a display, else show
it and copy it to the clipboard (OSC 52 works through SSH), so a user on a
server can paste it on their own machine."""

from __future__ import annotations

import os
import sys
from typing import Any

from .safe import clean


def has_display() -> bool:
    if sys.platform in ("darwin", "win32"):
        return not os.environ.get("SSH_CONNECTION")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def open_link(app: Any, url: str) -> None:
    url = clean(url)
    reason = "No display here: "
    if has_display() and not os.environ.get("BILLTUI_NO_BROWSER"):
        import webbrowser

        reason = "No browser could be opened: "
        try:
            if webbrowser.open(url):
                app.notify(f"Opened in your browser: {url}")
                return
        except Exception:
            pass
    copy_link(app, url, reason=reason)


def copy_link(app: Any, url: str, *, reason: str = "") -> None:
    """Show the URL and copy it (OSC 52 reaches the user's own clipboard through SSH)."""
    url = clean(url)
    app.copy_to_clipboard(url)
    app.notify(f"{url}\n{reason}Copied to the clipboard.", title="Link", timeout=15)
