"""Minutes > Next Steps: sorting, overdue marking with a fixed clock, owners, the file."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import NextStep, NextStepStatus
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.common.outcome_tables import RED, ROW_ROLE
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes.minutes_page import MinutesPage
from workshop_app.ui.minutes.next_steps_list import NO_MATCH, NO_NEXT_STEPS, NextStepsPanel
from workshop_app.ui.minutes.next_steps_model import (
    COL_DUE,
    COL_ITEM,
    COL_OWNER,
    COL_STATUS,
    NextStepsModel,
    due_text,
)

#: A day after x4 (due 15 Dec 2017, open) and x2 (due 6 Oct 2017, done) fell due.
TODAY = "2018-01-10T09:00:00+01:00"


def next_steps_panel(window: MainWindow) -> NextStepsPanel:
    session = window.session
    assert session is not None
    fixed = parse_timestamp(TODAY)
    session.clock = lambda: fixed
    window.show_mode("minutes")
    page = window.page("minutes")
    assert isinstance(page, MinutesPage)
    page.show_panel("Next Steps")  # showing it judges overdue on the session's today
    window.activateWindow()
    return page.next_steps


@pytest.fixture
def demo(window: MainWindow, demo_path: Path) -> MainWindow:
    assert window.open_path(demo_path)
    return window


@pytest.fixture
def panel(demo: MainWindow) -> NextStepsPanel:
    return next_steps_panel(demo)


def shown(panel: NextStepsPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, 0).data(ROW_ROLE).id for row in range(proxy.rowCount())]


def cell(panel: NextStepsPanel, step_id: str, column: int) -> QModelIndex:
    return panel.model.index(panel.model.row_of(step_id), column)


def stored(path: Path, step_id: str) -> tuple[object, ...]:
    sql = "SELECT text, owner, owner_participant_id, due, status FROM actions WHERE id = ?"
    rows = read_back(path, sql, (step_id,))
    return rows[0] if rows else ()


def test_model_passes_modeltester_and_follows_the_store_row_by_row(
    qtmodeltester: ModelTester, demo_path: Path
) -> None:
    with Document.open(demo_path) as doc:
        model = NextStepsModel()

        def follow() -> None:
            model.set_context(doc.participants.list(), doc.agenda.items(), dt.date(2018, 1, 10))
            model.reconcile(doc.next_steps.list())

        follow()
        doc.subscribe(lambda _changes: follow())
        qtmodeltester.check(model, force_py=True)
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))
        doc.next_steps.add(NextStep(id="x5", text="Write to the partners."))
        doc.next_steps.delete("x1")
        doc.next_steps.update("x4", status="done")
        assert [a.id for a in model.rows()] == ["x2", "x3", "x4", "x5"]
        qtmodeltester.check(model, force_py=True)
        assert resets == []


def test_due_text_marks_open_steps_past_their_date() -> None:
    today = dt.date(2018, 1, 10)
    late = NextStep(id="a", text="t", due="2017-12-15")
    assert due_text(late, today) == "15 Dec 2017 · overdue"
    assert due_text(dataclasses.replace(late, status=NextStepStatus.DONE), today) == "15 Dec 2017"
    assert due_text(dataclasses.replace(late, due="2018-01-10"), today) == "10 Jan 2018"
    assert due_text(dataclasses.replace(late, due=None), today) == ""


def test_overdue_marking_with_a_fixed_clock(panel: NextStepsPanel) -> None:
    assert cell(panel, "x4", COL_DUE).data() == "15 Dec 2017 · overdue"
    red = cell(panel, "x4", COL_DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(red, QBrush) and red.color().name() == RED
    assert cell(panel, "x2", COL_DUE).data() == "6 Oct 2017"  # done: never overdue
    assert cell(panel, "x3", COL_DUE).data() == "31 Jan 2018"
    assert "3 open (1 overdue)" in panel.summary.text()
    panel.overdue_only.setChecked(True)
    assert shown(panel) == ["x4"]


def test_marking_done_ends_overdue_and_reaches_the_file(
    qtbot: QtBot, demo: MainWindow, panel: NextStepsPanel, demo_path: Path
) -> None:
    panel.overdue_only.setChecked(True)
    assert panel.select("x4")
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClick(panel.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert stored(demo_path, "x4")[4] == "done"
    assert shown(panel) == []
    assert panel.table.placeholder == NO_MATCH
    demo.undo_action.trigger()
    assert stored(demo_path, "x4")[4] == "open"
    assert shown(panel) == ["x4"]


def test_sorted_by_due_date_owner_and_status(demo: MainWindow, panel: NextStepsPanel) -> None:
    session = demo.session
    assert session is not None
    session.next_steps.add(NextStep(id="x5", text="Think about it."))  # no owner, no date
    table = panel.table
    table.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == ["x2", "x4", "x3", "x1", "x5"]
    table.sortByColumn(COL_DUE, Qt.SortOrder.DescendingOrder)
    assert shown(panel) == ["x1", "x3", "x4", "x2", "x5"]  # no date: last either way
    table.sortByColumn(COL_OWNER, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == ["x3", "x2", "x1", "x4", "x5"]  # All, Léa, MIEUX, Tomas, nobody
    table.sortByColumn(COL_OWNER, Qt.SortOrder.DescendingOrder)
    assert shown(panel) == ["x4", "x1", "x2", "x3", "x5"]
    table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert shown(panel)[-1] == "x2"  # open before done
    table.sortByColumn(COL_ITEM, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == ["x3", "x1", "x4", "x2", "x5"]  # a2, a4, a4, a5, none


def test_add_with_a_participant_and_with_free_text_as_owner(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    demo: MainWindow,
    panel: NextStepsPanel,
    demo_path: Path,
) -> None:
    answers = [
        NextStep(
            id="n1",
            text="Send the report to the partners.",
            owner="Léa Marchand",
            owner_participant_id="p03",
            due="2018-02-01",
        ),
        NextStep(id="n2", text="Host the Asia event.", owner="IOM Regional Office Bangkok"),
    ]
    asked: list[tuple[object, ...]] = []

    def edit(parent, action, people, items, default_item_id, today, _draft=None):  # type: ignore[no-untyped-def]
        asked.append((action, len(people), len(items), today))
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "edit_next_step", edit)
    panel.overdue_only.setChecked(True)  # a new step shows even if the filter hid it
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    qtbot.keyClick(
        panel.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert asked == [(None, 15, 5, dt.date(2018, 1, 10))]
    assert stored(demo_path, "n1") == (
        "Send the report to the partners.",
        "Léa Marchand",
        "p03",
        "2018-02-01",
        "open",
    )
    current = panel.current()
    assert current is not None and current.id == "n1"
    assert not panel.overdue_only.isChecked()
    panel.add_action.trigger()
    assert stored(demo_path, "n2") == (
        "Host the Asia event.",
        "IOM Regional Office Bangkok",
        None,
        None,
        "open",
    )
    assert cell(panel, "n1", COL_OWNER).data() == "Léa Marchand"
    assert cell(panel, "n2", COL_OWNER).data() == "IOM Regional Office Bangkok"
    # The participant's name follows the roster; free text stays as typed.
    session = demo.session
    assert session is not None
    session.participants.update("p03", name="Léa Marchand-Diallo")
    assert cell(panel, "n1", COL_OWNER).data() == "Léa Marchand-Diallo"
    demo.undo_action.trigger()  # the rename
    demo.undo_action.trigger()  # n2
    assert stored(demo_path, "n2") == ()


def test_status_edited_in_place_through_the_delegate(
    demo: MainWindow, panel: NextStepsPanel, demo_path: Path
) -> None:
    index = panel.proxy.mapFromSource(cell(panel, "x3", COL_STATUS))
    delegate = panel.table.itemDelegateForColumn(COL_STATUS)
    assert delegate is not None
    parent = QWidget()
    editor = delegate.createEditor(parent, QStyleOptionViewItem(), index)
    assert isinstance(editor, QComboBox)
    delegate.setEditorData(editor, index)
    assert editor.currentData() == "open"
    editor.setCurrentIndex(editor.findData("dropped"))
    delegate.setModelData(editor, panel.proxy, index)
    assert stored(demo_path, "x3")[4] == "dropped"
    assert cell(panel, "x3", COL_STATUS).data() == "– Dropped"
    assert demo.undo_action.text() == "&Undo Change Next Step Status"
    assert not panel.proxy.setData(index, "no such status")
    demo.undo_action.trigger()
    assert stored(demo_path, "x3")[4] == "open"


def test_edit_and_delete(
    monkeypatch: pytest.MonkeyPatch, demo: MainWindow, panel: NextStepsPanel, demo_path: Path
) -> None:
    monkeypatch.setattr(
        dialogs,
        "edit_next_step",
        lambda _p, action, *_a: dataclasses.replace(action, owner=None, owner_participant_id=None),
    )
    answers = [True]
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: answers.pop(0))
    assert panel.select("x4")
    panel.edit_action.trigger()
    assert stored(demo_path, "x4")[1:3] == (None, None)
    panel.delete_action.trigger()
    assert stored(demo_path, "x4") == ()
    demo.undo_action.trigger()
    demo.undo_action.trigger()
    assert stored(demo_path, "x4")[1:3] == ("Tomas Reinholt", "p02")


def test_a_workshop_without_next_steps_says_so(opened: MainWindow) -> None:
    panel = next_steps_panel(opened)
    assert panel.table.placeholder == NO_NEXT_STEPS
    assert panel.summary.text() == "No next steps yet."
    assert not panel.done_action.isEnabled()
