"""The document's promises: PRAGMAs, one transaction per edit, refusals that change nothing."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.model import Workshop
from workshop_app.store import Change, ChangeKind, Document, Entity
from workshop_app.store.errors import (
    AlreadyOpen,
    DamagedDocument,
    DocumentExists,
    DocumentNotFound,
    NotAWorkshop,
    NotSQLite,
    ReadOnlyDocument,
    TooNew,
)
from workshop_app.store.schema import APPLICATION_ID, SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_connection_has_the_promised_pragmas(document: Document) -> None:
    pragma = {
        name: document.db.execute(f"PRAGMA {name}").fetchone()[0]
        for name in (
            "journal_mode",
            "synchronous",
            "foreign_keys",
            "trusted_schema",
            "application_id",
            "user_version",
        )
    }
    assert pragma == {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "trusted_schema": 0,
        "application_id": APPLICATION_ID,
        "user_version": SCHEMA_VERSION,
    }
    assert not document.db.conn.in_transaction


def test_created_file_is_self_contained(workshop_path: Path) -> None:
    """A new file has no WAL beside it, so it can be copied or mailed at once."""
    assert not Path(f"{workshop_path}-wal").exists()
    assert read_back(workshop_path, "PRAGMA application_id") == [(APPLICATION_ID,)]


def test_workshop_update_is_on_disk_when_it_returns(document: Document) -> None:
    document.workshop.update(title="Renamed", venue="Brussels", subtitle="")
    assert read_back(document.path, "SELECT title, venue, subtitle FROM workshop") == [
        ("Renamed", "Brussels", None)
    ]
    assert not document.db.conn.in_transaction


def test_stakeholder_groups_edits_are_on_disk(document: Document) -> None:
    document.workshop.set_stakeholder_groups(["EU institutions", "Civil society", "Partners"])
    assert read_back(document.path, "SELECT name FROM stakeholder_groups ORDER BY position") == [
        ("EU institutions",),
        ("Civil society",),
        ("Partners",),
    ]


def test_renaming_a_group_moves_its_participants(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.workshop.rename_stakeholder_group("Civil society", "Civil society organisations")
    assert read_back(
        demo_path, "SELECT count(*) FROM participants WHERE stakeholder_group = 'Civil society'"
    ) == [(0,)]
    assert read_back(
        demo_path,
        "SELECT count(*) FROM participants WHERE stakeholder_group = 'Civil society organisations'",
    ) == [(4,)]
    assert ("Civil society organisations",) in read_back(
        demo_path, "SELECT name FROM stakeholder_groups"
    )


def test_empty_title_is_refused_and_nothing_changes(document: Document) -> None:
    with pytest.raises(ValueError):
        document.workshop.update(title="  ".strip())
    assert read_back(document.path, "SELECT title FROM workshop") == [("Test workshop",)]


def test_listeners_hear_committed_changes_only(document: Document) -> None:
    heard: list[tuple[Change, ...]] = []
    document.subscribe(lambda changes: heard.append(tuple(changes)))
    document.workshop.update(venue="Brussels")
    with pytest.raises(ValueError):
        document.workshop.update(title="")
    assert heard == [(Change(Entity.WORKSHOP, ChangeKind.UPDATED),)]


def test_a_failed_write_rolls_back_everything(document: Document) -> None:
    with pytest.raises(sqlite3.IntegrityError), document.write() as tx:
        tx.db.execute("UPDATE workshop SET venue = 'Half-done'")
        tx.db.execute(
            "INSERT INTO guiding_questions (id, agenda_item_id, position, text) "
            "VALUES ('q', 'no-such-item', 0, 'Orphan?')"
        )
    assert read_back(document.path, "SELECT venue FROM workshop") == [(None,)]
    assert not document.db.conn.in_transaction


@pytest.mark.parametrize(
    ("sql", "params"),
    [
        (
            "INSERT INTO guiding_questions (id, agenda_item_id, position, text) VALUES (?,?,?,?)",
            ("q1", "missing", 0, "Q?"),
        ),
        (
            "INSERT INTO contributions (id, agenda_item_id, text) VALUES (?,?,?)",
            ("c1", "missing", "Text"),
        ),
        (
            "INSERT INTO speeches (id, participant_id, agenda_item_id) VALUES (?,?,?)",
            ("s1", "nobody", "missing"),
        ),
        (
            "INSERT INTO actions (id, text, owner_participant_id) VALUES (?,?,?)",
            ("x1", "Do it", "nobody"),
        ),
    ],
)
def test_foreign_key_violations_raise(
    document: Document, sql: str, params: tuple[str, ...]
) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), document.write() as tx:
        tx.db.execute(sql, params)


def test_opening_never_creates_a_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo.workshop"
    with pytest.raises(DocumentNotFound):
        Document.open(missing)
    assert not missing.exists()


def test_not_sqlite_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.workshop"
    path.write_text("These are my notes, not a database.\n" * 50)
    before = digest(path)
    with pytest.raises(NotSQLite, match="not an SQLite database"):
        Document.open(path)
    assert digest(path) == before


def test_empty_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "empty.workshop"
    path.write_bytes(b"")
    with pytest.raises(NotSQLite):
        Document.open(path)
    assert path.read_bytes() == b""


def test_foreign_sqlite_file_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.workshop"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
    conn.execute("INSERT INTO invoices (amount) VALUES (12.5)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAWorkshop):
        Document.open(path)
    assert digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_newer_file_is_refused_unchanged(workshop_path: Path) -> None:
    conn = sqlite3.connect(workshop_path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(workshop_path)
    with pytest.raises(TooNew, match="newer version"):
        Document.open(workshop_path)
    assert digest(workshop_path) == before


def test_damaged_file_is_refused_unchanged(demo_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # Scribble over the second page (a b-tree page of the schema's tables).
    data[page_size : page_size + 64] = b"\xff" * 64
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)
    with pytest.raises(DamagedDocument, match="damaged"):
        Document.open(demo_path)
    assert digest(demo_path) == before


def test_truncated_file_is_refused_unchanged(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    before = digest(demo_path)
    with pytest.raises(DamagedDocument):
        Document.open(demo_path)
    assert digest(demo_path) == before


def test_second_open_in_the_same_process_is_refused(document: Document) -> None:
    with pytest.raises(AlreadyOpen, match="already open"):
        Document.open(document.path)
    document.workshop.update(venue="Still writable")
    assert read_back(document.path, "SELECT venue FROM workshop") == [("Still writable",)]


def test_second_process_is_refused_while_the_first_holds_it(document: Document) -> None:
    code = (
        "import sys\n"
        "from workshop_app.store import Document\n"
        "from workshop_app.store.errors import AlreadyOpen\n"
        "try:\n"
        "    Document.open(sys.argv[1])\n"
        "except AlreadyOpen as e:\n"
        "    print('refused:', e.message); sys.exit(3)\n"
        "sys.exit(0)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(document.path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 3, result.stderr
    assert "already open" in result.stdout


def test_lock_is_released_on_close_and_when_a_process_dies(workshop_path: Path) -> None:
    Document.open(workshop_path).close()
    # A process that dies holding the file must not leave it locked.
    code = (
        "import os, sys\n"
        "from workshop_app.store import Document\n"
        "Document.open(sys.argv[1])\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code, str(workshop_path)], timeout=60, check=False)
    with Document.open(workshop_path) as doc:
        assert doc.workshop.get().title == "Test workshop"


def test_readonly_open_refuses_writes(workshop_path: Path) -> None:
    before = digest(workshop_path)
    with Document.open(workshop_path, readonly=True) as doc:
        assert doc.workshop.get().title == "Test workshop"
        with pytest.raises(ReadOnlyDocument):
            doc.workshop.update(title="No")
    assert digest(workshop_path) == before


def test_create_refuses_to_replace_without_overwrite(workshop_path: Path) -> None:
    before = digest(workshop_path)
    with pytest.raises(DocumentExists):
        Document.create(workshop_path, Workshop(title="Other"))
    assert digest(workshop_path) == before


def test_overwrite_replaces_whole_file_and_drops_its_stale_wal(workshop_path: Path) -> None:
    stale_wal = Path(f"{workshop_path}-wal")
    stale_wal.write_bytes(b"junk from a crashed session")
    Document.create(workshop_path, Workshop(title="Replacement"), overwrite=True).close()
    assert read_back(workshop_path, "SELECT title FROM workshop") == [("Replacement",)]


def test_overwrite_of_a_file_open_elsewhere_is_refused(document: Document) -> None:
    before = digest(document.path)
    with pytest.raises(AlreadyOpen):
        Document.create(document.path, Workshop(title="Clobber"), overwrite=True)
    assert digest(document.path) == before


def test_a_failed_creation_leaves_no_file(tmp_path: Path) -> None:
    path = tmp_path / "new.workshop"
    with pytest.raises(sqlite3.IntegrityError):
        Document.create(path, Workshop(title=""))
    assert list(tmp_path.iterdir()) == []


def test_new_files_get_ordinary_permissions(tmp_path: Path) -> None:
    """Not the private 0600 of a temporary file: a workshop is shared like any document."""
    import os

    old = os.umask(0o022)
    try:
        path = tmp_path / "shared.workshop"
        Document.create(path, Workshop(title="Shared")).close()
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
