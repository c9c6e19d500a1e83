"""The Run view's dialogs for a paragraph of text are roomy (sized to the window, the text
wrapping) and Ctrl+Enter confirms them, as it records in the capture box; Esc cancels them
(tests/ui/test_dialog_drafts.py shows that nothing is then on record)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page, type_and_record
from workshop_app.ui import dialogs
from workshop_app.ui.common.roomy import MIN_WIDTH, TextDialog
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage

REAL = {
    name: getattr(dialogs, name)
    for name in ("edit_text", "edit_contribution", "edit_consensus_point", "edit_next_step")
}
LONG = "A paragraph that goes on, " * 12
KEYS = {"Ctrl+Return": Qt.Key.Key_Return, "Ctrl+Enter": Qt.Key.Key_Enter}

#: How each dialog opens from the Run view, and what is then on record.
CASES: dict[str, tuple[Callable[[RunPage], object], str]] = {
    "Item Summary": (
        lambda page: page.summary_action.trigger(),
        "SELECT summary FROM agenda_items WHERE id = 's'",
    ),
    "Edit Contribution": (
        lambda page: page.capture.edit_action.trigger(),
        "SELECT text FROM contributions",
    ),
    "Consensus Point": (
        lambda page: page.point_action.trigger(),
        "SELECT text FROM consensus_points",
    ),
    "Next Step": (lambda page: page.next_step_action.trigger(), "SELECT text FROM actions"),
}


def expected_width(window: MainWindow) -> int:
    return max(MIN_WIDTH, round(window.width() * 0.6))


@pytest.mark.parametrize("keys", list(KEYS))
@pytest.mark.parametrize("name", list(CASES))
def test_a_text_dialog_is_sized_to_the_window_wraps_and_ctrl_enter_confirms(
    qtbot: QtBot,
    opened: MainWindow,
    workshop_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    keys: str,
) -> None:
    for real, function in REAL.items():
        monkeypatch.setattr(dialogs, real, function)
    session = opened.session
    assert session is not None
    prepare(session)
    opened.resize(1300, 740)
    page = run_page(opened, Clock("10:00:00"))
    opened.activateWindow()
    page.next_item_action.trigger()
    type_and_record(qtbot, page, "Partners choose.")
    page.capture.feed.setCurrentIndex(page.capture.filter.index(0, 0))
    open_dialog, on_record = CASES[name]
    seen: list[tuple[int, QPlainTextEdit.LineWrapMode]] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            box = getattr(dialog, "text", None)
            assert isinstance(box, QPlainTextEdit)
            seen.append((dialog.width(), box.lineWrapMode()))
            box.setFocus()
            box.selectAll()
            qtbot.keyClicks(box, LONG)
            qtbot.keyClick(box, KEYS[keys], Qt.KeyboardModifier.ControlModifier)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, in_dialog)
    open_dialog(page)

    assert seen == [(expected_width(opened), QPlainTextEdit.LineWrapMode.WidgetWidth)]
    assert (LONG.strip(),) in read_back(workshop_path, on_record)


def test_on_a_small_window_a_text_dialog_keeps_its_minimum_width(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    for width, expected in ((600, MIN_WIDTH), (1300, 780)):
        window.resize(width, 700)
        dialog = TextDialog("Summary of Partnerships", "", window)
        assert dialog.width() == expected
        assert dialog.minimumWidth() == MIN_WIDTH
        dialog.deleteLater()
