"""The roster table model: qtmodeltester, row-level updates, in-place edits to the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester

from tests.conftest import read_back
from workshop_app.domain.model import Participant
from workshop_app.domain.roster import GroupCount, checkin_counts
from workshop_app.store import Document
from workshop_app.ui.edits.commands import Editor
from workshop_app.ui.edits.prepare_edits import RosterEdits
from workshop_app.ui.prepare.roster_model import (
    COL_JOB_TITLE,
    COL_NAME,
    COL_PRESENT,
    COL_ROLE,
    HEADERS,
    RosterModel,
)


def test_model_passes_modeltester_and_follows_store(
    qtmodeltester: ModelTester, demo_path: Path
) -> None:
    with Document.open(demo_path) as doc:
        stack = QUndoStack()
        edits = RosterEdits(Editor(stack, lambda e: None), doc.participants, doc.workshop)
        model = RosterModel(edits)
        doc.subscribe(lambda _c: model.reconcile(doc.participants.list()))
        model.reconcile(doc.participants.list())
        qtmodeltester.check(model, force_py=True)
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))
        edits.add(Participant(id="new", name="Zoë Newcomer"))
        edits.delete("p15")
        assert model.rowCount() == 15
        assert model.index(14, COL_NAME).data() == "Zoë Newcomer"
        qtmodeltester.check(model, force_py=True)
        assert resets == []


def test_ticking_present_is_one_undoable_edit_on_disk(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        stack = QUndoStack()
        model = RosterModel(
            RosterEdits(Editor(stack, lambda e: None), doc.participants, doc.workshop)
        )
        doc.subscribe(lambda _c: model.reconcile(doc.participants.list()))
        model.reconcile(doc.participants.list())
        row = model.row_of("p11")  # registered, not present
        index = model.index(row, COL_PRESENT)
        assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        assert read_back(demo_path, "SELECT present FROM participants WHERE id='p11'") == [(1,)]
        assert stack.undoText() == "Check In"
        stack.undo()
        assert read_back(demo_path, "SELECT present FROM participants WHERE id='p11'") == [(0,)]
        assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        # Unticking says so in Edit > Undo (it said "Check In" for both).
        present = model.index(model.row_of("p01"), COL_PRESENT)
        assert model.setData(present, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
        assert stack.undoText() == "Mark Not Present"


def test_job_title_is_a_column_edited_in_place_on_disk(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        stack = QUndoStack()
        model = RosterModel(
            RosterEdits(Editor(stack, lambda e: None), doc.participants, doc.workshop)
        )
        doc.subscribe(lambda _c: model.reconcile(doc.participants.list()))
        model.reconcile(doc.participants.list())
        assert model.headerData(COL_JOB_TITLE, Qt.Orientation.Horizontal) == "Job title"
        assert HEADERS.index("Job title") == COL_JOB_TITLE
        index = model.index(model.row_of("p02"), COL_JOB_TITLE)
        assert index.data() == ""
        assert model.setData(index, " Head of Unit ")
        assert index.data() == "Head of Unit"
        on_disk = "SELECT job_title FROM participants WHERE id='p02'"
        assert read_back(demo_path, on_disk) == [("Head of Unit",)]
        assert stack.undoText() == "Change Participant"
        stack.undo()
        assert read_back(demo_path, on_disk) == [(None,)]
        assert index.data() == ""


def test_invalid_role_is_reported_and_not_stacked(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        stack = QUndoStack()
        errors: list[Exception] = []
        model = RosterModel(
            RosterEdits(Editor(stack, errors.append), doc.participants, doc.workshop)
        )
        model.reconcile(doc.participants.list())
        assert not model.setData(model.index(0, COL_ROLE), "boss")
        assert stack.count() == 0
        assert len(errors) == 1
        assert read_back(demo_path, "SELECT role FROM participants WHERE id='p01'") == [("chair",)]


def test_checkin_counts_per_group_in_workshop_order() -> None:
    people = [
        Participant(id="1", name="A", stakeholder_group="Civil society", present=True),
        Participant(id="2", name="B", stakeholder_group="Civil society", present=False),
        Participant(id="3", name="C", stakeholder_group="Partners", present=True),
        Participant(id="4", name="D", stakeholder_group="Press", present=True),
        Participant(id="5", name="E", present=False),
    ]
    assert checkin_counts(people, ["Partners", "Civil society", "EU institutions"]) == [
        GroupCount("Partners", 1, 1),
        GroupCount("Civil society", 1, 2),
        GroupCount("EU institutions", 0, 0),
        GroupCount("Press", 1, 1),
        GroupCount("No group", 0, 1),
    ]


def test_update_rows_changes_only_the_rows_named_or_nothing(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        model = RosterModel()
        model.reconcile(doc.participants.list())
        doc.participants.update("p11", organisation="Cités Unies")
        edited = doc.participants.get("p11")
        changed: list[int] = []
        model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
        assert not model.update_rows([edited, Participant(id="nobody", name="Nobody")])
        assert (
            changed == []
            and model.people()[model.row_of("p11")].organisation != edited.organisation
        )
        assert model.update_rows([edited])
        assert changed == [model.row_of("p11")]
    with Document.open(demo_path) as doc:  # the rows are what the file holds
        assert model.people() == doc.participants.list()
