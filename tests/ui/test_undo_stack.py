"""The undo stack never holds an edit that did not happen."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.errors import KnownError
from workshop_app.store.agenda import AgendaStore
from workshop_app.store.errors import DiskFull
from workshop_app.ui.edits.prepare_edits import AgendaEdits
from workshop_app.ui.main_window import MainWindow


def test_failed_write_is_told_and_leaves_no_command(
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

    monkeypatch.setattr(AgendaStore, "add_item", full_disk)
    from workshop_app.domain.model import AgendaItem

    assert not edits.add_item(AgendaItem(id="a", title="Opening"))
    assert session.undo_stack.count() == 0
    assert not opened.undo_action.isEnabled()
    assert [type(e) for e in errors] == [DiskFull]
    assert "disk" in errors[0].message and "full" in errors[0].message
    assert read_back(workshop_path, "SELECT count(*) FROM agenda_items") == [(0,)]


def test_failed_undo_drops_the_command_and_says_why(
    opened: MainWindow,
    workshop_path: Path,
    errors: list[KnownError],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    session = opened.session
    assert session is not None
    edits = AgendaEdits(session.editor, session.agenda)
    from workshop_app.domain.model import AgendaItem

    assert edits.add_item(AgendaItem(id="a", title="Opening"))
    assert session.undo_stack.count() == 1

    def full_disk(self: AgendaStore, *args: object, **kwargs: object) -> None:
        raise DiskFull(workshop_path)

    monkeypatch.setattr(AgendaStore, "delete_item", full_disk)
    opened.undo_action.trigger()
    assert session.undo_stack.count() == 0
    assert [type(e) for e in errors] == [DiskFull]
    assert read_back(workshop_path, "SELECT title FROM agenda_items") == [("Opening",)]
