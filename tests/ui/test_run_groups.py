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
    assert Qt  # the bar takes no keyboard focus from the entry box (ClickFocus)
    assert page.group_floor.choice.focusPolicy() == Qt.FocusPolicy.ClickFocus
