"""The status bar: the open file, whether everything is saved, and room for a clock."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

if TYPE_CHECKING:
    from workshop_app.ui.session import Session


def saved_text(when: datetime.datetime | None) -> str:
    """ "All changes saved · 10:42" (the time of the last write), or without a time before one."""
    if when is None:
        return "All changes saved"
    return f"All changes saved · {when:%H:%M}"


class DocumentStatusBar(QStatusBar):
    """Shows the session's file and the time of its last committed write."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.file_label.setObjectName("statusFile")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("statusSaved")
        self.addWidget(self.file_label, 1)
        self.addPermanentWidget(self.saved_label)
        self._session: Session | None = None
        self.set_session(None)

    def add_indicator(self, widget: QWidget) -> None:
        """Add a permanent widget at the right end (the workshop clock, later)."""
        self.addPermanentWidget(widget)

    def set_session(self, session: Session | None) -> None:
        if self._session is not None:
            self._session.saved.disconnect(self._show_saved)
        self._session = session
        if session is None:
            self.file_label.clear()
            self.file_label.setToolTip("")
            self.saved_label.clear()
            return
        self.file_label.setText(session.path.name)
        self.file_label.setToolTip(str(session.path))
        session.saved.connect(self._show_saved)
        self._show_saved(session.last_saved)

    def _show_saved(self, when: datetime.datetime | None) -> None:
        self.saved_label.setText(saved_text(when))
