"""Typed rows: what screens get instead of JSON.

Each model names the panel columns it reads in a ``COLUMNS`` table (model field → column
names tried in order) so list sorting and parsing share one spelling; undocumented
columns come from ``assumed``. ``from_row`` is tolerant: a missing or odd cell becomes
``None`` or ``""``, never an exception, so one strange row cannot break a screen; a money or
date cell that has text but cannot be read keeps that text in the model's ``unreadable``
(``Unreadable``), for display code to show instead of a blank (``billtui.display.format.field``).

The models live in one module per area (``account``, ``finance``, ``support``...);
``from billtui.api.models import Payment`` loads only the area it names (PEP 562).
Creating a frozen dataclass costs ~0.3 ms, so the first screen no longer pays for
the thirty-odd models of screens not yet opened (``make bench``: startup).
"""

from __future__ import annotations

from decimal import Decimal
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..parser import Cell, Option, Row
from ..values import Money
from ._cells import Columns, Unreadable, sort_columns

#: Model → the module of this package that defines it.
_AREAS: dict[str, str] = {
    "PaymentStatus": "status", "ServiceStatus": "status", "TicketStatus": "status",
    "Payment": "finance", "Expense": "finance", "Invoice": "finance", "PayMethod": "finance",
    "AddFundsForm": "finance", "PaymentStart": "finance",
    "BasketItem": "cart", "Basket": "cart",
    "Order": "orders", "Tariff": "orders",
    "Reward": "affiliate", "RewardDetail": "affiliate", "Click": "affiliate",
    "Service": "services", "HistoryEntry": "services",
    "ProlongForm": "renewal", "RenewResult": "renewal",
    "Ticket": "support",
    "Attachment": "conversation", "TicketMessage": "conversation", "TicketThread": "conversation",
    "Payer": "account", "Discount": "account", "User": "account", "Dashboard": "account",
    "ServiceType": "account", "PanelMenu": "account",
    "Notice": "settings", "Subscription": "settings",
    "FormData": "forms",
}

__all__ = [*_AREAS, "Columns", "Unreadable", "sort_columns", "Option", "Row", "Cell", "Money", "Decimal"]

if TYPE_CHECKING:
    from .account import Dashboard, Discount, PanelMenu, Payer, ServiceType, User  # noqa: F401
    from .affiliate import Click, Reward, RewardDetail  # noqa: F401
    from .cart import Basket, BasketItem  # noqa: F401
    from .conversation import Attachment, TicketMessage, TicketThread  # noqa: F401
    from .finance import AddFundsForm, Expense, Invoice, Payment, PaymentStart, PayMethod  # noqa: F401
    from .forms import FormData  # noqa: F401
    from .orders import Order, Tariff  # noqa: F401
    from .renewal import ProlongForm, RenewResult  # noqa: F401
    from .services import HistoryEntry, Service  # noqa: F401
    from .settings import Notice, Subscription  # noqa: F401
    from .status import PaymentStatus, ServiceStatus, TicketStatus  # noqa: F401
    from .support import Ticket  # noqa: F401


def __getattr__(name: str) -> Any:
    area = _AREAS.get(name)
    if area is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{area}"), name)
    globals()[name] = value  # the next lookup is a plain global
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_AREAS})
