"""A workshop file is data, never code: crafted files are refused before anything runs.

Each probe is built by the test from the demo workshop with a plain sqlite3 connection, as
someone crafting a file to mail around would.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import read_back
from tests.security.helpers import run_cli
from workshop_app.domain.model import Contribution, new_id
from workshop_app.store import Document
from workshop_app.store.check import check_document
from workshop_app.store.errors import AlreadyOpen, ForeignSchema, HardLinked
from workshop_app.store.recover import recover


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def craft(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, as mailed
    finally:
        conn.close()


PROBES: dict[str, tuple[str, ...]] = {
    "a trigger that deletes what was said": (
        "CREATE TRIGGER wipe AFTER INSERT ON contributions "
        "BEGIN DELETE FROM contributions WHERE id != NEW.id; END",
    ),
    "a trigger that rewrites what was said": (
        "CREATE TRIGGER rewrite AFTER UPDATE ON contributions "
        "BEGIN UPDATE contributions SET text = 'We all agree' WHERE id = NEW.id; END",
    ),
    "a hidden table collecting e-mails": (
        "CREATE TABLE collected (name TEXT, email TEXT)",
        "CREATE TRIGGER harvest AFTER UPDATE ON participants "
        "BEGIN INSERT INTO collected VALUES (NEW.name, NEW.email); END",
    ),
    "a view in place of the participants": (
        "PRAGMA foreign_keys = OFF",
        "ALTER TABLE participants RENAME TO participants_real",
        "CREATE VIEW participants AS SELECT seq, id, 'Invented Person' AS name, title, "
        "organisation, stakeholder_group, country, email, role, present "
        "FROM participants_real",
    ),
    "a column whose type was changed": (
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_schema SET sql = replace(sql, 'email TEXT', 'email ANY') "
        "WHERE name = 'participants'",
    ),
    "a dropped drafts table": ("DROP TABLE drafts",),
}


@pytest.mark.parametrize("probe", list(PROBES))
def test_a_file_with_parts_we_never_write_is_refused_untouched(probe: str, demo_path: Path) -> None:
    craft(demo_path, *PROBES[probe])
    before = digest(demo_path)
    with pytest.raises(ForeignSchema) as refused:
        Document.open(demo_path)
    assert "not a file this version of Workshop App wrote" in refused.value.message
    with pytest.raises(ForeignSchema):
        Document.open(demo_path, readonly=True)  # not even exported from
    assert digest(demo_path) == before
    assert not Path(f"{demo_path}-wal").exists()
    findings = check_document(demo_path)
    assert findings and all(f.damaged for f in findings)
    assert digest(demo_path) == before


def test_check_names_every_difference(demo_path: Path) -> None:
    craft(
        demo_path, *PROBES["a hidden table collecting e-mails"], *PROBES["a dropped drafts table"]
    )
    texts = [f.text for f in check_document(demo_path)]
    assert any("table 'collected'" in t for t in texts)
    assert any("trigger 'harvest'" in t for t in texts)
    assert any("'drafts' is missing" in t for t in texts)


def test_the_trigger_never_runs_and_recovery_copies_data_only(
    demo_path: Path, tmp_path: Path
) -> None:
    said = read_back(demo_path, "SELECT count(*) FROM contributions")[0][0]
    craft(demo_path, *PROBES["a trigger that deletes what was said"])
    with pytest.raises(ForeignSchema):
        Document.open(demo_path)
    target = tmp_path / "recovered.workshop"
    recover(demo_path, target)
    assert read_back(target, "SELECT name FROM sqlite_schema WHERE type = 'trigger'") == []
    assert read_back(target, "SELECT count(*) FROM contributions") == [(said,)]
    with Document.open(target) as doc:  # the recovered file is ours again, and works
        item = doc.agenda.items()[0].id
        doc.contributions.record(Contribution(id=new_id(), agenda_item_id=item, text="New"))
    assert read_back(target, "SELECT count(*) FROM contributions") == [(said + 1,)]


def test_recovery_never_takes_names_from_a_view(demo_path: Path, tmp_path: Path) -> None:
    craft(demo_path, *PROBES["a view in place of the participants"])
    target = tmp_path / "recovered.workshop"
    report = recover(demo_path, target)
    names = [row[0] for row in read_back(target, "SELECT name FROM participants")]
    assert "Invented Person" not in names
    assert "participants" in report.damaged


CHECKS_OFF: dict[str, tuple[str, str]] = {
    "a role the format does not have": (
        "UPDATE participants SET role = 'emperor' WHERE seq = 1",
        "CHECK constraint failed: role",
    ),
    "a second workshop row": (
        "INSERT INTO workshop (singleton, title) VALUES (2, 'Another')",
        "CHECK constraint failed: singleton = 1",
    ),
}


@pytest.mark.parametrize("probe", list(CHECKS_OFF))
def test_values_written_with_checks_off_are_found_and_said(
    probe: str, demo_path: Path, tmp_path: Path
) -> None:
    statement, expected = CHECKS_OFF[probe]
    craft(demo_path, "PRAGMA ignore_check_constraints = ON", statement)
    findings = check_document(demo_path)
    assert any(expected in f.text and f.damaged for f in findings), findings
    checked = run_cli("check", str(demo_path), cwd=tmp_path)
    assert checked.returncode == 1
    assert expected in checked.stdout + checked.stderr
    exported = run_cli("export", str(demo_path), "--format", "md", "-o", "-", cwd=tmp_path)
    assert "Traceback" not in exported.stderr
    assert exported.returncode == 0 or exported.stderr.count("\n") == 1  # a line, not a crash


def test_an_emperor_is_refused_in_words_on_export(demo_path: Path, tmp_path: Path) -> None:
    statement, _ = CHECKS_OFF["a role the format does not have"]
    craft(demo_path, "PRAGMA ignore_check_constraints = ON", statement)
    exported = run_cli("export", str(demo_path), "--format", "md", "-o", "-", cwd=tmp_path)
    assert exported.returncode == 1
    assert "does not allow (a role of 'emperor')" in exported.stderr
    assert "Traceback" not in exported.stderr


def test_a_symbolic_link_is_the_same_document(demo_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "shortcut.workshop"
    link.symlink_to(demo_path)
    with Document.open(demo_path), pytest.raises(AlreadyOpen):
        Document.open(link)
    with Document.open(link) as doc:
        assert doc.path == demo_path.resolve()
        doc.workshop.update(venue="Through the link")
        assert Path(f"{demo_path}-wal").exists()  # the journal sits beside the file itself
        assert not Path(f"{link}-wal").exists()
    assert read_back(demo_path, "SELECT venue FROM workshop") == [("Through the link",)]


def test_a_hard_linked_file_is_not_written_through_either_name(
    demo_path: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other-name.workshop"
    os.link(demo_path, other)
    before = digest(demo_path)
    for name in (demo_path, other):
        with pytest.raises(HardLinked):
            Document.open(name)
    assert digest(demo_path) == before
    with Document.open(other, readonly=True) as doc:  # reading (export, check) still works
        assert doc.workshop.get().title == "European Conversation"


def fail_in_the_last_step(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    from workshop_app.store import schema

    last = schema.migrations._migrations[-1]
    original = last.fn

    def broken(db: object) -> None:
        original(db)  # type: ignore[arg-type]
        raise sqlite3.OperationalError("disk I/O error in the middle of an upgrade")

    monkeypatch.setattr(last, "fn", broken)
    return lambda: monkeypatch.setattr(last, "fn", original)


def test_a_failed_upgrade_leaves_the_old_file_exactly_as_it_was(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fixture = Path(__file__).parents[1] / "store" / "fixtures" / "schema-v1.workshop"
    old = tmp_path / "old.workshop"
    old.write_bytes(fixture.read_bytes())
    before = digest(old)
    restore = fail_in_the_last_step(monkeypatch)
    with pytest.raises(Exception) as failed:
        Document.open(old)
    assert not isinstance(failed.value, ForeignSchema)
    assert digest(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.workshop"]  # no leftovers
    restore()
    with Document.open(old) as doc:  # and it upgrades once the step works
        assert doc.workshop.get().title


def test_a_read_only_check_leaves_nothing_beside_the_file(demo_path: Path, tmp_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.workshop.update(venue="Copied while open")
        copy = tmp_path / "mailed" / "copy.workshop"
        copy.parent.mkdir()
        copy.write_bytes(demo_path.read_bytes())
    assert check_document(copy) == []
    assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.workshop"]
