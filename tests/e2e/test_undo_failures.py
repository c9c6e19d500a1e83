"""Undo after a failed write, one case at a time (issue 7, promise 8): the stories the state
machine in test_undo_state_machine.py tells, each reduced to its few steps."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tests.e2e.faults import FailingWrites, fresh_record
from workshop_app.domain.model import AgendaItem, Contribution, Participant
from workshop_app.errors import KnownError
from workshop_app.store import Document
from workshop_app.store.check import check_document
from workshop_app.store.errors import DiskFull
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.roster_panel import RosterPanel
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.session import Session


@contextlib.contextmanager
def open_session(path: Path) -> Iterator[tuple[Session, FailingWrites, list[Exception]]]:
    """A session on ``path`` whose writes can be made to fail; the errors it shows (the
    panels built on it stay hidden: only their edits are used)."""
    document = Document.open(path)
    writes = FailingWrites(document)
    session = Session(document)
    shown: list[Exception] = []
    session.edit_failed.connect(shown.append)
    try:
        yield session, writes, shown
    finally:
        session.close()


def test_a_failed_edit_keeps_what_could_be_redone(qapp: QApplication, workshop_path: Path) -> None:
    """Undo two edits, try a third on a full disk: nothing changed, so both can still be
    redone (the failed command must not cost the user their redo history)."""
    with open_session(workshop_path) as (session, writes, shown):
        agenda = AgendaPanel(session).edits
        assert agenda.add_item(AgendaItem(id="one", title="One"))
        assert agenda.add_item(AgendaItem(id="two", title="Two"))
        stack = session.undo_stack
        stack.undo()
        stack.undo()
        before = fresh_record(workshop_path)

        writes.arm(1)
        assert not agenda.add_item(AgendaItem(id="three", title="Three"))
        assert writes.disarm()
        assert [type(error) for error in shown] == [DiskFull]
        assert fresh_record(workshop_path) == before

        assert [stack.text(i) for i in range(stack.count())] == ["Add Item", "Add Item"]
        assert stack.index() == 0
        stack.redo()
        stack.redo()
        assert [item.id for item in fresh_record(workshop_path).agenda] == ["one", "two"]


def test_moving_someone_to_a_new_group_is_all_or_nothing(
    qapp: QApplication, workshop_path: Path
) -> None:
    """In the roster, typing a group the workshop does not have yet adds it to the
    workshop's list and moves the person, as one step in one transaction (so the first
    write failing is the only way it can fail); on a full disk neither happens and no step
    is left on the undo stack."""
    failing_write = 1
    with Document.open(workshop_path) as document:
        document.participants.add(Participant(id="a", name="A. Example"))
    with open_session(workshop_path) as (session, writes, shown):
        roster = RosterPanel(session)
        before = fresh_record(workshop_path)
        writes.arm(failing_write)
        assert not roster.update_participant("a", stakeholder_group="Academia")
        assert writes.disarm()
        assert [type(error) for error in shown] == [DiskFull]
        assert fresh_record(workshop_path) == before
        assert session.undo_stack.count() == 0


def test_a_failed_undo_of_a_move_to_a_new_group_changes_nothing(
    qapp: QApplication, workshop_path: Path
) -> None:
    """Undo of that step on a full disk: the person stays in the new group and the group
    stays on the workshop's list, and the stack does not claim the step undone."""
    with Document.open(workshop_path) as document:
        document.participants.add(Participant(id="a", name="A. Example"))
    with open_session(workshop_path) as (session, writes, shown):
        roster = RosterPanel(session)
        assert roster.update_participant("a", stakeholder_group="Academia")
        moved = fresh_record(workshop_path)
        stack = session.undo_stack
        writes.arm(1)
        stack.undo()
        assert writes.disarm()
        assert [type(error) for error in shown] == [DiskFull]
        assert fresh_record(workshop_path) == moved
        # Still done: at the top of the stack, or dropped as a single failed undo is.
        assert stack.index() == stack.count()


def test_redo_after_a_failed_redo_never_shows_a_bug(
    qapp: QApplication, workshop_path: Path
) -> None:
    """Add an item, record on it, undo both; the redo of the item fails on a full disk.
    Redo again: the contribution cannot come back without its item, and the user must be
    told so in words (or not be offered that redo at all), never shown a bug."""
    with open_session(workshop_path) as (session, writes, shown):
        agenda = AgendaPanel(session).edits
        run = RunPage(session).edits
        assert agenda.add_item(AgendaItem(id="x", title="Migration"))
        assert run.record(Contribution(id="cx", agenda_item_id="x", text="Said on X."))
        stack = session.undo_stack
        stack.undo()
        stack.undo()
        before = fresh_record(workshop_path)
        writes.arm(1)
        stack.redo()
        assert writes.disarm()
        stack.redo()
        assert [e for e in shown if not isinstance(e, KnownError)] == []
        assert isinstance(shown[0], DiskFull)
        assert fresh_record(workshop_path) == before
        assert check_document(workshop_path) == []


def test_undo_after_a_failed_undo_never_shows_a_bug(
    qapp: QApplication, workshop_path: Path
) -> None:
    """Delete the last item, add another (it takes the deleted one's place in the file),
    then undo twice on a full disk: the first undo fails and stays done; the second puts
    the deleted item back beside the new one, or says in words why it cannot."""
    with Document.open(workshop_path) as document:
        document.agenda.add_item(AgendaItem(id="s", title="Partnerships"))
        document.agenda.add_item(AgendaItem(id="t", title="Wrap-up"))
    with open_session(workshop_path) as (session, writes, shown):
        agenda = AgendaPanel(session).edits
        assert agenda.delete_item("t")
        assert agenda.add_item(AgendaItem(id="y", title="Lunch"))
        stack = session.undo_stack
        writes.arm(1)
        stack.undo()
        assert writes.disarm()
        stack.undo()
        assert isinstance(shown[0], DiskFull)
        assert [e for e in shown if not isinstance(e, KnownError)] == []
        assert check_document(workshop_path) == []


def test_undo_gives_back_a_name_as_it_was(qapp: QApplication, workshop_path: Path) -> None:
    """A name that came in untrimmed (an interchange file, the store's add): renamed, then
    undone, it is the name from before the rename again."""
    with open_session(workshop_path) as (session, _writes, shown):
        roster = RosterPanel(session).edits
        agenda = AgendaPanel(session).edits
        assert roster.add(Participant(id="a", name="Anna Example "))
        assert agenda.add_item(AgendaItem(id="x", title=" Opening"))
        before = fresh_record(workshop_path)
        assert roster.update("a", name="Bea Sample")
        assert agenda.update_item("x", title="Welcome")
        session.undo_stack.undo()
        session.undo_stack.undo()
        after = fresh_record(workshop_path)
        assert shown == []
        assert [p.name for p in after.participants] == [p.name for p in before.participants]
        assert [i.title for i in after.agenda] == [i.title for i in before.agenda]
