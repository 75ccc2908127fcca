"""Helpers shared by the call modules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

from urllib.parse import urljoin, urlsplit

from .. import assumed
from ..lists import ListCall, iter_pages
from ..parser import Ok

T = TypeVar("T")

Files = Sequence[tuple[str, bytes]]

#: Panel fields passed on as ``BillClient.call(func, **fields)``, typed as its ``**params`` are.
#: A ``**dict[str, str]`` fails there: mypy checks it against ``call``'s own ``write`` and
#: ``files`` keywords too, as a key could be named so. The values are still the caller's
#: ``str``s: only the static type is widened, nothing is converted.
CallFields = Mapping[str, Any]


def upload_fields(files: Files | None) -> dict[str, tuple[str, bytes]] | None:
    """``[(name, bytes), ...]`` → ``{"file_1": (name, bytes), ...}``, or None for no files."""
    if not files:
        return None
    return {f"{assumed.UPLOAD_FIELD_PREFIX}{i}": (name, data) for i, (name, data) in enumerate(files, 1)}


def page_url(ok: Ok | None, base: str = "") -> str | None:
    """The payment page of an ``ok`` reply.

    Real panels answer ``{"$type":"url","$":"/mancgi/sbpayment?elid=150"}`` (a path on the
    panel's own host) or a full URL; production code opens ``ok.$`` whatever its type unless it
    is ``func=order`` (cartOperations.js setPaymentMethods). A ``func=`` redirect is no page.
    """
    if ok is None or not ok.value:
        return None
    value = ok.value.strip()
    if ok.kind != "url" and (value.startswith("func=") or "=" in value.split("/", 1)[0]):
        return None
    url = urljoin(base, value) if base else value
    # Only a web page goes to the browser: a panel must not make billtui open file: or other schemes.
    return url if urlsplit(url).scheme in ("http", "https") else None


def ids(elid: str | Iterable[str]) -> str | list[str]:
    """One id or several (joined by ", " when sent)."""
    return elid if isinstance(elid, str) else [str(e) for e in elid]


async def fetch_all(client: Any, call: ListCall[T], *, page_size: int = 500, max_pages: int = 20,
                    **params: str) -> list[T]:
    """All rows of a short list (payers, discounts...), page by page, at most ``max_pages`` pages.

    A list longer than that is cut short quietly: these lists feed pickers and summaries,
    where the first ``page_size * max_pages`` rows are plenty.
    """
    out: list[T] = []
    async for page in iter_pages(client, call, page_size=page_size, max_pages=max_pages, params=params or None):
        out.extend(page.rows)
    return out
