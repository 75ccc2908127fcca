"""Settings, as a user drives them against the demo panel: the notifications
matrix, the password change, the theme, and which settings each edition shows."""

from __future__ import annotations

import pytest

from billtui.menu import Edition
from tests.app.conftest import demo_app, open_item, screen_text, settle


def subscribed(app, notice_id: int, channel: str) -> bool:
    row = app.sim.state.one("SELECT active FROM subscriptions WHERE notice_id=? AND channel=?",
                            (notice_id, channel))
    return bool(row["active"])


def group_on(app, group_id: int, channel: str) -> bool:
    """A usrparam switch as the demo keeps it: every notice of the group on that channel."""
    rows = app.sim.state.all("SELECT s.active FROM subscriptions s JOIN notices n ON n.id = s.notice_id "
                             "WHERE n.grp=? AND s.channel=?", (group_id, channel))
    return bool(rows) and all(r["active"] for r in rows)


@pytest.fixture
def list_mode(monkeypatch):
    """A panel whose usrparam has no notice switches: the pane falls back to mainsubscribe/subscribe."""
    from billtui.sim.handlers import settings as sim_settings

    monkeypatch.setattr(sim_settings, "_notice_switches", lambda ctx: {})


# --- the usrparam switches (what production panels use) --------------------------------


async def test_notifications_matrix_shows_the_usrparam_switches():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        text = screen_text(app)
        assert "Email" in text and "SMS" in text and "Messenger" in text
        line = next(l for l in text.splitlines() if "Support service" in l)
        # email on, SMS off, Messenger (the demo's Telegram) on: the demo's seed
        assert line.split("Support service")[1].split() == ["[✓]", "[", "]", "[✓]"]
        line = next(l for l in text.splitlines() if "News notifications" in l)
        assert line.split("News notifications")[1].split() == ["[", "]", "[", "]", "[", "]"]


async def test_toggle_a_switch_and_it_is_stored():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        assert not group_on(app, 1, "sms")
        # The cursor starts on "Financial notices" × Email; go to SMS.
        await pilot.press("right", "space")
        await pilot.pause()
        assert "1 unsaved change" in screen_text(app)
        assert not group_on(app, 1, "sms")  # nothing is sent before saving
        await pilot.press("s")  # s is Sort everywhere: it saves nothing here
        await pilot.pause()
        assert "Financial notices: SMS on" not in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Financial notices: SMS on" in screen_text(app)
        await pilot.press("y")
        await settle(pilot)
        assert group_on(app, 1, "sms")
        assert group_on(app, 1, "email")  # other switches untouched
        assert not group_on(app, 2, "sms")
        assert "Saved" in screen_text(app)
        from billtui.api.calls import settings

        matrix = await settings.notice_matrix(app.client)
        assert {n.id: n for n in matrix.notices}["finance"].channels["ntsms"] is True


async def test_leaving_with_unsaved_switches_says_they_are_kept():
    app = demo_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_item(pilot, "notifications")
        await pilot.press("right", "space")
        await pilot.pause()
        text = screen_text(app)
        assert "1 unsaved change (marked *)" in text and "[✓]*" in text  # the mark is drawn
        await open_item(pilot, "payments")
        shown = [n.message for n in app._notifications]
        assert any("Notification subscription has unsaved changes" in m for m in shown), shown
        await open_item(pilot, "notifications")
        assert "[✓]*" in screen_text(app)  # still there on the way back


async def test_undo_drops_pending_switches():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        await pilot.press("right", "space", "down", "space")
        await pilot.pause()
        assert "2 unsaved changes" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert "unsaved" not in screen_text(app)


async def test_saving_switches_fails_keeps_the_changes():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        app.sim.faults.set("usrparam", "http500", count=1)
        await pilot.press("right", "space", "ctrl+s", "y")
        await settle(pilot)
        text = screen_text(app)
        assert "Could not save" in text
        assert "1 unsaved change" in text or "marked *" in text
        assert not group_on(app, 1, "sms")


async def test_saving_switches_keeps_the_users_language():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.sim.state.run("UPDATE users SET lang='de' WHERE id=7")
        await open_item(pilot, "notifications")
        await pilot.press("right", "space", "ctrl+s", "y")
        await settle(pilot)
        assert group_on(app, 1, "sms")
        assert app.sim.state.one("SELECT lang FROM users WHERE id=7")["lang"] == "de"


# --- the mainsubscribe / subscribe lists (a panel without usrparam switches) -------------


async def test_notifications_matrix_shows_real_states(list_mode):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        text = screen_text(app)
        assert "Email" in text and "Telegram" in text
        line = next(l for l in text.splitlines() if "Reply to a ticket" in l)
        # email on, SMS off, Telegram on, panel on (the demo's seed)
        assert line.split("Reply to a ticket")[1].split() == ["[✓]", "[", "]", "[✓]", "[✓]"]
        assert "—" not in text.split("Notification subscription")[-1]


async def test_toggle_a_notification_and_it_is_stored(list_mode):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        assert not subscribed(app, 12, "sms")
        # The cursor starts on "Payment received" × Email; go to "Low balance" × SMS.
        await pilot.press("down", "right", "space")
        await pilot.pause()
        assert "1 unsaved change" in screen_text(app)
        assert not subscribed(app, 12, "sms")  # nothing is sent before saving
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Low balance: SMS on" in screen_text(app)  # the confirmation says what changes
        await pilot.press("y")
        await settle(pilot)
        assert subscribed(app, 12, "sms")
        assert subscribed(app, 12, "email")  # other channels untouched
        assert "Saved" in screen_text(app)
        # Re-read through the api: the panel has it.
        from billtui.api.calls import settings

        notices = {n.id: n for n in await settings.subscriptions(app.client)}
        assert notices["12"].channels["sms"] is True


async def test_a_group_row_flips_the_whole_group_and_undo_drops_it(list_mode):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        await pilot.press("up", "space")  # the "Finances" row, Email column
        await pilot.pause()
        assert "3 unsaved changes" in screen_text(app)
        await pilot.press("u")
        await pilot.pause()
        assert "unsaved" not in screen_text(app)


async def test_saving_fails_keeps_the_changes(list_mode):
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        app.sim.faults.set("subscribe.resume", "http500", count=5)
        await pilot.press("down", "right", "space", "ctrl+s", "y")
        await settle(pilot)
        text = screen_text(app)
        assert "Could not save" in text
        assert "1 unsaved change" in text or "marked *" in text
        assert not subscribed(app, 12, "sms")


async def _open_user_settings(pilot):
    await open_item(pilot, "user_settings")
    app = pilot.app
    app.screen.focus_content()
    await pilot.pause()


async def _type_passwords(pilot, old: str, new: str, confirm: str) -> None:
    app = pilot.app
    app.screen.query_one("#usr-old_passwd").focus()
    await pilot.pause()
    await pilot.press(*old, "enter", *new, "enter", *confirm)
    await pilot.press("ctrl+o")
    await settle(pilot)


async def test_wrong_old_password_marks_the_field_and_keeps_input():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        await _type_passwords(pilot, "nope", "s3cret!", "s3cret!")
        field = app.screen.query_one("#usr-old_passwd-field")
        assert field.has_class("-invalid")
        assert app.screen.query_one("#usr-passwd").value == "s3cret!"
        row = app.sim.state.one("SELECT password FROM users WHERE id=7")
        assert row["password"] == "demo"


async def test_mismatched_new_passwords_mark_confirm_without_asking_the_panel():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        await _type_passwords(pilot, "demo", "s3cret!", "s3cret?")
        assert app.screen.query_one("#usr-confirm-field").has_class("-invalid")
        assert "do not match" in screen_text(app)
        assert not app.screen.query_one("#usr-old_passwd-field").has_class("-invalid")


async def test_change_password_and_the_new_one_logs_in():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        await _type_passwords(pilot, "demo", "s3cret!", "s3cret!")
        assert "Password changed" in screen_text(app)
        assert app.screen.query_one("#usr-old_passwd").value == ""
        # The session expires: the client logs in again by itself with the new password.
        app.sim.expire_all_sessions()
        from billtui.api.calls import account

        user = await account.whoami(app.client)
        assert user.login == "demo"
        # And a fresh login with the new password works, the old one does not.
        import httpx

        from billtui.api.client import BillClient
        from billtui.api.errors import LoginRefused
        from billtui.launch import DEMO_URL

        fresh = BillClient(DEMO_URL, "demo", "s3cret!", transport=httpx.ASGITransport(app=app.sim))
        await fresh.login()
        await fresh.aclose()
        stale = BillClient(DEMO_URL, "demo", "demo", transport=httpx.ASGITransport(app=app.sim))
        with pytest.raises(LoginRefused):
            await stale.login()
        await stale.aclose()


async def test_switch_theme_applies_at_once():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        from textual.widgets import Select

        select = app.screen.query_one("#usr-theme", Select)
        select.focus()
        await pilot.pause()
        before = app.theme
        target = "nord" if before != "nord" else "gruvbox"
        select.value = target
        await pilot.pause()
        assert app.theme == target
        assert "Theme nord applied" in screen_text(app) or app.theme == target


async def test_theme_is_remembered_for_a_real_profile(tmp_path):
    from billtui.storage import config as config_mod

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        # Pretend this is a saved profile: the theme goes to the config file.
        from dataclasses import replace

        app.launch = replace(app.launch, mode="profile")
        from textual.widgets import Select

        app.screen.query_one("#usr-theme", Select).value = "nord"
        await pilot.pause()
    assert config_mod.load().theme == "nord"


async def test_language_and_time_zone_are_saved():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        from textual.widgets import Select

        app.screen.query_one("#usr-timezone", Select).value = "UTC"
        app.screen.query_one("#usr-lang", Select).value = "de"
        await pilot.press("ctrl+s")
        await settle(pilot)
        row = app.sim.state.one("SELECT timezone, lang FROM users WHERE id=7")
        assert (row["timezone"], row["lang"]) == ("UTC", "de")


async def test_two_factor_status_is_shown():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        assert "Two-factor authentication: off" in screen_text(app)


@pytest.mark.parametrize("edition, contact, affiliate", [
    (Edition.STANDARD, True, False), (Edition.ADVANCED, False, True), (Edition.CORPORATE, False, False)])
async def test_contact_and_affiliate_screens_follow_the_edition(edition, contact, affiliate):
    app = demo_app(edition)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await open_item(pilot, "contact_settings")
        assert ("Contact person" in screen_text(app)) is contact
        await open_item(pilot, "affiliate")
        assert ("Referral link" in screen_text(app)) is affiliate


async def test_contact_data_is_validated_then_saved():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "contact_settings")
        app.screen.focus_content()
        email = app.screen.query_one("#contact-email")
        email.value = "not-an-email"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen.query_one("#contact-email-field").has_class("-invalid")
        assert app.sim.state.kv("notify_email") == "billing@acme.example.com"
        email.value = "ops@acme.example.com"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not app.screen.query_one("#contact-email-field").has_class("-invalid")
        assert app.sim.state.kv("notify_email") == "ops@acme.example.com"


async def test_affiliate_join_and_copy_link_and_code():
    app = demo_app(Edition.ADVANCED)
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "affiliate")
        app.screen.focus_content()
        app.screen.query_one("#aff-promocode").value = "JOHN-10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.sim.state.kv("affiliate_promocode") == "JOHN-10"
        app.screen.query_one("#aff-affiliate").focus()
        await pilot.press("c")
        await pilot.press("p")
        await pilot.pause()
        assert copied[0].startswith("https://hosting.example.com/?from=demo-")
        assert copied[1] == "JOHN-10"


async def test_changed_password_replaces_the_remembered_one(memory_keyring):
    from dataclasses import replace

    from billtui.storage import credentials

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        # As for a saved profile whose password is in the keyring.
        app.launch = replace(app.launch, mode="profile")
        assert credentials.store_password("demo", "demo", "demo")
        await _type_passwords(pilot, "demo", "s3cret!", "s3cret!")
        assert "remembered password was updated" in screen_text(app)
    found = credentials.find_password("demo", "demo")
    assert found is not None and found.password == "s3cret!"


async def test_turn_on_two_factor():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_user_settings(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert "authenticator app" in screen_text(app)
        await pilot.press(*"12345", "enter")  # too short: marked, nothing sent
        await pilot.pause()
        assert app.screen.query_one("#totp-code-field").has_class("-invalid")
        await pilot.press("6", "enter")
        await settle(pilot)
        assert app.sim.state.one("SELECT totp FROM users WHERE id=7")["totp"] == 1
        assert "Two-factor authentication: on" in screen_text(app)


async def test_turn_off_two_factor_with_a_current_code():
    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.sim.state.run("UPDATE users SET totp=1 WHERE id=7")
        await _open_user_settings(pilot)
        assert "Two-factor authentication: on" in screen_text(app)
        await pilot.press("ctrl+t")  # no code typed: marked, nothing sent
        await pilot.pause()
        assert app.screen.query_one("#usr-disable_totp-field").has_class("-invalid")
        app.screen.query_one("#usr-disable_totp").focus()
        await pilot.press(*"000000", "enter", "y")
        await settle(pilot)
        assert app.screen.query_one("#usr-disable_totp-field").has_class("-invalid")  # the panel's word
        assert app.sim.state.one("SELECT totp FROM users WHERE id=7")["totp"] == 1
        field = app.screen.query_one("#usr-disable_totp")
        field.value = ""
        field.focus()
        await pilot.press(*"123456", "enter", "y")
        await settle(pilot)
        assert app.sim.state.one("SELECT totp FROM users WHERE id=7")["totp"] == 0
        assert "Two-factor authentication: off" in screen_text(app)


async def test_affiliate_join_another_program():
    app = demo_app(Edition.ADVANCED)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "affiliate")
        from textual.widgets import Select

        app.screen.query_one("#aff-affiliate", Select).value = "2"
        app.screen.focus_content()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.sim.state.kv("affiliate") == "2"
        assert "Partner program" in screen_text(app)


async def test_theme_from_textuals_own_picker_is_remembered_too():
    from dataclasses import replace

    from billtui.storage import config as config_mod

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.launch = replace(app.launch, mode="profile")
        app.theme = "gruvbox"
        await pilot.pause()
    assert config_mod.load().theme == "gruvbox"


async def test_quitting_with_unsaved_notification_changes_asks_first():
    from billtui.widgets.confirm import ConfirmScreen

    app = demo_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "notifications")
        await pilot.press("down", "right", "space")
        await pilot.pause()
        assert "1 unsaved change" in screen_text(app)
        await open_item(pilot, "customer")  # the matrix is out of sight, its change is not gone
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "unsaved changes" in screen_text(app)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert app.is_running
