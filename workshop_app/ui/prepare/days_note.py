"""The line under the details' date and start time when the workshop has several days: those
two fields are the first day's, and each day's are set in Prepare > Agenda."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.domain.model import Day
from workshop_app.errors import KnownError
from workshop_app.store import Change, Entity
from workshop_app.ui.prepare.agenda_rows import date_span
from workshop_app.ui.session import Session


def days_text(days: Sequence[Day]) -> str:
    """``3 days: Tue 10 Mar – Thu 12 Mar 2009. …``; empty for a one-day workshop."""
    if len(days) < 2:
        return ""
    return (
        f"{len(days)} days: {date_span(days)}. The date and start time here are the first "
        "day's; each day's are set in Prepare > Agenda."
    )


class DaysNote(QLabel):
    """Hidden for one day; with several, says so (and describes ``fields`` to screen readers)."""

    def __init__(self, session: Session, *fields: QWidget) -> None:
        super().__init__()
        self._session = session
        self._fields = fields
        self.setObjectName("daysNote")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        session.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        if any(change.entity in (Entity.DAY, Entity.WORKSHOP) for change in changes):
            self.refresh()

    def refresh(self) -> None:
        try:
            text = days_text(self._session.days.list())
        except KnownError:
            return  # the file cannot be read now; keep what is shown
        self.setText(text)
        self.setVisible(bool(text))
        for field in self._fields:
            field.setAccessibleDescription(text)
