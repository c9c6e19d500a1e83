"""Building an agenda from nothing in the Prepare view, by keyboard, with undo and the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.helpers import agenda_panel
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.agenda_model import COL_END, COL_START
from workshop_app.ui.prepare.agenda_panel import AgendaPanel


def titles(path: Path) -> list[str]:
    return [r[0] for r in read_back(path, "SELECT title FROM agenda_items ORDER BY position")]


def questions(path: Path) -> list[tuple[str, str]]:
    return [
        (r[0], r[1])
        for r in read_back(
            path,
            "SELECT i.title, q.text FROM guiding_questions q JOIN agenda_items i "
            "ON i.id = q.agenda_item_id ORDER BY i.position, q.position",
        )
    ]


def type_title(qtbot: QtBot, panel: AgendaPanel, text: str, minutes: int) -> None:
    """Type into the detail form the way a user does: title, Enter, minutes, Enter."""
    title = panel.detail.title
    qtbot.waitUntil(title.hasFocus)
    title.selectAll()
    qtbot.keyClicks(title, text)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    panel.detail.minutes.setFocus()
    panel.detail.minutes.selectAll()
    qtbot.keyClicks(panel.detail.minutes, str(minutes))
    qtbot.keyClick(panel.detail.minutes, Qt.Key.Key_Return)


def shortcut(qtbot: QtBot, panel: AgendaPanel, keys: str) -> None:
    widget = QApplication.focusWidget() or panel.tree
    qtbot.keySequence(widget, keys)  # type: ignore[attr-defined]


def test_build_an_agenda_from_nothing_by_keyboard(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    session = opened.session
    assert session is not None
    session.workshop.update(date="2017-09-21", start_time="09:30")
    panel = agenda_panel(opened)
    assert "0 items" in panel.summary.text()

    panel.add_item_action.trigger()
    type_title(qtbot, panel, "Opening and welcome", 30)
    panel.add_item_action.trigger()
    type_title(qtbot, panel, "Partnerships in migration", 90)
    panel.add_question_action.trigger()
    question = panel.detail.question
    qtbot.waitUntil(question.hasFocus)
    question.selectAll()
    qtbot.keyClicks(question, "What can be considered a real partnership?")
    panel.tree.setFocus()  # leaving the field saves it
    panel.select(panel.model.items()[1].id)
    panel.add_item_action.trigger()
    type_title(qtbot, panel, "Coffee", 15)
    panel.detail.kind.setCurrentIndex(panel.detail.kind.findData("break"))

    assert titles(workshop_path) == ["Opening and welcome", "Partnerships in migration", "Coffee"]
    assert read_back(
        workshop_path, "SELECT kind, planned_minutes FROM agenda_items ORDER BY position"
    ) == [("session", 30), ("session", 90), ("break", 15)]
    assert questions(workshop_path) == [
        ("Partnerships in migration", "What can be considered a real partnership?")
    ]
    starts = [panel.model.index(r, COL_START).data() for r in range(3)]
    assert starts == ["09:30", "10:00", "11:30"]
    assert "09:30–11:45 (2h15)" in panel.summary.text()

    # Reorder by keyboard: Coffee goes up before the session.
    panel.tree.setFocus()
    panel.move_up_action.trigger()
    assert titles(workshop_path) == ["Opening and welcome", "Coffee", "Partnerships in migration"]
    assert panel.model.index(2, COL_END).data() == "11:45"
    assert opened.undo_action.text() == "&Undo Move Item"

    # The question moves up past the top of its item: into the item above.
    panel.select(panel.model.items()[2].questions[0].id)
    panel.move_up_action.trigger()
    assert questions(workshop_path) == [("Coffee", "What can be considered a real partnership?")]

    opened.undo_action.trigger()
    assert questions(workshop_path) == [
        ("Partnerships in migration", "What can be considered a real partnership?")
    ]
    opened.undo_action.trigger()
    assert titles(workshop_path) == ["Opening and welcome", "Partnerships in migration", "Coffee"]
    opened.redo_action.trigger()
    assert titles(workshop_path) == ["Opening and welcome", "Coffee", "Partnerships in migration"]


def test_keyboard_shortcuts_reach_the_panel(qtbot: QtBot, opened: MainWindow) -> None:
    panel = agenda_panel(opened)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(
        panel.tree,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: len(panel.model.items()) == 1)
    panel.tree.setFocus()
    qtbot.keyClick(
        panel.tree,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: len(panel.model.items()) == 2)
    second = panel.current()
    assert second is not None
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert panel.model.items()[0].id == second.id


def test_each_agenda_edit_undoes_and_redoes_in_the_file(
    opened: MainWindow, workshop_path: Path
) -> None:
    panel = agenda_panel(opened)
    undo, redo = opened.undo_action, opened.redo_action
    panel.add_item_action.trigger()
    item_id = panel.model.items()[0].id
    assert titles(workshop_path) == ["New session"]
    panel.edits.update_item(item_id, title="Opening", planned_minutes=20)
    question_id = panel.edits.add_question(item_id, "Why are we here?")
    assert question_id is not None
    panel.edits.update_question(question_id, "Why are we here today?")
    panel.edits.delete_question(question_id)
    panel.edits.delete_item(item_id)
    history = [
        ([], []),
        (["Opening"], []),
        (["Opening"], [("Opening", "Why are we here today?")]),
        (["Opening"], [("Opening", "Why are we here?")]),
        (["Opening"], []),
        (["New session"], []),
        ([], []),
    ]
    for expected in history[1:]:
        undo.trigger()
        assert (titles(workshop_path), questions(workshop_path)) == expected
    for expected in reversed(history[:-1]):
        redo.trigger()
        assert (titles(workshop_path), questions(workshop_path)) == expected


def test_deleting_an_item_with_contributions_asks_with_counts(
    opened: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert opened.open_path(demo_path)
    panel = agenda_panel(opened)
    asked: list[str] = []

    def confirm(_parent: object, question: str, detail: str, action: str) -> bool:
        asked.append(f"{question} {detail}")
        return len(asked) > 1  # refuse the first time, accept the second

    monkeypatch.setattr(dialogs, "confirm", confirm)
    panel.select("a2")
    panel.delete_action.trigger()
    assert "13 contributions, 12 speeches and 4 consensus points" in asked[0]
    assert read_back(demo_path, "SELECT count(*) FROM agenda_items WHERE id='a2'") == [(1,)]
    panel.delete_action.trigger()
    assert read_back(demo_path, "SELECT count(*) FROM contributions WHERE agenda_item_id='a2'") == [
        (0,)
    ]
    opened.undo_action.trigger()
    assert read_back(demo_path, "SELECT count(*) FROM contributions WHERE agenda_item_id='a2'") == [
        (13,)
    ]
    assert panel.model.items()[1].id == "a2"


def test_escape_cancels_an_edit_in_place(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    panel = agenda_panel(opened)
    panel.add_item_action.trigger()
    index = panel.model.index_of(panel.model.items()[0].id)
    panel.tree.setCurrentIndex(index)
    panel.tree.setFocus()
    assert panel.tree.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor is not panel.detail.title
    qtbot.keyClicks(editor, "Discarded")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.tree.state() == QAbstractItemView.State.NoState)
    assert titles(workshop_path) == ["New session"]
    assert panel.tree.edit(index, QAbstractItemView.EditTrigger.EditKeyPressed, None)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClicks(editor, "Kept")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits after the editor has seen the key (a queued call).
    qtbot.waitUntil(lambda: titles(workshop_path) == ["Kept"])


def test_a_description_is_saved_while_typing_pauses(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    panel = agenda_panel(opened)
    panel.add_item_action.trigger()
    panel.detail.description.setFocus()
    qtbot.keyClicks(panel.detail.description, "Each group opens with a statement.")
    # No focus change: a pause in typing is enough for it to be in the file.
    qtbot.waitUntil(
        lambda: (
            read_back(workshop_path, "SELECT description FROM agenda_items")
            == [("Each group opens with a statement.",)]
        ),
        timeout=5000,
    )
