"""The desktop application: QApplication, the qasync event loop, the first document."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workshop_app import __version__
from workshop_app.assets import asset
from workshop_app.bug_log import log_bug
from workshop_app.errors import KnownError
from workshop_app.store.errors import translate_sqlite_error

ORGANIZATION = "workshop-app"
APPLICATION = "workshop-app"
DISPLAY_NAME = "Workshop App"

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


def run_gui(path: Path | None) -> int:
    """Run the desktop application until its last window closes; return the exit status."""
    import qasync

    from workshop_app.ui.main_window import MainWindow

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    sys.excepthook = make_excepthook(sys.excepthook)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow()
    window.show()
    window.open_initial(path)
    with loop:
        loop.run_forever()  # returns when the last window has closed and the app quits
    return 0
