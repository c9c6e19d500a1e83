"""Automatic backups of the open workshop: when it is opened, then every ten minutes while it
changes. The copy runs on a worker thread (``tasks.in_thread``) with its own connection; the
window stays free.

A failed backup, whatever the cause, is written to the bug log and said in the status bar, and
the schedule goes on: the next tick tries again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal, SignalInstance

from workshop_app.bug_log import log_bug
from workshop_app.errors import KnownError
from workshop_app.store.backup import make_backup
from workshop_app.ui import tasks
from workshop_app.ui.session import Session

INTERVAL_MS = 10 * 60 * 1000


def backup_folder(document: Path) -> Path:
    """Where the backups of ``document`` are kept: the user's data folder, one per file."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    key = hashlib.sha1(str(document.resolve()).encode("utf-8")).hexdigest()[:8]
    return Path(base or Path.home()) / "backups" / f"{document.stem}-{key}"


class BackupScheduler(QObject):
    """Makes a backup now and after each ten minutes in which the workshop changed (or in
    which the last attempt failed)."""

    finished = Signal(object)  # the backup's Path
    failed = Signal(str)  # what went wrong, in words
    #: A backup was made: the moment it was started (aware).
    backed_up = Signal(object)

    def __init__(self, session: Session, interval_ms: int | None = None) -> None:
        super().__init__(session)
        self._session = session
        self.folder = backup_folder(session.path)
        #: When the last backup that worked was started (aware), None before one.
        self.last_backup: dt.datetime | None = None
        self._started: dt.datetime | None = None
        self._running = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms or INTERVAL_MS)
        self._timer.timeout.connect(self._maybe_backup)
        session.about_to_close.connect(self._timer.stop)
        self.finished.connect(self._succeeded)
        self.failed.connect(self._done)

    def start(self) -> None:
        self._timer.start()
        self.backup_now()

    def _maybe_backup(self) -> None:
        saved = self._session.last_saved
        if self.last_backup is None or (saved is not None and saved > self.last_backup):
            self.backup_now()

    def backup_now(self) -> None:
        if self._running or not self._session.is_open:
            return
        self._running = True
        self._started = dt.datetime.now().astimezone()
        tasks.start(self._backup(self._session.path, self.folder, self._started))

    async def _backup(self, source: Path, folder: Path, now: dt.datetime) -> None:
        """Copy ``source`` into ``folder`` on a worker thread, then say how it went. Never
        raises: a failure is logged and said in the status bar, not in a dialog."""
        finished, failed = self.finished, self.failed
        try:
            made = await tasks.in_thread(make_backup, source, folder, now.replace(tzinfo=None))
            outcome: tuple[SignalInstance, object] = (finished, made)
        except KnownError as error:
            log_bug(error)
            outcome = (failed, error.message)
        except OSError as error:
            log_bug(error)
            outcome = (failed, f"The automatic backup could not be written: {error.strerror}.")
        except Exception as error:  # a bug: logged, said, and the next tick tries again
            where = log_bug(error)
            outcome = (failed, f"something went wrong inside Workshop App; see {where}.")
        # The workshop may have been closed meanwhile, and this object deleted with it.
        with contextlib.suppress(RuntimeError):
            outcome[0].emit(outcome[1])

    def _succeeded(self, _path: object) -> None:
        self.last_backup = self._started
        self._done()
        self.backed_up.emit(self.last_backup)

    def _done(self, *_args: object) -> None:
        self._running = False
