"""Schema migrations: from a blank file, and from each earlier schema version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import read_back
from workshop_app.store import Document
from workshop_app.store.schema import APPLICATION_ID, SCHEMA_VERSION, migrations


def test_every_step_is_named_in_order() -> None:
    names = [m.name for m in migrations._migrations]
    assert names == sorted(names)
    assert all(name.startswith("m") and name[1:4].isdigit() for name in names)
    assert len(names) == SCHEMA_VERSION


def test_a_stamped_blank_file_is_brought_to_the_current_schema(tmp_path: Path) -> None:
    """Version 0: our application id, no tables (the state before the first step)."""
    path = tmp_path / "blank.workshop"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()
    with Document.open(path) as doc:
        tables = {r["name"] for r in doc.db.query("SELECT name FROM sqlite_master")}
    assert {"workshop", "participants", "agenda_items", "contributions", "actions"} <= tables
    assert read_back(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    applied = read_back(path, "SELECT name FROM _sqlite_migrations ORDER BY id")
    assert [r[0] for r in applied] == [m.name for m in migrations._migrations]


def test_a_current_file_is_not_migrated_again(workshop_path: Path) -> None:
    before = read_back(workshop_path, "SELECT name, applied_at FROM _sqlite_migrations")
    Document.open(workshop_path).close()
    assert read_back(workshop_path, "SELECT name, applied_at FROM _sqlite_migrations") == before
