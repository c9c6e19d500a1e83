"""The export dialog's choices for the document a secretariat sends: its status (final or
draft), its date of issue, numbered paragraphs and the agenda's "Actual" column. Minutes only:
the agenda handout has none of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, QSettings, SignalInstance
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QFormLayout, QLabel

from workshop_app.minutes.options import Status


class FrontChoices:
    """The widgets of these choices, the options they make, and their memory per workshop."""

    def __init__(self) -> None:
        self.status = QComboBox()
        self.status.addItem("Final", Status.FINAL.value)
        self.status.addItem("Draft (marked DRAFT on every page)", Status.DRAFT.value)
        # Said once here; the preview's banner then shows why a "final" export is a draft.
        self.status_note = QLabel("Draft anyway while items of the agenda are still to be held.")
        self.status_note.setWordWrap(True)
        self.status_note.setStyleSheet("color: palette(placeholder-text);")
        self.issued = QDateEdit(QDate.currentDate())
        self.issued.setCalendarPopup(True)
        self.issued.setDisplayFormat("d MMMM yyyy")
        self.numbered = QCheckBox("&Number the paragraphs (1., 2., … as at the UN)")
        self.actual_times = QCheckBox("Show when each item actually &ran (agenda)")

    def add_rows(self, form: QFormLayout, *, shown: bool) -> None:
        form.addRow("", self.numbered)
        form.addRow("", self.actual_times)
        form.addRow("Stat&us:", self.status)
        form.addRow("", self.status_note)
        form.addRow("&Date of issue:", self.issued)
        for widget in (self.numbered, self.actual_times, self.status, self.status_note):
            form.setRowVisible(widget, shown)
        form.setRowVisible(self.issued, shown)

    def signals(self) -> tuple[SignalInstance, ...]:
        return (
            self.status.currentIndexChanged,
            self.issued.dateChanged,
            self.numbered.toggled,
            self.actual_times.toggled,
        )

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.status, self.issued, self.numbered, self.actual_times):
            widget.setEnabled(enabled)

    def options(self) -> dict[str, Any]:
        """The MinutesOptions fields these choices set."""
        return {
            "status": Status(self.status.currentData()),
            "issued": self.issued.date().toString("yyyy-MM-dd"),
            "numbered": self.numbered.isChecked(),
            "actual_times": self.actual_times.isChecked(),
        }

    def restore(self, settings: QSettings, key: str) -> None:
        """The last export's choices (the date of issue is today's again)."""
        index = self.status.findData(settings.value(f"{key}/status"))
        if index >= 0:
            self.status.setCurrentIndex(index)
        self.numbered.setChecked(bool(settings.value(f"{key}/numbered", False, type=bool)))
        actual = settings.value(f"{key}/actual_times", False, type=bool)
        self.actual_times.setChecked(bool(actual))

    def remember(self, settings: QSettings, key: str) -> None:
        settings.setValue(f"{key}/status", self.status.currentData())
        settings.setValue(f"{key}/numbered", self.numbered.isChecked())
        settings.setValue(f"{key}/actual_times", self.actual_times.isChecked())
