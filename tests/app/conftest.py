"""Helpers for driving billtui with Pilot against the embedded demo panel."""

from __future__ import annotations

import datetime as dt

import pytest

from billtui.app import BillTUI
from billtui.launch import Launch
from billtui.menu import Edition

# Demo data is relative to "today"; tests (and snapshots) pin it.
DEMO_TODAY = dt.date(2026, 11, 25)


def make_sim(edition: Edition = Edition.STANDARD, **kwargs):
    from billtui.sim.app import create_app

    kwargs.setdefault("today", DEMO_TODAY)
    return create_app(tier=edition.value, **kwargs)


def demo_app(edition: Edition = Edition.STANDARD, *, lang: str | None = None, **sim_kwargs) -> BillTUI:
    """billtui on the demo panel; ``lang`` as ``--lang`` gives it (``ru``: the panel and billtui in Russian)."""
    sim = make_sim(edition, **sim_kwargs)
    app = BillTUI(Launch.demo(edition, lang=lang), demo_sim=sim)
    app.sim = sim  # type: ignore[attr-defined]
    return app


async def settle(pilot) -> None:
    """Wait until every request in flight has been answered and shown."""
    from textual.worker import WorkerCancelled

    for _ in range(3):
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerCancelled:
            pass  # a worker the app cancelled (an export, an add-up left behind): done all the same
        await pilot.pause()


async def escape_to_main(pilot) -> None:
    """Press escape, as a user backing out of dialogs, until the main screen is on top."""
    from billtui.screens.shell.main import MainScreen

    for _ in range(5):
        if isinstance(pilot.app.screen, MainScreen):
            return
        await pilot.press("escape")
        await settle(pilot)


async def open_item(pilot, key: str) -> None:
    pilot.app.goto(key)
    await settle(pilot)


def screen_text(app) -> str:
    """Everything on screen as plain text: what a user reads."""
    import io

    from rich.console import Console

    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def top_text(app) -> str:
    """What the dialog on top says (its text widgets, in order), without the screen dimmed behind
    it, whose lines would interleave with the dialog's in ``screen_text``."""
    from textual.widgets import Static

    parts = []
    for widget in app.screen.query(Static):
        if widget.display:
            visual = widget.render()
            parts.append(getattr(visual, "plain", None) or str(visual))
    return "\n".join(parts)


async def palette(pilot, query: str, *, close: bool = False) -> list[str]:
    """Open the palette, type ``query``, and return each hit's first line as the user reads it."""
    from textual.command import CommandList, CommandPalette

    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    # Let the palette's search worker gather every provider's hits.
    await app.screen.workers.wait_for_complete()
    await pilot.pause()
    options = app.screen.query_one(CommandList)
    hits = [options.get_option_at_index(i).prompt.plain.split("\n")[0] for i in range(options.option_count)]
    if close:
        await pilot.press("escape")
        await pilot.pause()
    return hits


@pytest.fixture
def app() -> BillTUI:
    return demo_app()
