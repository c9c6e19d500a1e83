"""Correcting the record: a contribution's speaker, kind, question and item change in one
transaction, and the old values put them all back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.limits import Refusal
from workshop_app.store import Document

ROW = (
    "SELECT agenda_item_id, question_id, participant_id, speech_id, kind, text, highlight"
    " FROM contributions WHERE id = ?"
)


def test_moving_to_another_item_takes_speaker_kind_and_question_and_undoes(
    demo_path: Path,
) -> None:
    before = read_back(demo_path, ROW, ("c05",))
    assert before == [("a2", "q1", "p12", "s05", "concern", before[0][5], 0)]
    with Document.open(demo_path) as doc:
        commits: list[object] = []
        doc.subscribe(commits.append)
        old = doc.contributions.update_many(
            {
                "c05": {
                    "agenda_item_id": "a4",
                    "question_id": "q4",
                    "participant_id": "p03",
                    "kind": "proposal",
                    "highlight": True,
                }
            }
        )
        assert len(commits) == 1
        # The turn was p12's, on a2: it does not follow the contribution.
        assert read_back(demo_path, ROW, ("c05",)) == [
            ("a4", "q4", "p03", None, "proposal", before[0][5], 1)
        ]
        doc.contributions.update_many(old)
    assert read_back(demo_path, ROW, ("c05",)) == before


def test_a_move_without_a_question_leaves_the_old_items_question_behind(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.contributions.update("c06", agenda_item_id="a5")
    assert read_back(demo_path, ROW, ("c06",))[0][:4] == ("a5", None, "p05", None)


def test_a_question_of_another_item_or_a_supporting_contribution_is_refused(
    demo_path: Path,
) -> None:
    everything = read_back(demo_path, "SELECT * FROM contributions ORDER BY seq")
    with Document.open(demo_path) as doc:
        with pytest.raises(Refusal, match="another agenda item"):
            doc.contributions.update("c05", agenda_item_id="a4", question_id="q1")
        with pytest.raises(Refusal, match="supports a consensus point"):
            # c03 supports k1 of a2; several at once: none of them moves.
            doc.contributions.update_many(
                {"c05": {"agenda_item_id": "a4"}, "c03": {"agenda_item_id": "a4"}}
            )
    assert read_back(demo_path, "SELECT * FROM contributions ORDER BY seq") == everything


def test_another_speaker_leaves_the_turn_the_contribution_was_linked_to(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        old = doc.contributions.update_many(
            {"c05": {"participant_id": "p01"}, "c06": {"participant_id": None}}
        )
        assert read_back(demo_path, ROW, ("c06",))[0][2:4] == (None, None)
        assert read_back(demo_path, ROW, ("c05",))[0][2:4] == ("p01", None)
        doc.contributions.update_many(old)
    assert read_back(demo_path, ROW, ("c05",))[0][2:4] == ("p12", "s05")
    assert read_back(demo_path, ROW, ("c06",))[0][2:4] == ("p05", "s06")
