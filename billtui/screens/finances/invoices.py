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
from billtui.i18n import N_, _
from billtui.widgets.list_pane import ListPane, RowAction
from billtui.screens.finances.period import FilterChoice, Period, PeriodScreen
from billtui.host import HostApp, host
from billtui.workers import later

if TYPE_CHECKING:
    from billtui.api.models import Invoice


def open_invoice(pane: ListPane, invoice: "Invoice") -> None:
    from billtui.widgets.details import DetailsScreen

    pane.app.push_screen(DetailsScreen(_("Invoice {number}").format(number=invoice.number), [
        (_("Number"), invoice.number), (_("Date"), invoice.created), (_("Customer"), invoice.customer),
        (_("Amount"), invoice.amount), (_("Status"), invoice.status_text), (_("Paid on"), invoice.sent),
        (_("Id"), invoice.id), (_("Keys in the list"), _("D save this PDF, A save all PDFs of a period, x export")),
    ]))


def save_one(pane: ListPane, invoice: "Invoice") -> None:
    pane.run_worker(later(_save, [invoice], pane), group="invoice-pdf", exclusive=True)


def save_period(pane: ListPane, _row: Any) -> None:
    """Ask for a period, then save the PDF of every invoice dated in it."""
    def chosen(choice: FilterChoice | None) -> None:
        if choice is not None:
            pane.run_worker(later(_save_period, pane, choice.period), group="invoice-pdf", exclusive=True)

    today = host(pane).today()
    pane.app.push_screen(PeriodScreen(_("Save the PDFs of the invoices of…"), today,
                                      FilterChoice(Period("year")),
                                      presets=("all", "month", "last_month", "quarter", "year")),
                         callback=chosen)


async def _save_period(pane: ListPane, period: Period) -> None:
    from billtui.api import lists
    from billtui.api.calls._util import fetch_all
    from billtui.widgets.async_pane import error_text

    pane.show_status(_("Finding the invoices of {period}…").format(period=period.label))
    try:
        invoices = await fetch_all(pane.billtui.client, lists.INVOICES, page_size=500, max_pages=200)
    except Exception as exc:
        pane.show_status(_("✗ Could not list the invoices: {error} Press A to try again.").format(
            error=error_text(exc)), error=True)
        return
    chosen = [i for i in invoices if period.contains(i.created)]
    if not chosen:
        none = _("No invoices in {period}.").format(period=period.label)
        pane.show_status(none)
        pane.notify(none, severity="warning")
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
        what = (_("invoice {number} ({n} of {total})").format(number=clean(invoice.number), n=n, total=len(invoices))
                if many else _("invoice {number}").format(number=clean(invoice.number)))
        try:
            path = await pdf_download.save_pdf(
                partial(finance.invoice_pdf, client, invoice.id),
                what, f"{invoice.number or 'invoice-' + invoice.id}.pdf", pane.show_status)
        except Exception as exc:
            failed.append(pdf_download.failure(exc, _("invoice {number}").format(number=clean(invoice.number))))
            continue
        saved.append(path)
    message = pdf_download.where(saved)
    if failed:
        message = _("{saved}. {n} failed: {first}").format(
            saved=message, n=len(failed), first=failed[0]) + (" …" if len(failed) > 1 else "")
        pane.show_status(f"✗ {message}", error=True)
        pane.notify(message, severity="error", timeout=15)
        return
    pane.show_status(message)
    pane.notify(message, title=_("PDF saved") if len(saved) == 1 else _("PDFs saved"), timeout=12)


ACTIONS: tuple[RowAction, ...] = (
    RowAction("D", N_("PDF"), save_one),
    RowAction("A", N_("All PDFs of a period"), save_period, needs_row=False),
)
