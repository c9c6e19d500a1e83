"""A value the record does not take reaches the user in plain words, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page
from workshop_app.domain.limits import MAX_TEXT, Refusal
from workshop_app.errors import KnownError
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow

PASTED = "x" * (MAX_TEXT + 1)


def test_a_pasted_text_too_long_for_a_contribution_is_refused_in_words(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, errors: list[KnownError]
) -> None:
    assert opened.session is not None
    prepare(opened.session)
    page = run_page(opened, Clock("10:00:00"))
    page.next_item_action.trigger()
    box = page.capture.text
    box.setFocus()
    QApplication.clipboard().setText(PASTED)
    box.paste()
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    # Said beside the box, in words; neither the bug dialog nor any other (both fail the test).
    note = page.capture.refusal
    assert errors == []
    assert note.isVisible()
    assert "A contribution can be at most 100,000 characters long; this one has 100,001." in (
        note.text()
    )
    assert note.text() == box.accessibleDescription()  # read out with the box
    assert box.toPlainText() == PASTED  # the text stays where it was typed
    assert read_back(workshop_path, "SELECT count(*) FROM contributions") == [(0,)]

    qtbot.keyClick(box, Qt.Key.Key_Backspace)  # the text shortened to the limit: recorded
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not note.isVisible() and box.accessibleDescription() == ""
    assert read_back(workshop_path, "SELECT length(text) FROM contributions") == [(MAX_TEXT,)]


def test_an_edit_too_long_for_a_contribution_leaves_it_as_it_was(
    qtbot: QtBot,
    opened: MainWindow,
    workshop_path: Path,
    errors: list[KnownError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = opened.session
    assert session is not None
    prepare(session)
    page = run_page(opened, Clock("10:00:00"))
    page.next_item_action.trigger()
    box = page.capture.text
    box.setFocus()
    qtbot.keyClicks(box, "Shared responsibility.")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (recorded,) = session.contributions.list()
    page.capture.select(recorded.id)
    monkeypatch.setattr(dialogs, "edit_contribution", lambda *_args: {"text": PASTED})

    page.capture.edit_selected()

    assert [type(e) for e in errors] == [Refusal]
    assert "100,000" in errors[0].message
    assert read_back(workshop_path, "SELECT text FROM contributions") == [
        ("Shared responsibility.",)
    ]
    assert not session.undo_stack.canRedo()
    assert session.undo_stack.undoText() == "Record Contribution"
