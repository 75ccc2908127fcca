"""Starting a coroutine in a worker only when the worker starts.

``run_worker(self._load())`` makes the coroutine at once; when an exclusive worker is cancelled
before it ever runs (the user moved on), that coroutine is dropped unawaited and Python warns
about it. ``run_worker(later(self._load))`` hands Textual a function instead, called when the
worker starts. Typed ``Any``: Textual's ``WorkType`` cannot describe a ``partial``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any


def later(fn: Callable[..., Awaitable[Any]], /, *args: Any, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)``, called when the worker starts."""
    return partial(fn, *args, **kwargs)
