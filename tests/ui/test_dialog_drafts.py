"""Esc in a dialog does not throw typed text away: it is kept as a draft in the workshop file
and offered back the next time the dialog opens for the same target; OK clears it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage

#: The real dialogs (the suite's fixture replaces them with failures for every test).
REAL = {
    name: getattr(dialogs, name) for name in ("edit_text", "edit_consensus_point", "edit_next_step")
}
TYPED = " Then the second delegation said: only with a budget."


def box_of(dialog: QDialog) -> QPlainTextEdit:
    box = getattr(dialog, "text", None)
    if not isinstance(box, QPlainTextEdit):
        box = dialog.findChild(QPlainTextEdit)
    assert isinstance(box, QPlainTextEdit)
    return box


def answer(qtbot: QtBot, act: Callable[[QDialog, QPlainTextEdit], None]) -> None:
    """Do ``act`` in the next dialog shown, as the user; it is cancelled if ``act`` fails."""

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        try:
            act(dialog, box_of(dialog))
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, in_dialog)


def type_and_escape(qtbot: QtBot) -> Callable[[QDialog, QPlainTextEdit], None]:
    def act(dialog: QDialog, box: QPlainTextEdit) -> None:
        box.setFocus()
        box.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(box, TYPED)
        qtbot.keyClick(box, Qt.Key.Key_Escape)

    return act


def look_and_escape(seen: list[str]) -> Callable[[QDialog, QPlainTextEdit], None]:
    def act(dialog: QDialog, box: QPlainTextEdit) -> None:
        seen.append(box.toPlainText())
        dialog.reject()

    return act


def look_and_confirm(seen: list[str]) -> Callable[[QDialog, QPlainTextEdit], None]:
    def act(dialog: QDialog, box: QPlainTextEdit) -> None:
        seen.append(box.toPlainText())
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.click()

    return act


class Case:
    """One dialog of the Run view: how it opens, its draft's key, what is on record."""

    def __init__(
        self, open_: Callable[[RunPage], object], key: str, on_record: str, before: str = ""
    ) -> None:
        self.open, self.key, self.on_record, self.before = open_, key, on_record, before


CASES = {
    "Summary": Case(
        lambda page: page.summary_action.trigger(),
        "summary:s",
        "SELECT summary FROM agenda_items WHERE id = 's' AND summary IS NOT NULL",
    ),
    "Edit Contribution": Case(
        lambda page: page.capture.edit_action.trigger(),
        "contribution:{cid}",
        "SELECT text FROM contributions WHERE text != 'Partners choose.'",
        before="Partners choose.",
    ),
    "Consensus": Case(
        lambda page: page.point_action.trigger(),
        "consensus:new:s",
        "SELECT text FROM consensus_points",
    ),
    "Next Step": Case(
        lambda page: page.next_step_action.trigger(),
        "next-step:new:s",
        "SELECT text FROM actions",
    ),
}


def started(window: MainWindow, qtbot: QtBot) -> RunPage:
    page = run_page(window, Clock("10:00:00"))
    window.activateWindow()
    if page.item is None:
        page.next_item_action.trigger()
    qtbot.waitUntil(page.capture.text.hasFocus)
    # The edit dialog edits the contribution selected in the feed.
    if page.capture.model.rowCount():
        page.capture.feed.setCurrentIndex(page.capture.filter.index(0, 0))
    return page


def stored_draft(path: Path, key: str) -> str | None:
    document = Document.open(path)
    try:
        return document.drafts.get(key)
    finally:
        document.close()


@pytest.mark.parametrize("name", list(CASES))
def test_esc_keeps_a_draft_that_is_offered_back_and_ok_clears_it(
    qtbot: QtBot,
    opened: MainWindow,
    workshop_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    case = CASES[name]
    for real in REAL:
        monkeypatch.setattr(dialogs, real, REAL[real])
    assert opened.session is not None
    prepare(opened.session)
    page = started(opened, qtbot)
    if case.before:
        page.capture.text.insertPlainText(case.before)
        page.capture.record()
        page = started(opened, qtbot)
    contribution = read_back(workshop_path, "SELECT id FROM contributions")
    key = case.key.format(cid=contribution[0][0] if contribution else "")
    expected = case.before + TYPED

    answer(qtbot, type_and_escape(qtbot))
    case.open(page)
    assert read_back(workshop_path, case.on_record) == []  # cancelled: nothing on record
    assert opened.focusWidget() is page.capture.text  # the keyboard goes back to the entry box
    opened.activateWindow()  # (as the window manager does when the dialog closes)
    qtbot.waitUntil(page.capture.text.hasFocus)

    seen: list[str] = []
    answer(qtbot, look_and_escape(seen))
    case.open(page)
    assert seen == [expected]  # offered back, as typed

    opened.close_workshop()
    assert stored_draft(workshop_path, key) == expected  # in the file, across a restart

    assert opened.open_path(workshop_path)
    page = started(opened, qtbot)
    answer(qtbot, look_and_confirm(seen))
    case.open(page)
    assert seen == [expected, expected]
    assert read_back(workshop_path, case.on_record) == [(expected.strip(),)]
    opened.close_workshop()
    assert stored_draft(workshop_path, key) is None  # confirmed: the draft is gone
