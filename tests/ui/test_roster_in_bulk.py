"""People in bulk (issue 16): names sorted as people expect, check-in from the search box,
several people edited at once, and an import that says who starts present."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_mnemonics import mnemonics
from workshop_app.domain.limits import MAX_LINE
from workshop_app.domain.model import Participant
from workshop_app.roster_import import ImportPlan, RawTable, read_table
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.import_dialog import ImportDialog
from workshop_app.ui.prepare.prepare_page import PreparePage
from workshop_app.ui.prepare.roster_model import (
    COL_NAME,
    COL_ORGANISATION,
    COL_PRESENT,
    RosterModel,
    RosterProxy,
)
from workshop_app.ui.prepare.roster_panel import RosterPanel

NAMES = (
    "Zoltán Szabó",
    "Ádám Kovács",
    "Ömer Özdemir",
    "Oscar Ortiz",
    "Pieter van Dam",
    "Éva Ábrahám",
    "anna berg",
)


def open_roster(window: MainWindow, path: Path) -> RosterPanel:
    assert window.open_path(path)
    window.show_mode("prepare")
    page = window.page("prepare")
    assert isinstance(page, PreparePage)
    page.show_panel("Participants")
    panel = page.panel("Participants")
    assert isinstance(panel, RosterPanel)
    return panel


@pytest.fixture
def people_path(workshop_path: Path) -> Path:
    """The test workshop with seven people, registered (not yet present), in NAMES order."""
    with Document.open(workshop_path) as doc:
        doc.participants.add_many(
            [
                Participant(id=f"n{i}", name=name, organisation=name.split()[-1], present=False)
                for i, name in enumerate(NAMES)
            ]
        )
    return workshop_path


def shown_names(roster: RosterPanel) -> list[str]:
    return [roster.proxy.index(r, COL_NAME).data() for r in range(roster.proxy.rowCount())]


def test_names_sort_by_family_name_with_accents_among_their_letters(
    window: MainWindow, people_path: Path
) -> None:
    roster = open_roster(window, people_path)
    roster.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert shown_names(roster) == [
        "Éva Ábrahám",
        "anna berg",
        "Pieter van Dam",  # a particle in lower case is skipped
        "Ádám Kovács",  # under K, by family name
        "Oscar Ortiz",
        "Ömer Özdemir",  # with the O's, not after Z
        "Zoltán Szabó",
    ]
    roster.table.sortByColumn(COL_ORGANISATION, Qt.SortOrder.AscendingOrder)
    organisations = [
        roster.proxy.index(r, COL_ORGANISATION).data() for r in range(roster.proxy.rowCount())
    ]
    assert organisations == ["Ábrahám", "berg", "Dam", "Kovács", "Ortiz", "Özdemir", "Szabó"]


def test_the_sorting_proxy_passes_the_model_tester(
    people_path: Path, qtmodeltester: ModelTester
) -> None:
    with Document.open(people_path) as doc:
        doc.participants.set_present("n2", True)
        model = RosterModel()
        model.reconcile(doc.participants.list())
    proxy = RosterProxy()
    proxy.setSourceModel(model)
    proxy.sort(COL_PRESENT, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, COL_NAME).data() == "Ömer Özdemir"  # the one present comes first
    proxy.sort(COL_NAME)
    qtmodeltester.check(proxy, force_py=True)
    proxy.search("berg ")
    assert proxy.rowCount() == 1
    qtmodeltester.check(proxy, force_py=True)


def test_names_collate_in_the_workshops_language(
    window: MainWindow, people_path: Path, qtbot: QtBot
) -> None:
    """In Swedish, Ö is a letter of its own after Z: a Swedish workshop's roster says so."""
    roster = open_roster(window, people_path)
    assert window.session is not None
    window.session.workshop.update(language="sv")
    qtbot.waitUntil(lambda: shown_names(roster)[-1] == "Ömer Özdemir")
    assert shown_names(roster)[0] == "Éva Ábrahám"


def present(path: Path) -> dict[str, int]:
    return dict(read_back(path, "SELECT name, present FROM participants"))  # type: ignore[arg-type]


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def test_check_in_from_the_search_box(window: MainWindow, people_path: Path, qtbot: QtBot) -> None:
    """Type part of a name, Down, Space: checked in; the Space does not go into the search."""
    roster = open_roster(window, people_path)
    roster.find_action.trigger()
    qtbot.keyClicks(roster.search, "kov ")  # a space typed after it still finds the name
    assert shown_names(roster) == ["Ádám Kovács"]
    qtbot.keyClick(roster.search, Qt.Key.Key_Down)
    assert focused() is roster.table
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert roster.search.text() == "kov "
    assert present(people_path)["Ádám Kovács"] == 1
    assert window.undo_action.text() == "&Undo Check In"
    # The next person: Ctrl+F selects what was typed, so the next name replaces it; Enter
    # goes to the row as Down does, and Enter there checks in as Space does.
    roster.find_action.trigger()
    assert focused() is roster.search and roster.search.selectedText() == "kov "
    qtbot.keyClicks(roster.search, "berg")
    qtbot.keyClick(roster.search, Qt.Key.Key_Return)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert roster.search.text() == "berg"
    assert present(people_path) == {
        name: int(name in ("Ádám Kovács", "anna berg")) for name in NAMES
    }
    # Up from the first row goes back to the search box.
    qtbot.keyClick(focused(), Qt.Key.Key_Up)
    assert focused() is roster.search


def groups_on_file(path: Path) -> dict[str, str | None]:
    with Document.open(path, readonly=True) as fresh:  # the file, read afresh
        return {p.name: p.stakeholder_group for p in fresh.participants.list()}


def test_three_people_get_a_group_at_once_and_one_undo_takes_it_back(
    window: MainWindow, people_path: Path, qtbot: QtBot
) -> None:
    roster = open_roster(window, people_path)
    roster.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    assert not roster.bulk.isVisible() and not roster.bulk_action.isEnabled()
    roster.table.setFocus()
    roster.table.setCurrentIndex(roster.proxy.index(0, COL_NAME))
    for _ in range(2):
        qtbot.keyClick(roster.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = ["Éva Ábrahám", "anna berg", "Pieter van Dam"]
    assert [p.name for p in roster.selected()] == chosen
    assert roster.bulk.isVisible() and roster.bulk.count.text() == "<b>3 selected</b>"
    assert roster.bulk_action in roster.table.actions()  # in the table's context menu too
    roster.bulk_action.trigger()  # Ctrl+Shift+B
    assert focused() is roster.bulk.field and roster.bulk.field.currentText() == "Group"
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() in (roster.bulk.value, roster.bulk.value.lineEdit())
    qtbot.keyClicks(focused(), "Academia")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert groups_on_file(people_path) == {
        name: ("Academia" if name in chosen else None) for name in NAMES
    }
    with Document.open(people_path, readonly=True) as fresh:
        assert "Academia" in fresh.workshop.get().stakeholder_groups  # a new group joins
    assert window.undo_action.text() == "&Undo Set Group for 3 Participants"
    window.undo_action.trigger()  # one step takes all three back, and the new group
    assert groups_on_file(people_path) == dict.fromkeys(NAMES)
    with Document.open(people_path, readonly=True) as fresh:
        assert "Academia" not in fresh.workshop.get().stakeholder_groups
    assert [p.name for p in roster.selected()] == chosen  # still selected, to try again
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # Escape: back to the table
    assert focused() is roster.table


def test_everyone_selected_checked_in_at_once(
    window: MainWindow, people_path: Path, qtbot: QtBot
) -> None:
    roster = open_roster(window, people_path)
    roster.table.setFocus()
    roster.table.setCurrentIndex(roster.proxy.index(0, COL_NAME))
    qtbot.keyClick(roster.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(roster.selected()) == len(NAMES)
    roster.bulk_action.trigger()
    roster.bulk.field.setCurrentIndex(roster.bulk.field.findData("present"))
    assert roster.bulk.value.currentText() == "Present"
    qtbot.keyClick(roster.bulk.field, Qt.Key.Key_Return)
    assert present(people_path) == dict.fromkeys(NAMES, 1)
    assert "7 of 7 present" in roster.counts.text()
    assert window.undo_action.text() == f"&Undo Check In {len(NAMES)} Participants"
    roster.bulk.field.setCurrentIndex(roster.bulk.field.findData("role"))
    roster.bulk.value.setCurrentIndex(roster.bulk.value.findData("observer"))
    roster.bulk.apply_button.click()
    assert read_back(people_path, "SELECT DISTINCT role FROM participants") == [("observer",)]
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert present(people_path) == dict.fromkeys(NAMES, 0)
    assert read_back(people_path, "SELECT DISTINCT role FROM participants") == [("participant",)]


@pytest.mark.parametrize("mark_all", [False, True])
def test_the_import_preview_says_who_starts_present_and_can_mark_all(
    window: MainWindow,
    workshop_path: Path,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    mark_all: bool,
) -> None:
    people = tmp_path / "people.csv"
    people.write_text("Name,Organisation\nNoor Haddad,Forum\nWen Li,Network\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "ask_roster_path", lambda _parent: people)

    def preview(
        parent: object, table: RawTable, existing: object, groups: object, name: str
    ) -> ImportPlan | None:
        dialog = ImportDialog(table, [], [], name)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.absent_note.isVisible()
        assert dialog.absent_note.text().startswith("Imported people start as not present")
        assert "checking them in at the door" in dialog.absent_note.text()
        assert dialog.present.text().startswith("Mark all as &present")  # Alt+P
        if mark_all:
            box = dialog.present
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
        assert dialog.present.isChecked() is mark_all
        assert dialog.preview.item(0, 9).text() == ("yes" if mark_all else "no")
        return dialog.plan

    monkeypatch.setattr(dialogs, "preview_import", preview)
    roster = open_roster(window, workshop_path)
    roster.import_action.trigger()
    assert present(workshop_path) == {"Noor Haddad": int(mark_all), "Wen Li": int(mark_all)}


FIXTURES = Path(__file__).parent.parent / "roster_import" / "fixtures"


def wheel_down(widget: QWidget) -> None:
    """One notch of the mouse wheel, down, with the pointer over the middle of ``widget``."""
    middle = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle)),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_a_mapping_combo_scrolls_the_list_not_the_choice(qtbot: QtBot) -> None:
    table = read_table(FIXTURES / "eventbrite-attendee-summary.csv")
    dialog = ImportDialog(table, [], [], "attendees.csv")
    qtbot.addWidget(dialog)
    dialog.resize(900, 560)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.import_button.setFocus()
    scroll = dialog.mapping_scroll.verticalScrollBar()
    assert scroll.maximum() > 0  # more columns than fit: the list scrolls
    last_name = dialog.choosers[table.headers.index("Last Name")]
    assert last_name.currentText() == "Last name" and not last_name.hasFocus()
    wheel_down(last_name)
    assert last_name.currentText() == "Last name"  # the choice is as it was
    assert scroll.value() > 0  # and the list scrolled instead
    assert dialog.mapping.targets[table.headers.index("Last Name")] is not None
    last_name.setFocus()  # clicked or reached with Tab: now the wheel changes it
    assert last_name.hasFocus()
    wheel_down(last_name)
    assert last_name.currentText() != "Last name"


def test_space_with_several_selected_checks_them_all_in_then_out(
    window: MainWindow, people_path: Path, qtbot: QtBot
) -> None:
    roster = open_roster(window, people_path)
    roster.table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
    roster.table.setFocus()
    roster.table.setCurrentIndex(roster.proxy.index(0, COL_NAME))
    qtbot.keyClick(roster.table, Qt.Key.Key_Space)  # Éva Ábrahám alone: in
    qtbot.keyClick(roster.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(roster.table, Qt.Key.Key_Space)  # and anna berg: both in, not Éva out
    assert present(people_path)["Éva Ábrahám"] == present(people_path)["anna berg"] == 1
    assert window.undo_action.text() == "&Undo Check In 2 Participants"
    qtbot.keyClick(roster.table, Qt.Key.Key_Space)  # all in: all out
    assert present(people_path) == dict.fromkeys(NAMES, 0)
    window.undo_action.trigger()
    assert [n for n, p in present(people_path).items() if p] == ["Éva Ábrahám", "anna berg"]


def test_a_value_the_record_refuses_is_said_in_words_and_changes_no_one(
    window: MainWindow, people_path: Path, errors: list[object]
) -> None:
    roster = open_roster(window, people_path)
    roster.table.selectAll()
    bar = roster.bulk
    bar.field.setCurrentIndex(bar.field.findData("organisation"))
    line = bar.value.lineEdit()
    assert line is not None and line.maxLength() == MAX_LINE  # the box takes no more
    before = read_back(people_path, "SELECT * FROM participants")
    assert not roster.set_for_selected("organisation", "x" * (MAX_LINE + 1))
    assert len(errors) == 1 and "at most 500 characters" in str(errors[0])
    assert read_back(people_path, "SELECT * FROM participants") == before
    assert not window.undo_action.isEnabled()


def test_the_bulk_bar_shares_no_alt_letter(window: MainWindow, people_path: Path) -> None:
    roster = open_roster(window, people_path)
    roster.table.selectAll()
    assert roster.bulk.isVisible()
    clashes = {key: seen for key, seen in mnemonics(window).items() if len(seen) > 1}
    assert clashes == {}
    assert {"t", "o", "y"} <= set(mnemonics(window))  # Set, to, Apply
