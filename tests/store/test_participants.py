"""The roster: edits on disk at once, deletes that undo exactly, no orphaned records."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.model import Participant, Role
from workshop_app.errors import KnownError
from workshop_app.store import Document
from workshop_app.store.errors import NotFound


def test_add_many_is_all_or_nothing(document: Document) -> None:
    document.participants.add_many(
        [Participant(id="p1", name="A. Example"), Participant(id="p2", name="B. Sample")]
    )
    assert read_back(document.path, "SELECT id, name FROM participants ORDER BY seq") == [
        ("p1", "A. Example"),
        ("p2", "B. Sample"),
    ]
    with pytest.raises(Exception, match="UNIQUE"):
        document.participants.add_many(
            [Participant(id="p3", name="C. Demo"), Participant(id="p1", name="Clash")]
        )
    assert read_back(document.path, "SELECT count(*) FROM participants") == [(2,)]


def test_update_returns_previous_values(document: Document) -> None:
    document.participants.add(Participant(id="p1", name="A. Example", present=False))
    old = document.participants.update("p1", organisation=" Network ", role="rapporteur")
    assert old == {"organisation": None, "role": Role.PARTICIPANT}
    document.participants.set_present("p1", True)
    assert read_back(
        document.path, "SELECT organisation, role, present FROM participants WHERE id='p1'"
    ) == [("Network", "rapporteur", 1)]


def test_job_title_is_kept_added_edited_and_undone(document: Document) -> None:
    document.participants.add(
        Participant(id="p1", name="Ádám Kovács", title="Dr.", job_title="Head of Unit")
    )
    assert read_back(document.path, "SELECT title, job_title FROM participants") == [
        ("Dr.", "Head of Unit")
    ]
    old = document.participants.update("p1", job_title=" Senior Adviser ")
    assert old == {"job_title": "Head of Unit"}
    with Document.open(document.path, readonly=True) as fresh:
        assert fresh.participants.get("p1").job_title == "Senior Adviser"
    document.participants.update("p1", **old)
    document.participants.update("p1", job_title="")
    assert read_back(document.path, "SELECT job_title FROM participants") == [(None,)]


@pytest.mark.parametrize("fields", [{"name": " "}, {"role": "boss"}, {"shoe_size": 42}])
def test_invalid_participant_edits_are_refused(
    document: Document, fields: dict[str, object]
) -> None:
    document.participants.add(Participant(id="p1", name="A. Example"))
    with pytest.raises((ValueError, TypeError)):
        document.participants.update("p1", **fields)
    assert read_back(document.path, "SELECT name, role FROM participants") == [
        ("A. Example", "participant")
    ]


def test_someone_who_spoke_cannot_be_removed(demo_path: Path) -> None:
    with Document.open(demo_path) as doc, pytest.raises(KnownError, match="cannot be removed"):
        doc.participants.delete("p08")
    assert read_back(demo_path, "SELECT count(*) FROM participants WHERE id='p08'") == [(1,)]


def test_delete_and_restore_brings_back_place_and_actions(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        before = doc.record()
        snapshot = doc.participants.delete("p03")  # owns action x2, never spoke
        assert read_back(demo_path, "SELECT owner_participant_id FROM actions WHERE id='x2'") == [
            (None,)
        ]
        doc.participants.restore(snapshot)
        assert doc.record() == before


def test_a_job_title_longer_than_a_line_is_refused_in_words(document: Document) -> None:
    from workshop_app.domain.limits import MAX_LINE, Refusal

    document.participants.add(Participant(id="p1", name="Ömer Yılmaz", job_title="Adviser"))
    with pytest.raises(Refusal) as refused:
        document.participants.update("p1", job_title="x" * (MAX_LINE + 1))
    assert refused.value.field == "job_title"
    assert "A job title can be at most 500 characters" in refused.value.message
    assert read_back(document.path, "SELECT job_title FROM participants") == [("Adviser",)]


def test_update_many_is_one_transaction_all_or_nothing(document: Document) -> None:
    document.participants.add_many(
        [Participant(id=f"p{n}", name=f"Person {n}", present=False) for n in range(1, 4)]
    )
    commits: list[object] = []
    document.subscribe(commits.append)
    old = document.participants.update_many(
        {"p1": {"stakeholder_group": "Academia"}, "p2": {"stakeholder_group": "Academia"}},
        groups=["Civil society", "Partners", "Academia"],
    )
    assert len(commits) == 1  # one commit announced both
    assert old == {"p1": {"stakeholder_group": None}, "p2": {"stakeholder_group": None}}
    with Document.open(document.path, readonly=True) as fresh:
        assert [p.stakeholder_group for p in fresh.participants.list()] == [
            "Academia",
            "Academia",
            None,
        ]
        assert fresh.workshop.get().stakeholder_groups[-1] == "Academia"
    with pytest.raises(NotFound):  # one of them is gone: no one changes
        document.participants.update_many({"p3": {"present": True}, "gone": {"present": True}})
    assert read_back(document.path, "SELECT present FROM participants ORDER BY seq") == [
        (0,),
        (0,),
        (0,),
    ]
    document.participants.update_many(old, groups=["Civil society", "Partners"])
    assert read_back(document.path, "SELECT DISTINCT stakeholder_group FROM participants") == [
        (None,)
    ]
