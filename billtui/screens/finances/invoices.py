"""Invoices: details, one invoice's PDF, or every invoice of a period at once.

The list itself is the generic ``ListPane`` (``specs.invoices_spec``); these are
its keys. PDFs go to the downloads dir through ``pdf_download.save_pdf`` (safe
names, never overwriting), with progress on the list's status line.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from billtui.display.safe import clean
from billtui.widgets.list_pane import ListPane, RowAction
from billtui.screens.finances.period import FilterChoice, Period, PeriodScreen
from billtui.host import HostApp, host
from billtui.workers import later

if TYPE_CHECKING:
    from billtui.api.models import Invoice


def open_invoice(pane: ListPane, invoice: "Invoice") -> None:
    from billtui.widgets.details import DetailsScreen

    pane.app.push_screen(DetailsScreen(f"Invoice {invoice.number}", [
        ("Number", invoice.number), ("Date", invoice.created), ("Customer", invoice.customer),
        ("Amount", invoice.amount), ("Status", invoice.status_text), ("Paid on", invoice.sent),
        ("Id", invoice.id), ("Keys in the list", "D save this PDF, A save all PDFs of a period, x export"),
    ]))


def save_one(pane: ListPane, invoice: "Invoice") -> None:
    pane.run_worker(later(_save, [invoice], pane), group="invoice-pdf", exclusive=True)


def save_period(pane: ListPane, _row: Any) -> None:
    """Ask for a period, then save the PDF of every invoice dated in it."""
    def chosen(choice: FilterChoice | None) -> None:
        if choice is not None:
            pane.run_worker(later(_save_period, pane, choice.period), group="invoice-pdf", exclusive=True)

    today = host(pane).today()
    pane.app.push_screen(PeriodScreen("Save the PDFs of the invoices of…", today,
                                      FilterChoice(Period("year")),
                                      presets=("all", "month", "last_month", "quarter", "year")),
                         callback=chosen)


async def _save_period(pane: ListPane, period: Period) -> None:
    from billtui.api import lists
    from billtui.api.calls._util import fetch_all
    from billtui.widgets.async_pane import error_text

    pane.show_status(f"Finding the invoices of {period.label}…")
    try:
        invoices = await fetch_all(pane.billtui.client, lists.INVOICES, page_size=500, max_pages=200)
    except Exception as exc:
        pane.show_status(f"✗ Could not list the invoices: {error_text(exc)} Press A to try again.", error=True)
        return
    chosen = [i for i in invoices if period.contains(i.created)]
    if not chosen:
        pane.show_status(f"No invoices in {period.label}.")
        pane.notify(f"No invoices in {period.label}.", severity="warning")
        return
    await _save(chosen, pane)


async def _save(invoices: list["Invoice"], pane: ListPane) -> None:
    from billtui.api.calls import finance
    from billtui.screens.finances import pdf_download

    client = pane.billtui.client
    saved: list[Path] = []
    failed: list[str] = []
    many = len(invoices) > 1
    for n, invoice in enumerate(invoices, 1):
        what = f"invoice {clean(invoice.number)}" + (f" ({n} of {len(invoices)})" if many else "")
        try:
            path = await pdf_download.save_pdf(
                partial(finance.invoice_pdf, client, invoice.id),
                what, f"{invoice.number or 'invoice-' + invoice.id}.pdf", pane.show_status)
        except Exception as exc:
            failed.append(pdf_download.failure(exc, f"invoice {clean(invoice.number)}"))
            continue
        saved.append(path)
    message = pdf_download.where(saved)
    if failed:
        message = f"{message}. {len(failed)} failed: {failed[0]}" + (" …" if len(failed) > 1 else "")
        pane.show_status(f"✗ {message}", error=True)
        pane.notify(message, severity="error", timeout=15)
        return
    pane.show_status(message)
    pane.notify(message, title="PDF saved" if len(saved) == 1 else "PDFs saved", timeout=12)


ACTIONS: tuple[RowAction, ...] = (
    RowAction("D", "PDF", save_one),
    RowAction("A", "All PDFs of a period", save_period, needs_row=False),
)
