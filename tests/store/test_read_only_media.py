"""A workshop on read-only media (a locked USB stick, a CD, a read-only share) is read, not refused.

Tests run as root, for whom permissions refuse nothing, so the medium's refusals are played by
patching what SQLite and the lock see; the same calls were checked on a real read-only mount.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from workshop_app.store import Document, connection
from workshop_app.store.check import check_document
from workshop_app.store.errors import ReadOnlyDocument


@pytest.fixture
def copied_while_open(demo_path: Path, tmp_path: Path) -> Path:
    """A copy of the main file made while the app had it open: still flagged WAL, no -wal."""
    with Document.open(demo_path) as doc:
        doc.workshop.update(venue="Written before the copy")
        target = tmp_path / "stick" / "demo.workshop"
        target.parent.mkdir()
        shutil.copyfile(demo_path, target)
    assert target.read_bytes()[18] == 2  # WAL mode in the header
    return target


@pytest.fixture
def read_only_medium(monkeypatch: pytest.MonkeyPatch, copied_while_open: Path) -> Path:
    """SQLite cannot make the -shm a WAL file needs: what a read-only medium answers."""
    real_connect = sqlite3.connect

    def connect(database: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(copied_while_open) in str(database) and "immutable=1" not in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(connection.sqlite3, "connect", connect)
    return copied_while_open


def test_a_copy_on_read_only_media_opens_for_reading(read_only_medium: Path) -> None:
    with Document.open(read_only_medium, readonly=True) as doc:
        assert doc.workshop.get().venue == "Written before the copy"
    assert check_document(read_only_medium) == []
    assert not Path(f"{read_only_medium}-wal").exists()


def test_opening_for_writing_on_read_only_media_says_read_only(
    monkeypatch: pytest.MonkeyPatch, demo_path: Path
) -> None:
    def refuse(self: FileLock, *args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(FileLock, "acquire", refuse)
    with pytest.raises(ReadOnlyDocument):
        Document.open(demo_path)


def test_opening_on_a_full_disk_says_so_and_reading_still_works(
    monkeypatch: pytest.MonkeyPatch, demo_path: Path
) -> None:
    """Opening for editing makes the -wal and -shm beside the file: a full disk refuses them."""
    from workshop_app.store.errors import DiskFull

    real_configure = connection.configure

    def configure(conn: sqlite3.Connection, *, readonly: bool = False) -> Any:
        if not readonly:
            raise sqlite3.OperationalError("database or disk is full")
        return real_configure(conn, readonly=readonly)

    monkeypatch.setattr(connection, "configure", configure)
    before = demo_path.read_bytes()
    with pytest.raises(DiskFull, match="cannot be opened for editing"):
        Document.open(demo_path)
    assert demo_path.read_bytes() == before
    with Document.open(demo_path, readonly=True) as doc:  # export and check still read it
        assert doc.workshop.get().title == "European Conversation"
