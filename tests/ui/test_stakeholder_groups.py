"""Stakeholder groups in the details form: add, rename in place, remove, reorder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_details_form import details
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow


def groups_on_disk(path: Path) -> list[str]:
    rows = read_back(path, "SELECT name FROM stakeholder_groups ORDER BY position, seq")
    return [str(name) for (name,) in rows]


def members(path: Path, group: str) -> int:
    rows = read_back(
        path, "SELECT count(*) FROM participants WHERE stakeholder_group = ?", (group,)
    )
    count = rows[0][0]
    assert isinstance(count, int)
    return count


def test_rename_in_place_takes_the_participants_along(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_path(demo_path)
    editor = details(window).groups
    before = members(demo_path, "Civil society")
    assert before > 0
    row = editor.groups().index("Civil society")

    editor.list.setCurrentRow(row)
    editor.rename_button.click()
    line: QLineEdit | None = None

    def editor_open() -> bool:
        nonlocal line
        line = editor.list.viewport().findChild(QLineEdit)
        return line is not None

    qtbot.waitUntil(editor_open)
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "Civil society organisations")
    qtbot.keyClick(line, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: "Civil society organisations" in groups_on_disk(demo_path))
    assert groups_on_disk(demo_path)[row] == "Civil society organisations"
    assert members(demo_path, "Civil society organisations") == before
    assert members(demo_path, "Civil society") == 0
    assert editor.list.item(row).text() == "Civil society organisations"


def test_rename_to_an_existing_name_is_refused(opened: MainWindow, workshop_path: Path) -> None:
    editor = details(opened).groups
    editor.list.item(1).setText("civil society")  # what an in-place edit does when committed
    assert groups_on_disk(workshop_path) == ["Civil society", "Partners"]
    assert editor.list.item(1).text() == "Partners"
    assert "already a group" in editor.note.text()


def test_add_move_and_remove(qtbot: QtBot, opened: MainWindow, workshop_path: Path) -> None:
    editor = details(opened).groups
    qtbot.keyClicks(editor.new_name, "EU institutions")
    qtbot.keyClick(editor.new_name, Qt.Key.Key_Return)
    assert groups_on_disk(workshop_path) == ["Civil society", "Partners", "EU institutions"]
    assert editor.new_name.text() == ""
    assert editor.list.currentItem().text() == "EU institutions"

    editor.up_button.click()
    assert groups_on_disk(workshop_path) == ["Civil society", "EU institutions", "Partners"]
    opened.activateWindow()
    editor.list.setFocus()
    qtbot.waitUntil(editor.list.hasFocus)
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert groups_on_disk(workshop_path) == ["EU institutions", "Civil society", "Partners"]
    assert editor.list.currentRow() == 0
    assert not editor.up_button.isEnabled()
    editor.down_button.click()
    assert groups_on_disk(workshop_path) == ["Civil society", "EU institutions", "Partners"]

    editor.list.setCurrentRow(2)
    editor.remove_button.click()  # nobody is in it: no question asked
    assert groups_on_disk(workshop_path) == ["Civil society", "EU institutions"]
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert len(groups_on_disk(workshop_path)) == 1


def test_blank_or_duplicate_new_group_is_refused(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    editor = details(opened).groups
    editor.add_button.click()
    assert "needs a name" in editor.note.text()
    qtbot.keyClicks(editor.new_name, "PARTNERS")
    editor.add_button.click()
    assert "already a group" in editor.note.text()
    assert groups_on_disk(workshop_path) == ["Civil society", "Partners"]


@pytest.mark.parametrize("answer", [False, True])
def test_removing_a_group_with_members_asks_first(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch, answer: bool
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, question: str, _detail: str, _action: str) -> bool:
        asked.append(question)
        return answer

    monkeypatch.setattr(dialogs, "confirm", confirm)
    assert window.open_path(demo_path)
    editor = details(window).groups
    editor.select("Civil society")
    editor.remove_button.click()
    assert asked == ["Remove the group Civil society?"]
    assert ("Civil society" in groups_on_disk(demo_path)) is not answer
    assert members(demo_path, "Civil society") > 0  # participants keep their group
