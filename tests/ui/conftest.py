"""Fixtures of the UI tests: isolated settings, patched dialogs, a window on a workshop file."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.errors import KnownError
from workshop_app.ui import dialogs, tasks
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes import export_actions, public_names_dialog

DIALOGS = (
    "show_error",
    "show_bug",
    "confirm",
    "ask_title",
    "ask_new_path",
    "ask_open_path",
    "show_about",
    "ask_roster_path",
    "preview_import",
    "edit_text",
    "edit_contribution",
    "ask_speaker",
    "ask_replan",
    "search_workshop",
    "show_shortcuts",
    "edit_consensus_point",
    "edit_next_step",
    "ask_projector_message",
    "warn",
    "choose_backup",
    "show_check_result",
    "edit_breakout_groups",
    "choose_points_to_take_up",
)


@pytest.fixture(autouse=True)
def _qt_test_paths(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QStandardPaths (and a default QSettings) answer test folders (~/.qttest) in a
    temporary home, never the user's own."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("qt-home")))
    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def _no_real_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog a test did not expect fails the test instead of blocking it."""

    def unexpected(name: str) -> Callable[..., Any]:
        def fail(*args: object, **kwargs: object) -> Any:
            raise AssertionError(f"unexpected dialog: {name}{args[1:]!r}")

        return fail

    for name in DIALOGS:
        monkeypatch.setattr(dialogs, name, unexpected(name))
    monkeypatch.setattr(export_actions, "export_minutes", unexpected("export_minutes"))
    monkeypatch.setattr(public_names_dialog, "edit_public_names", unexpected("edit_public_names"))


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[KnownError]:
    """The errors shown to the user, in order (instead of message boxes)."""
    shown: list[KnownError] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: shown.append(error))
    return shown


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a file of this test's own, never the user's."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot: QtBot, settings: QSettings) -> Iterator[MainWindow]:
    """The main window, shown, with no workshop open."""
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()  # closes the workshop, releasing its lock


@pytest.fixture
def opened(window: MainWindow, workshop_path: Path) -> MainWindow:
    """The main window with the test's workshop open."""
    assert window.open_path(workshop_path)
    return window


@pytest.fixture
def app_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    """The asyncio loop the application runs on (app.run_gui), for this test."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    asyncio.set_event_loop(None)
    loop.close()


def on_the_loop(loop: qasync.QEventLoop, act: Callable[[], object]) -> bool:
    """Do ``act`` as the running application does (from its loop), then let the loop run
    until the background work it started is done; whether any was started."""
    started: list[bool] = []

    async def run() -> None:
        act()
        started.append(bool(tasks.running()))
        while pending := tasks.running():
            await asyncio.wait(pending)

    loop.run_until_complete(run())
    return started[0]
