"""Credits/Payments with Pilot against the demo panel: add funds, pay, delete, PDF, filter, export."""

from __future__ import annotations

import csv
import json

from billtui.screens.common.payflow import PaymentPageScreen
from billtui.screens.finances.payments import AddFundsScreen
from billtui.widgets.field import Field
from tests.app.conftest import demo_app, open_item, screen_text, settle


def notes(app) -> str:
    """Every notification shown so far (toasts come and go; their text stays here)."""
    return "\n".join(n.message for n in app._notifications)


def _payments(app):
    return app.sim.state.all("SELECT * FROM payments ORDER BY id")


async def _open_add_funds(pilot):
    await open_item(pilot, "payments")
    await pilot.press("a")
    await settle(pilot)
    assert isinstance(pilot.app.screen, AddFundsScreen)


async def _choose_bank_card(pilot):
    # The method list opens on enter; its first row is the "Choose a method" prompt.
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()
    await pilot.press("tab")


async def test_add_funds_below_the_minimum_keeps_the_form_then_pays_on_the_payment_page():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        before = len(_payments(app))
        await _open_add_funds(pilot)
        text = screen_text(app)
        assert "Bank card (from 5.00 USD up to 5,000.00 USD)" not in text  # the list is closed
        await _choose_bank_card(pilot)
        await pilot.press(*"2.5")
        await pilot.press("ctrl+s")
        await settle(pilot)

        screen = app.screen
        assert isinstance(screen, AddFundsScreen), "a bad amount keeps the form open"
        field = screen.query_one("#amount-field", Field)
        assert field.has_class("-invalid")
        assert screen.query_one("#amount").value == "2.5"
        assert "Bank card takes from 5.00 USD to 5,000.00 USD." in screen_text(app)
        assert len(_payments(app)) == before, "nothing was sent to the panel"

        await pilot.press("end", "backspace", "backspace", "backspace", *"25")
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert isinstance(app.screen, PaymentPageScreen)
        text = screen_text(app)
        assert "https://pay.example.com/pay/" in text
        assert "Adding 25.00 USD by Bank card" in text
        assert app.screen.url in app.clipboard
        rows = _payments(app)
        assert len(rows) == before + 1
        new = rows[-1]
        assert (new["amount"], new["currency"], new["status"], new["paymethod"]) == (2500, "USD", 1, 1)

        await pilot.press("escape")
        await settle(pilot)
        text = screen_text(app)
        assert f"PM-{new['id']:06d}" in text
        line = next(ln for ln in text.splitlines() if f"PM-{new['id']:06d}" in ln)
        assert "New" in line and "25.00 USD" in line


async def test_a_method_must_be_chosen_before_paying():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await _open_add_funds(pilot)
        await pilot.press("tab", *"30", "ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#paymethod-field", Field).has_class("-invalid")
        assert "Choose how you will pay." in screen_text(app)
        assert app.screen.query_one("#amount").value == "30"


async def test_resume_paying_a_new_payment_shows_its_payment_page():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await pilot.press("p")  # PM-000040 is New and the newest
        await settle(pilot)
        assert isinstance(app.screen, PaymentPageScreen)
        assert "Paying PM-000040" in screen_text(app)
        assert "https://pay.example.com/pay/40" in screen_text(app)


async def test_delete_a_new_payment_after_confirmation():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        assert "PM-000040" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert "Delete payment PM-000040 of 300.00 USD?" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert "PM-000040" not in screen_text(app)
        assert "Deleted payment PM-000040." in notes(app)
        assert 40 not in [r["id"] for r in _payments(app)]


async def test_deleting_a_paid_payment_is_refused_before_asking():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await pilot.press("down", "d")  # PM-000039, Credited
        await settle(pilot)
        assert "only New payments can be deleted" in notes(app)
        assert 39 in [r["id"] for r in _payments(app)]


async def test_filter_payments_by_status_and_period():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        pane = app.screen.query_one("PaymentsPane")
        from billtui.screens.finances.period import FilterChoice, preset

        pane.apply_filter(FilterChoice(preset("year", app.today()), "6"))
        await settle(pilot)
        text = screen_text(app)
        assert "Showing: This year · Refunded" in text
        refunded = [r for r in _payments(app) if r["status"] == 6 and r["create_date"] >= "2026-01-01"]
        assert refunded and f"of {len(refunded)} payments" in text
        shown = [ln for ln in text.splitlines() if "PM-0000" in ln]
        assert len(shown) == len(refunded)
        assert all(ln.rstrip().endswith("Refunded") for ln in shown)


async def test_filter_form_marks_a_bad_date_and_keeps_it():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("tab", *"2026-13-01", "ctrl+s")
        await pilot.pause()
        assert "“2026-13-01” is not a date" in screen_text(app)
        assert app.screen.query_one("#from").value == "2026-13-01"
        await pilot.press("escape")


async def test_payment_pdf_is_saved_in_the_downloads_dir(isolated_dirs):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await pilot.press("D")
        await settle(pilot)
        files = list((isolated_dirs / "downloads").iterdir())
        assert [f.name for f in files] == ["payment_PM-000040.pdf"]
        data = files[0].read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        assert str(files[0]) in notes(app)


async def test_export_payments_to_csv_fetches_every_page_and_matches_the_rows(isolated_dirs):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await pilot.press("x")
        await pilot.pause()
        assert "CSV" in screen_text(app)
        await pilot.press("c")
        await settle(pilot)
        files = list((isolated_dirs / "downloads").glob("payments-*.csv"))
        assert len(files) == 1
        assert f"Exported 40 payments to {files[0]}" in notes(app)
        with files[0].open(newline="") as fh:
            rows = list(csv.DictReader(fh))
        panel = sorted(_payments(app), key=lambda r: (r["create_date"], r["id"]), reverse=True)
        assert [r["number"] for r in rows] == [p["number"] for p in panel]
        first = rows[0]
        assert first["credited"] == "300.00" and first["credited_currency"] == "USD"
        assert first["status"] == "New" and first["created"] == panel[0]["create_date"][:10]


async def test_export_follows_the_filter_and_writes_json(isolated_dirs):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        from billtui.screens.finances.period import FilterChoice, Period

        app.screen.query_one("PaymentsPane").apply_filter(FilterChoice(Period("all"), "4"))
        await settle(pilot)
        await pilot.press("x", "j")
        await settle(pilot)
        (path,) = (isolated_dirs / "downloads").glob("payments-*.json")
        doc = json.loads(path.read_text())
        credited = [r for r in _payments(app) if r["status"] == 4]
        assert doc["filters"] == {"status": "4"}
        assert doc["count"] == len(credited) == len(doc["rows"])
        assert {r["status"] for r in doc["rows"]} == {"Credited"}
        assert doc["rows"][0]["credited"]["currency"] == "USD"


async def test_a_json_export_in_russian_keeps_billtuis_own_words_english(isolated_dirs):
    """The file is for scripts: its keys, its title and billtui's values stay as in English (the
    panel's own texts come in the panel's language, as the panel wrote them)."""
    app = demo_app(lang="ru")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "payments")
        await pilot.press("x", "j")
        await settle(pilot)
        (path,) = (isolated_dirs / "downloads").glob("payments-*.json")
        doc = json.loads(path.read_text())
        assert doc["list"] == "payments" and doc["title"] == "Credits/Payments"
        assert doc["rows"][0]["credited"]["amount"].count(",") == 0  # "300.00", not "300,00"
