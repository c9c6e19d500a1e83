"""Nothing lost, in the window: backups, copies, restore, check, recovery, drafts, warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, run_page
from workshop_app.demo import write_demo_in_progress
from workshop_app.errors import KnownError
from workshop_app.store import location
from workshop_app.store.backup import Backup, list_backups
from workshop_app.ui import dialogs
from workshop_app.ui.backups import backup_folder
from workshop_app.ui.main_window import MainWindow


def test_a_backup_is_made_when_a_file_is_opened(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.open_path(demo_path)
    folder = backup_folder(demo_path)
    qtbot.waitUntil(lambda: len(list_backups(folder)) == 1, timeout=10000)
    (backup,) = list_backups(folder)
    assert read_back(backup.path, "SELECT title FROM workshop") == [("European Conversation",)]
    assert ".qttest" in str(folder)  # the test's own data folder, not the user's


def test_save_a_copy_as_and_restore_from_backup(
    qtbot: QtBot,
    window: MainWindow,
    demo_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(demo_path)
    assert window.session is not None
    window.session.workshop.update(venue="Edited before the copy")
    copy = tmp_path / "copy.workshop"
    monkeypatch.setattr(dialogs, "ask_new_path", lambda _parent, _suggestion: copy)
    window.safety.save_copy_action.trigger()
    assert read_back(copy, "SELECT venue FROM workshop") == [("Edited before the copy",)]

    folder = backup_folder(demo_path)
    qtbot.waitUntil(lambda: bool(list_backups(folder)), timeout=10000)
    restored = tmp_path / "restored.workshop"
    offered: list[list[Backup]] = []

    def choose(_parent: object, backups: list[Backup], _timezone: str | None = None) -> Backup:
        offered.append(backups)
        return backups[0]

    monkeypatch.setattr(dialogs, "choose_backup", choose)
    monkeypatch.setattr(dialogs, "ask_new_path", lambda _parent, _suggestion: restored)
    window.safety.restore_action.trigger()
    assert len(offered[0]) == 1
    assert window.session is not None and window.session.path == restored
    assert read_back(restored, "SELECT title FROM workshop") == [("European Conversation",)]


def test_check_document_reports_in_words(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.open_path(demo_path)
    shown: list[list[str]] = []
    monkeypatch.setattr(
        dialogs, "show_check_result", lambda _parent, _path, findings, **_kw: shown.append(findings)
    )
    window.safety.check_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == [[]]


def test_a_damaged_file_is_left_alone_and_can_be_recovered(
    window: MainWindow, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    leaf = conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'participants' AND pagetype = 'leaf'"
    ).fetchone()[0]
    conn.close()
    data = bytearray(demo_path.read_bytes())
    data[(leaf - 1) * page_size : leaf * page_size] = b"\xee" * page_size
    demo_path.write_bytes(bytes(data))
    before = demo_path.read_bytes()
    asked: list[str] = []

    def confirm(_parent: object, question: str, _detail: str, action: str) -> bool:
        asked.append(f"{question} / {action}")
        return True

    recovered = tmp_path / "recovered.workshop"
    monkeypatch.setattr(dialogs, "confirm", confirm)
    monkeypatch.setattr(dialogs, "ask_new_path", lambda _parent, _suggestion: recovered)
    reports: list[list[str]] = []
    monkeypatch.setattr(
        dialogs, "show_check_result", lambda _p, _path, findings, **_kw: reports.append(findings)
    )
    assert window.open_path(demo_path)  # opens the recovered copy
    assert "damaged" in asked[0] and "Recover" in asked[0]
    assert demo_path.read_bytes() == before
    assert window.session is not None and window.session.path == recovered
    assert "recovered" in reports[0][0]
    assert read_back(recovered, "SELECT count(*) FROM agenda_items") == [(5,)]


def test_a_file_in_a_synchronised_folder_gets_a_warning(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(
        location, "risky_location", lambda _path: "a folder synchronised by Dropbox"
    )
    monkeypatch.setattr(
        dialogs, "warn", lambda _parent, message, detail: warned.append(message + detail)
    )
    assert window.open_path(demo_path)
    assert len(warned) == 1
    assert "Dropbox" in warned[0] and "Save a Copy As" in warned[0]


def test_typing_survives_closing_the_file(qtbot: QtBot, tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    page = run_page(window, Clock("10:47:20"))
    qtbot.keyClicks(page.capture.text, "The Rabat Process has shown that")
    qtbot.waitUntil(
        lambda: (
            read_back(path, "SELECT text FROM drafts") == [("The Rabat Process has shown that",)]
        ),
        timeout=5000,
    )  # kept every few seconds, before anything is closed
    window.close_workshop()
    assert window.open_path(path)
    page = run_page(window, Clock("10:48:00"))
    assert page.capture.text.toPlainText() == "The Rabat Process has shown that"
    assert "restored" in page.capture.heading.text()
    qtbot.keyClicks(page.capture.text, " trust grows slowly.")
    assert page.capture.record()
    assert read_back(path, "SELECT count(*) FROM drafts") == [(0,)]


def test_a_read_only_file_keeps_what_was_typed(
    qtbot: QtBot, tmp_path: Path, window: MainWindow, errors: list[KnownError]
) -> None:
    from workshop_app.store import Document
    from workshop_app.ui.session import Session

    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    session = Session(Document.open(path, readonly=True))
    window._adopt(session)
    page = run_page(window, Clock("10:47:20"))
    page.capture.text.setPlainText("Not lost when the write fails.")
    assert not page.capture.record()
    assert page.capture.text.toPlainText() == "Not lost when the write fails."
    assert [e.message for e in errors][-1].endswith("read-only: changes cannot be saved to it.")
    assert session.undo_stack.count() == 0
