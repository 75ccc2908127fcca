"""Finding one object — a ticket, an invoice, a payment, a service — and opening it.

Used by the command palette and the ``:`` jump prompt. Only modest first pages
are asked for (never a whole large list): the palette searches what a user is
likely to mean (recent tickets, invoices and payments, every service), and a
``:ticket 1004`` jump looks through a few pages at most.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from billtui.display import format as fmt
from billtui.display.safe import clean
from billtui.host import HostApp, host
from billtui.i18n import _
from billtui.menu import item
from billtui.workers import later


PAGE = 100
JUMP_PAGES = 5  # a jump looks at most this many pages per list


@dataclass(frozen=True)
class ObjectRef:
    """One object a user can open: where it lives in the menu and its row."""

    kind: str  # ticket, invoice, payment, service
    item_key: str  # the menu entry that lists it (tickets, services/vds…)
    row: Any
    title: str  # plain text the palette matches and shows
    help: str

    def matches(self, ident: str) -> bool:
        """Whether ``ident`` names this object: its id, number, name or IP (case-insensitive)."""
        want = ident.strip().lstrip("#").lower()
        keys = {str(getattr(self.row, n, "") or "").lower() for n in ("id", "number", "name", "ip")}
        return bool(want) and want in keys - {""}


def _status(row: Any) -> str:
    """The row's status as the panel wrote it, else billtui's word for it (translated)."""
    return clean(row.status_text or _(row.status.label))


def _ticket(row: Any, item_key: str) -> ObjectRef:
    where = item("archived_tickets" if item_key == "archived_tickets" else "tickets").label
    title = _("Ticket #{id} {subject}").format(id=clean(row.id), subject=clean(row.subject))
    return ObjectRef("ticket", item_key, row, title, f"{where} · {_status(row)}")


def _invoice(row: Any) -> ObjectRef:
    # Amounts as the panel wrote them (its own format, ``124.50 USD``): the value's own text.
    amount = str(row.amount) if row.amount else ""
    return ObjectRef("invoice", "invoices", row, _("Invoice {number}").format(number=clean(row.number)),
                     " · ".join(x for x in (item("invoices").label, fmt.day(row.created), amount,
                                            clean(row.status_text)) if x))


def _payment(row: Any) -> ObjectRef:
    amount = str(row.credited) if row.credited else ""
    return ObjectRef("payment", "payments", row, _("Payment {number}").format(number=clean(row.number)),
                     " · ".join(x for x in (item("payments").label, fmt.day(row.created),
                                            amount, _status(row)) if x))


def _service(row: Any, type_title: str) -> ObjectRef:
    ip = f" {clean(row.ip)}" if row.ip else ""
    where = f"{item('services').label} › {clean(type_title)} · {_status(row)}"
    if row.expires:
        where += " · " + _("expires {date}").format(date=fmt.day(row.expires))
    return ObjectRef("service", f"services/{row.type}", row, _("Service {name}").format(name=clean(row.name)) + ip,
                     where)


async def _rows(client: Any, call: Any, pages: int = 1) -> list[Any]:
    from billtui.api.lists import iter_pages

    out: list[Any] = []
    # {} = this search is unfiltered; fetch_page keeps the panel's stored filter in step.
    async for got in iter_pages(client, call, page_size=PAGE, max_pages=pages, filters={}):
        out.extend(got.rows)
    return out


def _service_types(panel_menu: Any) -> list[tuple[str, str]]:
    return [(t.name, t.title) for t in getattr(panel_menu, "service_types", ())]


async def candidates(client: Any, panel_menu: Any, kinds: Iterable[str] | None = None,
                     pages: int = 1) -> list[ObjectRef]:
    """Objects from the first page(s) of each list; a list that fails is left out."""
    from billtui.api import lists

    wanted = set(kinds or ("ticket", "invoice", "payment", "service"))
    jobs: list[tuple[Any, Any]] = []
    if "ticket" in wanted:
        jobs.append((_rows(client, lists.TICKETS, pages), lambda r: _ticket(r, "tickets")))
        jobs.append((_rows(client, lists.ARCHIVED_TICKETS, pages), lambda r: _ticket(r, "archived_tickets")))
    if "invoice" in wanted:
        jobs.append((_rows(client, lists.INVOICES, pages), _invoice))
    if "payment" in wanted:
        jobs.append((_rows(client, lists.PAYMENTS, pages), _payment))
    if "service" in wanted:
        for name, title in _service_types(panel_menu):
            jobs.append((_rows(client, lists.services(name), pages), lambda r, t=title: _service(r, t)))
    results = await asyncio.gather(*(job for job, _make in jobs), return_exceptions=True)
    out: list[ObjectRef] = []
    for (_job, make), rows in zip(jobs, results):
        if isinstance(rows, BaseException):
            continue
        out.extend(make(r) for r in rows)
    return out


async def find(client: Any, panel_menu: Any, kind: str, ident: str) -> ObjectRef | None:
    """The object of ``kind`` that ``ident`` names exactly, else the first whose title contains it."""
    refs = await candidates(client, panel_menu, (kind,), pages=JUMP_PAGES)
    exact = next((r for r in refs if r.matches(ident)), None)
    if exact is not None:
        return exact
    low = ident.strip().lower()
    return next((r for r in refs if low and low in r.title.lower()), None)


def open_object(app: HostApp, ref: ObjectRef) -> None:
    """Show the object's list in the menu, then open the object as Enter on its row would."""
    app.run_worker(later(_open, app, ref), group="open-object", exclusive=True)


async def _open(app: HostApp, ref: ObjectRef) -> None:
    from billtui.screens.shell.main import MainScreen
    from billtui.widgets.list_pane import ListPane

    screen = next((s for s in reversed(app.screen_stack) if isinstance(s, MainScreen)), None)
    if screen is None:
        return
    if screen.nav.find(ref.item_key) is None:
        app.notify(_("{title} is in a part of the menu this edition does not show.").format(title=ref.title),
                   severity="warning")
        return
    screen.open_key(ref.item_key, focus=True)
    current = await screen.pane_mounted()
    found = [current] if isinstance(current, ListPane) else list(current.query(ListPane)) if current else []
    pane = found[0] if found else None
    if pane is None:
        app.notify(_("Could not open {title}: its list did not open.").format(title=ref.title), severity="error")
        return
    await pane.open_row(ref.row)
