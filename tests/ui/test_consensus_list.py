"""Minutes > Consensus: the workshop-wide list of points, its filter, the detail pane, the file."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.common.outcome_tables import GREEN, ROW_ROLE
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes.consensus_list import NO_MATCH, NO_POINTS, ConsensusListPanel
from workshop_app.ui.minutes.consensus_model import (
    COL_ITEM,
    COL_POINT,
    COL_QUESTION,
    COL_RECORDED,
    COL_RESERVATIONS,
    COL_STATUS,
    COL_SUPPORT,
    ConsensusModel,
    order_points,
)
from workshop_app.ui.minutes.minutes_page import MinutesPage
from workshop_app.ui.run.run_page import RunPage


def minutes_page(window: MainWindow, title: str = "Consensus") -> MinutesPage:
    window.show_mode("minutes")
    page = window.page("minutes")
    assert isinstance(page, MinutesPage)
    page.show_panel(title)
    window.activateWindow()
    return page


@pytest.fixture
def demo(window: MainWindow, demo_path: Path) -> MainWindow:
    assert window.open_path(demo_path)
    return window


@pytest.fixture
def panel(demo: MainWindow) -> ConsensusListPanel:
    return minutes_page(demo).consensus


def shown(panel: ConsensusListPanel) -> list[str]:
    """Ids of the rows the list shows, top to bottom."""
    proxy = panel.proxy
    return [proxy.index(row, 0).data(ROW_ROLE).id for row in range(proxy.rowCount())]


def show_status(panel: ConsensusListPanel, label: str) -> None:
    combo = panel.status_filter
    index = next(i for i in range(combo.count()) if combo.itemText(i).endswith(label))
    combo.setCurrentIndex(index)


def stored(path: Path, point_id: str, column: str) -> object:
    return read_back(path, f"SELECT {column} FROM consensus_points WHERE id = ?", (point_id,))[0][0]


def support(path: Path, point_id: str) -> list[str]:
    rows = read_back(
        path,
        "SELECT contribution_id FROM consensus_support WHERE consensus_id = ? ORDER BY position",
        (point_id,),
    )
    return [str(r[0]) for r in rows]


def test_model_passes_modeltester_and_follows_the_store_row_by_row(
    qtmodeltester: ModelTester, demo_path: Path
) -> None:
    with Document.open(demo_path) as doc:
        model = ConsensusModel()

        def follow() -> None:
            items = doc.agenda.items()
            model.set_items(items)
            model.reconcile(order_points(doc.consensus.list(), items))

        follow()
        doc.subscribe(lambda _changes: follow())
        qtmodeltester.check(model, force_py=True)
        resets: list[int] = []
        model.modelReset.connect(lambda: resets.append(1))
        doc.consensus.record(
            ConsensusPoint(id="k6", agenda_item_id="a1", text="Welcome agreed.")
        )  # recorded last, but its item comes first
        doc.consensus.delete("k2")
        doc.consensus.update("k5", status="withdrawn")
        assert [p.id for p in model.rows()] == ["k6", "k1", "k3", "k4", "k5"]
        assert model.index(4, COL_STATUS).data() == "– Withdrawn"
        qtmodeltester.check(model, force_py=True)
        assert resets == []


def test_columns_say_item_question_status_support_and_time(panel: ConsensusListPanel) -> None:
    model = panel.model
    row = model.row_of("k3")
    cell = {col: model.index(row, col).data() for col in range(model.columnCount())}
    assert cell[COL_ITEM] == "Partnerships and capacity development in migration management"
    assert cell[COL_QUESTION] == "Q2"
    assert cell[COL_STATUS] == "✓* Agreed with reservations"
    assert cell[COL_RESERVATIONS].startswith("Some partner-country delegates")
    assert cell[COL_SUPPORT] == "2"
    assert cell[COL_RECORDED] == "12:05"
    assert model.index(model.row_of("k5"), COL_QUESTION).data() == "Q1"  # a4's first question
    agreed = model.index(model.row_of("k1"), COL_STATUS)
    assert agreed.data() == "✓ Agreed"
    foreground = agreed.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(foreground, QBrush)
    assert foreground.color().name() == GREEN
    assert model.index(model.row_of("k4"), COL_STATUS).data() == "✗ No consensus"
    assert "<p" in model.index(row, COL_POINT).data(Qt.ItemDataRole.ToolTipRole)


def test_filter_by_status_and_search(panel: ConsensusListPanel) -> None:
    assert shown(panel) == ["k1", "k2", "k3", "k4", "k5"]  # agenda, then recorded order
    show_status(panel, "Agreed")
    assert shown(panel) == ["k1", "k2", "k5"]
    show_status(panel, "Agreed with reservations")
    assert shown(panel) == ["k3"]
    show_status(panel, "No consensus")
    assert shown(panel) == ["k4"]
    show_status(panel, "Agreed (with or without reservations)")
    assert shown(panel) == ["k1", "k2", "k3", "k5"]
    show_status(panel, "Withdrawn")
    assert shown(panel) == []
    assert panel.table.placeholder == NO_MATCH
    assert panel.detail.currentIndex() == 0  # nothing selected: the pane says so
    show_status(panel, "All")
    panel.search.setText("conditionality")  # in k4's reservations only
    assert shown(panel) == ["k4"]
    panel.search.setText("REGIONAL EVENTS")  # k5's item title
    assert shown(panel) == ["k5"]
    assert "5 consensus points" in panel.summary.text()
    assert "✗ 1 no consensus" in panel.summary.text()


def test_sort_by_status_and_by_time(panel: ConsensusListPanel) -> None:
    panel.table.sortByColumn(COL_STATUS, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == ["k1", "k2", "k5", "k3", "k4"]
    panel.table.sortByColumn(COL_RECORDED, Qt.SortOrder.DescendingOrder)
    assert shown(panel) == ["k5", "k4", "k3", "k2", "k1"]
    panel.table.sortByColumn(COL_QUESTION, Qt.SortOrder.AscendingOrder)
    assert shown(panel) == ["k1", "k3", "k2", "k4", "k5"]


def test_status_and_reservations_in_the_pane_go_to_the_file(
    qtbot: QtBot, demo: MainWindow, panel: ConsensusListPanel, demo_path: Path
) -> None:
    assert panel.select("k1")
    detail = panel.detail
    assert detail.text.toPlainText().startswith("A partnership rests")
    assert not detail.reservations.isEnabled()  # agreed: no dissent to record
    detail.status.setCurrentIndex(detail.status.findData("agreed_with_reservations"))
    assert stored(demo_path, "k1", "status") == "agreed_with_reservations"
    assert detail.reservations.isEnabled()
    detail.reservations.setFocus()
    qtbot.waitUntil(detail.reservations.hasFocus)
    qtbot.keyClicks(detail.reservations, "Two delegations wanted 'shared' defined.")
    assert stored(demo_path, "k1", "reservations") is None  # not before the field is left
    panel.table.setFocus()  # leaving the field saves it
    assert stored(demo_path, "k1", "reservations") == "Two delegations wanted 'shared' defined."
    index = panel.model.index(panel.model.row_of("k1"), COL_RESERVATIONS)
    assert index.data() == "Two delegations wanted 'shared' defined."
    current = panel.current()
    assert current is not None and current.id == "k1"  # still selected
    demo.undo_action.trigger()
    assert stored(demo_path, "k1", "reservations") is None
    assert detail.reservations.toPlainText() == ""
    demo.undo_action.trigger()
    assert stored(demo_path, "k1", "status") == "agreed"
    assert detail.status.currentData() == "agreed"


def test_text_typed_then_another_point_chosen_is_saved_once(
    qtbot: QtBot, demo: MainWindow, panel: ConsensusListPanel, demo_path: Path
) -> None:
    assert panel.select("k2")
    text = panel.detail.text
    text.setFocus()
    qtbot.waitUntil(text.hasFocus)
    text.selectAll()
    qtbot.keyClicks(text, "Public opinion needs to be informed.")
    panel.table.setFocus()
    assert panel.select("k4")
    assert stored(demo_path, "k2", "text") == "Public opinion needs to be informed."
    session = demo.session
    assert session is not None
    assert session.undo_stack.count() == 1
    assert (
        panel.detail.text.toPlainText()
        == "Development funding should be linked to cooperation on migration."
    )
    text.setFocus()
    text.selectAll()
    qtbot.keyClick(text, Qt.Key.Key_Delete)
    panel.table.setFocus()  # a point cannot lose its text: the file's comes back
    assert text.toPlainText().startswith("Development funding")
    assert session.undo_stack.count() == 1


def test_unlink_in_the_pane_then_undo(
    demo: MainWindow, panel: ConsensusListPanel, demo_path: Path
) -> None:
    assert panel.select("k1")
    detail = panel.detail
    assert detail.support.count() == 2
    assert detail.support.item(0).text().startswith("10:")
    assert " · " in detail.support.item(0).text()
    detail.support.setCurrentRow(0)
    detail.unlink_action.trigger()
    assert support(demo_path, "k1") == ["c09"]
    assert detail.support.count() == 1
    assert panel.model.index(panel.model.row_of("k1"), COL_SUPPORT).data() == "1"
    demo.undo_action.trigger()
    assert support(demo_path, "k1") == ["c03", "c09"]
    assert detail.support.count() == 2


def test_jump_asks_for_the_contribution(
    qtbot: QtBot, demo: MainWindow, panel: ConsensusListPanel
) -> None:
    page = minutes_page(demo)
    assert panel.select("k1")
    panel.detail.support.setCurrentRow(1)
    with qtbot.waitSignal(page.contribution_requested) as blocker:
        panel.detail.jump_action.trigger()
    assert blocker.args == ["c09"]
    # The window takes the user there: the Run view, the item looked back at, c09 selected.
    run = demo.page("run")
    assert isinstance(run, RunPage)
    assert demo.stack.currentWidget() is run
    assert [c.id for c in run.capture.selected()] == ["c09"]
    demo.show_mode("minutes")
    panel.table.setFocus()
    qtbot.waitUntil(panel.table.hasFocus)
    assert panel.select("k3")  # nothing chosen in its list: the first
    with qtbot.waitSignal(page.contribution_requested) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["c04"]


def test_edit_dialog_is_one_undoable_step(
    monkeypatch: pytest.MonkeyPatch, demo: MainWindow, panel: ConsensusListPanel, demo_path: Path
) -> None:
    seen: list[tuple[str, list[str], dict[str, str]]] = []

    def edit(_parent, item, point, supporting, describe, _draft=None):  # type: ignore[no-untyped-def]
        seen.append((item.id, [c.id for c in supporting], describe))
        return dataclasses.replace(
            point,
            text="A partnership shares goals and responsibility.",
            question_id="q2",
            supporting_contribution_ids=("c09",),
        )

    monkeypatch.setattr(dialogs, "edit_consensus_point", edit)
    assert panel.select("k1")
    panel.edit_action.trigger()
    assert seen[0][:2] == ("a2", ["c03", "c09"])
    assert seen[0][2]["c09"].startswith("1")  # "time · speaker · text"
    assert stored(demo_path, "k1", "text") == "A partnership shares goals and responsibility."
    assert stored(demo_path, "k1", "question_id") == "q2"
    assert support(demo_path, "k1") == ["c09"]
    assert demo.undo_action.text() == "&Undo Edit Consensus Point"
    demo.undo_action.trigger()
    assert stored(demo_path, "k1", "question_id") == "q1"
    assert support(demo_path, "k1") == ["c03", "c09"]


def test_delete_asks_first(
    monkeypatch: pytest.MonkeyPatch, demo: MainWindow, panel: ConsensusListPanel, demo_path: Path
) -> None:
    answers = [False, True]
    questions: list[str] = []

    def confirm(_parent, question, detail, _action):  # type: ignore[no-untyped-def]
        questions.append(f"{question} {detail}")
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "confirm", confirm)
    assert panel.select("k4")
    panel.delete_action.trigger()
    assert stored(demo_path, "k4", "status") == "no_consensus"  # kept: the user said no
    panel.delete_action.trigger()
    assert read_back(demo_path, "SELECT count(*) FROM consensus_points WHERE id='k4'") == [(0,)]
    assert "1 contribution" in questions[0]
    assert "k4" not in shown(panel)
    demo.undo_action.trigger()
    assert "k4" in shown(panel)
    assert support(demo_path, "k4") == ["c14"]


def test_a_workshop_without_points_says_so(opened: MainWindow) -> None:
    panel = minutes_page(opened).consensus
    assert panel.proxy.rowCount() == 0
    assert panel.table.placeholder == NO_POINTS
    assert panel.table.accessibleDescription() == NO_POINTS
    assert panel.summary.text() == "No consensus points yet."
    assert not panel.edit_action.isEnabled()
    assert not panel.delete_action.isEnabled()


def test_the_page_refreshes_only_the_panels_whose_entities_changed(
    monkeypatch: pytest.MonkeyPatch, demo: MainWindow
) -> None:
    page = minutes_page(demo)
    for title in ("Next Steps", "Summaries", "Consensus"):  # each read once, when first seen
        page.show_panel(title)
    calls: list[str] = []
    for name in ("consensus", "next_steps", "summaries"):
        panel = getattr(page, name)
        monkeypatch.setattr(panel, "refresh", lambda name=name: calls.append(name))
    session = demo.session
    assert session is not None
    session.consensus.update("k1", status=ConsensusStatus.WITHDRAWN)
    assert calls == ["consensus"]  # the tab in view at once
    page.show_panel("Summaries")  # it counts agreed points: refreshed when shown
    assert calls == ["consensus", "summaries"]
    page.show_panel("Next Steps")  # nothing it shows changed
    assert calls == ["consensus", "summaries"]
    session.next_steps.update("x1", status="done")
    assert calls == ["consensus", "summaries", "next_steps"]
    demo.show_mode("run")
    session.next_steps.update("x1", status="open")  # the page is hidden: later
    session.consensus.update("k1", status=ConsensusStatus.AGREED)
    assert calls == ["consensus", "summaries", "next_steps"]
    demo.show_mode("minutes")
    assert calls == ["consensus", "summaries", "next_steps", "next_steps"]
    page.show_panel("Consensus")
    assert calls[-1] == "consensus"


def test_tab_goes_from_the_filter_through_the_table_to_the_pane(
    qtbot: QtBot, panel: ConsensusListPanel
) -> None:
    panel.status_filter.setFocus()
    qtbot.waitUntil(panel.status_filter.hasFocus)
    for widget in (panel.search, panel.table, panel.detail.text, panel.detail.status):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    for widget in (panel.status_filter, panel.search, panel.detail.text, panel.detail.support):
        assert widget.accessibleName()


def test_menus_list_every_action_with_a_shortcut(demo: MainWindow) -> None:
    page = minutes_page(demo)
    menus = dict(page.menus())
    assert list(menus) == ["&Consensus", "&Next Steps", "&Summaries"]
    for actions in menus.values():
        assert actions
        assert all(a.shortcut().toString() and "&" in a.text() for a in actions)
    assert demo.mode_actions["minutes"].shortcut().toString() == "Ctrl+3"


def test_reservations_are_saved_while_typing_pauses(
    qtbot: QtBot, demo: MainWindow, panel: ConsensusListPanel, demo_path: Path
) -> None:
    assert panel.select("k4")
    field = panel.detail.reservations
    field.setFocus()
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " Two delegations abstained.")
    # No focus change: a pause is enough for what was typed to be in the file.
    qtbot.waitUntil(
        lambda: read_back(demo_path, "SELECT reservations FROM consensus_points WHERE id='k4'")[0][
            0
        ].endswith("Two delegations abstained."),
        timeout=5000,
    )
