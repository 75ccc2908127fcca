"""Lists, declared: screens ask for "payments, page 3, sorted by date" without naming functions.

A ``ListCall`` ties a list function to its model, its sortable fields and its filter. Filters
use panel-independent keys (documented on each call below); ``fetch_page`` turns them into
the panel's fields, either inline (payments) or through ``NAME.filter&sok=ok`` which the panel
stores for the session — so we re-send it only when it changed or the session was renewed.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from . import assumed, models
from .models import sort_columns
from .parser import Row

if TYPE_CHECKING:
    from .client import BillClient
    from .models import Click, Discount, Expense, HistoryEntry, Invoice, Notice, Order, Payer, Payment, Service, Ticket

T = TypeVar("T")

__all__ = ["ListCall", "Page", "fetch_page", "services", "PAYMENTS", "EXPENSES", "INVOICES", "ORDERS",
           "TICKETS", "ARCHIVED_TICKETS", "SERVICE_HISTORY", "REWARD_CLICKS", "PAYERS", "DISCOUNTS",
           "NOTICE_GROUPS", "SUBSCRIPTIONS"]

_NO_MAP: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class ListCall(Generic[T]):
    """One list function and how to read, sort and filter it.

    ``filter_fields`` maps panel-independent filter keys to panel fields (unknown keys are
    sent as they are); ``inline_filter`` sends them with the list request itself instead of
    through ``filter_func``; ``needs`` names parameters the caller must give (``elid``);
    ``params`` are fixed parameters (see ``bind``).
    """

    key: str
    func: str
    model: Callable[[Row], T]
    sort_columns: Mapping[str, str]
    filter_func: str | None
    filter_fields: Mapping[str, str] = field(default_factory=lambda: _NO_MAP)
    inline_filter: bool = False
    needs: tuple[str, ...] = ()
    params: Mapping[str, str] = field(default_factory=lambda: _NO_MAP)

    def bind(self, **params: str) -> "ListCall[T]":
        """The same list with fixed parameters, e.g. ``SERVICE_HISTORY.bind(elid=service.id)``."""
        return replace(self, params=MappingProxyType({**self.params, **params}))


@dataclass(frozen=True)
class Page(Generic[T]):
    rows: tuple[T, ...]
    total: int
    page: int
    page_size: int
    #: The order the panel says it used: (column, descending), or None when it does not say.
    sorted_as: tuple[str, bool] | None = None

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size)) if self.page_size > 0 else 1


# Filters stored on the panel, per client: func -> (session epoch, filters sent).
_applied: "weakref.WeakKeyDictionary[Any, dict[str, tuple[int, tuple[tuple[str, str], ...]]]]" = \
    weakref.WeakKeyDictionary()


def _panel_filters(call: ListCall[Any], filters: Mapping[str, str]) -> dict[str, str]:
    return {call.filter_fields.get(k, k): str(v) for k, v in filters.items() if v is not None and v != ""}


def _inline_payment_filter(call: ListCall[Any], filters: Mapping[str, str]) -> dict[str, str]:
    out = _panel_filters(call, filters)
    if not out:
        return {}
    if assumed.PAYMENT_FILTER_FROM in out or assumed.PAYMENT_FILTER_TO in out:
        out.setdefault(assumed.PAYMENT_FILTER_PERIOD[0], assumed.PAYMENT_FILTER_PERIOD[1])
    key, on = assumed.PAYMENT_FILTER_SWITCH
    return {key: on, **out}


async def _sync_filter(client: "BillClient", call: ListCall[Any], panel: dict[str, str]) -> None:
    """Make the filter the panel keeps for this session equal to ``panel``.

    Panels merge a new filter into the stored one, so a changed filter is first dropped and
    then set; an unchanged one (same session) costs nothing.
    """
    state = tuple(sorted(panel.items()))
    per_client = _applied.setdefault(client, {})
    seen = per_client.get(call.func)
    if seen is not None and seen[0] != client.session_epoch:
        seen = None  # a new session starts unfiltered
    if seen is None and not panel:
        return
    if seen is not None and seen[1] == state:
        return
    if call.filter_func and (seen is None or seen[1]):
        await client.call(call.filter_func, sok="ok", drop="on", **call.params)
    if panel and not call.inline_filter and call.filter_func:
        await client.call(call.filter_func, sok="ok", **{**call.params, **panel})
    per_client[call.func] = (client.session_epoch, state)


# One lock per client and list function: the panel keeps a list's filter in the session, so two
# fetches of the same list with different filters (the table and a total being added up) must not
# interleave between setting the filter and reading the list.
_filter_locks: "weakref.WeakKeyDictionary[Any, dict[str, asyncio.Lock]]" = weakref.WeakKeyDictionary()


def _filter_lock(client: Any, func: str) -> asyncio.Lock:
    return _filter_locks.setdefault(client, {}).setdefault(func, asyncio.Lock())


async def fetch_page(client: "BillClient", call: ListCall[T], page: int, page_size: int, *,
                     sort: tuple[str, bool] | None = None, filters: Mapping[str, str] | None = None,
                     params: Mapping[str, str] | None = None) -> Page[T]:
    """One page (1-based) of ``call``; ``sort`` = (model field, descending); ``filters`` as documented
    per call (``None`` leaves the stored filter alone, ``{}`` clears it)."""
    if filters is not None and call.filter_func and not call.inline_filter:
        async with _filter_lock(client, call.func):
            return await _fetch_page(client, call, page, page_size, sort=sort, filters=filters, params=params)
    return await _fetch_page(client, call, page, page_size, sort=sort, filters=filters, params=params)


async def _fetch_page(client: "BillClient", call: ListCall[T], page: int, page_size: int, *,
                      sort: tuple[str, bool] | None, filters: Mapping[str, str] | None,
                      params: Mapping[str, str] | None) -> Page[T]:
    if params:
        call = call.bind(**params)
    missing = [n for n in call.needs if not call.params.get(n)]
    if missing:
        raise ValueError(f"{call.key} needs {', '.join(missing)}")
    form: dict[str, str] = {**call.params, "p_cnt": str(max(1, page_size)), "p_num": str(max(1, page))}
    if sort is not None:
        field_name, descending = sort
        column = call.sort_columns.get(field_name, field_name)
        prefix = assumed.SORT_DESC_PREFIX if descending else assumed.SORT_ASC_PREFIX
        form[assumed.SORT_PARAM] = prefix + column
    panel: dict[str, str] = {}
    if filters is not None:
        panel = _panel_filters(call, filters)
        if call.inline_filter or call.filter_func:
            await _sync_filter(client, call, panel)
        if call.inline_filter:
            form.update(_inline_payment_filter(call, filters))
        elif not call.filter_func:
            form.update(panel)
    epoch = client.session_epoch
    doc = await client.call(call.func, **form)
    if panel and call.filter_func and not call.inline_filter and client.session_epoch != epoch:
        # The session was renewed during the call: the stored filter is gone, so set it again.
        await _sync_filter(client, call, panel)
        doc = await client.call(call.func, **form)
    rows = tuple(call.model(r) for r in doc.rows())
    return Page(rows=rows, total=doc.total, page=doc.page if "p_num" in doc.raw else max(1, page),
                page_size=doc.page_size if doc.has_page_size else max(1, page_size), sorted_as=doc.sorted_as)


def _cols(model: Any) -> Mapping[str, str]:
    return MappingProxyType(sort_columns(model.COLUMNS))


# Each list is made on first use (PEP 562, ``__getattr__`` below), so importing this module
# does not load every area's models (see ``billtui/api/models/__init__.py``).

def _payments() -> ListCall[Payment]:
    """Filters: ``status`` (a PaymentStatus number), ``from`` / ``to`` (YYYY-MM-DD, creation date). Inline."""
    return ListCall(
        "payments", "payment", models.Payment.from_row, _cols(models.Payment), "payment.filter",
        filter_fields=MappingProxyType({"status": assumed.PAYMENT_FILTER_STATUS,
                                        "from": assumed.PAYMENT_FILTER_FROM, "to": assumed.PAYMENT_FILTER_TO}),
        inline_filter=True)


def _expenses() -> ListCall[Expense]:
    """Filters: ``from`` / ``to`` (YYYY-MM-DD), via ``expense.filter`` (``fromdate todate``)."""
    return ListCall("expenses", "expense", models.Expense.from_row, _cols(models.Expense), "expense.filter",
                    filter_fields=MappingProxyType({"from": "fromdate", "to": "todate"}))


def _invoices() -> ListCall[Invoice]:
    """Filters: panel fields as they are (none documented), via ``invoice.filter`` (assumed)."""
    return ListCall("invoices", "invoice", models.Invoice.from_row, _cols(models.Invoice),
                    assumed.INVOICE_FILTER_FUNC)


def _orders() -> ListCall[Order]:
    """Order history; columns assumed (``assumed.ORDER_COLUMNS``)."""
    return ListCall("orders", "order", models.Order.from_row, _cols(models.Order), assumed.ORDER_FILTER_FUNC)


#: Filters: ``text`` (subject contains), ``status`` (a ``TicketStatus`` value).
_TICKET_FILTERS: Mapping[str, str] = MappingProxyType({"text": "name", "status": "tstatus"})


def _tickets() -> ListCall[Ticket]:
    return ListCall("tickets", "clientticket", models.Ticket.from_row, _cols(models.Ticket),
                    "clientticket.filter", filter_fields=_TICKET_FILTERS)


def _archived_tickets() -> ListCall[Ticket]:
    return ListCall("archived_tickets", "clientticket_archive", models.Ticket.from_row, _cols(models.Ticket),
                    "clientticket_archive.filter", filter_fields=_TICKET_FILTERS)


def _service_history() -> ListCall[HistoryEntry]:
    """Needs ``elid`` = the service id: ``SERVICE_HISTORY.bind(elid=...)`` or ``fetch_page(..., params=...)``.

    Evidence: dedicOperations.js getServiceHistory (elid, p_cnt, p_num → elem, p_elems)."""
    return ListCall("service_history", "service.history", models.HistoryEntry.from_row,
                    _cols(models.HistoryEntry), None, needs=("elid",))


def _reward_clicks() -> ListCall[Click]:
    return ListCall("reward_clicks", "affiliate.client.click", models.Click.from_row, _cols(models.Click), None)


def _payers() -> ListCall[Payer]:
    return ListCall("payers", "profile", models.Payer.from_row, _cols(models.Payer), None)


def _discounts() -> ListCall[Discount]:
    """Old-API rows in ``doc.elem`` only: new-API panels answer ``list[$name=promotion]``, which
    ``calls.account.discounts`` reads (both shapes); use that one."""
    return ListCall("discounts", "account.discountinfo", models.Discount.from_row, _cols(models.Discount), None)


def _notice_groups() -> ListCall[Notice]:
    """Notification groups (``mainsubscribe``); rows are ``Notice``."""
    return ListCall("notice_groups", assumed.MAINSUBSCRIBE_LIST_FUNC, models.Notice.from_row,
                    _cols(models.Notice), None)


def _subscriptions() -> ListCall[Notice]:
    """Subscriptions per channel (``subscribe``); may need ``elid`` = group on some panels. Rows are
    known by ``notice_id`` (ISPsystem's function page); production panels keep the switches in
    ``usrparam`` instead, which ``settings.notice_matrix`` prefers (assumed.py, evidence: settings)."""
    return ListCall("subscriptions", assumed.SUBSCRIBE_LIST_FUNC, models.Notice.from_row,
                    _cols(models.Notice), None)


_LISTS: dict[str, Callable[[], ListCall[Any]]] = {
    "PAYMENTS": _payments, "EXPENSES": _expenses, "INVOICES": _invoices, "ORDERS": _orders,
    "TICKETS": _tickets, "ARCHIVED_TICKETS": _archived_tickets, "SERVICE_HISTORY": _service_history,
    "REWARD_CLICKS": _reward_clicks, "PAYERS": _payers, "DISCOUNTS": _discounts,
    "NOTICE_GROUPS": _notice_groups, "SUBSCRIPTIONS": _subscriptions,
}

if TYPE_CHECKING:
    PAYMENTS: ListCall[Payment]
    EXPENSES: ListCall[Expense]
    INVOICES: ListCall[Invoice]
    ORDERS: ListCall[Order]
    TICKETS: ListCall[Ticket]
    ARCHIVED_TICKETS: ListCall[Ticket]
    SERVICE_HISTORY: ListCall[HistoryEntry]
    REWARD_CLICKS: ListCall[Click]
    PAYERS: ListCall[Payer]
    DISCOUNTS: ListCall[Discount]
    NOTICE_GROUPS: ListCall[Notice]
    SUBSCRIPTIONS: ListCall[Notice]


def __getattr__(name: str) -> Any:
    make = _LISTS.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = globals()[name] = make()  # made once: the same object on every use, as a constant would be
    return value


def services(type_name: str) -> ListCall[Service]:
    """The list of one product type (``vds``, ``domain``...); filters via ``T.filter``, panel fields as is.

    Evidence: vdsOperations.js getVDS / dedicOperations.js getServersList (p_cnt, p_num → elem,
    p_elems); dedicOperations.js getDedicFilters, vhostOperations.js getVhostFilters (``T.filter``)."""
    return ListCall(f"services:{type_name}", type_name, partial(models.Service.from_row, type=type_name),
                    _cols(models.Service), f"{type_name}.filter")
