"""The agenda tree model: passes qtmodeltester, follows the store with row-level updates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.domain.model import AgendaItem, ItemKind
from workshop_app.store import Document
from workshop_app.ui.edits.commands import Editor
from workshop_app.ui.edits.prepare_edits import AgendaEdits
from workshop_app.ui.prepare.agenda_model import COL_END, COL_START, COL_TITLE, AgendaModel


def connect(doc: Document, model: AgendaModel) -> None:
    def refresh(_changes: object) -> None:
        w = doc.workshop.get()
        model.set_day(w.date, w.start_time)
        model.reconcile(doc.agenda.items())

    doc.subscribe(refresh)
    refresh(())


def test_model_passes_modeltester_through_edits(
    qtmodeltester: ModelTester, demo_path: Path
) -> None:
    with Document.open(demo_path) as doc:
        errors: list[Exception] = []
        edits = AgendaEdits(Editor(QUndoStack(), errors.append), doc.agenda)
        model = AgendaModel(edits)
        connect(doc, model)
        qtmodeltester.check(model, force_py=True)
        edits.move_item("a5", 0)
        edits.move_question("q3", "a2", 0)
        new_question = edits.add_question("a1", "Why are we here?")
        assert new_question is not None
        edits.move_question(new_question, "a5", 0)
        edits.add_item(AgendaItem(id="new", title="Wrap-up", planned_minutes=10), 2)
        edits.delete_item("a3")
        qtmodeltester.check(model, force_py=True)
        assert errors == []


def test_times_follow_planned_minutes_and_start(qtbot: QtBot, document: Document) -> None:
    document.workshop.update(date="2017-09-21", start_time="09:30")
    model = AgendaModel()
    connect(document, model)
    document.agenda.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    document.agenda.add_item(
        AgendaItem(id="b", title="Coffee", kind=ItemKind.BREAK, planned_minutes=15)
    )
    assert [model.index(r, COL_START).data() for r in range(2)] == ["09:30", "10:00"]
    with qtbot.waitSignal(model.dataChanged):
        document.agenda.update_item("a", planned_minutes=45)
    assert model.index(1, COL_END).data() == "10:30"
    document.workshop.update(start_time="10:00")
    assert model.index(1, COL_END).data() == "11:00"
    assert model.plan.total_minutes == 60


def test_moves_are_row_moves_not_resets(qtbot: QtBot, demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        model = AgendaModel()
        connect(doc, model)
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))
        with qtbot.waitSignal(model.rowsMoved):
            doc.agenda.move_item("a5", 0)
        assert model.index(0, COL_TITLE).data() == "Closing remarks"
        with qtbot.waitSignal(model.rowsInserted):
            doc.agenda.add_question("a1", "Why are we here?")
        assert model.rowCount(model.index(1, 0)) == 1
        assert resets == []


def test_edit_in_place_goes_to_the_file_and_undoes(document: Document) -> None:
    stack = QUndoStack()
    edits = AgendaEdits(Editor(stack, lambda e: None), document.agenda)
    model = AgendaModel(edits)
    connect(document, model)
    edits.add_item(AgendaItem(id="a", title="Opening", planned_minutes=30))
    assert model.setData(model.index(0, COL_TITLE), "Welcome")
    assert read_back(document.path, "SELECT title FROM agenda_items") == [("Welcome",)]
    assert stack.undoText() == "Change Item Title"
    stack.undo()
    assert read_back(document.path, "SELECT title FROM agenda_items") == [("Opening",)]
    assert model.index(0, COL_TITLE).data() == "Opening"
    assert not model.setData(model.index(0, COL_TITLE), "   ")
    assert model.parent(model.index(0, 0)) == QModelIndex()


def test_drag_and_drop_moves_items_and_questions(document: Document) -> None:
    stack = QUndoStack()
    edits = AgendaEdits(Editor(stack, lambda e: None), document.agenda)
    model = AgendaModel(edits)
    connect(document, model)
    for key in "abc":
        edits.add_item(AgendaItem(id=key, title=key.upper()))
    question = edits.add_question("a", "Moved by mouse?")
    assert question is not None
    # Drag item C and drop it between A and B (row 1 of the root).
    data = model.mimeData([model.index(2, COL_TITLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert [i.id for i in document.agenda.items()] == ["a", "c", "b"]
    # Drag the question onto item B.
    data = model.mimeData([model.index_of(question)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, model.index(2, 0))
    assert [q.text for q in document.agenda.get("b").questions] == ["Moved by mouse?"]
    assert stack.undoText() == "Move Question"
    # An item cannot be dropped inside another item's questions.
    data = model.mimeData([model.index(0, COL_TITLE)])
    question_index = model.index_of(question)
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, question_index)
    assert [i.id for i in document.agenda.items()] == ["a", "c", "b"]
