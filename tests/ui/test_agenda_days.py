"""Prepare > Agenda over several days: headings with each day's times, Add Day, a day's date,
start and end, deleting an empty day, and items moved across days, all read back from the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.helpers import agenda_panel
from tests.ui.test_mnemonics import mnemonics
from workshop_app.domain.model import AgendaItem, Day
from workshop_app.errors import KnownError
from workshop_app.store import Document
from workshop_app.store.check import check_document
from workshop_app.ui.edits.commands import Editor
from workshop_app.ui.edits.prepare_edits import AgendaEdits, DayEdits
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.agenda_model import COL_END, COL_START, COL_TITLE, AgendaModel
from workshop_app.ui.prepare.agenda_panel import AgendaPanel

ALT = Qt.KeyboardModifier.AltModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def two_days(path: Path) -> None:
    """10 March from 09:00 (Opening 30, Talks 60), 11 March from 08:30 (Groups 45, Wrap 15)."""
    with Document.open(path) as doc:
        doc.workshop.update(date="2009-03-10", start_time="09:00")
        doc.days.add(Day("d2", "2009-03-11", "08:30"))
        for key, title, minutes, day in (
            ("a", "Opening", 30, None),
            ("b", "Talks", 60, None),
            ("c", "Groups", 45, "d2"),
            ("d", "Wrap", 15, "d2"),
        ):
            doc.agenda.add_item(AgendaItem(key, title, planned_minutes=minutes, day_id=day))


def days_in_file(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT id, date, start_time, end_time FROM days ORDER BY position")


def item_days(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT id, day_id FROM agenda_items ORDER BY position")


def first_day(path: Path) -> str:
    return str(days_in_file(path)[0][0])


def opened_on(window: MainWindow, path: Path) -> AgendaPanel:
    assert window.open_path(path)
    return agenda_panel(window)


def shown(panel: AgendaPanel) -> list[str]:
    """Each top-level row as the tree shows it: a heading's text, or an item's times."""
    model = panel.model
    rows = []
    for row in range(model.rowCount()):
        if model.index(row, COL_TITLE).data() is None:
            rows.append(str(model.index(row, 0).data()))
        else:
            start, end, title = (model.index(row, c).data() for c in (COL_START, COL_END, 2))
            rows.append(f"{start}–{end} {title}")
    return rows


def test_each_day_has_its_heading_and_its_own_times(
    window: MainWindow, workshop_path: Path
) -> None:
    two_days(workshop_path)
    panel = opened_on(window, workshop_path)
    assert shown(panel) == [
        "Day 1 · Tue 10 Mar 2009 · 09:00–10:30",
        "09:00–09:30 Opening",
        "09:30–10:30 Talks",
        "Day 2 · Wed 11 Mar 2009 · 08:30–09:30",
        "08:30–09:15 Groups",
        "09:15–09:30 Wrap",
    ]
    assert panel.tree.isFirstColumnSpanned(3, QModelIndex())
    assert not panel.tree.isFirstColumnSpanned(4, QModelIndex())
    assert "2 days, Tue 10 – Wed 11 Mar 2009" in panel.summary.text()
    current = panel.current()
    assert isinstance(current, AgendaItem) and current.id == "a"  # the first item, as ever


def test_one_day_has_no_heading(window: MainWindow, workshop_path: Path) -> None:
    with Document.open(workshop_path) as doc:
        doc.workshop.update(date="2009-03-10", start_time="09:00")
        doc.agenda.add_item(AgendaItem("a", "Opening", planned_minutes=30))
    panel = opened_on(window, workshop_path)
    assert shown(panel) == ["09:00–09:30 Opening"]


def test_headings_are_reached_by_keyboard_and_f2_edits_the_day(
    qtbot: QtBot, window: MainWindow, workshop_path: Path
) -> None:
    two_days(workshop_path)
    panel = opened_on(window, workshop_path)
    panel.select("c")
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up)
    current = panel.current()
    assert isinstance(current, Day) and current.id == "d2"
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    day = panel.detail.day
    assert day is not None
    qtbot.waitUntil(day.date.hasFocus)
    assert day.heading.text().startswith("Day 2 · Wed 11 Mar 2009")
    # Type an end and leave the field: the day ends at 17:30 in the file.
    day.end_time.setFocus()
    qtbot.keyClicks(day.end_time, "17.30")
    qtbot.keyClick(day.end_time, Qt.Key.Key_Return)
    assert days_in_file(workshop_path)[1] == ("d2", "2009-03-11", "08:30", "17:30")
    assert "ends 17:30" in shown(panel)[3]


def test_add_day_is_one_undoable_command(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    session = opened.session
    assert session is not None
    session.workshop.update(date="2009-03-10", start_time="09:30")
    panel = agenda_panel(opened)
    assert panel.add_day_action in panel.actions_for_menu()
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_D, CTRL_SHIFT)
    days = days_in_file(workshop_path)
    assert [d[1:] for d in days] == [
        ("2009-03-10", "09:30", None),
        ("2009-03-11", "09:30", None),
    ]
    current = panel.current()
    assert isinstance(current, Day) and current.id == days[1][0]
    assert panel.model.index(1, 0).data() == "Day 2 · Wed 11 Mar 2009 · from 09:30, no items yet"
    panel.add_day_action.trigger()
    assert [d[1] for d in days_in_file(workshop_path)] == [
        "2009-03-10",
        "2009-03-11",
        "2009-03-12",
    ]
    assert opened.undo_action.text() == "&Undo Add Day"
    opened.undo_action.trigger()
    opened.undo_action.trigger()
    assert [d[1] for d in days_in_file(workshop_path)] == ["2009-03-10"]
    assert panel.model.rowCount() == 0  # one day again: no heading


def test_a_days_date_and_start_are_edited_one_undo_step_each(
    qtbot: QtBot, window: MainWindow, workshop_path: Path
) -> None:
    two_days(workshop_path)
    panel = opened_on(window, workshop_path)
    panel.select("d2")
    day = panel.detail.day
    assert day is not None and panel.detail.currentWidget() is day
    day.date.setDate(QDate(2009, 3, 12))
    assert days_in_file(workshop_path)[1] == ("d2", "2009-03-12", "08:30", None)
    day.start_time.setFocus()
    qtbot.waitUntil(day.start_time.hasFocus)
    day.start_time.selectAll()
    qtbot.keyClicks(day.start_time, "9:15")
    qtbot.keyClick(day.start_time, Qt.Key.Key_Return)
    assert days_in_file(workshop_path)[1] == ("d2", "2009-03-12", "09:15", None)
    assert shown(panel)[4] == "09:15–10:00 Groups"
    # A time that is not one is refused beside the field; the file keeps its start.
    day.start_time.selectAll()
    qtbot.keyClicks(day.start_time, "noon")
    qtbot.keyClick(day.start_time, Qt.Key.Key_Return)
    assert days_in_file(workshop_path)[1][2] == "09:15"
    assert day.start_time.text() == "09:15"
    assert window.undo_action.text() == "&Undo Change Day Start"
    window.undo_action.trigger()
    window.undo_action.trigger()
    assert days_in_file(workshop_path)[1] == ("d2", "2009-03-11", "08:30", None)
    # The first day's date is the workshop's own.
    panel.select(first_day(workshop_path))
    day.date.setDate(QDate(2009, 3, 9))
    assert read_back(workshop_path, "SELECT date FROM workshop") == [("2009-03-09",)]


def test_delete_removes_an_empty_day_and_refuses_one_with_items(
    qtbot: QtBot, window: MainWindow, workshop_path: Path, errors: list[KnownError]
) -> None:
    two_days(workshop_path)
    with Document.open(workshop_path) as doc:
        doc.days.add(Day("d3", "2009-03-12", "09:00"))
    panel = opened_on(window, workshop_path)
    panel.select("d2")
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert [str(e) for e in errors] == [
        "This day still has agenda items: move or delete them first."
    ]
    assert [d[0] for d in days_in_file(workshop_path)] == [first_day(workshop_path), "d2", "d3"]
    panel.select("d3")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert [d[0] for d in days_in_file(workshop_path)] == [first_day(workshop_path), "d2"]
    assert window.undo_action.text() == "&Undo Delete Day"
    window.undo_action.trigger()
    assert days_in_file(workshop_path)[2] == ("d3", "2009-03-12", "09:00", None)


def test_alt_up_and_down_move_an_item_across_a_heading(
    qtbot: QtBot, window: MainWindow, workshop_path: Path
) -> None:
    two_days(workshop_path)
    day1 = first_day(workshop_path)
    panel = opened_on(window, workshop_path)
    panel.select("c")
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, ALT)  # to the end of day 1
    assert item_days(workshop_path) == [("a", day1), ("b", day1), ("c", day1), ("d", "d2")]
    assert shown(panel)[3] == "10:30–11:15 Groups"
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, ALT)  # within day 1
    assert item_days(workshop_path) == [("a", day1), ("c", day1), ("b", day1), ("d", "d2")]
    panel.select("b")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down, ALT)  # to the start of day 2
    assert item_days(workshop_path) == [("a", day1), ("c", day1), ("b", "d2"), ("d", "d2")]
    assert window.undo_action.text() == "&Undo Move Item"
    window.undo_action.trigger()
    assert item_days(workshop_path)[2] == ("b", day1)
    # Nowhere to go above the first day's first item.
    panel.select("a")
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, ALT)
    assert item_days(workshop_path)[0] == ("a", day1)
    assert check_document(workshop_path) == []


def test_drag_and_drop_moves_an_item_onto_another_day(
    window: MainWindow, workshop_path: Path
) -> None:
    two_days(workshop_path)
    day1 = first_day(workshop_path)
    panel = opened_on(window, workshop_path)
    model = panel.model
    move = Qt.DropAction.MoveAction
    # "Opening" dropped onto day 2's heading: at the end of day 2.
    data = model.mimeData([model.index(model.row_of("a"), COL_TITLE)])
    model.dropMimeData(data, move, -1, 0, model.index(model.row_of("d2"), 0))
    assert item_days(workshop_path) == [("b", day1), ("c", "d2"), ("d", "d2"), ("a", "d2")]
    # "Wrap" dropped between day 1's heading and its first item.
    data = model.mimeData([model.index(model.row_of("d"), COL_TITLE)])
    model.dropMimeData(data, move, 1, 0, QModelIndex())
    assert item_days(workshop_path) == [("d", day1), ("b", day1), ("c", "d2"), ("a", "d2")]
    # "Talks" dropped just above day 2's heading stays the last of day 1; below it, first
    # of day 2.
    data = model.mimeData([model.index(model.row_of("b"), COL_TITLE)])
    model.dropMimeData(data, move, model.row_of("d2") + 1, 0, QModelIndex())
    assert item_days(workshop_path) == [("d", day1), ("b", "d2"), ("c", "d2"), ("a", "d2")]
    assert window.undo_action.text() == "&Undo Move Item"
    window.undo_action.trigger()
    assert item_days(workshop_path)[1] == ("b", day1)
    # An item dropped onto an item of another day goes above it, on that day.
    data = model.mimeData([model.index(model.row_of("d"), COL_TITLE)])
    model.dropMimeData(data, move, -1, 0, model.index(model.row_of("a"), 0))
    assert item_days(workshop_path) == [("b", day1), ("c", "d2"), ("d", "d2"), ("a", "d2")]
    assert check_document(workshop_path) == []


@pytest.mark.parametrize("heading", [True, False])
def test_add_item_goes_onto_the_selected_day(
    window: MainWindow, workshop_path: Path, heading: bool
) -> None:
    two_days(workshop_path)
    panel = opened_on(window, workshop_path)
    panel.select(first_day(workshop_path) if heading else "a")
    panel.add_item_action.trigger()
    rows = item_days(workshop_path)
    new = next(r for r in rows if r[0] not in "abcd")
    day1 = first_day(workshop_path)
    assert rows.index(new) == (2 if heading else 1) and new[1] == day1


def test_model_with_headings_passes_modeltester_through_day_edits(
    qtmodeltester: ModelTester, workshop_path: Path
) -> None:
    two_days(workshop_path)
    with Document.open(workshop_path) as doc:
        errors: list[Exception] = []
        editor = Editor(QUndoStack(), errors.append)
        edits, days = AgendaEdits(editor, doc.agenda), DayEdits(editor, doc.days)
        model = AgendaModel(edits)

        def refresh(_changes: object) -> None:
            model.set_days(doc.days.list())
            model.reconcile(doc.agenda.items())

        doc.subscribe(refresh)
        refresh(())
        qtmodeltester.check(model, force_py=True)
        days.add(Day("d3", "2009-03-12", "09:00"))
        edits.move_item("d", 4, "d3")
        edits.add_question("c", "Which region first?")
        days.delete("d2")  # refused: it still has "Groups"
        edits.move_item("c", 4, "d3")
        days.delete("d2")
        assert [type(r).__name__ for r in model.rows()] == [
            "Day",
            "AgendaItem",
            "AgendaItem",
            "Day",
            "AgendaItem",
            "AgendaItem",
        ]
        assert [str(e) for e in errors] == [
            "This day still has agenda items: move or delete them first."
        ]
        edits.move_item("c", 2, doc.days.list()[0].id)
        edits.move_item("d", 3, doc.days.list()[0].id)
        days.delete("d3")
        qtmodeltester.check(model, force_py=True)
        assert all(isinstance(r, AgendaItem) for r in model.rows())  # one day: no heading


def test_the_days_form_shares_no_alt_letter(window: MainWindow, workshop_path: Path) -> None:
    two_days(workshop_path)
    panel = opened_on(window, workshop_path)
    window.resize(1366, 768)
    panel.select("d2")
    day = panel.detail.day
    assert day is not None and day.isVisible()
    clashes = {k: v for k, v in mnemonics(window).items() if len(v) > 1}
    assert clashes == {}
    for field in (day.date, day.start_time, day.end_time):
        assert field.accessibleName().startswith("Day ")
