"""State persistence: a database file keeps what the user changed between runs."""
from __future__ import annotations

from billtui.sim.app import create_app

from tests.sim.conftest import TODAY, logged_in


async def test_db_file_keeps_changes(tmp_path) -> None:
    path = str(tmp_path / "sim.db")
    async with logged_in(create_app(db_path=path, today=TODAY)) as p:
        created = await p.call("clientticket.edit", sok="ok", subject="Persist me", message="hello")
    reopened = create_app(db_path=path, today=TODAY)
    async with logged_in(reopened) as p:
        names = [r["name"]["$"] for r in (await p.call("clientticket"))["elem"]]
        assert "Persist me" in names
        assert (await p.call("payment"))["p_elems"]["$"] == "40"  # not seeded twice
    assert created["id"]["$"]


def test_seed_is_deterministic() -> None:
    rows = [create_app(today=TODAY).state.all("SELECT amount, create_date FROM payments ORDER BY id")
            for _ in range(2)]
    assert [tuple(r) for r in rows[0]] == [tuple(r) for r in rows[1]]
