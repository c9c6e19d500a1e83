"""Consensus points and next steps recorded from the Run view, kept in the file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, run_page
from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    NextStep,
)
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.feed_model import HEADER_ROLE
from workshop_app.ui.run.run_page import RunPage


@pytest.fixture
def page(tmp_path: Path, window: MainWindow) -> RunPage:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    return run_page(window, Clock("10:47:20"))


def select_in_feed(page: RunPage, *ids: str) -> None:
    feed = page.capture.feed
    feed.selectionModel().clearSelection()
    for cid in ids:
        index = page.capture.filter.mapFromSource(
            page.capture.model.index(page.capture.model.row_of(cid))
        )
        feed.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)


def test_propose_from_two_contributions_with_reservations_and_reopen(
    page: RunPage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = window.session.path if window.session else Path()
    select_in_feed(page, "c04", "c06")
    seen: list[tuple[str, list[str]]] = []

    def propose(
        _parent: object,
        item: AgendaItem,
        point: ConsensusPoint | None,
        supporting: list[Contribution],
        _describe: dict[str, str],
        _draft: object = None,
    ) -> ConsensusPoint:
        assert point is None
        seen.append((item.id, [c.id for c in supporting]))
        return ConsensusPoint(
            id="new-point",
            agenda_item_id=item.id,
            text="Capacity development follows the partners' own priorities.",
            question_id="q2",
            status=ConsensusStatus.AGREED_WITH_RESERVATIONS,
            reservations="Two delegations asked that timing be included as well.",
            supporting_contribution_ids=tuple(c.id for c in supporting),
        )

    monkeypatch.setattr(dialogs, "edit_consensus_point", propose)
    page.point_action.trigger()
    assert seen == [("a2", ["c04", "c06"])]
    assert page.consensus.points.count() == 1
    header = page.capture.model.index(page.capture.model.row_of("c04")).data(HEADER_ROLE)
    assert "supports P1" in header
    window.close_workshop()
    with Document.open(path) as doc:
        point = doc.consensus.get("new-point")
    assert point.status == ConsensusStatus.AGREED_WITH_RESERVATIONS
    assert point.reservations == "Two delegations asked that timing be included as well."
    assert point.supporting_contribution_ids == ("c04", "c06")
    assert point.question_id == "q2"


def test_unlink_and_delete_a_supporting_contribution_then_undo(
    page: RunPage, window: MainWindow
) -> None:
    assert window.session is not None
    path = window.session.path
    page.outcomes.record_point(
        ConsensusPoint(
            id="k9",
            agenda_item_id="a2",
            text="Sharing goals, approaches and responsibility.",
            supporting_contribution_ids=("c03", "c04", "c07"),
        )
    )
    page.outcomes.unlink("k9", ["c04"])
    support = (
        "SELECT contribution_id FROM consensus_support WHERE consensus_id='k9' ORDER BY position"
    )
    assert read_back(path, support) == [("c03",), ("c07",)]
    page.edits.delete("c07")  # a supporting contribution goes: the point stays, the link goes
    assert read_back(path, "SELECT count(*) FROM consensus_points WHERE id='k9'") == [(1,)]
    assert read_back(path, support) == [("c03",)]
    window.undo_action.trigger()  # both come back
    assert read_back(path, support) == [("c03",), ("c07",)]
    assert read_back(path, "SELECT count(*) FROM contributions WHERE id='c07'") == [(1,)]
    window.undo_action.trigger()  # the unlink is undone, in the original order
    assert read_back(path, support) == [("c03",), ("c04",), ("c07",)]


def test_selecting_a_point_selects_its_contributions(page: RunPage) -> None:
    page.outcomes.record_point(
        ConsensusPoint(
            id="k9", agenda_item_id="a2", text="Point", supporting_contribution_ids=("c03", "c05")
        )
    )
    page.consensus.points.setCurrentRow(0)
    assert sorted(c.id for c in page.capture.selected()) == ["c03", "c05"]


def test_next_steps_with_participant_and_free_text_owners(
    page: RunPage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.session is not None
    path = window.session.path
    answers = [
        NextStep(
            id="n1",
            text="Circulate a note",
            owner="Léa Marchand",
            owner_participant_id="p03",
            due="2017-10-06",
            agenda_item_id="a2",
        ),
        NextStep(id="n2", text="Prepare the regional events", owner="All participants"),
    ]
    monkeypatch.setattr(dialogs, "edit_next_step", lambda *_args: answers.pop(0))
    page.next_step_action.trigger()
    page.next_step_action.trigger()
    assert read_back(
        path, "SELECT id, owner, owner_participant_id, due FROM actions ORDER BY seq"
    ) == [
        ("n1", "Léa Marchand", "p03", "2017-10-06"),
        ("n2", "All participants", None, None),
    ]
    window.undo_action.trigger()
    assert read_back(path, "SELECT id FROM actions") == [("n1",)]


def test_item_summary_from_the_run_view(
    page: RunPage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.session is not None
    monkeypatch.setattr(dialogs, "edit_text", lambda *_args: "We agreed on three things.")
    page.summary_action.trigger()
    assert read_back(window.session.path, "SELECT summary FROM agenda_items WHERE id='a2'") == [
        ("We agreed on three things.",)
    ]


def test_consensus_and_actions_round_trip_through_json(demo_path: Path, tmp_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.consensus.update("k3", reservations="Changed: recorded as said.")
        doc.consensus.set_support("k1", ["c09", "c03"])
        doc.next_steps.update("x3", status="dropped", due="2018-02-28")
    exported = tmp_path / "out.json"

    def cli(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "workshop_app", *args], check=True, timeout=120)

    cli("export", str(demo_path), "--format", "json", "-o", str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    k1 = next(p for p in data["consensus"] if p["id"] == "k1")
    assert k1["supporting_contributions"] == ["c09", "c03"]
    again = tmp_path / "again.workshop"
    cli("import-json", str(exported), str(again))
    with Document.open(again) as doc:
        assert doc.consensus.get("k3").reservations == "Changed: recorded as said."
        assert doc.consensus.get("k1").supporting_contribution_ids == ("c09", "c03")
        action = doc.next_steps.get("x3")
        assert (action.status.value, action.due) == ("dropped", "2018-02-28")
