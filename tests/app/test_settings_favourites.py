"""Favourites: starred with f, shown at the top of the tree, in the palette and
in their pane, kept per profile across restarts, reordered, removed, and never
shown when the edition hides their item."""

from __future__ import annotations

from billtui.menu import Edition
from tests.app.conftest import demo_app, open_item, screen_text, settle
from tests.app.test_editions import palette_titles


def favourites_group(app) -> list[str]:
    from billtui.widgets.nav_tree import NavTree

    tree = app.screen.query_one(NavTree)
    for node in tree.root.children:
        if "Favourites" in node.label.plain and node.data is not None and node.data.item is None:
            return [child.label.plain for child in node.children]
    return []


async def star_tree_item(pilot, key: str) -> None:
    app = pilot.app
    await open_item(pilot, key)
    app.screen.nav.focus()
    await pilot.pause()
    await pilot.press("f")
    await settle(pilot)


async def test_star_a_menu_item_and_find_it_after_a_restart():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert favourites_group(app) == []
        await star_tree_item(pilot, "invoices")
        assert favourites_group(app) == ["Invoices"]
        assert "Starred Invoices" in screen_text(app) or favourites_group(app)
    # A new app, the same data dir: still there, at the top of the tree and in its pane.
    again = demo_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert favourites_group(again) == ["Invoices"]
        assert screen_text(again).splitlines()[1].strip().startswith("▼ ★ Favourites")
        await open_item(pilot, "favourites")
        assert "★ Invoices" in screen_text(again)
        titles = await palette_titles(pilot, "Favourite")
        assert any(t.startswith("Favourite: Invoices") for t in titles)


async def test_star_an_object_in_a_list_and_open_it_from_favourites():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "invoices")
        app.screen.focus_content()
        await pilot.press("down")  # the second invoice
        await pilot.pause()
        row = app.screen.current_pane().table.current_row
        await pilot.press("f")
        await settle(pilot)
        assert favourites_group(app) == [f"Invoices › {row.number}"]
        # Go elsewhere, then open the favourite from the tree: the invoice list, that row, opened.
        await open_item(pilot, "customer")
        tree = app.screen.nav
        tree.focus()
        tree.move_cursor(tree.root.children[0].children[0])
        await pilot.press("enter")
        await settle(pilot)
        from billtui.widgets.details import DetailsScreen

        assert isinstance(app.screen, DetailsScreen)  # opened, as Enter on its row would
        assert row.number in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.current_key == "invoices"
        assert app.screen.current_pane().table.current_row.id == row.id


async def test_reorder_and_remove_in_the_favourites_pane():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await star_tree_item(pilot, "payments")
        await star_tree_item(pilot, "expenses")
        await star_tree_item(pilot, "help")
        assert favourites_group(app) == ["Credits/Payments", "Expenses", "Help"]
        await open_item(pilot, "favourites")
        app.screen.focus_content()
        await pilot.press("down", "K")  # Expenses moves to the top
        await settle(pilot)
        assert favourites_group(app) == ["Expenses", "Credits/Payments", "Help"]
        await pilot.press("d")  # remove Expenses (still highlighted)
        await settle(pilot)
        assert favourites_group(app) == ["Credits/Payments", "Help"]
        text = screen_text(app)
        assert "★ Credits/Payments" in text and "★ Expenses" not in text


async def test_favourite_of_an_item_the_edition_hides_is_not_shown():
    app = demo_app(Edition.ADVANCED)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await star_tree_item(pilot, "affiliate")
        await star_tree_item(pilot, "tutorials")
        assert favourites_group(app) == ["Affiliate program", "Tutorials"]
        app.switch_edition(Edition.CORPORATE)
        await settle(pilot)
        assert favourites_group(app) == ["Tutorials"]
        titles = await palette_titles(pilot, "Favourite")
        assert not any("Affiliate program" in t for t in titles)
        assert any(t.startswith("Favourite: Tutorials") for t in titles)
        await open_item(pilot, "favourites")
        text = screen_text(app)
        assert "★ Tutorials" in text and "★ Affiliate program" not in text
        # Kept on disk: back in Advanced it returns.
        app.switch_edition(Edition.ADVANCED)
        await settle(pilot)
        assert favourites_group(app) == ["Affiliate program", "Tutorials"]


async def test_f_on_a_favourite_in_the_tree_unstars_it():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await star_tree_item(pilot, "orders")
        tree = app.screen.nav
        tree.focus()
        tree.move_cursor(tree.root.children[0].children[0])
        await pilot.press("f")
        await settle(pilot)
        assert favourites_group(app) == []


async def test_a_starred_item_follows_the_language_it_is_shown_in():
    """Starred in English, shown in Russian after a restart with --lang ru (and the other way):
    a menu item's favourite is shown by its name, not by the words of the day it was starred."""
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await star_tree_item(pilot, "invoices")
    russian = demo_app(lang="ru")
    async with russian.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(russian)
        assert "★ Избранное" in text and "Invoices" not in text
        await open_item(pilot, "favourites")
        assert "★ Счета" in screen_text(russian)
        await star_tree_item(pilot, "payments")  # starred in Russian: the notice says so in Russian
        assert "Платежи: добавлено в избранное." in [n.message for n in russian._notifications]
    again = demo_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert favourites_group(again) == ["Invoices", "Credits/Payments"]
