"""Every cell of the edition table (DESIGN.md §1), checked through the running
app: what the tree shows and what the command palette offers, per edition.

The expected table is written out here on purpose instead of being read back
from billtui.menu: a mistake there must fail a test, not be copied into it.
"""

from __future__ import annotations

import re

import pytest

from billtui.menu import Edition
from tests.app.conftest import demo_app, palette, screen_text, settle

S, A, C = "standard", "advanced", "corporate"

TABLE: list[tuple[str, str, set[str]]] = [
    ("Customer", "Customer", {S, A, C}),
    ("Services", "Services", {S, A, C}),
    ("Finances", "Credits/Payments", {S, A, C}),
    ("Finances", "Orders", {S, A, C}),
    ("Finances", "Expenses", {S, A, C}),
    ("Finances", "Invoices", {S, A, C}),
    ("Finances", "Affiliate program commissions", {S, A, C}),
    ("Support", "Open tickets", {S, A, C}),
    ("Support", "Archived tickets", {S, A, C}),
    ("Settings", "Notification subscription", {S, A, C}),
    ("Settings", "Favourites", {S, A, C}),
    ("Settings", "Settings", {S}),
    ("Settings", "User settings", {S, A, C}),
    ("Settings", "Affiliate program", {A}),
    ("Help", "Help", {S, A, C}),
    ("Help", "Tutorials", {S, A, C}),
]


def expected(edition: str) -> list[tuple[str, str]]:
    return [(section, item) for section, item, editions in TABLE if edition in editions]


def tree_items(app) -> list[tuple[str, str]]:
    """(section, item) for every menu item node in the tree, in order."""
    from billtui.widgets.nav_tree import NavTree

    tree = app.screen.query_one(NavTree)
    out: list[tuple[str, str]] = []

    def walk(node, section: str) -> None:
        for child in node.children:
            # "(2 new)" counts unread tickets; it is not part of the item's name.
            label = re.sub(r" \(\d+ new\)$", "", child.label.plain)
            if child.data is not None and child.data.item is not None:
                if child.data.service_type:
                    continue  # product types are the panel's, not the edition's
                out.append((section or label, label))
                walk(child, section)
            else:
                walk(child, label)

    walk(tree.root, "")
    return out


@pytest.mark.parametrize("edition", [S, A, C])
async def test_tree_holds_exactly_the_items_of_the_edition(edition):
    app = demo_app(Edition(edition))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert tree_items(app) == expected(edition)
        # The edition is always on screen.
        assert Edition(edition).title in screen_text(app).splitlines()[0]


async def palette_titles(pilot, query: str) -> list[str]:
    return await palette(pilot, query, close=True)


@pytest.mark.parametrize("edition", [S, A, C])
async def test_palette_offers_exactly_the_items_of_the_edition(edition):
    app = demo_app(Edition(edition))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = await palette_titles(pilot, "Go to")
        items = {t.split("\n")[0].removeprefix("Go to ") for t in titles if t.startswith("Go to ")}
        items = {t for t in items if not t.startswith("Services ›")}
        assert items == {item for _, item in expected(edition)}


async def test_switching_edition_changes_tree_and_header_at_once():
    app = demo_app(Edition.STANDARD)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        titles = await palette_titles(pilot, "Switch edition to Advanced")
        assert any(t.startswith("Switch edition to Advanced") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.press(*"Switch edition to Advanced")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert tree_items(app) == expected(A)
        assert "Advanced" in screen_text(app).splitlines()[0]


async def test_item_the_panel_does_not_offer_is_dimmed_and_says_why():
    app = demo_app(Edition.STANDARD, disabled_funcs=("invoice", "invoice.filter"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert ("Finances", "Invoices (n/a)") in tree_items(app)
        app.goto("invoices")
        await settle(pilot)
        text = screen_text(app)
        assert "Invoices is not available" in text
        assert "does not offer it" in text


async def test_item_whose_call_answers_not_available_is_dimmed_with_the_panels_words():
    app = demo_app(Edition.STANDARD)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert ("Finances", "Invoices") in tree_items(app)
        # The menu listed it, but the provider's module answers "not available".
        app.sim.disabled = frozenset({"invoice"})
        app.goto("invoices")
        await settle(pilot)
        assert ("Finances", "Invoices (n/a)") in tree_items(app)
        assert "not available" in screen_text(app)
