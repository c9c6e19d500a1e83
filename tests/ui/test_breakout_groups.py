"""Prepare > Agenda > Breakout Groups: defining the parallel groups a session item runs as."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.helpers import agenda_panel
from workshop_app.domain.model import AgendaItem, BreakoutGroup, Participant
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.breakout_groups import BreakoutCommands
from workshop_app.ui.prepare.groups_dialog import BreakoutGroupsDialog

ITEM = AgendaItem("a2", "Partnerships and capacity development")
PEOPLE = [
    Participant("p1", "Amadou Furtado", organisation="Ministry, Cabo Verde"),
    Participant("p2", "Natalia Rusu", organisation="Bureau for Migration, Moldova"),
    Participant("p3", "Hanna Virtanen", organisation="Research institute"),
    Participant("p4", "Léa Marchand", present=False),
]


def test_the_dialog_adds_groups_with_rooms_roles_and_members(qtbot: QtBot) -> None:
    dialog = BreakoutGroupsDialog(ITEM, [], PEOPLE)
    qtbot.addWidget(dialog)
    dialog.add_group()
    qtbot.keyClicks(dialog.name, "Group A: Africa")
    dialog.name.editingFinished.emit()
    qtbot.keyClicks(dialog.room, "Room 1")
    dialog.room.editingFinished.emit()
    dialog.rapporteur.setCurrentIndex(dialog.rapporteur.findData("p1"))
    dialog.members.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.add_group()  # "Group B", the next free letter
    dialog.share_out()  # the present who are in no group: p2, p3 (p4 is not present)
    groups = dialog.groups()
    assert [(g.name, g.room, g.rapporteur_id) for g in groups] == [
        ("Group A: Africa", "Room 1", "p1"),
        ("Group B", None, None),
    ]
    assert [g.member_ids for g in groups] == [("p1", "p3"), ("p2",)]
    assert dialog.count.text() == "1 member"  # group B is shown


def test_finding_a_person_hides_the_others(qtbot: QtBot) -> None:
    dialog = BreakoutGroupsDialog(ITEM, [BreakoutGroup("g", "a2", "Group A")], PEOPLE)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "mold")
    shown = [
        dialog.members.item(i).text() for i in range(4) if not dialog.members.item(i).isHidden()
    ]
    assert shown == ["Natalia Rusu — Bureau for Migration, Moldova"]


def test_removing_the_last_group_leaves_an_empty_form(qtbot: QtBot) -> None:
    dialog = BreakoutGroupsDialog(ITEM, [BreakoutGroup("g", "a2", "Group A")], PEOPLE)
    qtbot.addWidget(dialog)
    dialog.remove_group()
    assert dialog.groups() == []
    assert not dialog.name.isEnabled() and not dialog.share_button.isEnabled()


@pytest.fixture
def commands(window: MainWindow, demo_path: Path) -> BreakoutCommands:
    assert window.open_path(demo_path)
    session = window.session
    assert session is not None
    owner = QWidget(window)
    current = {"item": session.agenda.get("a2")}
    found = BreakoutCommands(session, lambda: current["item"], owner)
    found.current = current  # type: ignore[attr-defined]
    return found


def test_the_groups_are_applied_as_one_undo_step(
    commands: BreakoutCommands, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = [
        BreakoutGroup("gA", "a2", "Group A: Africa", room="Room 1", member_ids=("p01", "p02")),
        BreakoutGroup("gB", "a2", "Group B: Asia", rapporteur_id="p03"),
    ]
    asked: list[str] = []

    def answer(
        _parent: object, item: AgendaItem, groups: list[BreakoutGroup], people: list[object]
    ):  # type: ignore[no-untyped-def]
        asked.append(item.id)
        assert groups == [] and len(people) == 15
        return wanted

    monkeypatch.setattr(dialogs, "edit_breakout_groups", answer)
    commands.action.trigger()
    assert asked == ["a2"]
    assert read_back(demo_path, "SELECT id, name, room FROM breakout_groups ORDER BY position") == [
        ("gA", "Group A: Africa", "Room 1"),
        ("gB", "Group B: Asia", None),
    ]
    assert read_back(demo_path, "SELECT count(*) FROM group_members") == [(2,)]
    session = window.session
    assert session is not None
    assert session.undo_stack.undoText() == "Edit Breakout Groups"
    session.undo_stack.undo()
    assert read_back(demo_path, "SELECT count(*) FROM breakout_groups") == [(0,)]
    session.undo_stack.redo()
    assert read_back(demo_path, "SELECT count(*) FROM group_members") == [(2,)]


def test_a_break_has_no_groups(commands: BreakoutCommands, window: MainWindow) -> None:
    session = window.session
    assert session is not None
    commands.current["item"] = session.agenda.get("a3")  # type: ignore[attr-defined]
    commands.update()
    assert not commands.action.isEnabled()
    assert commands.edit_groups() is False  # no dialog asked (it would fail the test)


def test_the_agenda_offers_breakout_groups_for_the_session_in_hand(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(demo_path)
    panel = agenda_panel(window)
    assert panel.breakout.action in panel.actions_for_menu()
    panel.select("a3")  # lunch
    assert not panel.breakout.action.isEnabled()
    panel.select("a2")
    assert panel.breakout.action.isEnabled()
    wanted = [BreakoutGroup("gA", "a2", "Group A")]
    monkeypatch.setattr(dialogs, "edit_breakout_groups", lambda *_args: wanted)
    panel.breakout.action.trigger()
    assert read_back(demo_path, "SELECT agenda_item_id, name FROM breakout_groups") == [
        ("a2", "Group A")
    ]


def test_an_item_is_made_the_report_back_of_an_earlier_one(
    window: MainWindow, demo_path: Path
) -> None:
    assert window.open_path(demo_path)
    panel = agenda_panel(window)
    panel.select("a4")
    choice = panel.detail.reports_on
    offered = [choice.itemText(i) for i in range(choice.count())]
    assert offered[0] == "Not a report-back"
    assert offered[1:] == [
        "Opening and welcome",
        "Partnerships and capacity development in migration management",
    ]  # the sessions before it (not the lunch, not itself or later items)
    choice.setCurrentIndex(choice.findData("a2"))
    assert read_back(demo_path, "SELECT reports_on FROM agenda_items WHERE id = 'a4'") == [("a2",)]
    session = window.session
    assert session is not None
    assert session.undo_stack.undoText() == "Change Item Report-Back"
    session.undo_stack.undo()
    assert read_back(demo_path, "SELECT reports_on FROM agenda_items WHERE id = 'a4'") == [(None,)]


def test_space_after_a_search_ticks_a_person_who_is_shown(qtbot: QtBot) -> None:
    """The walkthrough's case: filter, Tab, Space ticked the person current before the filter,
    whom it hid."""
    dialog = BreakoutGroupsDialog(ITEM, [BreakoutGroup("g", "a2", "Group A")], PEOPLE)
    qtbot.addWidget(dialog)
    dialog.members.setCurrentRow(0)  # Amadou Furtado
    qtbot.keyClicks(dialog.search, "virt")
    current = dialog.members.currentItem()
    assert current is not None and current.text().startswith("Hanna Virtanen")


def test_the_dialogs_letters_do_not_clash() -> None:
    dialog = BreakoutGroupsDialog(ITEM, [], PEOPLE)
    texts = [b.text() for b in (dialog.add_button, dialog.remove_button, dialog.share_button)] + [
        "&Name:",
        "&Room:",
        "&Facilitator:",
        "Ra&pporteur:",
        "&Members:",
    ]
    letters = [t[t.index("&") + 1].casefold() for t in texts]
    assert len(letters) == len(set(letters)), letters


def test_a_question_is_made_one_groups_own(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(demo_path)
    session = window.session
    assert session is not None
    session.groups.add(BreakoutGroup("gA", "a2", "Group A"))
    session.groups.add(BreakoutGroup("gB", "a2", "Group B"))
    panel = agenda_panel(window)
    panel.select("q3")
    choice = panel.detail.question_group
    assert not choice.isHidden()
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "Every group (and plenary)",
        "Group A only",
        "Group B only",
    ]
    choice.setCurrentIndex(choice.findData("gA"))
    assert read_back(demo_path, "SELECT group_id FROM guiding_questions WHERE id = 'q3'") == [
        ("gA",)
    ]
    session.undo_stack.undo()
    assert read_back(demo_path, "SELECT group_id FROM guiding_questions WHERE id = 'q3'") == [
        (None,)
    ]
    panel.select("q4")  # a4's question: a4 has no groups, so nothing to choose
    assert panel.detail.question_group.isHidden()


def test_a_new_group_takes_the_next_letter(qtbot: QtBot) -> None:
    """The walkthrough's case: the first group renamed "Africa", the second came as
    "Group A" again."""
    dialog = BreakoutGroupsDialog(ITEM, [BreakoutGroup("g", "a2", "Africa")], PEOPLE)
    qtbot.addWidget(dialog)
    dialog.add_group()
    assert [g.name for g in dialog.groups()] == ["Africa", "Group B"]
