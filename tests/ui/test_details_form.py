"""The details form: each edit is on disk when it is done, read back through a new connection."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.domain.model import Workshop
from workshop_app.errors import KnownError
from workshop_app.store import Document
from workshop_app.store.errors import DiskFull
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.details_panel import DetailsPanel
from workshop_app.ui.prepare.prepare_page import PreparePage


def details(window: MainWindow) -> DetailsPanel:
    page = window.page("prepare")
    assert isinstance(page, PreparePage)
    panel = page.panel("Details")
    assert isinstance(panel, DetailsPanel)
    return panel


def stored(path: Path) -> Workshop:
    """The workshop as the file holds it, through a connection of its own."""
    doc = Document.open(path, readonly=True)
    try:
        return doc.workshop.get()
    finally:
        doc.close()


def retype(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Replace the text as a user would, and press Enter."""
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def test_new_title_is_on_disk_and_reopens(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_path(demo_path)
    panel = details(window)
    assert panel.title.text() == "European Conversation"

    with qtbot.waitSignal(window.session.saved if window.session else None, timeout=2000):
        retype(qtbot, panel.title, "European Conversation 2017")

    assert read_back(demo_path, "SELECT title FROM workshop") == [("European Conversation 2017",)]
    assert window.windowTitle() == "European Conversation 2017 — Workshop App"
    assert re.fullmatch(r"All changes saved · \d\d:\d\d", window.status.saved_label.text())
    assert window.status.file_label.text() == demo_path.name

    window.close_workshop()
    with Document.open(demo_path) as doc:  # a fresh connection, and the lock is free again
        assert doc.workshop.get().title == "European Conversation 2017"


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("subtitle", "Partnerships in practice", "Partnerships in practice"),
        ("venue", "  Palais d'Egmont, Brussels  ", "Palais d'Egmont, Brussels"),
        ("organiser", "MIEUX", "MIEUX"),
        ("start_time", "9.45", "09:45"),
        ("subtitle", "", None),
        ("start_time", "", None),
        ("document_reference", "  MIEUX/EC/2017/3 ", "MIEUX/EC/2017/3"),
        ("prepared_by", "MIEUX secretariat", "MIEUX secretariat"),
        ("prepared_by", "", None),
    ],
)
def test_line_fields_round_trip(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, field: str, typed: str, expected: str
) -> None:
    panel = details(opened)
    line = getattr(panel, field)
    if expected is None:  # clearing needs a value there first
        retype(qtbot, line, "something")
    retype(qtbot, line, typed)
    assert getattr(stored(workshop_path), field) == expected
    assert line.text() == (expected or "")


@pytest.mark.parametrize(("field", "typed"), [("timezone", "Europe/Brussels"), ("language", "fr")])
def test_combo_fields_round_trip_typed(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, field: str, typed: str
) -> None:
    line = getattr(details(opened), field).lineEdit()
    retype(qtbot, line, typed)
    assert getattr(stored(workshop_path), field) == typed


def test_combo_fields_round_trip_picked(opened: MainWindow, workshop_path: Path) -> None:
    panel = details(opened)
    index = panel.timezone.findText("America/Bogota")
    panel.timezone.setCurrentIndex(index)
    panel.timezone.activated.emit(index)
    index = panel.language.findText("pt")
    panel.language.setCurrentIndex(index)
    panel.language.activated.emit(index)
    assert stored(workshop_path).timezone == "America/Bogota"
    assert stored(workshop_path).language == "pt"
    assert panel.language_name.text().startswith("Portuguese")


def test_date_and_no_date(opened: MainWindow, workshop_path: Path) -> None:
    panel = details(opened)
    assert panel.no_date.isChecked()
    assert not panel.date.isEnabled()

    panel.no_date.click()  # a date is wanted now: today, until changed
    assert stored(workshop_path).date == QDate.currentDate().toString("yyyy-MM-dd")
    panel.date.setDate(QDate(2017, 9, 21))
    assert stored(workshop_path).date == "2017-09-21"

    panel.no_date.click()
    assert stored(workshop_path).date is None
    assert not panel.date.isEnabled()


def test_purpose_saved_after_a_pause(qtbot: QtBot, opened: MainWindow, workshop_path: Path) -> None:
    panel = details(opened)
    qtbot.keyClicks(panel.purpose, "Why we meet")
    qtbot.keyClick(panel.purpose, Qt.Key.Key_Return)
    qtbot.keyClicks(panel.purpose, "and what for.")
    assert stored(workshop_path).purpose is None  # not while typing
    qtbot.waitUntil(lambda: stored(workshop_path).purpose == "Why we meet\nand what for.")


def test_purpose_saved_when_focus_leaves(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    panel = details(opened)
    opened.activateWindow()
    qtbot.waitUntil(opened.isActiveWindow)
    panel.purpose.setFocus()
    qtbot.waitUntil(panel.purpose.hasFocus)
    qtbot.keyClicks(panel.purpose, "Shared goals")
    panel.title.setFocus()
    qtbot.waitUntil(lambda: stored(workshop_path).purpose == "Shared goals")


def test_pending_edits_are_saved_on_close(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    panel = details(opened)
    qtbot.keyClicks(panel.purpose, "Typed just before closing")
    qtbot.keyClicks(panel.venue, "Typed without Enter")
    opened.close_workshop()
    assert stored(workshop_path).purpose == "Typed just before closing"
    assert stored(workshop_path).venue == "Typed without Enter"


def test_empty_title_is_refused(qtbot: QtBot, opened: MainWindow, workshop_path: Path) -> None:
    panel = details(opened)
    before = read_back(workshop_path, "SELECT * FROM workshop")
    assert opened.session is not None
    with qtbot.assertNotEmitted(opened.session.saved):
        retype(qtbot, panel.title, "   ")
    assert read_back(workshop_path, "SELECT * FROM workshop") == before
    assert panel.title.text() == "Test workshop"
    note = panel._notes["title"]
    assert note.isVisible()
    assert note.text() == "A workshop needs a title."
    assert panel.title.accessibleDescription() == "A workshop needs a title."

    qtbot.keyClicks(panel.title, "!")  # typing again takes the note away
    assert not note.isVisible()


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("start_time", "25:00", "e.g. 09:30"),
        ("start_time", "half past nine", "e.g. 09:30"),
        ("timezone", "Mars/Olympus", "not a time zone"),
        ("language", "English!", "language code"),
    ],
)
def test_invalid_values_are_refused(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, field: str, typed: str, message: str
) -> None:
    panel = details(opened)
    widget = getattr(panel, field)
    line = widget if isinstance(widget, QLineEdit) else widget.lineEdit()
    before = read_back(workshop_path, "SELECT * FROM workshop")
    retype(qtbot, line, typed)
    assert read_back(workshop_path, "SELECT * FROM workshop") == before
    assert line.text() == ""
    assert message in panel._notes[field].text()


def test_failed_write_is_explained_and_the_form_shows_the_file(
    qtbot: QtBot,
    opened: MainWindow,
    workshop_path: Path,
    errors: list[KnownError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert opened.session is not None
    store = opened.session.workshop

    def disk_full(**_fields: object) -> Workshop:
        raise DiskFull(workshop_path)

    monkeypatch.setattr(store, "update", disk_full)
    panel = details(opened)
    retype(qtbot, panel.venue, "Somewhere")
    assert [type(e) for e in errors] == [DiskFull]
    assert "disk" in errors[0].message
    assert panel.venue.text() == ""
    assert stored(workshop_path).venue is None


def test_form_follows_changes_made_elsewhere(opened: MainWindow) -> None:
    assert opened.session is not None
    opened.session.workshop.update(venue="Brussels", language="de")
    opened.session.workshop.set_stakeholder_groups(["EU", "Civil society"])
    panel = details(opened)
    assert panel.venue.text() == "Brussels"
    assert panel.language.currentText() == "de"
    assert panel.groups.groups() == ["EU", "Civil society"]


def test_every_input_has_a_label_or_a_name(opened: MainWindow) -> None:
    panel = details(opened)
    from PySide6.QtWidgets import QLabel

    buddies = {label.buddy() for label in panel.findChildren(QLabel) if label.buddy() is not None}
    for key, widget in panel._widgets.items():
        assert widget in buddies or widget.accessibleName(), key
    assert panel.no_date.text() == "&No date yet"
    assert panel.groups.list in buddies
    assert panel.groups.new_name in buddies


def test_tab_order_follows_the_layout(opened: MainWindow) -> None:
    panel = details(opened)
    expected = [
        panel.title,
        panel.subtitle,
        panel.date,
        panel.no_date,
        panel.start_time,
        panel.timezone,
        panel.venue,
        panel.organiser,
        panel.document_reference,
        panel.prepared_by,
        panel.language,
        panel.groups.list,
    ]
    order = []
    widget = panel.title
    for _ in expected:
        order.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.focusProxy() is not None:
            widget = widget.nextInFocusChain()
    # Editable combos put their line edit in the chain; it stands for the combo.
    order = [w.parentWidget() if w.parentWidget() in expected else w for w in order]
    assert order == expected


def test_dialogs_helper_is_patched() -> None:
    # Guard for this suite: no real dialog can open while tests run.
    with pytest.raises(AssertionError, match="unexpected dialog"):
        dialogs.confirm(None, "?", "", "OK")


def test_details_edits_undo_and_redo_in_the_file(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    panel = details(opened)
    retype(qtbot, panel.venue, "Brussels")
    retype(qtbot, panel.title, "Renamed")
    assert opened.undo_action.text() == "&Undo Change Title"
    assert opened.windowTitle() == "Renamed — Workshop App"
    opened.undo_action.trigger()
    assert stored(workshop_path).title == "Test workshop"
    assert panel.title.text() == "Test workshop"
    assert opened.windowTitle() == "Test workshop — Workshop App"
    opened.undo_action.trigger()
    assert stored(workshop_path).venue is None
    opened.redo_action.trigger()
    opened.redo_action.trigger()
    assert (stored(workshop_path).venue, stored(workshop_path).title) == ("Brussels", "Renamed")


def test_group_edits_undo_in_the_file(demo_path: Path, window: MainWindow) -> None:
    assert window.open_path(demo_path)
    panel = details(window)
    panel._rename_group("Civil society", "Civil society organisations")
    assert read_back(
        demo_path, "SELECT count(*) FROM participants WHERE stakeholder_group = 'Civil society'"
    ) == [(0,)]
    assert window.undo_action.text() == "&Undo Rename Group"
    window.undo_action.trigger()
    assert read_back(
        demo_path, "SELECT count(*) FROM participants WHERE stakeholder_group = 'Civil society'"
    ) == [(4,)]
    assert stored(demo_path).stakeholder_groups[-1] == "Civil society"


def test_the_minutes_front_page_fields_have_labels_with_mnemonics(opened: MainWindow) -> None:
    panel = details(opened)
    buddies = {label.text(): label.buddy() for label in panel.findChildren(QLabel) if label.buddy()}
    assert buddies["Do&cument reference"] is panel.document_reference
    assert buddies["Prepared b&y"] is panel.prepared_by
