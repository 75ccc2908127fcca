"""A pane that loads its data from the panel and says so.

Every call that can take time shows that it is loading; every failure says
what happened and what to do (``r`` retries). Subclasses implement ``fetch``
(talk to the API) and ``show`` (build widgets from the result).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from billtui.display.safe import clean
from billtui.i18n import N_, _
from billtui.host import HostApp, host
from billtui.workers import later
from billtui.display import styles
from billtui.widgets.pane import Pane



def error_text(exc: BaseException) -> str:
    message = clean(getattr(exc, "message", "") or str(exc) or type(exc).__name__)
    hint = clean(getattr(exc, "hint", "") or "")
    return f"{message} {hint}".strip()


class AsyncPane(Pane, VerticalScroll, can_focus=True):
    DEFAULT_CSS = styles.load("widgets/AsyncPane.tcss")
    BINDINGS = [Binding("r", "reload", N_("Reload"), id="async.reload")]

    title: str = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._first_load = asyncio.Event()  # set when the first load has finished, shown or failed

    @property
    def billtui(self) -> HostApp:
        return host(self)

    def compose(self) -> ComposeResult:
        yield Static(Text(_(self.title)), classes="pane-title")
        yield Static(_("Loading…"), classes="pane-status")
        yield Vertical(id="pane-body")

    def on_mount(self) -> None:
        self.reload()

    @property
    def loaded_once(self) -> bool:
        return self._first_load.is_set()

    async def wait_loaded(self) -> None:
        """Until the first load has finished, shown or failed."""
        await self._first_load.wait()

    def reload(self) -> None:
        self._set_status(_("Loading…"))
        self.run_worker(later(self._load), exclusive=True, group="pane-load")

    def action_reload(self) -> None:
        self.reload()

    async def _load(self) -> None:
        try:
            await self._fetch_and_show()
        finally:
            self._first_load.set()

    async def _fetch_and_show(self) -> None:
        try:
            data = await self.fetch()
        except Exception as exc:
            from billtui.widgets.availability import report_if_unavailable

            report_if_unavailable(self, exc)
            self._set_status(_("✗ {error} Press r to retry.").format(error=error_text(exc)), error=True)
            return
        body = self.query_one("#pane-body", Vertical)
        await body.remove_children()
        widgets = list(self.show(data))
        if widgets:
            await body.mount_all(widgets)
        self._set_status("")

    def _set_status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one(".pane-status", Static)
        status.set_class(error, "-error")
        status.display = bool(text)
        status.update(Text(text))

    async def fetch(self) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def show(self, data: Any) -> list[Any]:  # pragma: no cover - abstract
        raise NotImplementedError
