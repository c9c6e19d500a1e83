"""The workshop document: one SQLite file, one process, one transaction per edit."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock
from sqlite_utils import Database

from workshop_app.domain.model import Workshop, WorkshopRecord
from workshop_app.store import connection
from workshop_app.store.agenda import AgendaStore
from workshop_app.store.changes import Listener, Transaction
from workshop_app.store.consensus import ConsensusStore
from workshop_app.store.contributions import ContributionStore
from workshop_app.store.days import DayStore
from workshop_app.store.drafts import DraftStore
from workshop_app.store.errors import ReadOnlyDocument, translate_sqlite_error
from workshop_app.store.groups import GroupStore
from workshop_app.store.next_steps import NextStepStore
from workshop_app.store.participants import ParticipantStore
from workshop_app.store.record import read_record, write_record
from workshop_app.store.run import RunStore
from workshop_app.store.speeches import SpeechStore
from workshop_app.store.workshop import WorkshopStore


class Document:
    """An open workshop file.

    Every mutation goes through :meth:`write`: one transaction, committed (and so on disk,
    with ``synchronous=FULL``) before the call returns, then announced to listeners.
    """

    def __init__(
        self, path: Path, db: Database, lock: FileLock | None, *, readonly: bool = False
    ) -> None:
        self.path = path
        self.db = db
        self.readonly = readonly
        self._lock = lock
        self._listeners: list[Listener] = []
        self._open_tx: Transaction | None = None
        #: Whether the main file alone holds every committed write (see :meth:`settle`).
        self.settled = True
        self.workshop = WorkshopStore(self)
        self.participants = ParticipantStore(self, self.workshop)
        self.days = DayStore(self)
        self.agenda = AgendaStore(self)
        self.groups = GroupStore(self)
        self.contributions = ContributionStore(self)
        self.speeches = SpeechStore(self)
        self.run = RunStore(self, self.agenda)
        self.consensus = ConsensusStore(self)
        self.next_steps = NextStepStore(self)
        self.drafts = DraftStore(self)

    # -- opening and closing ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, readonly: bool = False) -> Document:
        """Open an existing workshop file; raises a DocumentError when it cannot be used."""
        path = connection.real_path(path)
        db, lock = connection.open_database(path, readonly=readonly)
        return cls(path, db, lock, readonly=readonly)

    @classmethod
    def create(cls, path: Path | str, workshop: Workshop, *, overwrite: bool = False) -> Document:
        """Create a new workshop file holding only its details, and open it."""
        return cls.create_from_record(path, WorkshopRecord(workshop=workshop), overwrite=overwrite)

    @classmethod
    def create_from_record(
        cls, path: Path | str, record: WorkshopRecord, *, overwrite: bool = False
    ) -> Document:
        """Create a workshop file holding ``record`` (all or nothing), and open it."""
        path = Path(path)
        with connection.new_file(path, overwrite=overwrite) as db, db.atomic():
            write_record(db, record)
        return cls.open(path)

    def close(self) -> None:
        if not self.readonly:
            # Leave a plain file behind: everything in it, no WAL, readable from read-only media.
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                self.db.execute("PRAGMA journal_mode = DELETE")
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self._lock is not None:
            connection.release_lock(self._lock)
            self._lock = None

    def __enter__(self) -> Document:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing and listening ----------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        """Call ``listener`` with the changes of every committed write."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    @contextlib.contextmanager
    def write(self) -> Iterator[Transaction]:
        """One transaction: committed when the block ends, rolled back if it raises.

        SQLite failures the user can meet (disk full, read-only, damaged) come out as
        DocumentErrors; a nested ``write`` joins the outer transaction.
        """
        if self.readonly:
            raise ReadOnlyDocument(self.path)
        if self._open_tx is not None:
            yield self._open_tx
            return
        tx = Transaction(self.db)
        self._open_tx = tx
        try:
            with self.db.atomic():
                yield tx
        except sqlite3.Error as error:
            known = translate_sqlite_error(self.path, error, writing=True)
            if known is not None:
                raise known from error
            raise
        finally:
            self._open_tx = None
        self.settle()
        for listener in list(self._listeners):
            listener(tuple(tx.changes))

    def settle(self) -> bool:
        """Copy the committed writes from the WAL into the main file; True when it holds them all.

        People copy ``NAME.workshop`` alone (a file manager, a mail attachment, a USB stick),
        without its ``-wal``: so every commit is followed by a checkpoint. It is PASSIVE, so it
        never waits: while a background reader (an export, a backup) holds an older snapshot,
        the newest frames stay in the WAL (safe, but not yet in the main file) and
        :attr:`settled` is False until a later call, which the application makes when idle.
        """
        if self.readonly:
            return True
        try:
            row = self.db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            # The commit is durable in the WAL; the main file catches up on a later call.
            self.settled = False
            return False
        _busy, in_wal, copied = row
        self.settled = in_wal == copied
        return self.settled

    # -- whole-document reads -----------------------------------------------------------

    def record(self) -> WorkshopRecord:
        """Everything in the document, in recorded order."""
        return read_record(self.db)
