"""The window keeps the main file whole: a write an export held in the WAL catches up when idle."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.ui.session import Session


def test_the_main_file_catches_up_after_a_background_reader(
    qtbot: QtBot, workshop_path: Path, tmp_path: Path
) -> None:
    session = Session.open(workshop_path)
    try:
        reader = sqlite3.connect(f"file:{workshop_path}?mode=ro", uri=True)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM workshop").fetchone()  # an export reading
        session.workshop.update(venue="Recorded during an export")
        copy = tmp_path / "copy.workshop"
        shutil.copyfile(workshop_path, copy)
        assert read_back(copy, "SELECT venue FROM workshop") == [(None,)]
        reader.close()  # the export is done; nothing else is written

        def main_file_has_it() -> None:
            shutil.copyfile(workshop_path, copy)
            assert read_back(copy, "SELECT venue FROM workshop") == [("Recorded during an export",)]

        qtbot.waitUntil(main_file_has_it, timeout=3000)
    finally:
        session.close()
