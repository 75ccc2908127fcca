"""The BILLmanager customer API client (no UI code here).

``BillClient`` holds the session; ``calls`` has one function per API call; ``lists``
declares the list screens' data; ``models`` the typed rows; ``errors`` what can go wrong.
"""

from . import assumed, calls, errors, lists, models, parser, values
from .client import BillClient
from .errors import BillError
from .parser import Cell, Doc, Ok, Option, Row
from .values import Money

__all__ = ["BillClient", "BillError", "Cell", "Doc", "Money", "Ok", "Option", "Row",
           "assumed", "calls", "errors", "lists", "models", "parser", "values"]
