"""The form beside the agenda when a day's heading is selected: its date, start and end,
each saved as one undoable edit when the field is left."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from workshop_app.domain.model import Day
from workshop_app.ui.common.form_widgets import FieldNote, with_note
from workshop_app.ui.edits.prepare_edits import DayEdits
from workshop_app.ui.prepare.date_field import DATE_FORMAT, NO_DATE, optional_date_edit
from workshop_app.ui.prepare.field_values import FieldError, check_start_time

_TIMES = {"start_time": "the start", "end_time": "the end"}


class DayForm(QWidget):
    """Date, start time and (optional) end time of one day of the workshop."""

    def __init__(self, edits: DayEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self._day: Day | None = None
        self._loading = False
        self.heading = QLabel()
        self.heading.setObjectName("dayHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.date = optional_date_edit()
        self.start_time = QLineEdit()
        self.start_time.setPlaceholderText("HH:MM, e.g. 09:00")
        self.end_time = QLineEdit()
        self.end_time.setPlaceholderText("HH:MM, or empty: when the agenda ends")
        for line in (self.start_time, self.end_time):
            line.setMaxLength(8)
        self.hint = QLabel(
            "Items move between days with Alt+Up and Alt+Down, or by dragging them. "
            "Delete removes a day that has no items."
        )
        self.hint.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.heading)
        self._notes: dict[str, FieldNote] = {}
        for key, text, widget in (
            ("date", "Da&te:", self.date),
            ("start_time", "&Starts at:", self.start_time),
            ("end_time", "E&nds at:", self.end_time),
        ):
            cell, self._notes[key] = with_note(widget)
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(f"Day {text.replace('&', '').rstrip(':').lower()}")
            form.addRow(label, cell)
        form.addRow(self.hint)
        self.date.dateChanged.connect(self._save_date)
        self.start_time.editingFinished.connect(lambda: self._save_time("start_time"))
        self.end_time.editingFinished.connect(lambda: self._save_time("end_time"))

    def show_day(self, day: Day, heading: str) -> None:
        """Show ``day``'s values (what is in the file) under ``heading``; a field being
        typed in keeps its text."""
        if self._day is None or self._day.id != day.id:
            for line in (self.start_time, self.end_time):
                line.setModified(False)  # typed for another day, and saved as focus left
        self._day = day
        self._loading = True
        try:
            self.heading.setText(heading)
            stored = QDate.fromString(day.date or "", DATE_FORMAT)
            self.date.setDate(stored if stored.isValid() else NO_DATE)
            for key, line in (("start_time", self.start_time), ("end_time", self.end_time)):
                if not line.isModified():
                    line.setText(getattr(day, key) or "")
        finally:
            self._loading = False

    def focus_date(self) -> None:
        self.date.setFocus()
        self.date.selectAll()

    def commit_pending(self) -> None:
        """Save a time typed and not confirmed yet (a command is about to run)."""
        for key, line in (("start_time", self.start_time), ("end_time", self.end_time)):
            if line.isModified():
                self._save_time(key)

    def _save_date(self, date: QDate) -> None:
        day = self._day
        if self._loading or day is None:
            return
        value = None if date == NO_DATE else date.toString(DATE_FORMAT)
        if value != day.date:
            self._edits.update(day.id, date=value)

    def _save_time(self, key: str) -> None:
        day = self._day
        line = self.start_time if key == "start_time" else self.end_time
        if self._loading or day is None:
            return
        line.setModified(False)
        try:
            value = check_start_time(line.text())
        except FieldError:
            self._notes[key].show_text(f"Type {_TIMES[key]} as hours and minutes, e.g. 09:30.")
            line.setText(getattr(day, key) or "")
            return
        self._notes[key].clear_text()
        line.setText(value or "")  # the tidied value: "9:30" → "09:30"
        if value != getattr(day, key):
            self._edits.update(day.id, **{key: value})
