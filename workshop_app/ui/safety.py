"""What keeps a workshop safe, as the File menu offers it: automatic backups, Save a Copy As,
Restore from Backup, Check Document, recovery of a damaged file, and a warning when a file
sits on a network drive or in a synchronised folder."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow
from shiboken6 import isValid

from workshop_app.errors import KnownError
from workshop_app.ui.loader import deferred

# The rest is loaded when a workshop is open or a command runs: the window paints first.
if TYPE_CHECKING:
    from workshop_app.store import backup, check, location, recover
    from workshop_app.store.errors import DamagedDocument
    from workshop_app.ui import backups, dialogs, tasks
    from workshop_app.ui.backups import BackupScheduler
    from workshop_app.ui.session import Session
else:
    backup = deferred("workshop_app.store.backup")
    check = deferred("workshop_app.store.check")
    location = deferred("workshop_app.store.location")
    recover = deferred("workshop_app.store.recover")
    backups = deferred("workshop_app.ui.backups")
    dialogs = deferred("workshop_app.ui.dialogs")
    tasks = deferred("workshop_app.ui.tasks")


class DocumentSafety(QObject):
    """Owns the safety actions of a window; ``open_path`` opens files the window is given."""

    #: An automatic backup of the open workshop was made: when (aware).
    backed_up = Signal(object)

    def __init__(self, window: QMainWindow, open_path: Callable[[Path], bool]) -> None:
        super().__init__(window)
        self._window = window
        self._open_path = open_path
        self.session: Session | None = None
        self.scheduler: BackupScheduler | None = None
        self.save_copy_action = self._action("Save a &Copy As…", "Ctrl+Shift+S", self.save_copy)
        self.restore_action = self._action("Restore from &Backup…", "", self.restore)
        self.check_action = self._action("Chec&k Document", "", self.check)
        self.watch(None)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def actions(self) -> list[QAction]:
        return [self.save_copy_action, self.restore_action, self.check_action]

    # -- the open workshop ----------------------------------------------------------------

    def watch(self, session: Session | None) -> None:
        """A workshop was opened (or closed): back it up, and warn if it is at risk."""
        self.session = session
        for action in self.actions():
            action.setEnabled(session is not None)
        if session is None:
            self.scheduler = None
            return
        self.scheduler = backups.BackupScheduler(session)
        self.scheduler.failed.connect(self._backup_failed)
        self.scheduler.backed_up.connect(self.backed_up)
        self.scheduler.start()
        where = location.risky_location(session.path)
        if where is not None:
            dialogs.warn(
                self._window,
                f"{session.path.name} is on {where}.",
                "Copy it to a folder on this computer while you use it (File > Save a Copy "
                "As…): a network or sync client can lose or damage changes made while the "
                "file is open. Copy it back when the workshop is over.",
            )

    def _backup_failed(self, message: str) -> None:
        status = self._window.statusBar()
        status.showMessage(f"Automatic backup failed: {message}", 20000)

    # -- File menu ------------------------------------------------------------------------

    def save_copy(self) -> None:
        session = self.session
        if session is None:
            return
        suggestion = session.path.with_name(f"{session.path.stem} (copy).workshop")
        target = dialogs.ask_new_path(self._window, suggestion)
        if target is None:
            return
        overwrite = target.exists()
        if overwrite and not dialogs.confirm(
            self._window, f"Replace {target.name}?", "Its content will be lost.", "Replace"
        ):
            return
        try:
            backup.save_copy(session.path, target, overwrite=overwrite)
        except KnownError as error:
            dialogs.show_error(self._window, error)
            return
        self._window.statusBar().showMessage(f"Saved a copy as {target}", 10000)

    def restore(self) -> None:
        session = self.session
        if session is None:
            return
        made = backup.list_backups(backups.backup_folder(session.path))
        if not made:
            dialogs.show_error(
                self._window,
                KnownError(
                    f"There are no backups of {session.path.name} yet.",
                    hint="A backup is made when a workshop is opened and every ten minutes "
                    "while it changes.",
                ),
            )
            return
        chosen = dialogs.choose_backup(self._window, made, session.workshop.get().timezone)
        if chosen is None:
            return
        suggestion = session.path.with_name(
            f"{session.path.stem} (restored {chosen.made_at:%Y-%m-%d %H.%M}).workshop"
        )
        target = dialogs.ask_new_path(self._window, suggestion)
        if target is None:
            return
        if target.exists():
            dialogs.show_error(
                self._window,
                KnownError(f"{target.name} already exists.", hint="Restore into a new file name."),
            )
            return
        try:
            backup.restore_backup(chosen.path, target)
        except KnownError as error:
            dialogs.show_error(self._window, error)
            return
        self._open_path(target)

    def check(self) -> None:
        """Check Document, off the UI thread (a large file takes a moment)."""
        session = self.session
        if session is None:
            return
        self._window.statusBar().showMessage(f"Checking {session.path.name}…")
        tasks.start(self._check(session.path), self._window)

    async def _check(self, path: Path) -> None:
        """Check on a worker thread and show what was found; a failure is reported by the task
        (in words, or logged as a bug)."""
        check_document = check.check_document  # loaded here, on the UI thread
        try:
            findings = await tasks.in_thread(check_document, path)
        finally:
            if isValid(self._window):  # the window may have been closed meanwhile
                self._window.statusBar().clearMessage()
        if isValid(self._window):
            dialogs.show_check_result(self._window, path, [f.text for f in findings])

    # -- damaged files --------------------------------------------------------------------

    def offer_recovery(self, error: DamagedDocument) -> bool:
        """A file could not be opened because it is damaged: offer to recover what can be
        read into a new file, and open that. The damaged file is left as it is."""
        if not dialogs.confirm(
            self._window,
            error.message,
            "The file has not been changed. Workshop App can copy everything it can still "
            "read into a new file, which you can then check and use. A backup may also hold "
            "a recent copy (File > Restore from Backup… once a file is open).",
            "Recover into a New File…",
        ):
            return False
        stamp = time.strftime("%Y-%m-%d %H.%M")  # local time, as the file names show it
        suggestion = error.path.with_name(f"{error.path.stem} (recovered {stamp}).workshop")
        target = dialogs.ask_new_path(self._window, suggestion)
        if target is None:
            return False
        try:
            report = recover.recover(error.path, target)
        except KnownError as failure:
            dialogs.show_error(self._window, failure)
            return False
        dialogs.show_check_result(self._window, target, [report.summary()], title="Recovered")
        return self._open_path(target)
