"""The open workshop as the UI sees it: the document plus Qt signals for its changes."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from workshop_app.domain.clock import Clock, system_now
from workshop_app.domain.model import Workshop
from workshop_app.store import Change, Document
from workshop_app.store.agenda import AgendaStore
from workshop_app.store.consensus import ConsensusStore
from workshop_app.store.contributions import ContributionStore
from workshop_app.store.days import DayStore
from workshop_app.store.drafts import DraftStore
from workshop_app.store.groups import GroupStore
from workshop_app.store.next_steps import NextStepStore
from workshop_app.store.participants import ParticipantStore
from workshop_app.store.run import RunStore
from workshop_app.store.speeches import SpeechStore
from workshop_app.store.workshop import WorkshopStore
from workshop_app.ui.edits.commands import Editor

#: How soon the main file is completed again when an export or a backup held a write in the WAL.
SETTLE_RETRY_MS = 500


class Session(QObject):
    """Owns one open Document; panels read and write through its stores, never through SQL.

    After every committed write it emits ``changed`` with the write's tuple of Change, then
    ``saved`` with the local time of that write.
    """

    changed = Signal(object)  # tuple[Change, ...]
    saved = Signal(object)  # datetime.datetime
    #: Emitted before the document closes, so that panels can write pending edits.
    about_to_close = Signal()
    #: An edit made through ``editor`` failed (the exception); the window tells the user.
    edit_failed = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document: Document | None = document
        self.path = document.path
        self.last_saved: datetime.datetime | None = None
        #: What "now" is for the chair's clocks and recorded times (tests fix it).
        self.clock: Clock = system_now
        #: The document's undo stack, and the one way panels make undoable edits.
        self.undo_stack = QUndoStack(self)
        self.editor = Editor(self.undo_stack, self.edit_failed.emit)
        #: Retries the main file's catch-up while a background reader held it back.
        self._settle_timer = QTimer(self)
        self._settle_timer.setInterval(SETTLE_RETRY_MS)
        self._settle_timer.timeout.connect(self._settle)
        document.subscribe(self._on_committed)

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None, *, readonly: bool = False) -> Session:
        """Open an existing workshop file; raises a DocumentError when it cannot be used."""
        return cls(Document.open(path, readonly=readonly), parent)

    @property
    def readonly(self) -> bool:
        """Opened for reading only: every edit is refused in words."""
        return self._document is not None and self._document.readonly

    @classmethod
    def create(cls, path: Path, workshop: Workshop, *, overwrite: bool = False) -> Session:
        """Create a new workshop file holding ``workshop`` and open it."""
        return cls(Document.create(path, workshop, overwrite=overwrite))

    # -- the stores panels use ----------------------------------------------------------

    def _open_document(self) -> Document:
        if self._document is None:
            raise RuntimeError(f"{self.path} has been closed")
        return self._document

    @property
    def workshop(self) -> WorkshopStore:
        return self._open_document().workshop

    @property
    def participants(self) -> ParticipantStore:
        return self._open_document().participants

    @property
    def agenda(self) -> AgendaStore:
        return self._open_document().agenda

    @property
    def days(self) -> DayStore:
        return self._open_document().days

    @property
    def groups(self) -> GroupStore:
        return self._open_document().groups

    @property
    def contributions(self) -> ContributionStore:
        return self._open_document().contributions

    @property
    def speeches(self) -> SpeechStore:
        return self._open_document().speeches

    @property
    def run(self) -> RunStore:
        return self._open_document().run

    @property
    def consensus(self) -> ConsensusStore:
        return self._open_document().consensus

    @property
    def next_steps(self) -> NextStepStore:
        return self._open_document().next_steps

    @property
    def drafts(self) -> DraftStore:
        return self._open_document().drafts

    @property
    def is_open(self) -> bool:
        return self._document is not None

    # -- lifecycle ----------------------------------------------------------------------

    def close(self) -> None:
        """Let panels write what is pending, then close the document (idempotent)."""
        if self._document is None:
            return
        self.about_to_close.emit()
        self.undo_stack.clear()
        self._settle_timer.stop()
        document, self._document = self._document, None
        document.unsubscribe(self._on_committed)
        document.close()

    def _on_committed(self, changes: Sequence[Change]) -> None:
        self.last_saved = datetime.datetime.now().astimezone()
        self.changed.emit(tuple(changes))
        self.saved.emit(self.last_saved)
        if self._document is not None and not self._document.settled:
            self._settle_timer.start()

    def _settle(self) -> None:
        """Bring the main file up to date with the WAL; stop once it is."""
        if self._document is None or self._document.settle():
            self._settle_timer.stop()
