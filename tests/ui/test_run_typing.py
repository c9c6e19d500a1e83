"""Typing in the Run view goes where the rapporteur means it: the entry box keeps the
keyboard, the chair's buttons never take it, and a name picked from the completer counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page
from workshop_app.domain.model import Participant
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage

CTRL = Qt.KeyboardModifier.ControlModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def started(qtbot: QtBot, window: MainWindow) -> RunPage:
    """The test workshop with its first item running, the entry box holding the keyboard."""
    session = window.session
    assert session is not None
    prepare(session)
    session.participants.add_many(
        [
            Participant(id="t", name="Tomás Ruiz", organisation="Red Cross"),
            Participant(id="m", name="Anna Tomàn", organisation="IOM"),
        ]
    )
    page = run_page(window, Clock("10:00:00"))
    window.activateWindow()
    page.next_item_action.trigger()
    qtbot.waitUntil(page.capture.text.hasFocus)
    return page


def speaker_of_last(path: Path) -> object:
    rows = read_back(path, "SELECT participant_id FROM contributions ORDER BY seq DESC LIMIT 1")
    return rows[0][0]


def type_text(widget: QWidget, text: str) -> None:
    """Key presses carrying ``text`` (QTest's keyClicks knows ASCII only: "á" needs this)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, NONE, char))


def pick_speaker(qtbot: QtBot, page: RunPage, typed: str) -> None:
    """Type in the speaker box and press Enter on the suggestions shown."""
    line = page.capture.speaker.lineEdit()
    assert line is not None
    page.capture.speaker.setFocus()
    qtbot.waitUntil(page.capture.speaker.hasFocus)
    line.selectAll()
    type_text(line, typed)
    popup = page.capture.speaker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())


def record(qtbot: QtBot, page: RunPage, text: str) -> None:
    page.capture.text.setFocus()
    qtbot.waitUntil(page.capture.text.hasFocus)
    qtbot.keyClicks(page.capture.text, text)
    qtbot.keyClick(page.capture.text, Qt.Key.Key_Return, CTRL)


@pytest.mark.parametrize("typed", ["tomás", "Tomás", "tomas", "TOMAS R", "ruiz"])
def test_enter_on_the_only_suggestion_takes_it(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, typed: str
) -> None:
    page = started(qtbot, opened)
    pick_speaker(qtbot, page, typed)
    assert page.capture.speaker.currentData() == "t"
    record(qtbot, page, "We have seen this work in Niger.")
    assert speaker_of_last(workshop_path) == "t"


def test_enter_on_a_chosen_suggestion_takes_that_one(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    page = started(qtbot, opened)
    line = page.capture.speaker.lineEdit()
    assert line is not None
    page.capture.speaker.setFocus()
    qtbot.waitUntil(page.capture.speaker.hasFocus)
    line.selectAll()
    type_text(line, "toma")  # Tomás Ruiz and Anna Tomàn
    popup = page.capture.speaker.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    chosen = popup.currentIndex().data()
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    expected = "t" if chosen.startswith("Tomás") else "m"
    record(qtbot, page, "Both sides must be able to say no.")
    assert speaker_of_last(workshop_path) == expected


def statuses(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT id, status FROM agenda_items ORDER BY position")


def test_typing_after_a_click_on_run_and_f9_goes_into_the_entry_box(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    session = opened.session
    assert session is not None
    prepare(session)
    session.clock = Clock("10:00:00")
    opened.activateWindow()
    button = opened.mode_bar.widgetForAction(opened.mode_actions["run"])
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = opened.page("run")
    assert isinstance(page, RunPage)
    qtbot.waitUntil(page.capture.text.hasFocus)
    qtbot.keyClicks(focused(), "Good morning ")  # before the chair starts the item
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)  # too early: said, and kept
    assert opened.status.currentMessage().startswith("No item is running: start one (F9)")
    assert page.capture.text.toPlainText() == "Good morning "
    qtbot.keyClick(focused(), Qt.Key.Key_F9)
    qtbot.keyClicks(focused(), "to all of you in this room")
    assert statuses(workshop_path) == [("s", "running"), ("t", "planned")]
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert read_back(workshop_path, "SELECT agenda_item_id, text FROM contributions") == [
        ("s", "Good morning to all of you in this room")
    ]


def test_the_chairs_buttons_never_take_the_keyboard(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    page = started(qtbot, opened)
    page.floor.add_speaker("a")
    page.floor.add_speaker("b")
    clock, speakers, consensus = page.clock_panel, page.speakers, page.consensus
    buttons = [
        clock.next_button,
        clock.finish_button,
        clock.skip_button,
        clock.replan_button,
        speakers.next_button,
        speakers.end_button,
        consensus.propose_button,
        consensus.next_step_button,
        page.capture.record_button,
    ]
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in buttons)
    qtbot.mouseClick(speakers.next_button, Qt.MouseButton.LeftButton)  # A. Example speaks
    assert focused() is page.capture.text
    qtbot.keyClicks(focused(), "Space after space after space ")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, CTRL)
    assert statuses(workshop_path) == [("s", "running"), ("t", "planned")]
    assert read_back(workshop_path, "SELECT participant_id, text FROM contributions") == [
        ("a", "Space after space after space")
    ]
    # Tab goes round the entry: the box, the speaker, the kind, the question.
    order = [focused()]
    for _ in range(3):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        order.append(focused())
    capture = page.capture
    assert order[0] is capture.text
    assert order[1] in (capture.speaker, capture.speaker.lineEdit())
    assert order[2:] == [capture.kind, capture.question]


def test_closing_a_dialog_gives_the_keyboard_back_to_the_entry_box(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = started(qtbot, opened)
    record(qtbot, page, "First words")
    page.capture.feed.setFocus()
    page.capture.feed.setCurrentIndex(page.capture.filter.index(0, 0))
    qtbot.waitUntil(page.capture.feed.hasFocus)
    monkeypatch.setattr(dialogs, "edit_text", lambda *_args: "First words, corrected")
    qtbot.keyClick(page.capture.feed, Qt.Key.Key_F2)
    assert focused() is page.capture.text
    page.speakers.add_box.setFocus()
    qtbot.waitUntil(page.speakers.add_box.hasFocus)
    monkeypatch.setattr(dialogs, "edit_text", lambda *_args: "A short summary")
    qtbot.keyClick(focused(), Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.capture.text
    page.speakers.add_box.setFocus()
    qtbot.waitUntil(page.speakers.add_box.hasFocus)
    monkeypatch.setattr(dialogs, "ask_projector_message", lambda *_args: "Coffee until 11:15")
    qtbot.keyClick(focused(), Qt.Key.Key_P, CTRL)
    qtbot.keyClick(focused(), Qt.Key.Key_M)
    assert focused() is page.capture.text
    assert read_back(workshop_path, "SELECT text FROM contributions") == [
        ("First words, corrected",)
    ]
    assert read_back(workshop_path, "SELECT summary FROM agenda_items WHERE id = 's'") == [
        ("A short summary",)
    ]


def test_ending_an_item_with_contributions_says_so_and_ctrl_z_takes_it_back(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    page = started(qtbot, opened)
    record(qtbot, page, "Partnership means shared responsibility.")
    qtbot.keyClick(focused(), Qt.Key.Key_F9)  # pressed by mistake, or not
    assert statuses(workshop_path) == [("s", "done"), ("t", "running")]
    assert opened.status.currentMessage() == (
        "Finished “Partnerships in migration” (1 contribution); started “Wrap-up”. "
        "Ctrl+Z undoes this."
    )
    assert focused() is page.capture.text
    qtbot.keyClick(focused(), Qt.Key.Key_Z, CTRL)  # from the entry box, where the keyboard is
    assert statuses(workshop_path) == [("s", "running"), ("t", "planned")]
    assert read_back(workshop_path, "SELECT count(*) FROM contributions") == [(1,)]


def test_finishing_and_skipping_say_what_they_did(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    page = started(qtbot, opened)
    qtbot.keyClick(focused(), Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert statuses(workshop_path) == [("s", "done"), ("t", "planned")]
    assert opened.status.currentMessage() == (
        "Finished “Partnerships in migration”. Ctrl+Z undoes this."
    )
    qtbot.keyClick(focused(), Qt.Key.Key_F9, CTRL)  # skips the next planned item
    assert statuses(workshop_path) == [("s", "done"), ("t", "skipped")]
    assert opened.status.currentMessage() == "Skipped “Wrap-up”. Ctrl+Z undoes this."
    assert focused() is page.capture.text


def test_adding_a_speaker_finds_them_whatever_the_accents(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    page = started(qtbot, opened)
    qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL)  # Add Speaker
    box = page.speakers.add_box
    qtbot.waitUntil(box.hasFocus)
    qtbot.keyClicks(box, "tomas r")
    popup = box.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1  # Tomás Ruiz, offered
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert read_back(workshop_path, "SELECT participant_id, status FROM speeches") == [
        ("t", "waiting")
    ]
