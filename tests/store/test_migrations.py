"""Schema migrations: from a blank file, and from each earlier schema version."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.model import BreakoutGroup, Contribution
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


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6, 7])
def test_a_file_of_each_earlier_schema_is_upgraded_with_its_content(
    tmp_path: Path, version: int
) -> None:
    """Fixtures written by the code of each earlier schema (never regenerate them)."""
    path = tmp_path / "old.workshop"
    shutil.copy(Path(__file__).parent / "fixtures" / f"schema-v{version}.workshop", path)
    assert read_back(path, "PRAGMA user_version") == [(version,)]
    with Document.open(path) as doc:
        assert doc.workshop.get().title == "European Conversation"
        assert len(doc.contributions.list()) == 19
        # What later steps added works on the upgraded file.
        assert [h.contribution_id for h in doc.contributions.search("rabat")] == ["c09"]
        assert doc.run.settings().day_end is None
        doc.run.replan({}, "day-1", "16:30")  # held on the day (schema 6), not in run_state
        doc.drafts.save("capture:a2", "half a sentence")
        people = doc.participants.list()
        assert len(people) == 15
        assert all(p.job_title is None for p in people)
        doc.participants.update(people[0].id, job_title="Head of Unit")
    assert read_back(path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert read_back(path, "SELECT count(*) FROM participants WHERE job_title IS NULL") == [(14,)]
    assert read_back(
        path, "SELECT name FROM participants WHERE job_title = ?", ("Head of Unit",)
    ) == [(people[0].name,)]
    assert read_back(path, "SELECT day_end, (SELECT end_time FROM days) FROM run_state") == [
        (None, "16:30")
    ]
    assert read_back(path, "SELECT text FROM drafts") == [("half a sentence",)]
    assert read_back(path, "PRAGMA integrity_check") == [("ok",)]
    # Days (schema 6): the one day of the workshop, with its date, holds every item.
    assert read_back(path, "SELECT id, position, date, start_time FROM days") == [
        ("day-1", 0, "2017-09-21", "09:30")
    ]
    assert read_back(path, "SELECT DISTINCT day_id FROM agenda_items") == [("day-1",)]
    # Breakout groups (schema 7): none yet; one can be added, and what is said in it.
    with Document.open(path) as doc:
        doc.groups.add(BreakoutGroup("g1", "a2", "Group A: Africa", member_ids=("p01", "p02")))
        doc.contributions.record(
            Contribution("c-g1", "a2", "Said in group A.", participant_id="p01", group_id="g1")
        )
    assert read_back(path, "SELECT participant_id FROM group_members ORDER BY position") == [
        ("p01",),
        ("p02",),
    ]
    assert read_back(path, "SELECT group_id FROM contributions WHERE id = 'c-g1'") == [("g1",)]
    assert read_back(path, "PRAGMA foreign_key_check") == []
    # Minutes settings (schema 8): the defaults, and each can be set on the upgraded file.
    with Document.open(path) as doc:
        assert doc.workshop.get().anonymity_k == 3
        doc.workshop.set_public_names(["EU4Climate"])
        doc.workshop.update(document_reference="WS/1")
    assert read_back(
        path, "SELECT anonymity_k, public_names_confirmed, document_reference FROM workshop"
    ) == [(3, 1, "WS/1")]
    assert read_back(path, "SELECT name FROM public_names") == [("EU4Climate",)]


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6, 7])
def test_a_file_of_an_earlier_schema_is_read_without_being_changed(
    tmp_path: Path, version: int
) -> None:
    """Export and check read an older file as this version reads it (upgraded in memory),
    and leave the file, and its folder, exactly as they were."""
    from workshop_app.minutes import MinutesOptions, export_minutes
    from workshop_app.store.check import check_document

    path = tmp_path / "old.workshop"
    shutil.copy(Path(__file__).parent / "fixtures" / f"schema-v{version}.workshop", path)
    before = path.read_bytes()
    out = tmp_path / "out" / "minutes.md"
    out.parent.mkdir()
    export_minutes(path, MinutesOptions(), "md", out)
    assert "European Conversation" in out.read_text(encoding="utf-8")
    assert check_document(path) == []
    with Document.open(path, readonly=True) as doc:
        assert doc.workshop.get().anonymity_k == 3
        assert len(doc.record().contributions) == 19
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.workshop", "out"]
