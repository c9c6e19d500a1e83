"""The roster in the Prepare view: check-in, counts, search, sort, import with preview, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.domain.model import Role
from workshop_app.roster_import import ImportPlan, read_table
from workshop_app.store.participants import ParticipantStore
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.import_dialog import PREVIEW_COLUMNS, ImportDialog
from workshop_app.ui.prepare.prepare_page import PreparePage
from workshop_app.ui.prepare.roster_model import (
    COL_GROUP,
    COL_NAME,
    COL_ORGANISATION,
    COL_PRESENT,
    COL_ROLE,
)
from workshop_app.ui.prepare.roster_panel import RosterPanel

CHECK = Qt.ItemDataRole.CheckStateRole


@pytest.fixture
def roster(opened: MainWindow, demo_path: Path) -> RosterPanel:
    assert opened.open_path(demo_path)
    page = opened.page("prepare")
    assert isinstance(page, PreparePage)
    page.show_panel("Participants")
    panel = page.panel("Participants")
    assert isinstance(panel, RosterPanel)
    return panel


def present(path: Path, participant_id: str) -> int:
    return int(
        read_back(path, "SELECT present FROM participants WHERE id=?", (participant_id,))[0][0]
    )  # type: ignore[call-overload]


def test_space_bar_checks_in_and_counts_follow(
    qtbot: QtBot, roster: RosterPanel, demo_path: Path, opened: MainWindow
) -> None:
    assert "14 of 15 present" in roster.counts.text()
    assert "Partner countries</b> 3/4" in roster.counts.text()
    roster.select("p11")  # Grace Achieng, registered but not yet here
    roster.table.setFocus()
    qtbot.keyClick(roster.table, Qt.Key.Key_Space)
    assert present(demo_path, "p11") == 1
    assert "15 of 15 present" in roster.counts.text()
    assert "Partner countries</b> 4/4" in roster.counts.text()
    assert opened.undo_action.text() == "&Undo Check In"
    opened.undo_action.trigger()
    assert present(demo_path, "p11") == 0
    assert "Partner countries</b> 3/4" in roster.counts.text()


def test_search_filters_as_you_type_in_any_or_one_column(qtbot: QtBot, roster: RosterPanel) -> None:
    qtbot.keyClicks(roster.search, "mieux")
    assert roster.proxy.rowCount() == 2  # the organisation column matches
    roster.column.setCurrentIndex(roster.column.findData(COL_NAME))
    assert roster.proxy.rowCount() == 0
    roster.search.clear()
    qtbot.keyClicks(roster.search, "rusu")
    assert roster.proxy.rowCount() == 1


def test_sort_by_any_column(roster: RosterPanel) -> None:
    roster.table.sortByColumn(COL_ORGANISATION, Qt.SortOrder.DescendingOrder)
    organisations = [
        roster.proxy.index(r, COL_ORGANISATION).data() for r in range(roster.proxy.rowCount())
    ]
    assert organisations == sorted(organisations, key=str.lower, reverse=True)


def test_new_group_typed_in_the_roster_joins_the_workshop(
    roster: RosterPanel, demo_path: Path, opened: MainWindow
) -> None:
    row = roster.proxy.mapFromSource(roster.model.index(roster.model.row_of("p15"), COL_GROUP))
    assert roster.proxy.setData(row, "Observers")
    assert read_back(demo_path, "SELECT stakeholder_group FROM participants WHERE id='p15'") == [
        ("Observers",)
    ]
    assert ("Observers",) in read_back(demo_path, "SELECT name FROM stakeholder_groups")
    opened.undo_action.trigger()  # one step takes both back
    assert ("Observers",) not in read_back(demo_path, "SELECT name FROM stakeholder_groups")
    assert read_back(demo_path, "SELECT stakeholder_group FROM participants WHERE id='p15'") == [
        ("Civil society",)
    ]


def test_add_edit_delete_participant_undo_and_redo(
    roster: RosterPanel, demo_path: Path, opened: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    count = lambda: read_back(demo_path, "SELECT count(*) FROM participants")[0][0]  # noqa: E731
    roster.add_participant()
    assert count() == 16
    new = roster.current()
    assert new is not None and new.name == "New participant"
    roster.update_participant(new.id, name="Wen Li", organisation="Research network")
    roster.select(new.id)
    roster.delete_current()
    assert count() == 15
    opened.undo_action.trigger()
    assert read_back(
        demo_path, "SELECT name, organisation FROM participants WHERE id=?", (new.id,)
    ) == [("Wen Li", "Research network")]
    opened.undo_action.trigger()
    assert read_back(demo_path, "SELECT name FROM participants WHERE id=?", (new.id,)) == [
        ("New participant",)
    ]
    opened.undo_action.trigger()
    assert count() == 15
    opened.redo_action.trigger()
    assert count() == 16


def test_import_through_the_preview_is_one_undoable_step(
    tmp_path: Path,
    roster: RosterPanel,
    demo_path: Path,
    opened: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "Full name;Affiliation;Mail;Constituency\n"
        "Noor Haddad;Civil society forum;noor@example.org;Civil society\n"
        "Wen Li;Research network;wen@example.org;Academia\n"
        "Amadou Furtado;Ministry;a.furtado@example.org;Partner countries\n",
        encoding="utf-8-sig",
    )
    monkeypatch.setattr(dialogs, "ask_roster_path", lambda _parent: people)

    def preview(
        parent: object, table: object, existing: object, groups: object, name: str
    ) -> ImportPlan | None:
        dialog = ImportDialog(table, existing, groups, name)  # type: ignore[arg-type]
        assert dialog.import_button.isEnabled()
        assert "2 to add, 1 already known" in dialog.status.text()
        assert "New stakeholder groups: Academia" in dialog.status.text()
        return dialog.plan

    monkeypatch.setattr(dialogs, "preview_import", preview)
    roster.import_action.trigger()
    assert read_back(demo_path, "SELECT count(*) FROM participants") == [(17,)]
    assert opened.undo_action.text() == "&Undo Import Participants"
    opened.undo_action.trigger()
    assert read_back(demo_path, "SELECT count(*) FROM participants") == [(15,)]
    assert ("Academia",) not in read_back(demo_path, "SELECT name FROM stakeholder_groups")
    opened.redo_action.trigger()
    assert read_back(demo_path, "SELECT count(*) FROM participants") == [(17,)]


def test_preview_mapping_by_hand(tmp_path: Path, qtbot: QtBot) -> None:
    people = tmp_path / "people.csv"
    people.write_text("Who,Where\nNoor Haddad,Civil society forum\n", encoding="utf-8")
    dialog = ImportDialog(read_table(people), [], [], "people.csv")
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()  # no column is a name yet
    assert "Cannot import yet" in dialog.status.text()
    dialog.choosers[0].setCurrentIndex(dialog.choosers[0].findData("name"))
    dialog.choosers[1].setCurrentIndex(dialog.choosers[1].findData("organisation"))
    assert dialog.import_button.isEnabled()
    assert dialog.preview.item(0, 1).text() == "Noor Haddad"
    assert dialog.preview.item(0, 3).text() == "Civil society forum"
    assert dialog.plan is not None and dialog.plan.to_add[0].organisation == "Civil society forum"


def test_a_bad_file_says_why_and_changes_nothing(
    tmp_path: Path,
    roster: RosterPanel,
    demo_path: Path,
    errors: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "people.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    monkeypatch.setattr(dialogs, "ask_roster_path", lambda _parent: bad)
    before = read_back(demo_path, "SELECT * FROM participants")
    roster.import_action.trigger()
    assert len(errors) == 1 and "Cannot read" in str(errors[0])
    assert read_back(demo_path, "SELECT * FROM participants") == before


FIXTURES = Path(__file__).parent.parent / "roster_import" / "fixtures"


def test_preview_shows_the_mapping_detected_in_a_ticketing_export(qtbot: QtBot) -> None:
    table = read_table(FIXTURES / "eventbrite-attendee-summary.csv")
    dialog = ImportDialog(table, [], [], "attendees.csv")
    qtbot.addWidget(dialog)
    chosen = {
        header: combo.currentText()
        for header, combo in zip(table.headers, dialog.choosers, strict=True)
    }
    assert chosen["Order #"] == chosen["Attendee #"] == "— not imported —"
    assert (chosen["First Name"], chosen["Last Name"]) == ("First name", "Last name")
    assert (chosen["Prefix"], chosen["Job Title"], chosen["Company"], chosen["Country"]) == (
        "Title (Ms., Dr.)",
        "Job title",
        "Organisation",
        "Country",
    )
    assert dialog.import_button.isEnabled()
    assert dialog.status.text() == "5 to add, 0 already known (skipped)."
    column = {name: number for number, name in enumerate(PREVIEW_COLUMNS)}
    first = {name: dialog.preview.item(0, number).text() for name, number in column.items()}
    assert (first["Name"], first["Job title"], first["Country"]) == (
        "Ádám Kovács",
        "Head of Unit",
        "Hungary",
    )


def test_preview_says_where_a_report_keeps_its_list(qtbot: QtBot) -> None:
    table = read_table(FIXTURES / "zoom-webinar-attendee-report.csv")
    dialog = ImportDialog(table, [], [], "report.csv")
    qtbot.addWidget(dialog)
    assert dialog.source.text() == (
        "Read as CSV, UTF-8, comma-separated. The list of people starts at row 12, "
        "under \u201cAttendee Details\u201d; the rows above it are not imported."
    )
    names = [dialog.preview.item(r, 1).text() for r in range(dialog.preview.rowCount())]
    assert names == ["Ádám Kovács", "Ádám Kovács", "Nguyễn Thị Mai", "Ömer Yılmaz", "Seán O'Brien"]
    assert "Workshop Secretariat" not in names


def test_a_file_past_the_import_limits_is_refused_in_words(
    tmp_path: Path,
    roster: RosterPanel,
    demo_path: Path,
    errors: list[object],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.security.test_registration_limits import zip_bomb

    bomb = zip_bomb(tmp_path / "people.xlsx")
    monkeypatch.setattr(dialogs, "ask_roster_path", lambda _parent: bomb)
    before = read_back(demo_path, "SELECT * FROM participants")
    roster.import_action.trigger()  # no preview opens: the conftest fails on any other dialog
    assert len(errors) == 1
    message = str(errors[0])
    assert "people.xlsx: its part xl/worksheets/sheet1.xml is packed" in message
    assert read_back(demo_path, "SELECT * FROM participants") == before


def test_editing_one_person_updates_that_row_only_without_rereading_the_roster(
    qtmodeltester: ModelTester,
    roster: RosterPanel,
    demo_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = roster.model
    qtmodeltester.check(model, force_py=True)
    reads: list[int] = []
    whole_list = ParticipantStore.list
    monkeypatch.setattr(ParticipantStore, "list", lambda self: reads.append(1) or whole_list(self))
    changed: list[tuple[int, int]] = []
    structure: list[str] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), bottom.row())))
    for name in ("modelReset", "layoutChanged", "rowsInserted", "rowsRemoved", "rowsMoved"):
        getattr(model, name).connect(lambda *_args, name=name: structure.append(name))
    row = model.row_of("p11")
    index = model.index(row, COL_ORGANISATION)
    assert model.setData(index, "Cités Unies", Qt.ItemDataRole.EditRole)
    assert changed == [(row, row)]  # that row, and no other
    assert structure == [] and reads == []  # no reset, and the roster was not read again
    qtmodeltester.check(model, force_py=True)
    on_disk = read_back(demo_path, "SELECT id, organisation FROM participants ORDER BY seq")
    assert [(p.id, p.organisation) for p in model.people()] == on_disk
    assert ("p11", "Cités Unies") in on_disk
    assert "14 of 15 present" in roster.counts.text()
    model.setData(model.index(row, COL_PRESENT), Qt.CheckState.Checked.value, CHECK)
    assert "15 of 15 present" in roster.counts.text()  # the counts follow, from the rows
    assert read_back(demo_path, "SELECT present FROM participants WHERE id='p11'") == [(1,)]
    assert changed == [(row, row), (row, row)] and structure == [] and reads == []


def _open_editor(qtbot: QtBot, roster: RosterPanel, participant_id: str, column: int) -> QComboBox:
    index = roster.proxy.mapFromSource(
        roster.model.index(roster.model.row_of(participant_id), column)
    )
    roster.table.setCurrentIndex(index)
    roster.table.edit(index)
    qtbot.waitUntil(lambda: roster.table.viewport().findChild(QComboBox) is not None)
    editor = roster.table.viewport().findChild(QComboBox)
    assert isinstance(editor, QComboBox)
    return editor


def test_a_role_chosen_in_place_is_written_at_once(
    qtbot: QtBot, roster: RosterPanel, demo_path: Path, opened: MainWindow
) -> None:
    """The roster's role combo is the same delegate as a next step's status: named for its
    column, and the choice written as soon as it is made, while the combo is still open."""
    editor = _open_editor(qtbot, roster, "p15", COL_ROLE)
    assert editor.accessibleName() == "Role"
    assert [editor.itemData(i) for i in range(editor.count())] == [r.value for r in Role]
    assert editor.currentData() == "observer"
    editor.setCurrentIndex(editor.findData("speaker"))
    editor.activated.emit(editor.currentIndex())
    assert read_back(demo_path, "SELECT role FROM participants WHERE id='p15'") == [("speaker",)]
    assert opened.undo_action.isEnabled()
    opened.undo_action.trigger()
    assert read_back(demo_path, "SELECT role FROM participants WHERE id='p15'") == [("observer",)]


def test_a_group_typed_in_place_is_taken_as_typed(
    qtbot: QtBot, roster: RosterPanel, demo_path: Path
) -> None:
    editor = _open_editor(qtbot, roster, "p15", COL_GROUP)
    assert editor.isEditable() and editor.currentText() == "Civil society"
    assert "Partner countries" in [editor.itemText(i) for i in range(editor.count())]
    editor.setEditText("Observers")
    delegate = roster.table.itemDelegateForColumn(COL_GROUP)
    assert delegate is not None
    delegate.commitData.emit(editor)
    assert read_back(demo_path, "SELECT stakeholder_group FROM participants WHERE id='p15'") == [
        ("Observers",)
    ]
