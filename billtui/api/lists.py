"""Lists, declared: screens ask for "payments, page 3, sorted by date" without naming functions.

A ``ListCall`` ties a list function to its model, its sortable fields and its filter. Filters
use panel-independent keys (documented on each call below); ``fetch_page`` turns them into
the panel's fields, either inline (payments) or through ``NAME.filter&sok=ok`` which the panel
stores for the session — so we re-send it only when it changed or the session was renewed.

Everything that reads a whole list (``billtui get``, exports, adding up expenses) walks it
with ``iter_pages``, which never trusts the panel's row count further than it must: a panel
claiming 999,999,999,999 rows with full pages is read up to a ceiling, and the walk says so.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from billtui.i18n import N_, _
from billtui.i18n import formats

from . import assumed, models
from .models import sort_columns
from .parser import Row

if TYPE_CHECKING:
    from .client import BillClient
    from .models import Click, Discount, Expense, HistoryEntry, Invoice, Notice, Order, Payer, Payment, Service, Ticket

T = TypeVar("T")

__all__ = ["ListCall", "Page", "PageWalk", "fetch_page", "iter_pages", "MAX_LIST_ROWS", "MAX_LIST_PAGES",
           "services", "PAYMENTS", "EXPENSES", "INVOICES", "ORDERS",
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
    # Typed as ``call``'s ``**params`` are: mypy checks a ``**dict[str, str]`` against its
    # ``write``/``files`` keywords too, as a key could be named so (see calls._util.CallFields).
    fixed: Mapping[str, Any] = call.params
    if call.filter_func and (seen is None or seen[1]):
        await client.call(call.filter_func, sok="ok", drop="on", **fixed)
    if panel and not call.inline_filter and call.filter_func:
        await client.call(call.filter_func, sok="ok", **{**fixed, **panel})
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
    # Every value a str; typed as ``call``'s ``**params`` are (see _sync_filter).
    form: dict[str, Any] = {**call.params, "p_cnt": str(max(1, page_size)), "p_num": str(max(1, page))}
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


#: The most rows one walk through a list reads. Twice the largest list of the large demo
#: panel (100,000 expenses) and beyond any real customer's; at about 350 bytes a row in
#: memory, ``billtui get`` holds ~70 MB at the ceiling instead of growing without end.
MAX_LIST_ROWS = 200_000
#: The most requests one walk makes: the row ceiling at ``billtui get``'s 200-row pages. It
#: only matters for a panel that sends tiny pages (it may ignore the page size asked for).
MAX_LIST_PAGES = 1_000


class PageWalk(Generic[T]):
    """Every page of a list, in order, with the panel's numbers checked (see ``iter_pages``).

    Iterate it once (``async for page in walk``); afterwards ``truncated`` says whether
    billtui's ceiling cut the list short, and ``note`` says in one sentence what did not
    add up (the ceiling, a count that changed, fewer rows than announced), or is None:
    in the user's language, and ``note_en`` the same in English (for a file a script reads).
    """

    def __init__(self, client: "BillClient", call: ListCall[T], *, page_size: int,
                 max_rows: int | None = None, max_pages: int | None = None, **fetch_kwargs: Any) -> None:
        self.client = client
        self.call = call
        self.page_size = max(1, page_size)
        # Ceilings are read when the walk is made, so a test can lower the module's constants.
        self.max_rows = MAX_LIST_ROWS if max_rows is None else max(0, max_rows)
        self.max_pages = MAX_LIST_PAGES if max_pages is None else max(0, max_pages)
        self.fetch_kwargs = fetch_kwargs
        #: The row count the panel announced on the first page: the walk never reads past it.
        self.total: int | None = None
        self.rows = 0
        self.pages = 0
        self.truncated = False
        #: The note's English text (marked with ``N_``) and its counts; see ``note``.
        self._note: tuple[str, dict[str, int]] | None = None
        self._started = False

    @property
    def note(self) -> str | None:
        """What did not add up, in one sentence in the user's language, or None."""
        if self._note is None:
            return None
        text, counts = self._note
        return _(text).format(**{k: formats.number(v, 0) for k, v in counts.items()})

    @property
    def note_en(self) -> str | None:
        """``note`` in English, whatever the language (``1,234`` rows): for a file a script reads."""
        if self._note is None:
            return None
        text, counts = self._note
        return text.format(**{k: f"{v:,}" for k, v in counts.items()})

    @property
    def expected(self) -> int:
        """Rows this walk will read at most: the announced count, or the ceiling if that is lower."""
        return min(self.total if self.total is not None else self.max_rows, self.max_rows)

    def __aiter__(self) -> AsyncIterator[Page[T]]:
        if self._started:
            raise RuntimeError("a PageWalk is iterated once; make a new one to read the list again")
        self._started = True
        return self._walk()

    async def _walk(self) -> AsyncIterator[Page[T]]:
        claimed_more: int | None = None
        while True:
            if self.pages >= self.max_pages:
                self._cut(N_("billtui stopped after {pages} pages ({rows} rows), its limit for "
                             "one list; the panel says there are {total}."),
                          pages=self.pages, rows=self.rows, total=self.total or 0)
                return
            got = await fetch_page(self.client, self.call, self.pages + 1, self.page_size, **self.fetch_kwargs)
            self.pages += 1
            if self.total is None:
                self.total = max(0, got.total)
            elif got.total > self.total:
                # A later page may not extend the walk (a hostile panel would never let it end);
                # rows added while reading are left for the next read, and the note says so.
                claimed_more = max(claimed_more or 0, got.total)
            rows = got.rows
            room = self.max_rows - self.rows
            if len(rows) > room:
                rows = rows[:room]
            if rows:
                self.rows += len(rows)
                yield got if rows is got.rows else replace(got, rows=rows)
            if self.rows >= self.total:
                if claimed_more is not None:
                    self._note = (N_("The panel's count grew from {total} to {more} while "
                                     "billtui read the list; it read the {total} first announced."),
                                  {"total": self.total, "more": claimed_more})
                return
            if len(got.rows) > room or self.rows >= self.max_rows:
                self._cut(N_("billtui stopped after {rows} rows, its limit for one list; "
                             "the panel says there are {total}."), rows=self.rows, total=self.total)
                return
            if not got.rows or len(got.rows) < got.page_size:
                self._note = (N_("The panel said there are {total} rows but sent {rows}."),
                              {"total": self.total, "rows": self.rows})
                return

    def _cut(self, note: str, **counts: int) -> None:
        self.truncated = True
        self._note = (note, counts)


def iter_pages(client: "BillClient", call: ListCall[T], *, page_size: int, max_rows: int | None = None,
               max_pages: int | None = None, **fetch_kwargs: Any) -> PageWalk[T]:
    """Walk every page of ``call`` (``fetch_kwargs``: ``sort``, ``filters``, ``params`` as for
    ``fetch_page``), yielding each ``Page`` with its rows.

    The walk ends at the row count the *first* page announced (a later, bigger count does not
    extend it), at an empty or short page, or at ``max_rows`` / ``max_pages`` (default
    ``MAX_LIST_ROWS`` / ``MAX_LIST_PAGES``), whichever comes first; the returned ``PageWalk``
    then says whether it was cut short and what did not add up, so callers can tell the user.
    """
    return PageWalk(client, call, page_size=page_size, max_rows=max_rows, max_pages=max_pages, **fetch_kwargs)


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
