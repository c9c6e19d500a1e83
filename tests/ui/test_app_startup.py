"""The application around the window: names, the bug hook, the qasync loop, screenshots."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app import app as app_module
from workshop_app import bug_log
from workshop_app.store import Document
from workshop_app.ui import dialogs, screenshots
from workshop_app.ui.screenshots import paper_views, runner
from workshop_app.ui.screenshots.paper_views import PAGE_HEIGHT, PAGE_WIDTH, PAPER_VIEWS


def test_application_names(qapp: QApplication) -> None:
    app_module.configure_application(qapp)
    assert QCoreApplication.organizationName() == "workshop-app"
    assert QCoreApplication.applicationName() == "workshop-app"
    assert qapp.applicationDisplayName() == "Workshop App"


def test_bug_is_logged_and_explained_without_traceback(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_module.configure_application(qapp)
    shown: list[Path] = []
    monkeypatch.setattr(dialogs, "show_bug", lambda _parent, path: shown.append(path))
    passed_on: list[object] = []
    hook = app_module.make_excepthook(lambda *exc: passed_on.append(exc))
    try:
        raise ZeroDivisionError("a bug in a slot")
    except ZeroDivisionError as error:
        hook(ZeroDivisionError, error, error.__traceback__)

    log = bug_log.log_dir() / "errors.log"
    assert shown == [log]
    assert log.is_relative_to(os.environ["WORKSHOP_APP_LOG_DIR"])  # not the user's real folder
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "ZeroDivisionError: a bug in a slot" in text
    assert passed_on == []


def test_keyboard_interrupt_is_left_to_the_default_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    passed_on: list[object] = []
    hook = app_module.make_excepthook(lambda *exc: passed_on.append(exc[0]))
    hook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert passed_on == [KeyboardInterrupt]


def test_run_gui_opens_the_file_and_returns_when_the_window_closes(
    qapp: QApplication, qtbot: QtBot, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    titles: list[str] = []
    polls: list[int] = []

    def look_then_close() -> None:
        """The window paints first, then opens the file: close it once the file is in it."""
        polls.append(1)
        for widget in qapp.topLevelWidgets():
            if widget.isVisible() and widget.windowTitle().endswith("— Workshop App"):
                titles.append(widget.windowTitle())
                widget.close()
                return
        if len(polls) < 500:  # give up after about five seconds
            QTimer.singleShot(10, look_then_close)
        else:
            for widget in qapp.topLevelWidgets():
                widget.close()

    QTimer.singleShot(0, look_then_close)
    try:
        assert app_module.run_gui(workshop_path) == 0
    finally:
        asyncio.set_event_loop(None)
    assert titles == ["Test workshop — Workshop App"]
    with Document.open(workshop_path):  # closed with the window
        pass


def test_screenshots_of_every_view(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    written = screenshots.take_screenshots(tmp_path / "shots")
    said = capsys.readouterr().out.splitlines()
    # Only the first pages of the minutes may be left out (a tool they need is missing here),
    # each with a line saying so.
    skipped = {line.split()[1].rstrip(":") for line in said if line.startswith("skipped ")}
    assert skipped <= {name for name, _show in PAPER_VIEWS}
    assert [p.name for p in written] == [
        name for name, _show in screenshots.VIEWS if name not in skipped
    ]
    assert {"start.png", "prepare-details.png", "prepare-details-long.png"} <= {
        p.name for p in written
    }
    for path in written:
        image = QImage(str(path))
        size = screenshots.SIZE  # the main window; the projector at the sizes of its names
        if path.name.startswith("minutes-pdf-") or path.name.startswith("minutes-docx-"):
            size = (PAGE_WIDTH, PAGE_HEIGHT)  # a page of the minutes
            assert image.pixelColor(PAGE_WIDTH // 2, 5).name() == "#ffffff"  # paper
            inked = (
                image.pixelColor(x, y).lightness() < 128
                for x in range(0, PAGE_WIDTH, 4)
                for y in range(0, PAGE_HEIGHT // 8, 4)
            )
            assert any(inked)  # the title, at the top of the page
        elif path.name.startswith("projector-"):
            size = screenshots.PROJECTOR_SIZES["-1024x768" if "-1024x768" in path.name else ""]
        assert (image.width(), image.height()) == size


def test_first_pages_are_skipped_in_words_without_libreoffice_or_a_pdf_renderer(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(runner, "VIEWS", PAPER_VIEWS)
    monkeypatch.setattr(paper_views.shutil, "which", lambda _name: None)
    monkeypatch.setattr(paper_views, "_with_qt_pdf", lambda _pdf: None)
    written = screenshots.take_screenshots(tmp_path / "shots")
    assert written == []
    said = capsys.readouterr().out.splitlines()
    assert "skipped minutes-docx-named.png: LibreOffice (soffice) is not installed" in said
    assert any(line.startswith("skipped minutes-pdf-anonymous.png: neither") for line in said)
    assert sorted((tmp_path / "shots").iterdir()) == []


def test_an_unreadable_row_is_told_as_a_damaged_file_not_a_bug(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from workshop_app.errors import KnownError

    shown: list[KnownError] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: shown.append(error))
    hook = app_module.make_excepthook(lambda *exc: None)
    error = sqlite3.DatabaseError("database disk image is malformed")
    hook(sqlite3.DatabaseError, error, None)
    assert len(shown) == 1
    assert "damaged" in shown[0].message
    assert "Check Document" in shown[0].hint
