"""Lists: paging, totals, sorting, stored and inline filters, and the large data set."""
from __future__ import annotations


import pytest

from billtui.sim.app import create_app

from tests.sim.conftest import TODAY, Panel, make_client


def ids(doc: dict) -> list[int]:
    return [int(row["id"]["$"]) for row in doc.get("elem", [])]


async def test_paging_and_total(panel: Panel) -> None:
    first = await panel.call("payment", p_cnt=5, p_num=1)
    assert len(first["elem"]) == 5
    assert first["p_elems"]["$"] == "40"
    assert first["p_num"]["$"] == "1" and first["p_cnt"]["$"] == "5"
    second = await panel.call("payment", p_cnt=5, p_num=2)
    assert not set(ids(first)) & set(ids(second))
    last = await panel.call("payment", p_cnt=15, p_num=3)
    assert len(last["elem"]) == 10
    beyond = await panel.call("payment", p_cnt=15, p_num=9)
    assert "elem" not in beyond and beyond["p_elems"]["$"] == "40"


async def test_default_order_is_newest_first(panel: Panel) -> None:
    doc = await panel.call("payment", p_cnt=40)
    dates = [row["create_date"]["$"] for row in doc["elem"]]
    assert dates == sorted(dates, reverse=True)
    assert doc["p_order"]["$"] == "desc"


async def test_sorting(panel: Panel) -> None:
    asc = await panel.call("payment", p_cnt=40, p_col="+id")
    assert ids(asc) == sorted(ids(asc)) and asc["p_sort"]["$"] == "id" and asc["p_order"]["$"] == "asc"
    desc = await panel.call("payment", p_cnt=40, p_col="-id")
    assert ids(desc) == sorted(ids(desc), reverse=True) and desc["p_order"]["$"] == "desc"


async def test_list_shape_has_noise(panel: Panel) -> None:
    doc = await panel.call("payment", p_cnt=1)
    assert isinstance(doc["elem"], list)
    row = doc["elem"][0]
    for col in ("id", "number", "create_date", "paymethod_name", "subaccountamount_iso",
                "paymethodamount_iso", "status"):
        assert col in row
    assert "$orig" in row["status"]
    assert row["subaccountamount_iso"]["$"].endswith(" USD")
    assert doc["metadata"]["coldata"]["col"]
    names = [b["$name"] for g in doc["metadata"]["toolbar"]["toolgrp"] for b in g["toolbtn"]]
    assert "delete" in names
    assert doc["messages"]["msg"]["status"] == "Status"


async def test_all_payment_statuses_present(panel: Panel) -> None:
    doc = await panel.call("payment", p_cnt=100)
    assert {row["status"]["$orig"] for row in doc["elem"]} == {str(s) for s in range(1, 8)}


async def test_payment_inline_filter(panel: Panel) -> None:
    doc = await panel.call("payment", filter="on", status=4, p_cnt=100)
    assert doc["elem"] and all(r["status"]["$orig"] == "4" for r in doc["elem"])
    start = TODAY.replace(day=1).isoformat()
    doc = await panel.call("payment", filter="on", status="", createdate="other", createdatestart=start,
                           createdateend=TODAY.isoformat(), p_cnt=100)
    assert all(r["create_date"]["$"] >= start for r in doc.get("elem", []))


async def test_payment_filter_stored_and_dropped(panel: Panel) -> None:
    view = await panel.call("payment.filter")
    assert view["status"]["$"] == "" and any(s["$name"] == "status" for s in view["slist"])
    assert "ok" in await panel.call("payment.filter", sok="ok", status=1)
    assert (await panel.call("payment.filter"))["status"]["$"] == "1"
    doc = await panel.call("payment", p_cnt=100)
    assert all(r["status"]["$orig"] == "1" for r in doc["elem"])
    await panel.call("payment.filter", sok="ok", drop="on")
    assert (await panel.call("payment"))["p_elems"]["$"] == "40"


async def test_expense_filter_by_dates(panel: Panel) -> None:
    total = int((await panel.call("expense"))["p_elems"]["$"])
    assert total == 60
    await panel.call("expense.filter", sok="ok", fromdate=TODAY.replace(day=1).isoformat(),
                     todate=TODAY.isoformat())
    doc = await panel.call("expense", p_cnt=100)
    assert int(doc["p_elems"]["$"]) < total
    assert all(r["realdate"]["$"] >= TODAY.replace(day=1).isoformat() for r in doc.get("elem", []))


async def test_ticket_filters(panel: Panel) -> None:
    await panel.call("clientticket.filter", sok="ok", name="Invoice")
    doc = await panel.call("clientticket")
    assert [r["name"]["$"] for r in doc["elem"]] == ["[bold red]Invoice[/] question \x1b[31m"]
    await panel.call("clientticket.filter", sok="ok", name="", tstatus=2)
    doc = await panel.call("clientticket")
    assert ids(doc) == [1002]


async def test_empty_list_has_no_elem(panel: Panel) -> None:
    await panel.call("clientticket.filter", sok="ok", name="no such subject")
    doc = await panel.call("clientticket")
    assert "elem" not in doc and doc["p_elems"]["$"] == "0"


async def test_services_cover_every_state(panel: Panel) -> None:
    rows = []
    for kind in ("vds", "vhost", "domain", "certificate", "dedic"):
        rows += (await panel.call(kind))["elem"]
    # Real rows: status.$ a bare code, item_status.$orig the detailed one (VDSItem.jsx, ServerState.jsx).
    assert {r["status"]["$"] for r in rows} >= {"1", "2", "3", "5"}
    origs = {r["item_status"]["$orig"] for r in rows}
    assert {"1", "2", "3_autosuspend", "5_prolong"} <= origs
    soon = [r for r in rows if TODAY.isoformat() <= r["expiredate"]["$"] <= "2025-06-22"]
    assert [r["id"]["$"] for r in soon] == ["102"]
    assert any(r["expiredate"]["$"] < TODAY.isoformat() for r in rows)
    # autoprolong only on rows where it is on (ServerState.jsx tests its presence)
    assert {r["autoprolong"]["$orig"] for r in rows if "autoprolong" in r} >= {"1", "12"}
    assert any("autoprolong" not in r for r in rows)


@pytest.mark.parametrize("func", ["payment", "expense"])
async def test_large_size_pages_to_the_last_page_and_sorts(func: str) -> None:
    # How fast is measured by `make bench` (bench/large_list.py), never here.
    app = create_app(size="large", today=TODAY)
    async with make_client(app) as client:
        p = Panel(client)
        await p.login()
        last = await p.call(func, p_cnt=50, p_num=200 if func == "expense" else 20)
        sorted_doc = await p.call(func, p_cnt=50, p_col="+id")
        assert last["p_elems"]["$"] == ("100000" if func == "expense" else "10000")
        assert len(last["elem"]) == 50
        assert ids(sorted_doc)[0] == 1
