"""Every item opens cold — never opened before, right after start — from the tree, ``:``, the palette
and a favourite, in every edition; and every object kind opens cold from ``:``.

A pane that was never mounted has no widgets yet: a jump that reached into it (``:com`` looked for
``RewardDays``, ``:pay PM-000040`` for the list) crashed. Each path here starts a new app, so the
item it opens is as cold as a user's first keypress can make it.
"""

from __future__ import annotations

import pytest

from billtui.storage.favourites import Favourite, FavouritesStore
from billtui.menu import Edition, items_for
from billtui.screens.shell.main import MainScreen

from tests.app.conftest import demo_app, palette, screen_text, settle

EDITIONS = (Edition.STANDARD, Edition.ADVANCED, Edition.CORPORATE)


def _items(edition: Edition):
    """Standard's items, and for another edition the ones Standard does not have (each path is
    slow enough per item that walking the shared ones three times buys nothing)."""
    if edition is Edition.STANDARD:
        return items_for(edition)
    standard = {i.key for i in items_for(Edition.STANDARD)}
    return tuple(i for i in items_for(edition) if i.key not in standard)


def _opened(app, key: str, title: str) -> None:
    assert app.is_running and app.return_code is None
    assert isinstance(app.screen, MainScreen), type(app.screen).__name__
    assert app.screen.current_key == key or app.screen.current_key.startswith(key + "/")
    text = screen_text(app)
    assert "Traceback" not in text and "NoMatches" not in text


async def _type(pilot, line: str) -> None:
    if isinstance(pilot.app.screen, MainScreen):
        pilot.app.screen.nav.focus()  # out of a form first, as a user would (":" types in a field)
    await pilot.press("colon")
    await pilot.pause()
    await pilot.press(*line, "enter")
    await settle(pilot)


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.value for e in EDITIONS])
async def test_colon_opens_every_item_cold(edition):
    app = demo_app(edition)
    async with app.run_test(size=(100, 30)) as pilot:
        for item in _items(edition):  # each opened for the first time
            await _type(pilot, item.key)
            _opened(app, item.key, item.title)


#: Panes whose lists live inside their own layout (the ones a cold jump crashed on).
COMPOSED = ("payments", "orders", "expenses", "commissions", "tickets", "invoices", "customer")


@pytest.mark.parametrize("key", COMPOSED)
async def test_colon_right_after_start(key):
    app = demo_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await _type(pilot, key)  # the first key a user presses after start
        _opened(app, key, "")


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.value for e in EDITIONS])
async def test_the_palette_opens_every_item_cold(edition):
    app = demo_app(edition)
    async with app.run_test(size=(100, 30)) as pilot:
        for item in _items(edition):
            hits = await palette(pilot, item.title)
            assert any(item.title in h for h in hits), (item.title, hits)
            await pilot.press("enter")
            await settle(pilot)
            _opened(app, item.key, item.title)


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.value for e in EDITIONS])
async def test_a_favourite_opens_every_item_cold(edition):
    items = [i for i in _items(edition) if i.key != "favourites"]
    FavouritesStore("demo").save([Favourite(i.key, i.title) for i in items])
    app = demo_app(edition)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for n, item in enumerate(items):
            app.goto("favourites")
            await settle(pilot)
            app.screen.focus_content()
            await pilot.press("home", *["down"] * n, "enter")
            await settle(pilot)
            _opened(app, item.key, item.title)


@pytest.mark.parametrize("line, shown", [
    ("pay PM-000040", "PM-000040"),
    ("PM-000040", "PM-000040"),
    ("ticket 1004", "Packet loss from Europe"),
    ("1004", "Packet loss from Europe"),
    ("com", "Rewards"),
])
async def test_colon_opens_an_object_cold(line, shown):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _type(pilot, line)
        assert app.is_running and app.return_code is None
        assert shown in screen_text(app)


async def test_colon_opens_an_invoice_and_a_service_cold():
    # Their numbers and names come from the demo data: read them first on another app.
    from billtui.api import lists

    probe = demo_app()
    async with probe.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        client = probe.client
        invoice = (await lists.fetch_page(client, lists.INVOICES, 1, 1)).rows[0]
        service = (await lists.fetch_page(client, lists.services("vds"), 1, 1)).rows[0]
    for line, shown in ((f"inv {invoice.number}", invoice.number), (f"service {service.name}", service.name)):
        app = demo_app()
        async with app.run_test(size=(120, 40)) as pilot:
            await _type(pilot, line)
            assert app.is_running and app.return_code is None
            assert shown in screen_text(app), line
