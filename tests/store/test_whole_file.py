"""The main file alone is the whole record: people copy NAME.workshop without its -wal."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.conftest import read_back
from workshop_app.domain.model import AgendaItem, Contribution, Participant, new_id
from workshop_app.store import Document


def copy_main_file_alone(path: Path, folder: Path) -> Path:
    """What a file manager or a mail attachment takes: the one file, no -wal, no -shm."""
    folder.mkdir()
    target = folder / path.name
    shutil.copyfile(path, target)
    assert not Path(f"{target}-wal").exists()
    return target


def test_a_copy_of_the_open_main_file_holds_every_confirmed_edit(
    demo_path: Path, tmp_path: Path
) -> None:
    with Document.open(demo_path) as doc:
        doc.workshop.update(venue="Room 3, Palais des Nations")
        item = doc.agenda.add_item(
            AgendaItem(id=new_id(), title="Late addition", planned_minutes=20)
        )
        doc.participants.add(Participant(id=new_id(), name="Nguyễn Thị Lan"))
        for n in range(40):
            doc.contributions.record(
                Contribution(
                    id=new_id(), agenda_item_id=item.id, text=f"Point {n} about the regional hubs"
                )
            )
        assert doc.settled
        copy = copy_main_file_alone(demo_path, tmp_path / "usb-stick")

        with Document.open(copy, readonly=True) as copied:
            assert copied.workshop.get().venue == "Room 3, Palais des Nations"
            assert [i.title for i in copied.agenda.items()][-1] == "Late addition"
            assert "Nguyễn Thị Lan" in [p.name for p in copied.participants.list()]
            texts = [c.text for c in copied.contributions.list(item.id)]
            assert texts == [f"Point {n} about the regional hubs" for n in range(40)]


def test_a_write_held_back_by_a_reader_reaches_the_main_file_when_it_lets_go(
    workshop_path: Path, tmp_path: Path
) -> None:
    with Document.open(workshop_path) as doc:
        reader = sqlite3.connect(f"file:{workshop_path}?mode=ro", uri=True)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM workshop").fetchone()  # an export's snapshot
        doc.workshop.update(venue="Held back by an export")
        assert not doc.settled  # safe in the WAL, not yet in the main file
        reader.close()
        assert doc.settle()
        copy = copy_main_file_alone(workshop_path, tmp_path / "copy")
        assert read_back(copy, "SELECT venue FROM workshop") == [("Held back by an export",)]


def test_a_closed_workshop_is_one_plain_file(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.workshop.update(venue="Closed cleanly")
        assert Path(f"{demo_path}-wal").exists()
    assert not Path(f"{demo_path}-wal").exists()
    assert not Path(f"{demo_path}-shm").exists()
    # Rollback-journal mode at rest, so it opens from read-only media without a -shm beside it.
    assert read_back(demo_path, "PRAGMA journal_mode") == [("delete",)]
    assert read_back(demo_path, "SELECT venue FROM workshop") == [("Closed cleanly",)]
    with Document.open(demo_path) as again:  # and it reopens (in WAL) as before
        again.workshop.update(venue="Reopened")
    assert read_back(demo_path, "SELECT venue FROM workshop") == [("Reopened",)]
