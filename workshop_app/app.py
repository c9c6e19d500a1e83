"""The desktop application: QApplication, the qasync event loop, the first document."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from workshop_app import __version__
from workshop_app.assets import asset
from workshop_app.errors import KnownError

ORGANIZATION = "workshop-app"
APPLICATION = "workshop-app"
DISPLAY_NAME = "Workshop App"

if TYPE_CHECKING:
    from workshop_app.ui.main_window import MainWindow

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def configure_application(app: QCoreApplication) -> None:
    """Names that QSettings and QStandardPaths use for this application's folders."""
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain("workshop-app.invalid")
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(DISPLAY_NAME)
        app.setDesktopFileName("workshop-app")
        app.setWindowIcon(QIcon(str(asset("icons", "workshop-app.svg"))))


def _known_storage_error(error: BaseException) -> KnownError | None:
    """What an SQLite failure that reached the top means for the user, if it is known."""
    if type(error).__module__ != "sqlite3":  # sqlite3 need not be loaded to ask
        return None
    import sqlite3

    from workshop_app.store.errors import translate_sqlite_error

    if not isinstance(error, sqlite3.Error):
        return None
    known = translate_sqlite_error("the workshop file", error)
    if known is not None:
        known.hint = (
            "Nothing more was written. Use File > Check Document, or open a backup "
            "(File > Restore from Backup…). The details are in the error log."
        )
    return known


def make_excepthook(previous: ExceptHook) -> ExceptHook:
    """A sys.excepthook that logs a bug and tells the user in plain words where the log is."""
    showing = False

    def hook(exc_type: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, error, tb)
            return
        from workshop_app.bug_log import log_bug

        path = log_bug(error)
        if not path.is_file():
            previous(exc_type, error, tb)  # nowhere to log: at least the terminal sees it
            return
        if showing:  # a second error while the first dialog is open: logged, not shown
            return
        from workshop_app.ui import dialogs

        showing = True
        try:
            known = _known_storage_error(error)
            if known is not None:  # a row that cannot be read: the file, not the app
                dialogs.show_error(QApplication.activeWindow(), known)
            else:
                dialogs.show_bug(QApplication.activeWindow(), path)
        finally:
            showing = False

    return hook


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, just after ``window`` has been painted for the first time."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def open_after_first_paint(window: MainWindow, path: Path | None) -> None:
    """Show the window at once, and open the workshop right after it has been painted:
    the user sees the application before the document (and its modules) are loaded."""
    _AfterFirstPaint(window, lambda: window.open_initial(path))
    window.show()


def run_gui(path: Path | None) -> int:
    """Run the desktop application until its last window closes; return the exit status."""
    import asyncio

    import qasync

    from workshop_app.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    sys.excepthook = make_excepthook(sys.excepthook)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow()
    open_after_first_paint(window, path)
    with loop:
        loop.run_forever()  # returns when the last window has closed and the app quits
    return 0
