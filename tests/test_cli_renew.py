"""`billtui service renew|autorenew` and `billtui pay cart` against the demo panel: they change a
service exactly as the TUI's dialogs do (the same panel state after either), ask before a write
(and refuse without a terminal and --yes), and never send a write twice when its answer is lost."""

from __future__ import annotations

import asyncio
import io
import json

import pytest

from billtui.cli import main as cli
from billtui.sim import app as sim_app
from tests.app.conftest import DEMO_TODAY, make_sim, open_item, screen_text, settle
from tests.simproc import running_sim

#: Taken before any test replaces it: the TUI's panel is always a panel of its own.
_CREATE_APP = sim_app.create_app


def tui_app():
    """The TUI on a fresh demo panel of its own (``panel`` below gives the scripts theirs)."""
    from billtui.app import BillTUI
    from billtui.launch import Launch
    from billtui.menu import Edition

    sim = _CREATE_APP(tier="standard", today=DEMO_TODAY)
    app = BillTUI(Launch.demo(Edition.STANDARD), demo_sim=sim)
    app.sim = sim  # type: ignore[attr-defined]
    return app


@pytest.fixture
def panel(monkeypatch):
    """One demo panel (today pinned, as the TUI tests pin it) that every `--demo` command uses,
    so a renewal into the cart and the payment of that cart meet on the same panel."""
    shared = make_sim()
    monkeypatch.setattr(sim_app, "create_app", lambda **kwargs: shared)
    return shared


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main([*argv, "--demo"])
    out, err = capsys.readouterr()
    return code, out, err


def service(sim, sid: int) -> dict:
    return dict(sim.state.one("SELECT * FROM services WHERE id=?", (sid,)))


def balance(sim) -> int:
    return int(sim.state.one("SELECT balance FROM account WHERE id=1")["balance"])


def renewals(sim, sid: int) -> list[str]:
    return [r["desc"] for r in sim.state.all("SELECT desc FROM service_history WHERE service_id=? AND desc LIKE"
                                             " 'Service renewed until%' ORDER BY id", (sid,))]


def what_changed(sim, sid: int) -> dict:
    """What a renewal leaves behind: the service, the balance, its history, the expense, the cart."""
    row = service(sim, sid)
    cart = sim.state.all("SELECT i.desc, i.cost FROM order_items i JOIN orders o ON o.id = i.order_id"
                         " WHERE o.status='basket'")
    expenses = sim.state.all("SELECT locale_name, amount FROM expenses ORDER BY id DESC LIMIT 1")
    return {"expiredate": row["expiredate"], "status": row["status"], "balance": balance(sim),
            "renewals": renewals(sim, sid), "cart": [tuple(r) for r in cart],
            "last_expense": [tuple(r) for r in expenses]}


# --- the TUI's renewals, driven as a user would -------------------------------------------------

async def _tui_renew(app, name: str, downs: int, keys: tuple[str, ...]) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await open_item(pilot, "services/vds")
        table = pilot.app.screen.focused
        for _ in range(50):
            if table.current_row is not None and table.current_row.name.startswith(name):
                break
            await pilot.press("down")
        await pilot.press("n")
        await settle(pilot)
        for _ in range(downs):  # 1 month, 3 months, 6 months, 1 year
            await pilot.press("down")
            await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        if "b" in keys:  # then pay the cart from the balance, on the Orders screen
            await open_item(pilot, "orders")
            await pilot.press("p")
            await settle(pilot)
            assert "Account balance" in screen_text(app)
            await pilot.press("ctrl+s")
            await settle(pilot)


def tui_after(name: str, sid: int, downs: int, *keys: str) -> dict:
    app = tui_app()
    asyncio.run(_tui_renew(app, name, downs, keys))
    return what_changed(app.sim, sid)


def test_renew_from_the_balance_leaves_what_the_tui_leaves(capsys, panel) -> None:
    before = service(panel, 102)
    assert before["expiredate"] == "2026-11-30"
    code, out, err = run(capsys, "service", "renew", "102", "--period", "3", "--from-balance", "--yes")
    assert code == 0, err
    assert out == ("Renewed db-01.demo.example.com (Virtual private servers, id 102) for 3 months until "
                   "2027-02-28; 72.00 USD paid from the balance.\n")
    script = what_changed(panel, 102)
    assert script["expiredate"] == "2027-02-28" and script["balance"] == 12450 - 7200
    assert script == tui_after("db-01", 102, 1, "p")  # the TUI's "Pay now" for 3 months


def test_renew_into_the_cart_then_pay_it_leaves_what_the_tui_leaves(capsys, panel) -> None:
    code, out, err = run(capsys, "service", "renew", "102", "--period", "1 year", "--cart", "--yes")
    assert code == 0, err
    assert "is in the cart" in out and "288.00 USD" in out and "still expires 2026-11-30" in out
    assert service(panel, 102)["expiredate"] == "2026-11-30"  # not before the cart is paid
    panel.state.run("UPDATE account SET balance=50000 WHERE id=1")  # a year of VDS-4 is 288.00 USD
    code, out, err = run(capsys, "pay", "cart", "--from-balance", "--yes")
    assert code == 0, err
    assert out == "Paid the cart (1 item, 288.00 USD) from the balance.\n"
    script = what_changed(panel, 102)
    assert script["expiredate"] == "2027-11-30" and script["cart"] == [] and script["balance"] == 50000 - 28800

    app = tui_app()
    app.sim.state.run("UPDATE account SET balance=50000 WHERE id=1")
    asyncio.run(_tui_renew(app, "db-01", 3, ("b",)))  # the TUI: "Add to cart" for 1 year, then pay the cart
    assert what_changed(app.sim, 102) == script


def test_renew_reads_the_new_expiry_back_over_http() -> None:
    """Against billtui-sim over HTTP, as a cron job would: renew, then `billtui get services`."""
    from tests.test_cli_get import billtui

    with running_sim() as (url, _proc):
        login = ("--url", url, "--user", "demo")

        def expiry(sid: str) -> str:
            done = billtui("get", "services", *login, "--format", "json")
            assert done.returncode == 0, done.stderr
            return next(r["expires"] for r in json.loads(done.stdout) if r["id"] == sid)

        was = expiry("101")
        done = billtui("service", "renew", "101", "--period", "1", "--from-balance", "--yes", *login)
        assert done.returncode == 0, done.stderr
        now = expiry("101")
        assert now > was and f"until {now};" in done.stdout
        done = billtui("service", "renew", "101", "--period", "3", "--cart", "--yes", *login)
        assert done.returncode == 0, done.stderr
        assert expiry("101") == now
        done = billtui("pay", "cart", "--from-balance", "--yes", *login)
        assert done.returncode == 0, done.stderr
        from datetime import date

        from billtui.sim.values import add_months

        assert expiry("101") == add_months(date.fromisoformat(now), 3).isoformat()


# --- asking first ---------------------------------------------------------------------------------

class Terminal(io.StringIO):
    """Someone at a terminal typing ``answer``."""

    def isatty(self) -> bool:
        return True


def test_without_a_terminal_and_without_yes_nothing_is_sent(capsys, panel) -> None:
    before = what_changed(panel, 102)
    for argv in (("service", "renew", "102", "--period", "1", "--from-balance"),
                 ("service", "renew", "102", "--period", "1"),
                 ("service", "autorenew", "102", "on")):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        (line,) = err.strip().splitlines()
        assert "no terminal to ask" in line and "--yes" in line
    code, out, err = run(capsys, "service", "renew", "102", "--period", "1", "--from-balance")
    assert "Renew db-01" in err and "2026-11-30 → 2026-12-30" in err and "24.00 USD" in err
    assert what_changed(panel, 102) == before and service(panel, 102)["autoprolong"] == 0
    # pay cart refuses the same way, once there is something to pay
    assert run(capsys, "service", "renew", "102", "--period", "1", "--yes")[0] == 0
    code, out, err = run(capsys, "pay", "cart", "--from-balance")
    assert code == 2 and "Pay the cart (1 item" in err and "--yes" in err
    assert what_changed(panel, 102)["cart"] != []


def test_at_a_terminal_it_asks_and_a_no_sends_nothing(capsys, panel, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", Terminal("n\n"))
    code, out, err = run(capsys, "service", "renew", "102", "--period", "1", "--from-balance")
    assert code == 1 and out == ""
    assert "Continue? [y/N]" in err and "cancelled: nothing was sent" in err
    assert service(panel, 102)["expiredate"] == "2026-11-30"
    monkeypatch.setattr("sys.stdin", Terminal("y\n"))
    code, out, err = run(capsys, "service", "renew", "102", "--period", "1", "--from-balance")
    assert code == 0 and "until 2026-12-30" in out
    assert service(panel, 102)["expiredate"] == "2026-12-30"


def test_a_lost_answer_is_never_sent_again(capsys, panel, monkeypatch) -> None:
    """The renewal reaches the panel and its answer is cut off: billtui says what to check, the
    exit code is 1, and the panel saw it once (one renewal, one charge)."""
    from billtui.api.calls import services

    real = services.prolong_pay

    async def answer_lost(client, elid, period):
        panel.faults.set("service.prolong", "truncated", count=1)  # this write's answer, not the views'
        return await real(client, elid, period)

    monkeypatch.setattr(services, "prolong_pay", answer_lost)
    code, out, err = run(capsys, "service", "renew", "102", "--period", "1", "--from-balance", "--yes")
    assert code == 1 and out == ""
    (line,) = err.strip().splitlines()
    assert "not known whether this went through" in line and "does not send it again" in line
    assert "billtui get services" in line and "billtui get balance" in line
    assert renewals(panel, 102) == ["Service renewed until 2026-12-30"]  # once, not twice
    assert balance(panel) == 12450 - 2400
    assert [f for f in panel.faults.fired if f[0] == "service.prolong"] == [("service.prolong", "truncated")]


def test_renew_refusals(capsys, panel) -> None:
    code, _, err = run(capsys, "service", "renew", "102", "--period", "5", "--yes")
    assert code == 2 and "periods: 1 (1 month - 24.00 USD), 3 (3 months" in err
    code, _, err = run(capsys, "service", "renew", "999", "--period", "1", "--yes")
    assert code == 2 and "no service '999'" in err
    panel.state.run("UPDATE account SET balance=100 WHERE id=1")
    code, out, err = run(capsys, "service", "renew", "102", "--period", "1", "--from-balance", "--yes")
    assert code == 1 and out == ""
    assert "not renewed: the balance does not cover 24.00 USD" in err and "https://pay.example.com/" in err
    assert service(panel, 102)["expiredate"] == "2026-11-30"
    with pytest.raises(SystemExit):
        cli.main(["service", "renew", "102", "--period", "1", "--cart", "--from-balance", "--demo"])
    capsys.readouterr()


# --- auto-renew -------------------------------------------------------------------------------------

def test_autorenew_on_period_off(capsys, panel) -> None:
    """The same panel state as the TUI's auto-renew dialog leaves (tests/app/test_services.py):
    on = the first period (1 month), off = the form's own "off" key (``null``)."""
    assert service(panel, 102)["autoprolong"] == 0
    code, out, err = run(capsys, "service", "autorenew", "db-01.demo.example.com", "on", "--yes")
    assert code == 0, err
    assert out == "Auto-renew for db-01.demo.example.com (Virtual private servers, id 102): every 1 month.\n"
    assert service(panel, 102)["autoprolong"] == 1
    code, out, _ = run(capsys, "service", "autorenew", "102", "on", "--yes")
    assert "already: nothing to change" in out
    assert run(capsys, "service", "autorenew", "102", "1y", "--yes")[0] == 0
    assert service(panel, 102)["autoprolong"] == 12
    code, out, _ = run(capsys, "service", "autorenew", "102", "off", "--yes")
    assert code == 0 and out.endswith(": off.\n")
    assert service(panel, 102)["autoprolong"] == 0
    code, _, err = run(capsys, "service", "autorenew", "102", "7", "--yes")
    assert code == 2 and "use on, off or one of the periods" in err
    history = [r["desc"] for r in panel.state.all("SELECT desc FROM service_history WHERE service_id=102"
                                                  " AND desc LIKE 'Auto renewal%' ORDER BY id")]
    assert history == ["Auto renewal set to 1 month", "Auto renewal set to 1 year", "Auto renewal turned off"]


# --- paying the cart --------------------------------------------------------------------------------

def test_pay_cart_by_another_method_prints_the_payment_page(capsys, panel) -> None:
    assert run(capsys, "pay", "cart", "--yes")[1] == "The cart is empty: nothing to pay.\n"
    assert run(capsys, "service", "renew", "101", "--period", "1", "--yes")[0] == 0
    code, _, err = run(capsys, "pay", "cart", "--yes")
    assert code == 2 and "choose --from-balance or --method" in err and "Bank card" in err
    code, _, err = run(capsys, "pay", "cart", "--method", "paypal", "--yes")
    assert code == 2 and "no payment method 'paypal'" in err
    code, out, err = run(capsys, "pay", "cart", "--method", "bank card", "--yes")
    assert code == 0, err
    assert "created for the cart (12.00 USD). Pay it on: https://" in out
    assert panel.state.one("SELECT status FROM orders WHERE status='awaiting' ORDER BY id DESC") is not None


def test_help_says_what_each_write_does(capsys) -> None:
    for argv, said in ((["service", "renew", "--help"], ("--period N", "--from-balance", "--cart", "--yes",
                                                         "the default", "sent once")),
                       (["service", "autorenew", "--help"], ("on|off|PERIOD", "shortest", "--yes")),
                       (["pay", "cart", "--help"], ("--from-balance", "--method NAME|ID", "--yes", "empty cart"))):
        with pytest.raises(SystemExit) as exit_:
            cli.main(argv)
        out = " ".join(capsys.readouterr().out.split())
        assert exit_.value.code == 0
        for s in said:
            assert s in out, (argv, s)


def test_demo_today_is_pinned() -> None:
    assert make_sim().state.today == DEMO_TODAY
