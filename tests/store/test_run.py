"""Running an item: the clock's timestamps, the list of speakers, contributions and search."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, Contribution, GuidingQuestion, Participant
from workshop_app.errors import KnownError
from workshop_app.store import Document


def at(hm: str) -> dt.datetime:
    return parse_timestamp(f"2017-09-21T{hm}+02:00")


@pytest.fixture
def day(document: Document) -> Document:
    document.participants.add_many(
        [Participant(id=p, name=p.upper(), stakeholder_group="G") for p in ("p1", "p2", "p3")]
    )
    document.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    document.agenda.add_item(
        AgendaItem(
            id="b",
            title="Session",
            planned_minutes=90,
            questions=(
                GuidingQuestion(id="q1", agenda_item_id="b", text="Q1?"),
                GuidingQuestion(id="q2", agenda_item_id="b", text="Q2?"),
            ),
        )
    )
    return document


def test_item_flow_records_times(day: Document) -> None:
    day.run.start_item("a", at("09:31:00"))
    assert day.run.current_item() is not None
    nxt = day.run.next_item(at("10:02:10"))
    assert nxt is not None and nxt.id == "b"
    assert read_back(day.path, "SELECT id, status, started_at, ended_at FROM agenda_items") == [
        ("a", "done", "2017-09-21T09:31:00+02:00", "2017-09-21T10:02:10+02:00"),
        ("b", "running", "2017-09-21T10:02:10+02:00", None),
    ]
    assert day.run.settings().focus_question_id == "q1"
    day.run.skip_item("b", at("10:05:00"))
    assert read_back(day.path, "SELECT status FROM agenda_items WHERE id='b'") == [("skipped",)]


def test_queue_next_speaker_and_one_request_per_person(day: Document) -> None:
    day.run.start_item("b", at("10:00:00"))
    s1 = day.speeches.request("b", "p1", at("10:00:05"))
    day.speeches.request("b", "p2", at("10:00:06"))
    s3 = day.speeches.request("b", "p3", at("10:00:07"))
    with pytest.raises(KnownError, match="already on the list"):
        day.speeches.request("b", "p1", at("10:00:08"))
    day.speeches.move(s3.id, 0)
    assert [s.participant_id for s in day.speeches.queue("b")] == ["p3", "p1", "p2"]
    day.speeches.next_speaker("b", at("10:01:00"))
    day.speeches.next_speaker("b", at("10:03:30"))
    assert [s.participant_id for s in day.speeches.queue("b")] == ["p2"]
    day.speeches.withdraw(day.speeches.queue("b")[0].id)
    assert day.speeches.queue("b") == []
    assert read_back(
        day.path,
        "SELECT participant_id, status, started_at, ended_at FROM speeches ORDER BY seq",
    ) == [
        ("p1", "speaking", "2017-09-21T10:03:30+02:00", None),
        ("p2", "withdrawn", None, None),
        ("p3", "done", "2017-09-21T10:01:00+02:00", "2017-09-21T10:03:30+02:00"),
    ]
    # p1 may ask again once their turn has started
    day.speeches.request("b", "p1", at("10:04:00"))
    assert s1.id != day.speeches.queue("b")[0].id


def test_capture_and_put_back_undo_a_chair_action_exactly(day: Document) -> None:
    day.run.start_item("b", at("10:00:00"))
    day.speeches.request("b", "p1", at("10:00:05"))
    before = day.run.capture(["b"])
    day.speeches.next_speaker("b", at("10:01:00"))
    after = day.run.capture(["b"])
    day.run.put_back(before)
    assert [s.status.value for s in day.speeches.list("b")] == ["waiting"]
    day.run.put_back(after)
    assert read_back(day.path, "SELECT status, started_at FROM speeches") == [
        ("speaking", "2017-09-21T10:01:00+02:00")
    ]


def test_contributions_search_follows_edit_delete_and_restore(day: Document) -> None:
    c = day.contributions.record(
        Contribution(id="c1", agenda_item_id="b", question_id="q1", text="The Rabat Process")
    )
    assert c.recorded_at is not None
    assert [h.contribution_id for h in day.contributions.search("rabat")] == ["c1"]
    day.contributions.update("c1", text="The Mobility Partnership with Moldova")
    assert day.contributions.search("rabat") == []
    assert [h.contribution_id for h in day.contributions.search("moldo")] == ["c1"]
    snapshot = day.contributions.delete("c1")
    assert day.contributions.search("moldova") == []
    day.contributions.restore(snapshot)
    assert [h.contribution_id for h in day.contributions.search("moldova")] == ["c1"]


def test_search_treats_operators_as_text(day: Document) -> None:
    day.contributions.record(Contribution(id="c1", agenda_item_id="b", text='Say "NOT" AND (or)'))
    for query in ['"', "NOT", "AND (", "*", "col:umn", "NEAR("]:
        day.contributions.search(query)  # never an FTS syntax error
    assert [h.contribution_id for h in day.contributions.search("and (or")] == ["c1"]


def test_contribution_question_must_belong_to_its_item(day: Document) -> None:
    with pytest.raises(ValueError, match="another agenda item"):
        day.contributions.record(
            Contribution(id="c1", agenda_item_id="a", question_id="q1", text="Misfiled")
        )
    assert read_back(day.path, "SELECT count(*) FROM contributions") == [(0,)]


def test_deleting_a_supporting_contribution_keeps_the_point(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        snapshot = doc.contributions.delete("c03")
        assert read_back(demo_path, "SELECT count(*) FROM consensus_points WHERE id='k1'") == [(1,)]
        assert read_back(
            demo_path, "SELECT contribution_id FROM consensus_support WHERE consensus_id='k1'"
        ) == [("c09",)]
        doc.contributions.restore(snapshot)
        assert read_back(
            demo_path,
            "SELECT contribution_id FROM consensus_support WHERE consensus_id='k1' "
            "ORDER BY position",
        ) == [("c03",), ("c09",)]
