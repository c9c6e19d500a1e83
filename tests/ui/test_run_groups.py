"""The Run view follows one breakout group: its feed, its speakers and what is recorded in it
are the group's; plenary's stay plenary's. Read back from the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, run_page, type_and_record
from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.model import BreakoutGroup, ConsensusPoint
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage


@pytest.fixture
def page(window: MainWindow, tmp_path: Path) -> RunPage:
    path = tmp_path / "groups.workshop"
    write_demo_in_progress(path)  # a2 running, Natalia Rusu speaking in plenary since 10:40
    with Document.open(path) as doc:
        doc.groups.add(BreakoutGroup("gA", "a2", "Group A: Africa", member_ids=("p04", "p05")))
        doc.groups.add(BreakoutGroup("gB", "a2", "Group B: Asia"))
    assert window.open_path(path)
    found = run_page(window, Clock("10:47:20"))
    found.refresh()
    return found


def path_of(window: MainWindow) -> Path:
    session = window.session
    assert session is not None and session.path is not None
    return Path(session.path)


def test_the_bar_offers_plenary_and_the_groups(page: RunPage) -> None:
    floor = page.group_floor
    assert not floor.isHidden()
    names = [floor.choice.itemText(i) for i in range(floor.choice.count())]
    assert names == ["Plenary", "Group A: Africa", "Group B: Asia"]
    assert floor.group_id() is None
    assert "Group A: Africa: 0 contributions" in floor.counts.text()


def test_following_a_group_records_in_it_and_shows_only_its_record(
    qtbot: QtBot, window: MainWindow, page: RunPage
) -> None:
    plenary = page.capture.model.rowCount()
    assert plenary > 0
    page.group_floor.next_action.trigger()  # Ctrl+G: Group A
    assert page.group_floor.group_id() == "gA"
    assert page.capture.model.rowCount() == 0  # group A has said nothing yet
    type_and_record(qtbot, page, "In the Sahel, border posts keep paper registers.")
    assert read_back(
        path_of(window), "SELECT group_id FROM contributions WHERE text LIKE 'In the Sahel%'"
    ) == [("gA",)]
    qtbot.waitUntil(lambda: page.capture.model.rowCount() == 1)
    assert "Group A: Africa: 1 contribution" in page.group_floor.counts.text()
    page.group_floor.choice.setCurrentIndex(0)  # back to plenary
    assert page.capture.model.rowCount() == plenary


def test_a_group_has_its_own_list_of_speakers(window: MainWindow, page: RunPage) -> None:
    page.group_floor.follow_next()
    assert page.speakers.timer_label.text() in ("", "0:00")  # nobody speaks in group A yet
    assert page.edits.request("a2", "p04")
    assert page.edits.next_speaker("a2")
    path = path_of(window)
    assert read_back(path, "SELECT participant_id, status FROM speeches WHERE group_id = 'gA'") == [
        ("p04", "speaking")
    ]
    # Plenary's speaker still has the floor there.
    assert read_back(
        path, "SELECT count(*) FROM speeches WHERE group_id IS NULL AND status = 'speaking'"
    ) == [(1,)]


def test_a_point_proposed_while_following_a_group_is_the_groups(
    window: MainWindow, page: RunPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.group_floor.follow_next()
    monkeypatch.setattr(
        dialogs,
        "edit_consensus_point",
        lambda *_args: ConsensusPoint("kA", "a2", "Counts at the busiest posts."),
    )
    page.point_action.trigger()
    assert read_back(path_of(window), "SELECT group_id FROM consensus_points WHERE id='kA'") == [
        ("gA",)
    ]


def test_an_item_without_groups_shows_no_bar(window: MainWindow, demo_path: Path) -> None:
    assert window.open_path(demo_path)
    page = run_page(window, Clock("10:47:20"))
    page.refresh()
    assert page.group_floor.isHidden()
    assert not page.group_floor.next_action.isEnabled()
    # The bar takes no keyboard focus from the entry box (Tab never lands on it).
    assert page.group_floor.choice.focusPolicy() == Qt.FocusPolicy.ClickFocus


def test_a_report_back_takes_up_a_groups_point_and_plenary_agrees(
    window: MainWindow, page: RunPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Group A proposes in a2; a4 is a2's report-back: plenary takes the point up (linked to
    the group's), then agrees; one Undo takes it back."""
    session = window.session
    assert session is not None
    session.consensus.record(ConsensusPoint("kA", "a2", "Counts at posts.", group_id="gA"))
    session.consensus.record(ConsensusPoint("kB", "a2", "Publish survey data.", group_id="gB"))
    session.agenda.update_item("a4", reports_on="a2")
    assert page.edits.next_item()  # a2 ends; lunch (a3) starts
    assert page.edits.next_item()  # a4, the report-back
    page.refresh()
    offered: list[object] = []

    def choose(_parent: object, points: list[tuple[str, ConsensusPoint]], taken: set[str]):  # type: ignore[no-untyped-def]
        offered.extend((name, p.id) for name, p in points)
        assert taken == set()
        return ["kA", "kB"]

    monkeypatch.setattr(dialogs, "choose_points_to_take_up", choose)
    page.outcome_view.take_up_action.trigger()
    assert offered == [("Group A: Africa", "kA"), ("Group B: Asia", "kB")]
    path = path_of(window)
    rows = read_back(
        path,
        "SELECT text, status, group_id, agenda_item_id FROM consensus_points"
        " WHERE from_point_id IS NOT NULL ORDER BY seq",
    )
    assert rows == [
        ("Counts at posts.", "proposed", None, "a4"),
        ("Publish survey data.", "proposed", None, "a4"),
    ]
    assert session.undo_stack.undoText() == "Take Up Group Points"
    session.undo_stack.undo()
    assert read_back(
        path, "SELECT count(*) FROM consensus_points WHERE from_point_id IS NOT NULL"
    ) == [(0,)]


def test_following_a_group_the_summary_is_the_groups(
    window: MainWindow, page: RunPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.group_floor.follow_next()
    titles: list[str] = []

    def write(_parent: object, title: str, _old: str, _draft: object) -> str:
        titles.append(title)
        return "Border posts need light, regular counts."

    monkeypatch.setattr(dialogs, "edit_text", write)
    page.summary_action.trigger()
    assert titles == ["Summary of Group A: Africa"]
    path = path_of(window)
    assert read_back(path, "SELECT summary FROM breakout_groups WHERE id = 'gA'") == [
        ("Border posts need light, regular counts.",)
    ]
    assert read_back(path, "SELECT summary FROM agenda_items WHERE id = 'a2'") == [(None,)]


def test_the_take_up_dialog_offers_only_what_is_not_taken_up_yet(qtbot: QtBot) -> None:
    from workshop_app.ui.run.take_up_dialog import TakeUpDialog

    offered = [
        ("Group A", ConsensusPoint("kA", "a2", "Counts.", group_id="gA")),
        ("Group B", ConsensusPoint("kB", "a2", "Surveys.", group_id="gB")),
    ]
    dialog = TakeUpDialog(offered, {"kA"})
    qtbot.addWidget(dialog)
    first, second = dialog.points.item(0), dialog.points.item(1)
    assert first.text().endswith("(taken up)")
    assert not first.flags() & Qt.ItemFlag.ItemIsUserCheckable
    second.setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen() == ["kB"]


def test_starting_the_next_item_while_looking_back_shows_the_new_item(
    qtbot: QtBot, window: MainWindow, page: RunPage
) -> None:
    """The walkthrough's case: looking back at an item, F9, then typing put the text into the
    item looked at. Starting an item brings the feed back to the running one."""
    page.view_item("a1")
    assert page.shown_item() is not None and page.shown_item().id == "a1"  # type: ignore[union-attr]
    page.next_item_action.trigger()  # a2 finishes, a3 (lunch) starts
    assert page.viewed_item_id is None
    type_and_record(qtbot, page, "Said after the break started.")
    assert read_back(
        path_of(window), "SELECT agenda_item_id FROM contributions WHERE text LIKE 'Said after%'"
    ) == [("a3",)]


def test_a_groups_own_question_is_offered_only_to_that_group(
    window: MainWindow, page: RunPage
) -> None:
    session = window.session
    assert session is not None
    session.groups.set_question_group("q3", "gA")  # a2's third question: group A's own
    page.refresh()

    def offered() -> list[str]:
        box = page.capture.question
        return [str(box.itemData(i)) for i in range(box.count()) if box.itemData(i)]

    assert "q3" not in offered()  # plenary
    page.group_floor.follow_next()  # group A
    assert "q3" in offered()
    page.group_floor.follow_next()  # group B
    assert "q3" not in offered() and {"q1", "q2"} <= set(offered())
