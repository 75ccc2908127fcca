"""Save PDFs from the panel (payment receipts, invoices) with progress.

Every download goes through ``billtui.storage.downloads.save_download`` so a file name
from the server can never place a file outside the downloads dir, and the user
is told where each file went.
"""

from __future__ import annotations

from pathlib import Path
from typing import Awaitable, Callable

from billtui.i18n import _, ngettext

Report = Callable[[str], None]
Fetch = Callable[[Callable[[int, int | None], None]], Awaitable[tuple[str | None, bytes]]]


def _size(n: int) -> str:
    # Whole numbers without grouping, as before: the same in either language.
    return _("{n} KB").format(n=f"{n / 1024:.0f}") if n >= 1024 else _("{n} B").format(n=n)


def progress_text(what: str, done: int, total: int | None) -> str:
    if total:
        return _("Downloading {what}… {percent}% of {size}").format(
            what=what, percent=min(100, done * 100 // total), size=_size(total))
    return _("Downloading {what}… {size}").format(what=what, size=_size(done))


async def save_pdf(fetch: Fetch, what: str, fallback: str, report: Report) -> Path:
    """Download one PDF (``fetch(progress)`` → (name, bytes)) and save it; returns the path."""
    from billtui.storage.downloads import NotPdf, save_pdf as save_pdf_bytes

    report(_("Downloading {what}…").format(what=what))
    name, data = await fetch(lambda done, total: report(progress_text(what, done, total)))
    try:
        # The same check and naming as `billtui invoice download`: a PDF or nothing, "*.pdf".
        return save_pdf_bytes(name, data, fallback=fallback)
    except NotPdf:
        raise NotPdf(_("The panel did not send a PDF for {what}. Try again later.").format(what=what)) from None


def where(paths: list[Path]) -> str:
    """"Saved X to DIR" for one or several files."""
    if not paths:
        return _("Nothing saved.")
    if len(paths) == 1:
        return _("Saved to {path}").format(path=paths[0])
    return ngettext("Saved {n} file to {folder}", "Saved {n} files to {folder}", len(paths)).format(
        n=len(paths), folder=paths[0].parent)


def failure(exc: BaseException, what: str) -> str:
    from billtui.widgets.async_pane import error_text

    return _("Could not download {what}: {error}").format(what=what, error=error_text(exc))


__all__ = ["save_pdf", "where", "failure", "progress_text", "Report", "Fetch"]
