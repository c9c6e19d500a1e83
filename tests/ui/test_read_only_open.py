"""A file that cannot be written is offered for reading: read, export, save a copy; no edit."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.errors import KnownError
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def hard_linked(demo_path: Path, tmp_path: Path) -> Path:
    """A file Workshop App will not write to (a second name on the disk), as root can test."""
    os.link(demo_path, tmp_path / "second-name.workshop")
    return demo_path


def test_a_file_that_cannot_be_written_opens_read_only_on_request(
    window: MainWindow,
    hard_linked: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[KnownError],
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, question: str, _detail: str, action: str) -> bool:
        asked.append(action)
        return action == "Open Read-Only"

    monkeypatch.setattr(dialogs, "confirm", confirm)
    before = digest(hard_linked)
    assert window.open_path(hard_linked)
    assert asked == ["Open Read-Only"]
    assert window.session is not None and window.session.readonly
    assert "(read-only)" in window.windowTitle()
    assert window.status.saved_label.text() == "Read-only: changes are not saved"
    for mode in ("prepare", "run", "minutes"):
        window.show_mode(mode)
    assert errors == []  # showing every mode writes nothing

    # An edit is refused in words (the store says read-only) and the file is unchanged.
    with pytest.raises(KnownError, match=r"read-only|will not write"):
        window.session.workshop.update(venue="Not saved")
    copy = tmp_path / "copy.workshop"
    monkeypatch.setattr(dialogs, "ask_new_path", lambda *_a: copy)
    window.safety.save_copy()
    assert read_back(copy, "SELECT title FROM workshop") == [("European Conversation",)]
    window.close_workshop()
    assert digest(hard_linked) == before


def test_declining_keeps_what_was_open(
    window: MainWindow, hard_linked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: False)
    assert not window.open_path(hard_linked)
    assert window.session is None


def test_a_file_on_a_full_disk_is_offered_for_reading(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from workshop_app.store import connection

    real_configure = connection.configure

    def full_disk(conn: sqlite3.Connection, *, readonly: bool = False) -> object:
        if not readonly:  # the -wal and -shm cannot be made beside the file
            raise sqlite3.OperationalError("database or disk is full")
        return real_configure(conn, readonly=readonly)

    monkeypatch.setattr(connection, "configure", full_disk)
    asked: list[str] = []

    def confirm(_parent: object, question: str, _detail: str, action: str) -> bool:
        asked.append(question)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    assert window.open_path(demo_path)
    assert window.session is not None and window.session.readonly
    assert "is full" in asked[0]
