"""The menu per edition, disabled functions, and the unknown-function error."""
from __future__ import annotations

import pytest

from billtui.sim.app import create_app

from tests.sim.conftest import Panel, logged_in


def sections(doc: dict) -> dict[str, list[str]]:
    return {s["$name"]: [n["$name"] for n in s["node"]] for s in doc["mainmenu"]["node"]}




@pytest.mark.parametrize("tier,clientoption,affiliate", [
    ("standard", True, False), ("advanced", False, True), ("corporate", False, False)])
async def test_menu_per_tier(tier: str, clientoption: bool, affiliate: bool) -> None:
    async with logged_in(create_app(tier=tier)) as p:
        menu = sections(await p.call("menu", sok="ok"))
        assert set(menu) == {"customer", "mainmenuservice", "finance", "support", "setting", "stat"}
        assert menu["mainmenuservice"] == ["vds", "vhost", "domain", "certificate", "dedic"]
        assert "affiliate.client.reward" in menu["finance"] and "payment" in menu["finance"]
        assert menu["support"] == ["clientticket", "clientticket_archive"]
        assert menu["stat"] == []
        assert ("clientoption" in menu["setting"]) is clientoption
        assert ("affiliate.client" in menu["setting"]) is affiliate
        assert ("error" in await p.call("clientoption")) is not clientoption
        assert ("error" in await p.call("affiliate.client")) is not affiliate
        assert "reportdata" in await p.call("affiliate.client.reward")
        assert "error" not in await p.call("affiliate.client.click")


async def test_menu_titles_and_arrays(panel: Panel) -> None:
    doc = await panel.call("menu", sok="ok")
    assert doc["messages"]["msg"]["vds"] == "Virtual private servers"
    assert all(isinstance(s["node"], list) for s in doc["mainmenu"]["node"])


async def test_disabled_function() -> None:
    async with logged_in(create_app(disabled_funcs=["invoice", "dedic"])) as p:
        menu = sections(await p.call("menu", sok="ok"))
        assert "invoice" not in menu["finance"] and "dedic" not in menu["mainmenuservice"]
        error = (await p.call("invoice"))["error"]
        assert error["$type"] == "missed" and error["$object"] == "func"
        assert error["msg"]["$"] == "The function 'invoice' is not available"


async def test_unknown_function(panel: Panel) -> None:
    error = (await panel.call("no.such.func"))["error"]
    assert (error["$type"], error["$object"]) == ("missed", "func")
