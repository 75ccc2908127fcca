"""A ticket's conversation: every message in order, who wrote it, when.

The customer's messages and support's are told apart by words as well as by
colour and side ("You" on the right, "Support" on the left), system notes are
shown as such; support's replies say whether they were rated (``+`` / ``-`` on the ticket screen
rate the latest one). Everything from the server goes through ``safe.plain``: a
subject or body holding markup or ESC sequences shows as typed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from billtui.display.safe import clean, plain
from billtui.display import styles
from billtui.i18n import N_, _, formats


def human_size(size: int | None) -> str:
    """``2048`` → ``2.0 KB`` (``2,0 КБ`` in Russian); unknown → ``size unknown``."""
    if size is None:
        return _("size unknown")
    if size < 1024:
        return _("{size} B").format(size=size)
    value = float(size)
    units = (_("{size} KB"), _("{size} MB"), _("{size} GB"))
    for i, unit in enumerate(units):
        value /= 1024
        if value < 1024 or i == len(units) - 1:
            # Not grouped (``1023.5 KB``), with the language's decimal mark.
            return unit.format(size=f"{value:.1f}".replace(".", formats.convention().decimal))
    return _("{size} B").format(size=size)  # pragma: no cover


def when(value: datetime | None) -> str:
    return formats.moment(value) if value else _("time unknown")


def message_text(message: object) -> Text:
    """Header line (who, when), the body, then the attachments, all literal."""
    kind = getattr(message, "kind", "info")
    author = clean(getattr(message, "author", "")) or (_("System") if kind == "info" else "")
    posted = when(getattr(message, "posted", None))
    out = Text()
    if kind == "outcoming":
        out.append(_("▶ You"), style="bold")
        if author:
            out.append(" · ")
            out.append_text(plain(author))
    elif kind == "incoming":
        out.append(_("◀ Support"), style="bold")
        if author:
            out.append(" · ")
            out.append_text(plain(author))
    else:
        out.append(_("ℹ Note"), style="bold")
        if author:
            out.append(" · ")
            out.append_text(plain(author))
    out.append(f" · {posted}", style="dim")
    out.append("\n")
    out.append_text(plain(getattr(message, "body", ""), multiline=True))
    for attachment in getattr(message, "attachments", ()):
        out.append("\n↳ " + _("attachment:") + " ", style="dim")
        out.append_text(plain(attachment.name or _("(no name)"), style="underline"))
        out.append(f" ({human_size(attachment.size)})", style="dim")
    if kind == "incoming" and getattr(message, "rateable", False):
        rating = getattr(message, "rating", "")
        if rating == "good":
            out.append("\n" + _("✓ You rated this answer as good"), style="dim")
        elif rating == "bad":
            out.append("\n" + _("✗ You rated this answer as bad"), style="dim")
        else:
            out.append("\n" + _("Rate this answer: + good · - bad (the latest reply)"), style="dim")
    return out


class MessageView(Static):
    DEFAULT_CSS = styles.load("widgets/MessageView.tcss")

    def __init__(self, message: object) -> None:
        kind = getattr(message, "kind", "info")
        css = {"outcoming": "-customer", "incoming": "-support"}.get(kind, "-info")
        super().__init__(message_text(message), classes=css)
        self.message = message


class TicketThreadView(VerticalScroll, can_focus=True):
    """Scrolls from the keyboard: up/down, page up/down, home/end."""

    DEFAULT_CSS = styles.load("widgets/TicketThreadView.tcss")
    BINDINGS = [
        Binding("up,k", "scroll_up", N_("Scroll up"), show=False, id="ticket-thread-view.scroll-up"),
        Binding("down,j", "scroll_down", N_("Scroll down"), show=False, id="ticket-thread-view.scroll-down"),
        Binding("home,g", "scroll_home", N_("Top"), show=False, id="ticket-thread-view.scroll-home"),
        Binding("end,G", "scroll_end", N_("Bottom"), show=False, id="ticket-thread-view.scroll-end"),
    ]

    async def show_messages(self, messages: Iterable[object]) -> None:
        await self.remove_children()
        views = [MessageView(m) for m in messages]
        if not views:
            views = [MessageView(_Empty())]
        await self.mount_all(views)
        self.scroll_end(animate=False, immediate=False)


class _Empty:
    kind = "info"
    author = "billtui"
    posted = None
    attachments = ()

    @property
    def body(self) -> str:
        return _("No messages in this ticket yet.")
