"""Reads ride out a flaky link; a write whose outcome is unknown is never repeated silently."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from billtui.api import errors, retry
from billtui.api.calls import finance, support
from billtui.api.client import BillClient
from billtui.runtime.demo import demo_client
from billtui.sim.app import create_app

TODAY = dt.date(2026, 11, 25)


@pytest.fixture
async def sim_client():
    sim = create_app(today=TODAY)
    client = demo_client(sim=sim)
    await client.login()
    yield sim, client
    await client.aclose()


def sent(sim, func: str) -> int:
    return sum(1 for f, _ in sim.faults.fired if f == func)


@pytest.mark.parametrize("kind", ["http500", "html", "truncated", "drop", "busy"])
async def test_a_read_is_retried_through_a_passing_fault(sim_client, kind):
    sim, client = sim_client
    sim.faults.set("payment", kind, count=2)
    doc = await client.call("payment", p_cnt="5", p_num="1")
    assert len(doc.rows()) == 5
    assert sent(sim, "payment") == 2


@pytest.mark.parametrize("kind,error", [
    ("http500", errors.BadStatus), ("html", errors.NotJson), ("truncated", errors.NotJson),
    ("drop", errors.ConnectionDropped),
])
async def test_a_read_gives_up_after_a_bounded_number_of_tries(sim_client, kind, error):
    sim, client = sim_client
    sim.faults.set("payment", kind)
    with pytest.raises(error) as info:
        await client.call("payment")
    assert sent(sim, "payment") == len(client.read_retry.delays) + 1
    assert info.value.hint  # every failure says what to do


@pytest.mark.parametrize("kind", ["http500", "html", "truncated", "drop"])
async def test_a_write_with_a_lost_answer_is_sent_once_and_reported_unknown(sim_client, kind):
    sim, client = sim_client
    sim.faults.set("payment.add.method", kind)
    with pytest.raises(errors.OutcomeUnknown) as info:
        await finance.add_funds(client, paymethod="1", amount="50")
    assert sent(sim, "payment.add.method") == 1
    text = str(info.value)
    assert "don't know if it went through" in text
    assert "Check the Payments list" in text and "before sending it again" in text


async def test_a_ticket_reply_with_a_lost_answer_says_where_to_look(sim_client):
    sim, client = sim_client
    sim.faults.set("clientticket.edit", "drop")
    with pytest.raises(errors.OutcomeUnknown) as info:
        await support.reply(client, "1002", "hello")
    assert "the ticket's messages" in str(info.value)
    assert sent(sim, "clientticket.edit") == 1


async def test_a_busy_panel_is_never_sent_a_second_write(sim_client):
    sim, client = sim_client
    sim.faults.set("clientticket.edit", "busy")
    with pytest.raises(errors.PanelBusy):
        await support.reply(client, "1002", "hello")
    assert sent(sim, "clientticket.edit") == 1


async def test_an_expired_session_on_a_write_is_not_resent(sim_client):
    sim, client = sim_client
    sim.expire_all_sessions()
    with pytest.raises(errors.SessionRenewedWriteNotSent):
        await support.reply(client, "1002", "hello")
    thread = await support.thread(client, "1002")
    assert all("hello" != m.body for m in thread.messages)


def _failing_after_login(exc: Exception):
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        body = request.read().decode()
        calls.append(body)
        if "func=auth" in body:
            return httpx.Response(200, json={"doc": {"auth": {"$id": "SIDx123", "$": "SIDx123"}}})
        if "func=whoami" in body:
            return httpx.Response(200, json={"doc": {"user": {"$id": "7", "$realname": "J"}}})
        raise exc

    return httpx.MockTransport(handler), calls


async def test_a_write_that_timed_out_after_sending_is_unknown():
    transport, calls = _failing_after_login(httpx.ReadTimeout("timed out"))
    async with BillClient("https://p.example/billmgr", "u", "pw-123", transport=transport) as client:
        with pytest.raises(errors.OutcomeUnknown) as info:
            await client.call("payment.delete", write=True, elid="40")
        assert "did not answer in time" in info.value.message
        assert sum("payment.delete" in c for c in calls) == 1


async def test_a_write_that_never_left_keeps_its_own_error():
    transport, calls = _failing_after_login(httpx.ConnectError("[Errno 111] Connection refused"))
    async with BillClient("https://p.example/billmgr", "u", "pw-123", transport=transport) as client:
        with pytest.raises(errors.PanelUnreachable):
            await client.call("payment.delete", write=True, elid="40")
    transport, calls = _failing_after_login(httpx.ConnectTimeout("timed out"))
    async with BillClient("https://p.example/billmgr", "u", "pw-123", transport=transport) as client:
        with pytest.raises(errors.PanelTimeout) as info:
            await client.call("payment.delete", write=True, elid="40")
        assert not isinstance(info.value, errors.OutcomeUnknown)


async def test_a_read_that_times_out_is_retried_then_reported():
    transport, calls = _failing_after_login(httpx.ReadTimeout("timed out"))
    async with BillClient("https://p.example/billmgr", "u", "pw-123", transport=transport) as client:
        with pytest.raises(errors.PanelTimeout):
            await client.call("payment")
        assert sum("func=payment" in c for c in calls) == len(client.read_retry.delays) + 1


def test_tls_and_client_errors_are_not_transient():
    assert not retry.is_transient(errors.TlsError())
    assert not retry.is_transient(errors.BadStatus(404))
    assert retry.is_transient(errors.BadStatus(503))
    assert not retry.is_transient(errors.FieldError("amount"))
    assert not retry.may_have_reached_panel(errors.BadStatus(404))


def test_the_default_backoff_is_bounded_and_growing():
    delays = retry.RetryPolicy().delays
    assert 1 <= len(delays) <= 5 and sum(delays) < 10
    assert list(delays) == sorted(delays)
