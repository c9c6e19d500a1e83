"""Backups, recovery from damage, drafts and risky locations, in the store."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.model import Contribution
from workshop_app.store import Document
from workshop_app.store.backup import list_backups, make_backup, restore_backup, rotate, save_copy
from workshop_app.store.errors import DamagedDocument, DocumentExists
from workshop_app.store.location import risky_location
from workshop_app.store.recover import recover


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_backup_of_a_live_file_includes_what_is_only_in_its_wal(
    demo_path: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    with Document.open(demo_path) as doc:
        reader = sqlite3.connect(f"file:{demo_path}?mode=ro", uri=True)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM workshop").fetchone()  # holds the main file back
        doc.workshop.update(venue="Only in the WAL so far")
        assert not doc.settled
        made = make_backup(demo_path, folder, dt.datetime(2017, 9, 21, 10, 0))
        reader.close()
    assert made.name == "demo-20170921-100000.workshop"
    assert read_back(made, "SELECT venue FROM workshop") == [("Only in the WAL so far",)]
    assert read_back(made, "PRAGMA journal_mode") == [("delete",)]
    assert not Path(f"{made}-wal").exists()
    with Document.open(made) as copy:  # a backup opens like any workshop
        assert copy.workshop.get().title == "European Conversation"


def test_rotation_keeps_the_last_ten_and_one_per_day(demo_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    start = dt.datetime(2017, 9, 19, 9, 0)
    for n in range(14):  # four a day, ten minutes apart, over four days
        make_backup(demo_path, folder, start + dt.timedelta(days=n // 4, minutes=10 * n))
    kept = [b.made_at for b in list_backups(folder)]
    assert len(kept) == 11  # the last ten, plus the last of the first day
    assert kept[-1] == dt.datetime(2017, 9, 19, 9, 30)
    assert rotate(folder, start) == []


def test_no_backup_from_a_damaged_file(demo_path: Path, tmp_path: Path) -> None:
    data = bytearray(demo_path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page * 3 : page * 3 + 200] = b"\xff" * 200
    demo_path.write_bytes(bytes(data))
    with pytest.raises(DamagedDocument):
        make_backup(demo_path, tmp_path / "backups", dt.datetime(2017, 9, 21))
    assert list_backups(tmp_path / "backups") == []


def test_save_a_copy_and_restore_a_backup_into_new_files(demo_path: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.workshop"
    save_copy(demo_path, copy)
    with pytest.raises(DocumentExists):
        save_copy(demo_path, copy)
    restored = tmp_path / "restored.workshop"
    restore_backup(copy, restored)
    assert read_back(restored, "SELECT count(*) FROM contributions") == [(19,)]


def test_recover_what_can_be_read_from_a_damaged_file(demo_path: Path, tmp_path: Path) -> None:
    with Document.open(demo_path) as doc:  # make the contributions span several pages
        for n in range(300):
            doc.contributions.record(
                Contribution(
                    id=f"extra{n}", agenda_item_id="a2", text=f"Extra contribution {n} " * 20
                )
            )
    conn = sqlite3.connect(demo_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaves = [
        r[0]
        for r in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = 'contributions' AND pagetype = 'leaf'"
        )
    ]
    conn.close()
    data = bytearray(demo_path.read_bytes())
    offset = (leaves[len(leaves) // 2] - 1) * page_size  # one leaf of the contributions
    data[offset : offset + page_size] = b"\x00\xff" * (page_size // 2)
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)
    with pytest.raises(DamagedDocument):
        Document.open(demo_path)
    out = tmp_path / "recovered.workshop"
    report = recover(demo_path, out)
    assert digest(demo_path) == before  # the damaged file is left as it was
    assert report.recovered["workshop"] == 1
    assert report.recovered["participants"] == 15
    assert 200 < report.recovered["contributions"] < 319
    assert "recovered" in report.summary()
    assert report.damaged == ["contributions"]
    with Document.open(out) as doc:  # a sound workshop, search index included
        assert doc.workshop.get().title == "European Conversation"
        assert doc.contributions.search("extra")
    assert read_back(out, "PRAGMA integrity_check") == [("ok",)]


def test_drafts_are_kept_and_cleared(document: Document) -> None:
    document.drafts.save("capture:a2", "Half a sentence")
    assert read_back(document.path, "SELECT key, text FROM drafts") == [
        ("capture:a2", "Half a sentence")
    ]
    document.drafts.save("capture:a2", "Half a sentence, then more")
    assert document.drafts.get("capture:a2") == "Half a sentence, then more"
    document.drafts.clear("capture:a2")
    assert read_back(document.path, "SELECT count(*) FROM drafts") == [(0,)]


@pytest.mark.parametrize(
    ("path", "mounts", "expected"),
    [
        ("/home/ana/Dropbox/workshops/day.workshop", "", "a folder synchronised by Dropbox"),
        ("/Users/ana/OneDrive - Agency/day.workshop", "", "a folder synchronised by OneDrive"),
        ("/mnt/share/day.workshop", "srv:/share /mnt/share nfs4 rw 0 0", "a network drive (NFS)"),
        ("/mnt/office/day.workshop", "//srv/o /mnt/office cifs rw 0 0", "a network drive (SMB)"),
        ("/home/ana/day.workshop", "/dev/sda1 / ext4 rw 0 0", None),
        ("/mnt/sharefolder/x.workshop", "srv:/s /mnt/share nfs rw 0 0", None),
    ],
)
def test_risky_locations(tmp_path: Path, path: str, mounts: str, expected: str | None) -> None:
    mounts_file = tmp_path / "mounts"
    mounts_file.write_text(mounts + "\n")
    assert risky_location(Path(path), mounts_file=mounts_file) == expected


def test_recovery_keeps_days_groups_and_the_minutes_settings(tmp_path: Path) -> None:
    """Every table of the current schema is copied: a recovered three-day workshop keeps
    its days, its breakout groups with their members, and the organiser's public names."""
    from workshop_app.demo import three_days_record

    source = tmp_path / "three.workshop"
    Document.create_from_record(source, three_days_record()).close()
    with Document.open(source) as doc:
        doc.workshop.set_public_names(["EU4Climate"])
        doc.workshop.set_anonymity_k(4)
    tables = ("days", "breakout_groups", "group_members", "public_names")
    before = {t: read_back(source, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    assert all(before.values())
    out = tmp_path / "recovered.workshop"
    recover(source, out)
    for table in tables:
        assert read_back(out, f"SELECT * FROM {table} ORDER BY 1, 2") == before[table]
    assert read_back(out, "SELECT count(*) FROM agenda_items WHERE day_id IS NULL") == [(0,)]
    assert read_back(out, "SELECT anonymity_k, public_names_confirmed FROM workshop") == [(4, 1)]


def test_recovery_knows_every_table_of_the_schema(demo_path: Path) -> None:
    """A table added by a later schema step and forgotten by recovery would be lost in it."""
    from workshop_app.store.recover import TABLES

    tables = {
        name
        for (name,) in read_back(demo_path, "SELECT name FROM sqlite_master WHERE type = 'table'")
        if not name.startswith(("_sqlite_", "contributions_fts"))
    }
    assert tables == set(TABLES)
