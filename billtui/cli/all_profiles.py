"""``--all-profiles``: the same work on every saved profile at once.

The profiles are queried concurrently, each with its own client, so a slow or dead panel
costs its own time only. Each one's result or failure is kept apart: one failing profile is
reported and never hides what the others returned.

Nothing here asks anything: a profile whose password is not in the environment, its
``password_command`` or the keyring fails with the usual line naming those, as it would in
cron. The password lookup runs off the event loop (``off_thread``), because a
``password_command`` may take a while and must not hold up the other profiles or the run's
deadline.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from billtui.i18n import _

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What one profile gave: ``value``, or the ``error`` that stopped it."""

    profile: str
    value: T | None = None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class TimedOut(Exception):
    """A profile did not finish within the run's ``--timeout``."""

    def __init__(self, seconds: float) -> None:
        super().__init__(_("no answer within {seconds} s (--timeout)").format(seconds=f"{seconds:g}"))
        self.seconds = seconds


async def off_thread(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` in a daemon thread, awaited.

    Not ``asyncio.to_thread``: its executor is joined when ``asyncio.run`` ends, so a
    ``password_command`` that hangs would hold the whole run past its deadline. A daemon
    thread is left behind instead (it ends with the process).
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(result: Any, error: BaseException | None) -> None:
        if future.done():
            return  # the caller gave up (its deadline passed)
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(result)

    def target() -> None:
        try:
            result, error = fn(*args, **kwargs), None
        except BaseException as exc:  # handed to the awaiting task, which decides
            result, error = None, exc
        try:
            loop.call_soon_threadsafe(settle, result, error)
        except RuntimeError:
            pass  # the loop is closed: nobody is waiting any more

    threading.Thread(target=target, name="billtui-profile", daemon=True).start()
    return await future


async def logged_in(profile: Any, work: Callable[[Any], Awaitable[T]], lang: str | None = None) -> T:
    """Log in to ``profile`` (never asking anything), run ``work(client)``, close the client.
    ``lang``: ``--lang``, over the profile's own language."""
    from billtui.cli.session import client_for
    from billtui.storage import languages

    code = languages.resolve(lang, profile).code
    client = await off_thread(client_for, profile, interactive=False, lang=code)
    try:
        await client.login()
        return await work(client)
    finally:
        try:
            await client.aclose()
        except Exception:
            pass


async def each_profile(profiles: Sequence[Any], work: Callable[[Any], Awaitable[T]], *,
                       timeout: float | None = None) -> list[Outcome[T]]:
    """``work(profile)`` for every profile concurrently, in the profiles' order; ``timeout``
    bounds each (they all start together, so it bounds the whole run too)."""

    async def one(profile: Any) -> Outcome[T]:
        try:
            if timeout is None:
                return Outcome(profile.name, await work(profile))
            return Outcome(profile.name, await asyncio.wait_for(work(profile), timeout))
        except TimeoutError:
            return Outcome(profile.name, error=TimedOut(timeout or 0))
        except Exception as exc:  # reported with the profile's name; the others go on
            return Outcome(profile.name, error=exc)

    return list(await asyncio.gather(*(one(p) for p in profiles)))
