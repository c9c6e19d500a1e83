"""The status bar: the open file, whether everything is saved, and room for a clock."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from workshop_app.ui.loader import deferred

if TYPE_CHECKING:
    from workshop_app.domain import clock
    from workshop_app.ui.session import Session
else:  # zoneinfo and the clock helpers load with the first workshop, after the first paint
    clock = deferred("workshop_app.domain.clock")


#: In place of "All changes saved" when the file was opened for reading only.
READ_ONLY = "Read-only: changes are not saved"


def saved_text(when: datetime.datetime | None, timezone: str | None = None) -> str:
    """ "All changes saved · 10:42" (the time of the last write on the workshop's clock), or
    without a time before one."""
    if when is None:
        return "All changes saved"
    return f"All changes saved · {clock.venue_hhmm(when, timezone)}"


def backup_text(when: datetime.datetime, timezone: str | None = None) -> str:
    """ "Backed up 14:32": when the last automatic backup was made, on the workshop's clock."""
    return f"Backed up {clock.venue_hhmm(when, timezone)}"


class DocumentStatusBar(QStatusBar):
    """Shows the session's file and the time of its last committed write."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.file_label.setObjectName("statusFile")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("statusSaved")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("statusBackup")
        self.backup_label.setContentsMargins(0, 0, 12, 0)
        self.backup_label.setToolTip("When the last automatic backup was made (File > Restore)")
        self.zone_label = QLabel()  # whose clock the times are on, when not this computer's
        self.zone_label.setObjectName("statusZone")
        self.zone_label.setContentsMargins(0, 0, 12, 0)
        self.addWidget(self.file_label, 1)
        self.addPermanentWidget(self.zone_label)
        self.addPermanentWidget(self.backup_label)
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
        self.backup_label.clear()
        self.zone_label.clear()
        if session is None:
            self.file_label.clear()
            self.file_label.setToolTip("")
            self.saved_label.clear()
            return
        self.file_label.setText(session.path.name)
        self.file_label.setToolTip(str(session.path))
        session.saved.connect(self._show_saved)
        self._show_saved(session.last_saved)

    def _timezone(self) -> str | None:
        session = self._session
        return session.workshop.get().timezone if session and session.is_open else None

    def _show_saved(self, when: datetime.datetime | None) -> None:
        timezone = self._timezone()
        if self._session is not None and self._session.readonly:
            self.saved_label.setText(READ_ONLY)
        else:
            self.saved_label.setText(saved_text(when, timezone))
        # After every write, which is also when the workshop's time zone may have changed.
        now = self._session.clock() if self._session else datetime.datetime.now().astimezone()
        label = clock.zone_label(timezone, now)
        self.zone_label.setText(label)
        self.zone_label.setToolTip(
            f"Every time shown is on the workshop's clock ({timezone}), not this computer's."
            if label
            else ""
        )

    def show_backup(self, when: datetime.datetime) -> None:
        """Say when the last automatic backup of the open workshop was made."""
        self.backup_label.setText(backup_text(when, self._timezone()))
