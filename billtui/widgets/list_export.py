"""``x`` on any list: ask CSV or JSON, export every page with the list's filter, say where.

The export runs in a worker of the list pane; escape on the pane cancels it (``ListPane``).
A cancelled export saves nothing: the file is written only once every page is in
(``billtui.storage.export``), so there is never a partial file that looks like the whole list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from billtui.widgets.footer import Footer
from billtui.display import styles
from billtui.workers import later

if TYPE_CHECKING:
    from billtui.widgets.list_pane import ListPane


class ExportChoiceScreen(ModalScreen["str | None"]):
    DEFAULT_CSS = styles.load("widgets/ExportChoiceScreen.tcss")
    BINDINGS = [
        Binding("c", "choose('csv')", "CSV", id="export-choice.csv"),
        Binding("j", "choose('json')", "JSON", id="export-choice.json"),
        Binding("escape", "choose('')", "Cancel", id="export-choice.cancel"),
    ]

    def __init__(self, title: str, filtered: bool) -> None:
        super().__init__()
        self.title_text = title
        self.filtered = filtered

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Export"
            scope = "with its current filter" if self.filtered else "all rows"
            yield Static(Text(f"Export {self.title_text} ({scope}, every page) to your downloads folder.\n"
                              "While it runs, escape on the list stops it.\n\n"
                              "c  CSV (spreadsheets)\nj  JSON (scripts)\nesc  cancel"))
        yield Footer()

    def action_choose(self, fmt: str) -> None:
        self.dismiss(fmt or None)


#: The worker group of a running export (``ListPane`` looks for it to offer cancelling).
EXPORT_GROUP = "export"
CANCELLED = "Export cancelled; nothing was saved."


def start_export(pane: "ListPane") -> None:
    """Ask for the format, then export in a worker, showing progress on the pane's status line."""

    def chosen(fmt: Any) -> None:
        if fmt in ("csv", "json"):
            pane.run_worker(later(_export, pane, fmt), group=EXPORT_GROUP, exclusive=True)

    pane.app.push_screen(ExportChoiceScreen(pane.spec.title, bool(pane.filters)), callback=chosen)


def _running(pane: "ListPane") -> list[Any]:
    return [w for w in pane.workers if w.node is pane and w.group == EXPORT_GROUP and not w.is_finished]


def export_running(pane: "ListPane") -> bool:
    """Whether an export of this pane is under way."""
    return bool(_running(pane))


def cancel_export(pane: "ListPane") -> bool:
    """Stop the pane's running export; whether there was one to stop."""
    running = _running(pane)
    for worker in running:
        worker.cancel()
    if running:
        # Said here, not in the worker: a worker cancelled before it started never runs its code.
        pane.show_status(CANCELLED)
        pane.notify(CANCELLED, title="Export", timeout=8)
    return bool(running)


async def _export(pane: "ListPane", fmt: str) -> None:
    from billtui.storage.export import export_list
    from billtui.widgets.async_pane import error_text

    spec = pane.spec
    status = pane.show_status
    status(f"Exporting {spec.title} to {fmt.upper()}… (escape stops it)")

    def progress(done: int, expected: int) -> None:
        status(f"Exporting {spec.title} to {fmt.upper()}… {done:,} of {expected:,} rows (escape stops it)")

    try:
        done = await export_list(
            pane.billtui.client, spec.call(), key=spec.key, title=spec.title, fmt=fmt,  # type: ignore[arg-type]
            filters=pane.filters, sort=pane.table.sort, progress=progress)
    except Exception as exc:
        message = f"Export failed: {error_text(exc)} Press x to try again."
        status(message, error=True)
        pane.notify(message, severity="error", timeout=10)
        return
    message = f"Exported {done.count:,} {spec.noun} to {done.path}"
    if done.note:
        # The panel's numbers did not add up or billtui's ceiling was hit: the file is not the whole list.
        message += f" (not the whole list: {done.note})"
    status(message, error=done.truncated)
    pane.notify(message, title="Export", severity="warning" if done.note else "information", timeout=12)
