"""Drafts on disk: per profile and ticket, private, never silently dropped."""

from __future__ import annotations

import stat

from billtui.storage.drafts import NEW_TICKET, Draft, DraftStore


def test_drafts_are_per_profile_and_ticket_and_private(isolated_dirs):
    work, home = DraftStore("work"), DraftStore("home")
    work.save("1001", Draft(message="for work"))
    home.save("1001", Draft(message="for home"))
    work.save(NEW_TICKET, Draft(subject="new one", department="2"))
    assert work.load("1001").message == "for work"
    assert home.load("1001").message == "for home"
    assert work.load(NEW_TICKET) == Draft(subject="new one", department="2")
    assert stat.S_IMODE(work.path("1001").stat().st_mode) == 0o600
    assert work.path("1001").is_relative_to(isolated_dirs / "state")


def test_a_hostile_key_stays_inside_the_drafts_dir(isolated_dirs):
    store = DraftStore("../../evil")
    store.save("../../x", Draft(message="m"))
    assert store.path("../../x").resolve().is_relative_to((isolated_dirs / "state" / "drafts").resolve())


def test_an_emptied_draft_is_removed_and_a_damaged_one_is_kept_aside(isolated_dirs):
    store = DraftStore("p")
    store.save("1", Draft(message="text"))
    store.save("1", Draft(message="   "))
    assert store.load("1") is None and not store.path("1").exists()
    store.path("2").parent.mkdir(parents=True, exist_ok=True)
    store.path("2").write_text("{not json")
    assert store.load("2") is None
    assert store.path("2").with_suffix(".damaged").read_text() == "{not json"
