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
from billtui.i18n import N_, _, formats, ngettext
from billtui.workers import later

if TYPE_CHECKING:
    from billtui.widgets.list_pane import ListPane


def file_title(spec: Any) -> str:
    """The list's title as an export file names it: a menu item's in English, whatever billtui
    speaks, like every other key and value in the file; a product type's as the panel's menu
    names it (it has no other)."""
    from billtui import menu

    return menu.item(spec.key).title if menu.known(spec.key) else spec.title


class ExportChoiceScreen(ModalScreen["str | None"]):
    DEFAULT_CSS = styles.load("widgets/ExportChoiceScreen.tcss")
    BINDINGS = [
        Binding("c", "choose('csv')", "CSV", id="export-choice.csv"),
        Binding("j", "choose('json')", "JSON", id="export-choice.json"),
        Binding("escape", "choose('')", N_("Cancel"), id="export-choice.cancel"),
    ]

    def __init__(self, title: str, filtered: bool) -> None:
        super().__init__()
        self.title_text = title
        self.filtered = filtered

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = _("Export")
            if self.filtered:
                what = _("Export {title} (with its current filter, every page) to your downloads folder.")
            else:
                what = _("Export {title} (all rows, every page) to your downloads folder.")
            yield Static(Text("\n".join((
                what.format(title=self.title_text),
                _("While it runs, escape on the list stops it."),
                "",
                _("c  CSV (spreadsheets)"),
                _("j  JSON (scripts)"),
                _("esc  cancel"),
            ))))
        yield Footer()

    def action_choose(self, fmt: str) -> None:
        self.dismiss(fmt or None)


#: The worker group of a running export (``ListPane`` looks for it to offer cancelling).
EXPORT_GROUP = "export"
CANCELLED = N_("Export cancelled; nothing was saved.")


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
        pane.show_status(_(CANCELLED))
        pane.notify(_(CANCELLED), title=_("Export"), timeout=8)
    return bool(running)


async def _export(pane: "ListPane", fmt: str) -> None:
    from billtui.storage.export import export_list
    from billtui.widgets.async_pane import error_text

    spec = pane.spec
    status = pane.show_status
    status(_("Exporting {title} to {format}… (escape stops it)").format(title=spec.title, format=fmt.upper()))

    def progress(done: int, expected: int) -> None:
        status(ngettext("Exporting {title} to {format}… {done} of {expected} rows (escape stops it)",
                        "Exporting {title} to {format}… {done} of {expected} rows (escape stops it)", expected)
               .format(title=spec.title, format=fmt.upper(), done=formats.number(done, 0),
                       expected=formats.number(expected, 0)))

    try:
        done = await export_list(
            pane.billtui.client, spec.call(), key=spec.key, title=file_title(spec), fmt=fmt,  # type: ignore[arg-type]
            filters=pane.filters, sort=pane.table.sort, progress=progress)
    except Exception as exc:
        message = _("Export failed: {error} Press x to try again.").format(error=error_text(exc))
        status(message, error=True)
        pane.notify(message, severity="error", timeout=10)
        return
    message = _("Exported {count} {noun} to {path}").format(
        count=formats.number(done.count, 0), noun=_(spec.noun), path=done.path)
    if done.note:
        # The panel's numbers did not add up or billtui's ceiling was hit: the file is not the whole list.
        message += " " + _("(not the whole list: {note})").format(note=done.note)
    status(message, error=done.truncated)
    pane.notify(message, title=_("Export"), severity="warning" if done.note else "information", timeout=12)
