"""Soak: 1,000 random steps (navigation, list keys, forms, ticket replies) against the demo panel
while it fails at random (seeded). No crash, no unhandled exception, no draft lost."""

from __future__ import annotations

import random
import time

import pytest

from tests.app.conftest import demo_app, settle

pytestmark = pytest.mark.slow

STEPS = 1000
SEED = 20261125

#: Keys a user presses anywhere. Left out: q / ctrl+c (quit), o (open a browser).
KEYS = ("up", "down", "down", "pagedown", "pageup", "home", "end", "enter", "escape", "escape",
        "r", "s", "tab", "shift+tab", "left", "right", "space", "t", "a", "p", "x", "n", "y", "h", "i",
        "question_mark", "slash", "f5")


FAULTS = ("latency", "http500", "html", "truncated", "busy", "drop", "access")


def press(app, key: str) -> None:
    """Post a key press as the terminal would, without waiting for the screen to catch up."""
    from textual import events

    app.post_message(events.Key(key, key if len(key) == 1 else None))


def crashed(app) -> BaseException | None:
    return getattr(app, "_exception", None)


async def back_to_main(pilot) -> None:
    from billtui.screens.shell.main import MainScreen

    await pilot.pause()  # let the keys already typed land first
    for _ in range(6):
        if isinstance(pilot.app.screen, MainScreen):
            return
        await pilot.press("escape")
        await pilot.pause()
    while len(pilot.app.screen_stack) > 1 and not isinstance(pilot.app.screen, MainScreen):
        pilot.app.pop_screen()
        await pilot.pause()


async def draft_probe(pilot, n: int, kind: str | None) -> str | None:
    """Write a ticket reply and send it into a fault of ``kind``: the text must survive somewhere."""
    from billtui.screens.shell.main import MainScreen

    app = pilot.app
    app.sim.faults.clear()  # get to the ticket reliably; the fault is for the send
    await settle(pilot)
    await back_to_main(pilot)
    if not isinstance(app.screen, MainScreen):
        return None
    app.goto("tickets")
    await settle(pilot)
    app.screen.focus_content()
    await pilot.press("home", "enter")
    await settle(pilot)
    editor = getattr(app.screen, "editor", None)
    if editor is None:
        return None
    await pilot.press("w")
    await pilot.pause()
    text = f"soak draft {n}"
    editor.text = ""
    await pilot.press(*text)
    if kind is not None:
        app.sim.faults.set("clientticket.edit", kind, count=1)
    await pilot.press("ctrl+s")
    await settle(pilot)
    kept = editor.text == text
    stored = app.sim.state.one("SELECT 1 FROM ticket_messages WHERE body=?", (text,)) is not None
    assert kept or stored, f"the reply {text!r} was lost"
    return text


@pytest.mark.soak
async def test_a_thousand_random_steps_with_random_faults():
    rng = random.Random(SEED)
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.client.busy_retry_delays = (0.0,)
        keys = [e.key for e in app.screen.nav.entries()]
        app.sim.faults.random(0.15, seed=SEED, kinds=FAULTS)
        probes = 0
        started = time.perf_counter()
        for step in range(STEPS):
            roll = rng.random()
            if roll < 0.08:
                await back_to_main(pilot)
                app.goto(rng.choice(keys))
            else:
                if roll < 0.13:
                    app.sim.expire_all_sessions()
                press(app, rng.choice(KEYS))
            if step % 8 == 7:
                await pilot.pause()  # keys arrive like a fast typist's: a few at a time
            if step % 50 == 49:
                await settle(pilot)
                print(f"step {step + 1}: {time.perf_counter() - started:.1f}s")
            if step % 200 == 100:
                kind = rng.choice((None, "drop", "http500", "truncated", "html", "busy", "access"))
                if await draft_probe(pilot, step, kind) is not None:
                    probes += 1
                app.sim.faults.clear()
                app.sim.faults.random(0.15, seed=SEED + step, kinds=FAULTS)
                await back_to_main(pilot)
            assert crashed(app) is None, f"step {step}: {crashed(app)!r}"
            assert app.is_running, f"billtui stopped at step {step}"
        await settle(pilot)
        assert crashed(app) is None
        print(f"{probes} draft probes, {len(app.sim.faults.fired)} faults")
        assert len(app.sim.faults.fired) > 20, "the faults did not fire"
        assert probes >= 3, "too few ticket replies were tried"


#: Ways in that reach a pane the moment billtui starts: a ":" jump (menu words and objects), the
#: palette, a favourite. A cold pane (never opened) crashed on three of them before.
JUMPS = ("com", "pay", "pay PM-000040", "PM-000040", "ticket 1004", "1004", "inv", "exp", "ord", "tickets",
         "archive", "notify", "user", "contact", "fav", "vds", "help", "me", "wat")
PALETTE = ("commis", "payments", "orders", "expenses", "tickets", "user settings", "vds", "help")
COLD_STARTS = 12
COLD_STEPS = 25


def type_line(app, keys: str) -> None:
    for ch in keys:
        press(app, "space" if ch == " " else ch)


@pytest.mark.soak
async def test_quick_keys_right_after_start_reach_cold_panes_without_a_crash():
    from billtui.storage.favourites import Favourite, FavouritesStore
    from billtui.menu import Edition, items_for

    rng = random.Random(SEED + 1)
    FavouritesStore("demo").save([Favourite(i.key, i.title) for i in items_for(Edition.STANDARD)
                                  if i.key != "favourites"])
    for start in range(COLD_STARTS):
        app = demo_app()
        async with app.run_test(size=(80, 24)) as pilot:
            # No settle first: the keys land while the menu and the first pane are still loading.
            for step in range(COLD_STEPS):
                roll = rng.random()
                if roll < 0.35:
                    press(app, "escape")
                    press(app, "colon")
                    type_line(app, rng.choice(JUMPS))
                    press(app, "enter")
                elif roll < 0.5:
                    press(app, "escape")
                    press(app, "ctrl+p")
                    type_line(app, rng.choice(PALETTE))
                    press(app, "enter")
                elif roll < 0.6:
                    app.goto("favourites")
                    press(app, "tab")
                    for _ in range(rng.randrange(8)):
                        press(app, "down")
                    press(app, "enter")
                else:
                    press(app, rng.choice(KEYS))
                if step % 5 == 4:
                    await pilot.pause()
                assert crashed(app) is None, f"start {start} step {step}: {crashed(app)!r}"
            await settle(pilot)
            await back_to_main(pilot)
            assert crashed(app) is None, f"start {start}: {crashed(app)!r}"
            assert app.is_running, f"billtui stopped at start {start}"
