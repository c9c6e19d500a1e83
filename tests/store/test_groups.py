"""Breakout groups: a session item's parallel groups, what is said in each, and undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.limits import Refusal
from workshop_app.domain.model import (
    AgendaItem,
    BreakoutGroup,
    ConsensusPoint,
    Contribution,
    Participant,
)
from workshop_app.store import Document
from workshop_app.store.check import check_document

AFRICA = BreakoutGroup(
    "gA",
    "a2",
    "Group A: Africa",
    room="Room 1",
    facilitator_id="p01",
    rapporteur_id="p02",
    member_ids=("p01", "p02", "p03"),
)
ASIA = BreakoutGroup("gB", "a2", "Group B: Asia-Pacific", room="Room 2", member_ids=("p04",))


@pytest.fixture
def demo(demo_path: Path) -> Document:
    doc = Document.open(demo_path)
    doc.groups.add(AFRICA)
    doc.groups.add(ASIA)
    return doc


def test_groups_are_the_items_in_order_with_their_people(demo: Document) -> None:
    with demo:
        assert demo.groups.list("a2") == [AFRICA, ASIA]
        assert demo.groups.list("a1") == []
    assert read_back(demo.path, "SELECT id, position, room FROM breakout_groups") == [
        ("gA", 0, "Room 1"),
        ("gB", 1, "Room 2"),
    ]


def test_members_and_roles_change_and_come_back(demo: Document) -> None:
    with demo:
        before = demo.groups.set_members("gB", ["p05", "p04", "p05"])  # each once
        assert before == ("p04",)
        assert demo.groups.update("gB", rapporteur_id="p05", summary="Two proposals.") == {
            "rapporteur_id": None,
            "summary": None,
        }
    assert read_back(
        demo.path,
        "SELECT participant_id FROM group_members WHERE group_id = 'gB' ORDER BY position",
    ) == [("p05",), ("p04",)]
    assert read_back(
        demo.path, "SELECT rapporteur_id, summary FROM breakout_groups WHERE id='gB'"
    ) == [("p05", "Two proposals.")]


def test_what_is_said_in_a_group_stays_in_its_item(demo: Document) -> None:
    with demo:
        said = Contribution("cg1", "a2", "In Mombasa, the port authority…", group_id="gA")
        demo.contributions.record(said)
        with pytest.raises(Refusal, match="belongs to another agenda item"):
            demo.contributions.record(Contribution("cg2", "a4", "Elsewhere", group_id="gA"))
        with pytest.raises(Refusal, match="belongs to another agenda item"):
            demo.contributions.update("c01", agenda_item_id="a4", group_id="gA")
        # Moved to another item, a contribution leaves its group (plenary there).
        demo.contributions.update("cg1", agenda_item_id="a4")
    assert read_back(
        demo.path, "SELECT agenda_item_id, group_id FROM contributions WHERE id='cg1'"
    ) == [("a4", None)]


def test_deleting_a_group_takes_what_was_said_in_it_and_undo_brings_all_back(
    demo: Document,
) -> None:
    with demo:
        demo.contributions.record(Contribution("cg1", "a2", "Said in group A.", group_id="gA"))
        demo.consensus.record(
            ConsensusPoint("kg1", "a2", "Group A agrees.", group_id="gA"),
        )
        demo.consensus.record(ConsensusPoint("kp1", "a2", "Plenary agrees.", from_point_id="kg1"))
        before = demo.record()
        snapshot = demo.groups.delete("gA")
        assert [g.id for g in demo.groups.list()] == ["gB"]
        assert read_back(demo.path, "SELECT count(*) FROM contributions WHERE id = 'cg1'") == [(0,)]
        assert read_back(
            demo.path, "SELECT from_point_id FROM consensus_points WHERE id='kp1'"
        ) == [(None,)]
        assert [h.contribution_id for h in demo.contributions.search("group")] == []
        demo.groups.restore(snapshot)
        assert demo.record() == before
        assert [h.contribution_id for h in demo.contributions.search("group")] == ["cg1"]


def test_deleting_the_item_takes_its_groups_and_undo_restores_them(demo: Document) -> None:
    with demo:
        demo.agenda.add_item(AgendaItem("rb", "Report-back", reports_on="a2"))
        before = demo.record()
        snapshot = demo.agenda.delete_item("a2")
        assert demo.groups.list() == []
        assert demo.agenda.get("rb").reports_on is None
        demo.agenda.restore_item(snapshot)
        assert demo.record() == before


def test_a_participant_removed_leaves_the_groups_and_comes_back_to_them(
    demo: Document,
) -> None:
    with demo:
        demo.participants.add_many([Participant("pX", "New Person")])  # has not spoken
        demo.groups.set_members("gA", ["pX", "p01"])
        demo.groups.update("gA", facilitator_id="pX")
        before = demo.record()
        snapshot = demo.participants.delete("pX")
        assert demo.groups.get("gA").member_ids == ("p01",)
        assert demo.groups.get("gA").facilitator_id is None
        demo.participants.restore(snapshot)
        assert demo.record() == before


def test_check_names_a_record_in_another_items_group(demo: Document) -> None:
    path = demo.path
    with demo:
        demo.contributions.record(Contribution("cg1", "a2", "Said in group A.", group_id="gA"))
    assert check_document(path) == []
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE contributions SET agenda_item_id = 'a4' WHERE id = 'cg1'")
        conn.execute("UPDATE agenda_items SET reports_on = id WHERE id = 'a4'")
    conn.close()
    assert sorted(f.text for f in check_document(path)) == [
        "agenda item a4 reports on itself",
        "contribution cg1 is in breakout group gA, which is not a group of its item a4",
    ]


def test_each_group_has_a_floor_of_its_own(demo: Document) -> None:
    """Group A's speaker and queue do not touch plenary's or group B's; finishing the item
    ends every turn in progress."""
    now = parse_timestamp("2017-09-21T11:00:00+02:00")
    with demo:
        a = demo.speeches.request("a2", "p01", now, group_id="gA")
        demo.speeches.request("a2", "p02", now, group_id="gA")
        b = demo.speeches.request("a2", "p01", now, group_id="gB")  # also waiting in B
        demo.speeches.next_speaker("a2", now, group_id="gA")
        demo.speeches.next_speaker("a2", now, group_id="gB")
        in_a, in_b = demo.speeches.speaking("a2", "gA"), demo.speeches.speaking("a2", "gB")
        assert (in_a and in_a.id, in_b and in_b.id) == (a.id, b.id)
        assert demo.speeches.speaking("a2") is None  # plenary's floor is free
        assert [s.participant_id for s in demo.speeches.queue("a2", group_id="gA")] == ["p02"]
        assert demo.speeches.queue("a2", group_id="gB") == []
        with pytest.raises(Refusal, match="belongs to another agenda item"):
            demo.speeches.request("a4", "p03", now, group_id="gA")
        demo.run.finish_item("a2", now)
    assert read_back(
        demo.path, "SELECT count(*) FROM speeches WHERE agenda_item_id='a2' AND status='speaking'"
    ) == [(0,)]
    assert read_back(demo.path, "SELECT status FROM speeches WHERE id = ?", (b.id,)) == [("done",)]
