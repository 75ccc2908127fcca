"""Open a URL the user's way: a browser where there is a display, else show
it and copy it to the clipboard (OSC 52 works through SSH), so a user on a
server can paste it on their own machine.

Every link comes from the panel (a payment page, a control panel login, a
profile's help page), and a hostile or broken panel chooses it. So only a web
page is opened or copied (``web_url``): ``https:``, and ``http:`` only when the
user's own panel is http. ``javascript:``, ``file:``, ``data:`` or anything
else is shown, marked as refused, and goes neither to the browser nor to the
clipboard; a "URL" starting with ``-`` (``--user-data-dir=…``) could be read
as a browser option and is refused too.

The browser is started without billtui's environment variables
(``credentials.child_env``): ``BILLTUI_PASSWORD`` is not the browser's.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit

from billtui.display.safe import clean
from billtui.i18n import N_, _

__all__ = ["has_display", "browser_allowed", "web_url", "panel_url", "open_link", "copy_link",
           "refuse", "launch_browser", "REFUSED"]

#: By what was refused (``refuse``'s ``verb``): whole sentences, marked only (shown with ``_()``).
REFUSED = {
    "open": N_("Refused to open a link that is not a web page: {url}"),
    "copy": N_("Refused to copy a link that is not a web page: {url}"),
}
#: A refused link is shown this long at most: enough to recognise it, not a screenful.
SHOWN_MAX = 200


def has_display() -> bool:
    if sys.platform in ("darwin", "win32"):
        return not os.environ.get("SSH_CONNECTION")
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def browser_allowed() -> bool:
    """A display, and the user did not turn the browser off (``BILLTUI_NO_BROWSER``).

    Without a display ``webbrowser`` may start a text browser inside this terminal: never.
    """
    return has_display() and not os.environ.get("BILLTUI_NO_BROWSER")


def panel_url(app: Any) -> str:
    """The user's own panel URL: the live client's, else the profile's ("" if none)."""
    for holder in (getattr(app, "client", None), getattr(app, "profile", None)):
        url = getattr(holder, "url", None)
        if isinstance(url, str) and url:
            return url
    return ""


def web_url(url: object, panel: str = "") -> str | None:
    """``url`` cleaned, if it is a web page billtui may open or copy; else None.

    https always; http only when the user's own ``panel`` is http (a panel on a LAN,
    the demo): its links then cannot be safer than the panel itself. The URL must have
    a scheme and a host, no whitespace, and cannot start with ``-``, so no launcher can
    ever read it as an option or as two arguments.
    """
    text = clean(url).strip()
    if not text or text.startswith("-") or any(ch.isspace() for ch in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
        parts.port  # noqa: B018  # read for its check: a bad port raises ValueError
    except ValueError:  # ...as does a broken IPv6 literal
        return None
    allowed = {"https"}
    if urlsplit(clean(panel).strip()).scheme.lower() == "http":
        allowed.add("http")
    if parts.scheme.lower() not in allowed or not host:
        return None
    return text


def shown(url: object) -> str:
    """A refused link as it may be shown: cleaned, one line, not too long."""
    text = clean(url).strip()
    return text if len(text) <= SHOWN_MAX else text[: SHOWN_MAX - 1] + "…"


def refuse(app: Any, url: object, *, verb: str = "open") -> None:
    app.notify(_(REFUSED.get(verb, REFUSED["open"])).format(url=shown(url)), title=_("Link"), severity="warning", timeout=15)


def open_link(app: Any, url: str) -> None:
    link = web_url(url, panel_url(app))
    if link is None:
        refuse(app, url)
        return
    note = _("No display here: Copied to the clipboard.")
    if browser_allowed():
        note = _("No browser could be opened: Copied to the clipboard.")
        if launch_browser(link):
            app.notify(_("Opened in your browser: {url}").format(url=link))
            return
    _copy(app, link, note)


def copy_link(app: Any, url: str, *, reason: str = "") -> None:
    """Show the URL and copy it (OSC 52 reaches the user's own clipboard through SSH); ``reason``,
    already translated, goes before "Copied to the clipboard." (``"No display here: "``)."""
    link = web_url(url, panel_url(app))
    if link is None:
        refuse(app, url, verb="copy")
        return
    _copy(app, link, reason + _("Copied to the clipboard."))


def _copy(app: Any, link: str, note: str) -> None:
    """``note``: the line under the link, what happened to it."""
    app.copy_to_clipboard(link)
    app.notify(f"{link}\n{note}", title=_("Link"), timeout=15)


def launch_browser(url: str) -> bool:
    """Ask the system browser to open ``url`` (a checked ``web_url``); False if none did.

    ``webbrowser`` starts the browser with this process's environment, so billtui's
    variables are taken out of ``os.environ`` for the moment of the call. That is simpler
    and surer than re-implementing each ``webbrowser`` launcher (xdg-open, osascript,
    Firefox remote…) with an ``env=``; it is not thread-safe for a thread reading the
    environment meanwhile, but billtui reads it only on the event loop's thread, which is
    also the one calling this, and the lock keeps two launches from mixing their restores.
    """
    import webbrowser

    with _ENV_LOCK, _without_billtui_env():
        try:
            return bool(webbrowser.open(url))
        except Exception:
            return False


_ENV_LOCK = threading.Lock()


@contextmanager
def _without_billtui_env() -> Iterator[None]:
    from billtui.storage.credentials import is_billtui_variable

    # The values stay in this frame only, as a mapping whose repr shows no value.
    saved = _Hidden({k: v for k, v in os.environ.items() if is_billtui_variable(k)})
    for name in saved.names():
        del os.environ[name]
    try:
        yield
    finally:
        os.environ.update(saved.values())


class _Hidden:
    """Saved variables whose repr shows only their names (a crash report prints locals)."""

    __slots__ = ("_saved",)

    def __init__(self, saved: dict[str, str]) -> None:
        self._saved = saved

    def names(self) -> list[str]:
        return list(self._saved)

    def values(self) -> dict[str, str]:
        return dict(self._saved)

    def __repr__(self) -> str:
        return f"<{len(self._saved)} billtui variables: {', '.join(self._saved)}>"
