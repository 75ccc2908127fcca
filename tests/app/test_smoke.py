from tests.app.conftest import demo_app, open_item, screen_text, settle


async def test_demo_starts_logged_in_with_the_edition_in_the_header():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "Standard" in text.splitlines()[0]
        assert "Balance $124.50" in text
        await open_item(pilot, "payments")
        assert "PM-000040" in screen_text(app)
