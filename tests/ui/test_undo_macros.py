"""Several changes made by one gesture are one undo step (``Editor.macro``) and, for selected
rows, one transaction; a gesture that changes nothing leaves the undo stack as it was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from tests.conftest import read_back
from tests.ui.test_consensus_list import minutes_page
from tests.ui.test_run_consensus import page, select_in_feed
from workshop_app.domain.model import AgendaItem, ConsensusPoint, ConsensusStatus, Contribution
from workshop_app.errors import KnownError
from workshop_app.store.agenda import AgendaStore
from workshop_app.store.errors import DiskFull
from workshop_app.ui import dialogs
from workshop_app.ui.edits.prepare_edits import AgendaEdits
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage

__all__ = ["page"]  # the Run page on the demo's running item (a fixture)

POINT = ConsensusPoint(
    id="k9",
    agenda_item_id="a2",
    text="Partners set the priorities.",
    supporting_contribution_ids=("c03", "c04"),
)


def path_of(window: MainWindow) -> Path:
    assert window.session is not None
    return window.session.path


def stack_of(window: MainWindow) -> QUndoStack:
    assert window.session is not None
    return window.session.undo_stack


def commits(window: MainWindow) -> list[object]:
    """One entry per transaction committed from now on."""
    assert window.session is not None
    seen: list[object] = []
    window.session.changed.connect(seen.append)
    return seen


def answer_with(monkeypatch: pytest.MonkeyPatch, change: dict[str, object]) -> None:
    """The point's dialog returns the point with ``change`` (nothing: as it was)."""

    def edit(
        _parent: object,
        _item: object,
        point: ConsensusPoint,
        _supporting: list[Contribution],
        _describe: dict[str, str],
        _draft: object = None,
    ) -> ConsensusPoint:
        return dataclasses.replace(point, **change)  # type: ignore[arg-type]

    monkeypatch.setattr(dialogs, "edit_consensus_point", edit)


def test_editing_a_point_in_the_run_view_without_a_change_leaves_no_undo_step(
    page: RunPage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.outcomes.record_point(POINT)
    stack = stack_of(window)
    before = stack.count()
    answer_with(monkeypatch, {})
    page.consensus.edit_requested.emit("k9")
    assert stack.count() == before
    assert window.undo_action.text() == "&Undo Record Consensus Point"


def test_editing_a_point_in_the_minutes_without_a_change_leaves_no_undo_step(
    page: RunPage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert page.outcomes.record_point(POINT)
    panel = minutes_page(window).consensus
    assert panel.select("k9")
    stack = stack_of(window)
    before = stack.count()
    answer_with(monkeypatch, {})
    panel.edit_action.trigger()
    assert stack.count() == before


def test_a_point_edited_in_the_run_view_is_one_step_undone_and_redone_in_the_file(
    page: RunPage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text, status and a link taken off: one step named for the edit; one Undo takes back
    all three, in the file."""
    path = path_of(window)
    assert page.outcomes.record_point(POINT)
    stack = stack_of(window)
    before = stack.count()
    answer_with(
        monkeypatch,
        {
            "text": "Partners set the priorities, and the timing.",
            "status": ConsensusStatus.AGREED,
            "supporting_contribution_ids": ("c03",),
        },
    )
    page.consensus.edit_requested.emit("k9")
    assert stack.count() == before + 1
    assert window.undo_action.text() == "&Undo Edit Consensus Point"
    point = "SELECT text, status FROM consensus_points WHERE id = 'k9'"
    links = "SELECT contribution_id FROM consensus_support WHERE consensus_id = 'k9' ORDER BY 1"
    assert read_back(path, point) == [("Partners set the priorities, and the timing.", "agreed")]
    assert read_back(path, links) == [("c03",)]
    window.undo_action.trigger()
    assert read_back(path, point) == [("Partners set the priorities.", "proposed")]
    assert read_back(path, links) == [("c03",), ("c04",)]
    window.redo_action.trigger()
    assert read_back(path, point) == [("Partners set the priorities, and the timing.", "agreed")]
    assert read_back(path, links) == [("c03",)]


def test_deleting_three_selected_contributions_is_one_undo_and_one_transaction(
    page: RunPage, window: MainWindow
) -> None:
    path = path_of(window)
    chosen = "SELECT id FROM contributions WHERE id IN ('c03', 'c04', 'c05') ORDER BY id"
    stack = stack_of(window)
    before = stack.count()
    select_in_feed(page, "c03", "c04", "c05")
    committed = commits(window)
    page.capture.delete_action.trigger()
    assert len(committed) == 1
    assert read_back(path, chosen) == []
    assert stack.count() == before + 1
    assert window.undo_action.text() == "&Undo Delete 3 Contributions"
    window.undo_action.trigger()
    assert len(committed) == 2
    assert read_back(path, chosen) == [("c03",), ("c04",), ("c05",)]


def test_toggling_the_highlight_of_three_selected_contributions_is_one_undo_and_one_transaction(
    page: RunPage, window: MainWindow
) -> None:
    path = path_of(window)
    marked = "SELECT id, highlight FROM contributions WHERE id IN ('c03', 'c04', 'c05') ORDER BY id"
    assert read_back(path, marked) == [("c03", 1), ("c04", 1), ("c05", 0)]  # as the demo has it
    stack = stack_of(window)
    before = stack.count()
    select_in_feed(page, "c03", "c04", "c05")
    committed = commits(window)
    page.capture.highlight_action.trigger()
    assert len(committed) == 1
    assert read_back(path, marked) == [("c03", 0), ("c04", 0), ("c05", 1)]  # each one toggled
    assert stack.count() == before + 1
    assert window.undo_action.text() == "&Undo Toggle Highlights"
    window.undo_action.trigger()
    assert read_back(path, marked) == [("c03", 1), ("c04", 1), ("c05", 0)]


# -- the door itself ------------------------------------------------------------------------


def titles(path: Path) -> list[object]:
    return [r[0] for r in read_back(path, "SELECT title FROM agenda_items ORDER BY position")]


def test_a_macro_is_one_step_for_several_edits_its_own_for_one_and_none_for_none(
    opened: MainWindow, workshop_path: Path
) -> None:
    session = opened.session
    assert session is not None
    edits = AgendaEdits(session.editor, session.agenda)
    stack = session.undo_stack
    with session.editor.macro("Nothing"):
        pass
    assert stack.count() == 0
    with session.editor.macro("Plan"):
        assert edits.add_item(AgendaItem(id="a", title="Opening"))
    assert opened.undo_action.text() == "&Undo Add Item"  # one edit keeps its own name
    with session.editor.macro("Plan the Morning"):
        assert edits.add_item(AgendaItem(id="b", title="Partnerships"))
        with session.editor.macro("Inner"):  # joins the outer one
            assert edits.update_item("a", title="Welcome")
    assert stack.count() == 2
    assert opened.undo_action.text() == "&Undo Plan the Morning"
    assert titles(workshop_path) == ["Welcome", "Partnerships"]
    opened.undo_action.trigger()
    assert titles(workshop_path) == ["Opening"]
    opened.redo_action.trigger()
    assert titles(workshop_path) == ["Welcome", "Partnerships"]


def test_a_macro_keeps_what_was_done_before_a_step_failed_and_a_failed_undo_drops_it(
    opened: MainWindow,
    workshop_path: Path,
    errors: list[KnownError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = opened.session
    assert session is not None
    edits = AgendaEdits(session.editor, session.agenda)

    def full_disk(self: AgendaStore, *args: object, **kwargs: object) -> None:
        raise DiskFull(workshop_path)

    with session.editor.macro("Plan the Morning"):
        assert edits.add_item(AgendaItem(id="a", title="Opening"))
        assert edits.add_item(AgendaItem(id="b", title="Partnerships"))
        monkeypatch.setattr(AgendaStore, "move_item", full_disk)
        assert not edits.move_item("b", 0)
    assert [type(e) for e in errors] == [DiskFull]
    assert titles(workshop_path) == ["Opening", "Partnerships"]  # the undo equals the file
    assert session.undo_stack.count() == 1
    monkeypatch.setattr(AgendaStore, "delete_item", full_disk)
    opened.undo_action.trigger()
    assert session.undo_stack.count() == 0  # dropped, not left doing nothing
    assert titles(workshop_path) == ["Opening", "Partnerships"]
