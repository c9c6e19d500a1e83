"""Agenda items and guiding questions: order, moves, deletes that undo exactly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.model import AgendaItem, GuidingQuestion, ItemKind
from workshop_app.errors import KnownError
from workshop_app.store import Document


def titles_on_disk(path: Path) -> list[str]:
    return [r[0] for r in read_back(path, "SELECT title FROM agenda_items ORDER BY position")]


def questions_on_disk(path: Path, item_id: str) -> list[str]:
    return [
        r[0]
        for r in read_back(
            path,
            "SELECT text FROM guiding_questions WHERE agenda_item_id = ? ORDER BY position",
            (item_id,),
        )
    ]


def test_add_items_in_order_and_at_an_index(document: Document) -> None:
    document.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    document.agenda.add_item(AgendaItem(id="c", title="Coffee", kind=ItemKind.BREAK))
    document.agenda.add_item(AgendaItem(id="b", title="Session"), index=1)
    assert titles_on_disk(document.path) == ["Opening", "Session", "Coffee"]
    assert read_back(document.path, "SELECT kind FROM agenda_items WHERE id = 'c'") == [("break",)]


def test_update_item_returns_old_values_and_writes_new(document: Document) -> None:
    document.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    old = document.agenda.update_item("a", title="Welcome", planned_minutes=45, kind="break")
    assert old == {"title": "Opening", "planned_minutes": 30, "kind": "session"}
    assert read_back(
        document.path, "SELECT title, planned_minutes, kind FROM agenda_items WHERE id='a'"
    ) == [("Welcome", 45, "break")]


@pytest.mark.parametrize(
    "fields", [{"title": "  "}, {"planned_minutes": 2000}, {"kind": "lunch"}, {"colour": "red"}]
)
def test_invalid_item_edits_are_refused(document: Document, fields: dict[str, object]) -> None:
    document.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    with pytest.raises((ValueError, TypeError)):
        document.agenda.update_item("a", **fields)
    assert read_back(document.path, "SELECT title, planned_minutes, kind FROM agenda_items") == [
        ("Opening", 30, "session")
    ]


def test_move_item_reorders_on_disk(document: Document) -> None:
    for key in "abcd":
        document.agenda.add_item(AgendaItem(id=key, title=key.upper()))
    assert document.agenda.move_item("d", 0) == 3
    assert titles_on_disk(document.path) == ["D", "A", "B", "C"]
    document.agenda.move_item("d", 99)
    assert titles_on_disk(document.path) == ["A", "B", "C", "D"]


def test_delete_item_counts_then_restores_everything(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        before = doc.record()
        assert doc.agenda.dependents("a2") == {
            "contributions": 13,
            "speeches": 12,
            "consensus_points": 4,
        }
        snapshot = doc.agenda.delete_item("a2")
        assert read_back(demo_path, "SELECT count(*) FROM contributions WHERE agenda_item_id='a2'")[
            0
        ] == (0,)
        assert read_back(demo_path, "SELECT agenda_item_id FROM actions WHERE id = 'x3'") == [
            (None,)
        ]
        doc.agenda.restore_item(snapshot)
    with Document.open(demo_path) as doc:
        assert doc.record() == before


def test_questions_add_edit_move_within_and_across_items(document: Document) -> None:
    document.agenda.add_item(AgendaItem(id="a", title="Morning"))
    document.agenda.add_item(AgendaItem(id="b", title="Afternoon"))
    q1 = document.agenda.add_question("a", "What is a partnership?")
    q2 = document.agenda.add_question("a", "Who pays?")
    q3 = document.agenda.add_question("a", "What next?", index=0)
    assert questions_on_disk(document.path, "a") == [
        "What next?",
        "What is a partnership?",
        "Who pays?",
    ]
    assert document.agenda.update_question(q2.id, "Who pays for it?") == "Who pays?"
    assert document.agenda.move_question(q3.id, "a", 2) == ("a", 0)
    assert questions_on_disk(document.path, "a") == [
        "What is a partnership?",
        "Who pays for it?",
        "What next?",
    ]
    assert document.agenda.move_question(q1.id, "b", 0) == ("a", 0)
    assert questions_on_disk(document.path, "a") == ["Who pays for it?", "What next?"]
    assert questions_on_disk(document.path, "b") == ["What is a partnership?"]


def test_question_with_contributions_cannot_change_item(demo_path: Path) -> None:
    with Document.open(demo_path) as doc, pytest.raises(KnownError, match="cannot move"):
        doc.agenda.move_question("q1", "a4", 0)
    assert read_back(demo_path, "SELECT agenda_item_id FROM guiding_questions WHERE id='q1'") == [
        ("a2",)
    ]


def test_delete_question_keeps_contributions_and_undo_relinks_them(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        before = doc.record()
        snapshot = doc.agenda.delete_question("q1")
        assert read_back(demo_path, "SELECT question_id FROM contributions WHERE id = 'c03'") == [
            (None,)
        ]
        assert read_back(demo_path, "SELECT count(*) FROM contributions") == [(19,)]
        doc.agenda.restore_question(snapshot)
        assert doc.record() == before


def test_item_with_questions_added_at_once(document: Document) -> None:
    item = AgendaItem(
        id="a",
        title="Session",
        questions=(GuidingQuestion(id="q", agenda_item_id="a", text="Why?"),),
    )
    added = document.agenda.add_item(item)
    assert added == dataclasses.replace(item, day_id="day-1")  # on the one day there is
    assert document.agenda.items() == [added]
