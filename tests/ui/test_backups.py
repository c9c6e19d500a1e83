"""Automatic backups survive a failure: it is logged and said, and the schedule goes on."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app import bug_log
from workshop_app.domain.clock import venue_hhmm
from workshop_app.store import backup as store_backup
from workshop_app.store.backup import list_backups
from workshop_app.ui import backups
from workshop_app.ui.backups import backup_folder
from workshop_app.ui.main_window import MainWindow


def test_an_unexpected_backup_failure_is_logged_and_the_next_backup_is_made(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "INTERVAL_MS", 100)
    attempts: list[Path] = []

    def flaky(source: Path, folder: Path, now: dt.datetime) -> Path:
        attempts.append(source)
        if len(attempts) == 1:
            raise RuntimeError("the copy broke unexpectedly")
        return store_backup.make_backup(source, folder, now)

    monkeypatch.setattr(backups, "make_backup", flaky)
    log = bug_log.log_dir() / "errors.log"

    assert window.open_path(demo_path)  # the first backup is tried at once, and fails
    qtbot.waitUntil(lambda: log.exists() and "the copy broke" in log.read_text(), timeout=10000)
    assert "RuntimeError" in log.read_text()  # with its traceback, for the report
    qtbot.waitUntil(lambda: "Automatic backup failed" in window.status.currentMessage())
    assert window.status.backup_label.text() == ""  # no backup made yet, none claimed

    folder = backup_folder(demo_path)
    # Nothing was changed in the workshop: the schedule tries again all the same.
    qtbot.waitUntil(lambda: len(list_backups(folder)) == 1, timeout=10000)
    (made,) = list_backups(folder)
    assert read_back(made.path, "SELECT title FROM workshop") == [("European Conversation",)]
    scheduler = window.safety.scheduler
    assert scheduler is not None
    qtbot.waitUntil(lambda: scheduler.last_backup is not None, timeout=10000)
    assert scheduler.last_backup is not None
    timezone = read_back(demo_path, "SELECT timezone FROM workshop")[0][0]
    label = window.status.backup_label.text()
    assert label == f"Backed up {venue_hhmm(scheduler.last_backup, str(timezone))}"
    assert re.fullmatch(r"Backed up \d\d:\d\d", label)


def test_a_bug_in_check_document_is_logged_and_said(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop_app.store import check
    from workshop_app.ui import dialogs

    def broken(_path: Path) -> list[object]:
        raise RuntimeError("the check tripped over itself")

    monkeypatch.setattr(check, "check_document", broken)
    shown: list[Path] = []
    monkeypatch.setattr(dialogs, "show_bug", lambda _parent, log: shown.append(log))
    assert window.open_path(demo_path)

    window.safety.check_action.trigger()  # the check runs on a worker thread

    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    log = bug_log.log_dir() / "errors.log"
    assert shown == [log]
    assert "RuntimeError: the check tripped over itself" in log.read_text()
    assert window.status.currentMessage() == ""  # no "Checking…" left behind
