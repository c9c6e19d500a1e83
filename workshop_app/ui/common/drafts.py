"""Typing survives a crash, or a dialog cancelled by mistake: what is in a text box is kept in
the file as a draft a few seconds after typing pauses (and when the file closes, or a dialog
is cancelled), and offered back next time."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from workshop_app.errors import KnownError
from workshop_app.store.drafts import DraftStore

#: How long typing may pause before what is in the box is kept.
DELAY_MS = 2000
#: What a dialog says when it shows a draft in place of what is on record.
RESTORED = "Restored what was typed here before the dialog was cancelled."


class DraftKeeper(QObject):
    """Keeps ``box``'s text under ``key`` (set by the owner; None: nothing to keep)."""

    def __init__(
        self, box: QPlainTextEdit, drafts: Callable[[], DraftStore] | None, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(box)
        self._box = box
        self._drafts = drafts
        self.key: str | None = None
        self.restored = False
        self._last: tuple[str, str] = ("", "")
        self._quiet = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.keep)
        box.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if not self._quiet:
            self._timer.start()

    def set_text(self, text: str) -> None:
        """Change the box's text without it counting as typing."""
        self._quiet = True
        try:
            self._box.setPlainText(text)
        finally:
            self._quiet = False

    def keep(self) -> None:
        """Keep what is in the box (replacing the last draft under this key)."""
        self._timer.stop()
        text = self._box.toPlainText()
        if self.key is None or self._drafts is None or (self.key, text) == self._last:
            return
        with contextlib.suppress(KnownError, RuntimeError):
            # A draft is a courtesy: if it cannot be written, the box still holds the text.
            self._drafts().save(self.key, text)
            self._last = (self.key, text)

    def offer(self, *, replace: bool = False) -> None:
        """Put back what was being typed under this key, if the box is empty (or, with
        ``replace``, in place of the text the box was opened with)."""
        self.restored = False
        if self.key is None or self._drafts is None:
            return
        if not replace and self._box.toPlainText().strip():
            return
        draft = self._drafts().get(self.key)
        if draft and draft != self._box.toPlainText():
            self.set_text(draft)
            self._last = (self.key, draft)
            self.restored = True

    def discard(self) -> None:
        """The text is on record, or was never changed: no draft is kept for it."""
        self._timer.stop()
        if self.key is None or self._drafts is None:
            return
        with contextlib.suppress(KnownError, RuntimeError):
            if self._drafts().get(self.key) is not None:
                self._drafts().clear(self.key)
            self._last = (self.key, "")


@dataclass(frozen=True)
class DraftSlot:
    """Where a dialog's text box keeps its draft: the open file's drafts, under ``key``
    (one key per dialog and target: "summary:ITEM", "contribution:ID"...)."""

    drafts: Callable[[], DraftStore]
    key: str

    def under(self, part: str) -> DraftSlot:
        """The slot of another box of the same dialog."""
        return DraftSlot(self.drafts, f"{self.key}:{part}")


def point_draft(drafts: Callable[[], DraftStore], item_id: str, point_id: str | None) -> DraftSlot:
    """The Consensus dialog's drafts: of a point, or of a new one on an item."""
    return DraftSlot(drafts, f"consensus:{point_id}" if point_id else f"consensus:new:{item_id}")


def next_step_draft(
    drafts: Callable[[], DraftStore], action_id: str | None, item_id: str | None
) -> DraftSlot:
    """The Next Step dialog's draft: of a next step, or of a new one (from an item)."""
    return DraftSlot(drafts, f"next-step:{action_id}" if action_id else f"next-step:new:{item_id}")


def keep_while_open(dialog: QDialog, box: QPlainTextEdit, slot: DraftSlot | None) -> bool:
    """Offer ``slot``'s draft in ``box``; when ``dialog`` is cancelled with its text changed,
    keep that text as the draft; when it is confirmed, drop the draft. True when a draft was
    put back in the box."""
    if slot is None:
        return False
    keeper = DraftKeeper(box, slot.drafts)
    keeper.key = slot.key
    opened_with = box.toPlainText()
    keeper.offer(replace=True)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted.value or box.toPlainText() == opened_with:
            keeper.discard()
        else:
            keeper.keep()

    dialog.finished.connect(finished)
    return keeper.restored
