"""Typing survives a crash: what is in a text box is kept in the file as a draft a few
seconds after typing pauses (and when the file closes), and offered back next time."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from workshop_app.errors import KnownError
from workshop_app.store.drafts import DraftStore

#: How long typing may pause before what is in the box is kept.
DELAY_MS = 2000


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

    def offer(self) -> None:
        """Put back what was being typed under this key, if the box is empty."""
        self.restored = False
        if self.key is None or self._drafts is None or self._box.toPlainText().strip():
            return
        draft = self._drafts().get(self.key)
        if draft:
            self.set_text(draft)
            self._last = (self.key, draft)
            self.restored = True
