"""Work off the UI thread goes one way (``ui/tasks.py``): a task on the application's qasync
loop that hands the blocking part to a worker thread. Driven here on that loop, as the
running application does, and read back from the files written."""

from __future__ import annotations

import ast
import asyncio
import threading
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

import workshop_app
from tests.conftest import read_back
from tests.ui.conftest import on_the_loop
from workshop_app import bug_log
from workshop_app.store import check
from workshop_app.store.backup import list_backups, make_backup
from workshop_app.ui import backups, dialogs, tasks
from workshop_app.ui.backups import backup_folder
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes.export_dialog import ExportDialog

PACKAGE = Path(workshop_app.__file__).parent


def test_the_backup_made_at_open_is_copied_on_a_worker_thread(
    window: MainWindow,
    demo_path: Path,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    threads: list[threading.Thread] = []

    def watched(source: Path, folder: Path, now: object) -> Path:
        threads.append(threading.current_thread())
        return make_backup(source, folder, now)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "make_backup", watched)
    # The window is free (the open returns) while the copy is still being made.
    assert on_the_loop(app_loop, lambda: window.open_path(demo_path))
    assert threads and threads[0] is not threading.main_thread()
    (made,) = list_backups(backup_folder(demo_path))
    assert read_back(made.path, "SELECT title FROM workshop") == [("European Conversation",)]
    assert window.status.backup_label.text().startswith("Backed up ")


def test_a_failed_backup_on_the_loop_is_logged_and_said_in_the_status_bar(
    window: MainWindow,
    demo_path: Path,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(_source: Path, _folder: Path, _now: object) -> Path:
        raise RuntimeError("the copy broke on the worker")

    monkeypatch.setattr(backups, "make_backup", broken)
    assert on_the_loop(app_loop, lambda: window.open_path(demo_path))
    assert "RuntimeError: the copy broke on the worker" in (
        bug_log.log_dir() / "errors.log"
    ).read_text(encoding="utf-8")
    assert "Automatic backup failed" in window.status.currentMessage()
    assert list_backups(backup_folder(demo_path)) == []
    assert window.status.backup_label.text() == ""


def test_check_document_runs_on_a_worker_thread_and_shows_what_it_found(
    window: MainWindow,
    demo_path: Path,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(demo_path)
    threads: list[threading.Thread] = []
    real = check.check_document

    def watched(path: Path) -> list[check.Finding]:
        threads.append(threading.current_thread())
        return real(path)

    monkeypatch.setattr(check, "check_document", watched)
    shown: list[tuple[Path, list[str]]] = []
    monkeypatch.setattr(
        dialogs, "show_check_result", lambda _p, path, found, **_kw: shown.append((path, found))
    )
    assert on_the_loop(app_loop, window.safety.check_action.trigger)
    assert threads and threads[0] is not threading.main_thread()
    assert shown == [(demo_path, [])]
    assert window.status.currentMessage() == ""  # no "Checking…" left behind


def test_a_bug_in_check_document_on_the_loop_is_logged_and_said(
    window: MainWindow,
    demo_path: Path,
    app_loop: qasync.QEventLoop,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(demo_path)

    def broken(_path: Path) -> list[check.Finding]:
        raise RuntimeError("the check tripped on the worker")

    monkeypatch.setattr(check, "check_document", broken)
    logs: list[Path] = []
    monkeypatch.setattr(dialogs, "show_bug", lambda _parent, log: logs.append(log))
    assert on_the_loop(app_loop, window.safety.check_action.trigger)
    assert logs == [bug_log.log_dir() / "errors.log"]
    assert "RuntimeError: the check tripped on the worker" in logs[0].read_text(encoding="utf-8")
    assert window.status.currentMessage() == ""


def test_the_export_preview_is_built_on_the_loop(
    qtbot: QtBot, demo_path: Path, settings: QSettings, app_loop: qasync.QEventLoop
) -> None:
    dialog = ExportDialog(demo_path, settings)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.preview.clear()
    assert on_the_loop(app_loop, dialog.refresh_preview)
    assert "European Conversation" in dialog.preview.toPlainText()


#: Ways to start a thread or to reach one, other than ``ui/tasks.py``'s.
OTHER_WAYS = {
    "QThreadPool",
    "QRunnable",
    "QThread",
    "threading",
    "concurrent",
    "to_thread",
    "run_in_executor",
    "asyncSlot",
}


def test_only_ui_tasks_starts_work_off_the_ui_thread() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [alias.name for alias in node.names]
                names += [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            for name in names:
                if name.split(".")[0] in OTHER_WAYS and module != "ui/tasks.py":
                    found.append(f"{module}: {name}")
    assert found == []


def test_a_task_left_when_the_application_quit_is_not_waited_for(qapp: object) -> None:
    """The loop of a closed window is closed with its unfinished tasks: they never end."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    try:

        async def quit_while_working() -> None:
            tasks.start(asyncio.sleep(3600))
            assert len(tasks.running()) == 1

        loop.run_until_complete(quit_while_working())
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    assert tasks.running() == set()
