"""Invoices with Pilot against the demo panel: details, one PDF, every PDF of a period."""

from __future__ import annotations

from billtui.widgets.details import DetailsScreen
from billtui.screens.finances.period import PeriodScreen
from tests.app.conftest import demo_app, open_item, screen_text, settle


def notes(app) -> str:
    return "\n".join(n.message for n in app._notifications)


def is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


async def test_download_an_invoice_saves_a_valid_pdf_and_says_where(isolated_dirs):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "invoices")
        assert "INV-2026-0012" in screen_text(app)
        await pilot.press("D")
        await settle(pilot)
        downloads = isolated_dirs / "downloads"
        (path,) = downloads.iterdir()
        assert path.name == "INV-2026-0012.pdf"
        assert is_pdf(path.read_bytes())
        assert f"Saved to {path}" in notes(app)


async def test_invoice_details_open_on_enter():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "invoices")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailsScreen)
        text = screen_text(app)
        assert "Invoice INV-2026-0012" in text and "Not paid" in text and "Acme Hosting Ltd" in text
        await pilot.press("escape")


async def test_download_every_invoice_of_this_year(isolated_dirs):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "invoices")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, PeriodScreen)
        await pilot.press("ctrl+s")  # the form opens on "This year"
        await settle(pilot)
        files = sorted(p.name for p in (isolated_dirs / "downloads").iterdir())
        expected = [r["number"] + ".pdf" for r in app.sim.state.all(
            "SELECT number FROM invoices WHERE cdate >= '2026-01-01' ORDER BY number")]
        assert files == expected and len(files) == 11
        assert all(is_pdf(p.read_bytes()) for p in (isolated_dirs / "downloads").iterdir())
        assert f"Saved 11 files to {isolated_dirs / 'downloads'}" in notes(app)
