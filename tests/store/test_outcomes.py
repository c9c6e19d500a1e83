"""Consensus points and next steps in the store: each edit on disk, deletes that undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.model import ConsensusPoint, NextStep, NextStepStatus
from workshop_app.domain.outcomes import is_overdue
from workshop_app.store import Document


def test_record_edit_and_delete_a_point(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.consensus.record(
            ConsensusPoint(
                id="k9", agenda_item_id="a2", text="New", supporting_contribution_ids=("c05",)
            )
        )
        assert read_back(
            demo_path, "SELECT status, recorded_at IS NOT NULL FROM consensus_points WHERE id='k9'"
        ) == [("proposed", 1)]
        old = doc.consensus.update("k9", status="no_consensus", reservations="  Views differ. ")
        assert old == {"status": "proposed", "reservations": None}
        assert read_back(
            demo_path, "SELECT status, reservations FROM consensus_points WHERE id='k9'"
        ) == [("no_consensus", "Views differ.")]
        with pytest.raises(ValueError):
            doc.consensus.update("k9", question_id="q4")  # a question of another item
        snapshot = doc.consensus.delete("k9")
        assert read_back(
            demo_path, "SELECT count(*) FROM consensus_support WHERE consensus_id='k9'"
        ) == [(0,)]
        doc.consensus.restore(snapshot)
        assert doc.consensus.get("k9").supporting_contribution_ids == ("c05",)
        assert [p.id for p in doc.consensus.supported_by("c05")] == ["k9"]


def test_actions_owner_due_status(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.next_steps.add(
            NextStep(id="n1", text="Write to partners", owner="MIEUX", due="2018-01-31")
        )
        with pytest.raises(ValueError):
            doc.next_steps.update("n1", due="31/01/2018")
        doc.next_steps.update("n1", owner_participant_id="p02", owner="Tomas Reinholt")
        assert read_back(
            demo_path, "SELECT owner, owner_participant_id FROM actions WHERE id='n1'"
        ) == [("Tomas Reinholt", "p02")]
        snapshot = doc.next_steps.delete("n1")
        doc.next_steps.restore(snapshot)
        assert doc.next_steps.get("n1").due == "2018-01-31"


def test_overdue_only_when_open_and_past_due() -> None:
    today = dt.date(2018, 1, 10)
    assert is_overdue(NextStep(id="a", text="t", due="2017-12-15"), today)
    assert not is_overdue(NextStep(id="a", text="t", due="2018-01-10"), today)
    assert not is_overdue(
        NextStep(id="a", text="t", due="2017-12-15", status=NextStepStatus.DONE), today
    )
    assert not is_overdue(NextStep(id="a", text="t"), today)
