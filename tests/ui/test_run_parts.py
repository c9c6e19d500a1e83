"""The Run page's parts are given what they read and say what they did: built without a Run
page, they act on the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
)
from workshop_app.domain.outcomes import STATUS_LABELS
from workshop_app.ui import dialogs
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.floor_moves import FloorMoves
from workshop_app.ui.run.run_items import ItemMoves
from workshop_app.ui.run.run_outcomes import RunOutcomes, RunSight
from workshop_app.ui.run.speakers_panel import SpeakersPanel


def test_the_outcome_actions_act_on_what_they_are_given_without_a_run_page(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    session = window.session
    assert session is not None
    item = session.agenda.get("a2")
    feed = session.contributions.list("a2")
    chosen = [c for c in feed if c.id in ("c04", "c06")]
    chair = QWidget()
    qtbot.addWidget(chair)
    sight = RunSight(
        shown_item=lambda: item,
        items=session.agenda.items,
        feed=lambda: feed,
        selected=lambda: chosen,
        speaker=lambda c: f"speaker of {c.id}",
        current_point=lambda: session.consensus.get("new-point") if chosen_point else None,
    )
    chosen_point: list[str] = []
    outcomes = RunOutcomes(chair, sight, session, OutcomeEdits(session))
    seen: list[tuple[object, str, list[str], dict[str, str]]] = []

    def propose(
        parent: object,
        shown: AgendaItem,
        _point: ConsensusPoint | None,
        supporting: list[Contribution],
        described: dict[str, str],
        _draft: object = None,
    ) -> ConsensusPoint:
        seen.append((parent, shown.id, [c.id for c in supporting], described))
        return ConsensusPoint(
            id="new-point",
            agenda_item_id=shown.id,
            text="Partners set the priorities.",
            status=ConsensusStatus.PROPOSED,
            supporting_contribution_ids=tuple(c.id for c in supporting),
        )

    monkeypatch.setattr(dialogs, "edit_consensus_point", propose)
    with qtbot.waitSignal(outcomes.dialog_closed):
        outcomes.propose_point()
    parent, shown_id, supporting, described = seen[0]
    assert (parent, shown_id, supporting) == (chair, "a2", ["c04", "c06"])
    assert " · speaker of c04 · " in described["c04"]
    assert read_back(
        path,
        "SELECT contribution_id FROM consensus_support WHERE consensus_id = 'new-point'"
        " ORDER BY position",
    ) == [("c04",), ("c06",)]
    chosen_point.append("new-point")  # chosen in the consensus list: its menu marks it
    marks = {action.text(): action for action in outcomes.status_actions()}
    marks[f"Mark as {STATUS_LABELS[ConsensusStatus.AGREED_WITH_RESERVATIONS]}"].trigger()
    assert read_back(path, "SELECT status FROM consensus_points WHERE id = 'new-point'") == [
        ("agreed_with_reservations",)
    ]


def test_the_chairs_moves_act_on_the_agenda_they_are_given_and_say_what_they_did(
    qtbot: QtBot, tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)  # a2 running, Natalia Rusu speaking, two waiting
    assert window.open_path(path)
    session = window.session
    assert session is not None
    session.clock = lambda: parse_timestamp("2017-09-21T10:47:20+02:00")
    edits = RunEdits(session)
    items = session.agenda.items()
    running = next(i for i in items if i.id == "a2")
    speakers = SpeakersPanel()
    qtbot.addWidget(speakers)
    floor = FloorMoves(lambda: running, speakers, session, edits)
    speaking = "SELECT count(*) FROM speeches WHERE agenda_item_id = 'a2' AND status = 'speaking'"
    assert read_back(path, speaking) == [(1,)]
    floor.end_speech()
    assert read_back(path, speaking) == [(0,)]
    moves = ItemMoves(lambda: items, session, edits)
    told: list[str] = []
    moves.status_message.connect(told.append)
    with qtbot.waitSignal(moves.moved):
        moves.finish_item()
    assert read_back(path, "SELECT status FROM agenda_items WHERE id = 'a2'") == [("done",)]
    assert told and told[0].startswith("Finished “")
