"""Nothing typed is dropped: a command given while a field is being edited first commits it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.helpers import agenda_panel, stored_titles
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.prepare_page import PreparePage

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> None:
    """A key pressed where the keyboard is, as a user does."""
    qtbot.keyClick(focused(), key, modifiers)


def type_new_title(qtbot: QtBot, panel: AgendaPanel, text: str) -> None:
    """Add an item with its shortcut and type its title, without leaving the field."""
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    press(qtbot, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(panel.detail.title.hasFocus)
    qtbot.keyClicks(panel.detail.title, text)


def click_mode(qtbot: QtBot, window: MainWindow, key: str) -> None:
    button = window.mode_bar.widgetForAction(window.mode_actions[key])
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_add_item_button(qtbot: QtBot, window: MainWindow) -> None:
    panel = agenda_panel(window)
    (button,) = [
        b for b in panel.findChildren(QToolButton) if b.defaultAction() is panel.add_item_action
    ]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


COMMANDS: dict[str, Callable[[QtBot, MainWindow], object]] = {
    "add item (Ctrl+Shift+I)": lambda qtbot, _w: press(qtbot, Qt.Key.Key_I, CTRL_SHIFT),
    "add item (its button)": click_add_item_button,
    "add question (Ctrl+Shift+Q)": lambda qtbot, _w: press(qtbot, Qt.Key.Key_Q, CTRL_SHIFT),
    "switch mode (Ctrl+2)": lambda qtbot, _w: press(
        qtbot, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier
    ),
    "switch mode (click on the mode bar)": lambda qtbot, w: click_mode(qtbot, w, "run"),
    "close the workshop (Ctrl+W)": lambda qtbot, _w: press(
        qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
    ),
    "close the window": lambda _qtbot, w: w.close(),
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_first_commits_the_title_being_typed(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, command: str
) -> None:
    panel = agenda_panel(opened)
    type_new_title(qtbot, panel, "Opening and welcome")
    COMMANDS[command](qtbot, opened)
    if opened.session is not None:
        opened.close_workshop()
    assert stored_titles(workshop_path)[0] == "Opening and welcome"


def test_undo_takes_back_the_typed_title_and_redo_brings_it_back(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    """Edit > Undo while typing: the typing is committed, then undone as the last step."""
    panel = agenda_panel(opened)
    type_new_title(qtbot, panel, "Opening and welcome")
    assert opened.undo_action.text() == "&Undo Add Item"
    opened.undo_action.trigger()
    assert stored_titles(workshop_path) == ["New session"]
    assert opened.redo_action.text() == "&Redo Change Item Title"
    opened.redo_action.trigger()
    assert stored_titles(workshop_path) == ["Opening and welcome"]


def test_a_question_and_a_description_being_typed_are_committed(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    panel = agenda_panel(opened)
    type_new_title(qtbot, panel, "Partnerships")
    press(qtbot, Qt.Key.Key_Q, CTRL_SHIFT)
    qtbot.waitUntil(panel.detail.question.hasFocus)
    qtbot.keyClicks(panel.detail.question, "What is a real partnership?")
    press(qtbot, Qt.Key.Key_Q, CTRL_SHIFT)  # the next question, before leaving this one
    panel.select(panel.model.items()[0].id)
    panel.detail.description.setFocus()
    qtbot.waitUntil(panel.detail.description.hasFocus)
    qtbot.keyClicks(panel.detail.description, "Who does what")
    press(qtbot, Qt.Key.Key_I, CTRL_SHIFT)  # within the second of the idle save

    assert read_back(
        workshop_path, "SELECT title, description FROM agenda_items ORDER BY position"
    ) == [("Partnerships", "Who does what"), ("New session", None)]
    assert read_back(workshop_path, "SELECT text FROM guiding_questions ORDER BY position") == [
        ("What is a real partnership?",),
        ("New guiding question?",),
    ]


def test_a_click_on_the_agenda_tab_gives_the_panel_the_keyboard(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    """Its shortcuts work at once, and what is typed goes into its form."""
    page = opened.page("prepare")
    assert isinstance(page, PreparePage)
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    tabs = page.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(1).center())
    panel = page.panel("Agenda")
    assert isinstance(panel, AgendaPanel)
    qtbot.waitUntil(panel.isVisible)
    press(qtbot, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(panel.detail.title.hasFocus)
    qtbot.keyClicks(focused(), "Opening and welcome")
    press(qtbot, Qt.Key.Key_I, CTRL_SHIFT)
    assert stored_titles(workshop_path) == ["Opening and welcome", "New session"]


def test_the_click_focus_bit_is_qts() -> None:
    """pending.py names the bit itself, to keep Qt's enum namespace out of start-up."""
    from PySide6.QtCore import Qt

    from workshop_app.ui.pending import CLICK_FOCUS

    assert Qt.FocusPolicy.ClickFocus.value == CLICK_FOCUS
