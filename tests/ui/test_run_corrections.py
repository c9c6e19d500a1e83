"""Correcting the record from the Run view's feed: everything about a contribution in one
dialog, and the speaker of several at once; each one undo step, read back from the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page, type_and_record
from workshop_app.domain.limits import Refusal
from workshop_app.domain.model import AgendaItem, ConsensusPoint, GuidingQuestion
from workshop_app.errors import KnownError
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.contribution_dialog import ContributionDialog, SpeakerDialog
from workshop_app.ui.run.run_page import RunPage

CTRL = Qt.KeyboardModifier.ControlModifier
REAL_EDIT = dialogs.edit_contribution
REAL_ASK = dialogs.ask_speaker
ROWS = "SELECT agenda_item_id, question_id, participant_id, kind, text FROM contributions"


def started(qtbot: QtBot, window: MainWindow, *texts: str) -> RunPage:
    """Item "s" running (and item "u", with a question of its own, planned); ``texts``
    recorded from the floor."""
    session = window.session
    assert session is not None
    prepare(session)
    question = GuidingQuestion(id="q9", agenda_item_id="u", text="Who pays for it?")
    session.agenda.add_item(AgendaItem(id="u", title="Funding", questions=(question,)))
    page = run_page(window, Clock("10:00:00"))
    window.activateWindow()
    page.next_item_action.trigger()
    for text in texts:
        type_and_record(qtbot, page, text)
    return page


def in_next_dialog(qtbot: QtBot, act: Callable[[QDialog], None]) -> list[QDialog]:
    """Do ``act`` in the next modal dialog, as the user (it is cancelled if ``act`` fails)."""
    seen: list[QDialog] = []

    def in_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        seen.append(dialog)
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, in_dialog)
    return seen


def test_one_dialog_corrects_speaker_kind_item_and_question_and_one_undo_restores_them(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "edit_contribution", REAL_EDIT)
    page = started(qtbot, opened, "Someone must pay for the return programmes.")
    before = read_back(workshop_path, ROWS)
    assert before == [("s", "q1", None, "statement", "Someone must pay for the return programmes.")]
    steps = opened.session.undo_stack.count() if opened.session else 0
    page.capture.feed.setFocus()
    page.capture.feed.setCurrentIndex(page.capture.filter.index(0, 0))

    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, ContributionDialog)
        speaker = dialog.speaker.lineEdit()
        assert speaker is not None
        speaker.selectAll()
        qtbot.keyClicks(speaker, "nobody of that name")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)  # refused: says why
        assert dialog.isVisible() and "Choose one person" in dialog.note.text()
        speaker.selectAll()
        qtbot.keyClicks(speaker, "B. Sample")
        dialog.kind.setCurrentIndex(dialog.kind.findData("proposal"))
        dialog.item.setCurrentIndex(dialog.item.findData("u"))
        dialog.question.setCurrentIndex(dialog.question.findData("q9"))
        dialog.text.setFocus()
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter confirms

    seen = in_next_dialog(qtbot, correct)
    qtbot.keyClick(page.capture.feed, Qt.Key.Key_F2)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    assert read_back(workshop_path, ROWS) == [
        ("u", "q9", "b", "proposal", "Someone must pay for the return programmes.")
    ]
    session = opened.session
    assert session is not None
    assert session.undo_stack.count() == steps + 1
    assert session.undo_stack.undoText() == "Edit Contribution"
    session.undo_stack.undo()
    assert read_back(workshop_path, ROWS) == before


def test_three_contributions_said_by_someone_else_in_one_step(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_speaker", REAL_ASK)
    page = started(qtbot, opened, "One.", "Two.", "Three.", "Four.")
    session = opened.session
    assert session is not None
    ids = [c.id for c in session.contributions.list()]
    page.capture.select_many(ids[1:])
    page.capture.feed.setFocus()
    capture = page.capture
    assert capture.speaker_action in capture.feed.actions()  # in the feed's context menu
    assert capture.feed.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert capture.speaker_action in capture.actions_for_menu()  # and the Capture menu

    def name_them(dialog: QDialog) -> None:
        assert isinstance(dialog, SpeakerDialog)
        qtbot.keyClick(dialog.speaker, Qt.Key.Key_Return, CTRL)  # nobody named: refused
        assert dialog.isVisible() and dialog.note.text()
        line = dialog.speaker.lineEdit()
        assert line is not None
        qtbot.keyClicks(line, "c. dem")  # part of "C. Demo", any case
        qtbot.keyClick(line, Qt.Key.Key_Return, CTRL)

    seen = in_next_dialog(qtbot, name_them)
    qtbot.keyClick(capture.feed, Qt.Key.Key_F2, Qt.KeyboardModifier.ShiftModifier)
    assert seen and seen[0].result() == QDialog.DialogCode.Accepted
    said = "SELECT text, participant_id FROM contributions ORDER BY seq"
    assert read_back(workshop_path, said) == [
        ("One.", None),
        ("Two.", "c"),
        ("Three.", "c"),
        ("Four.", "c"),
    ]
    assert session.undo_stack.undoText() == "Change Speaker of 3 Contributions"
    session.undo_stack.undo()
    assert [row[1] for row in read_back(workshop_path, said)] == [None] * 4


def test_a_refused_move_says_why_and_leaves_the_contribution_as_it_was(
    qtbot: QtBot,
    opened: MainWindow,
    workshop_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[KnownError],
) -> None:
    page = started(qtbot, opened, "Partners choose.")
    session = opened.session
    assert session is not None
    (contribution,) = session.contributions.list()
    point = ConsensusPoint(
        id="k", agenda_item_id="s", text="Agreed.", supporting_contribution_ids=(contribution.id,)
    )
    session.consensus.record(point)
    before = read_back(workshop_path, ROWS)
    page.capture.select(contribution.id)
    monkeypatch.setattr(dialogs, "edit_contribution", lambda *_args: {"agenda_item_id": "u"})
    page.capture.edit_selected()
    assert [type(e) for e in errors] == [Refusal]
    assert "supports a consensus point" in errors[0].message
    assert read_back(workshop_path, ROWS) == before
