"""Recording or editing a next step: what, who (a participant or free text), by when."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import AgendaItem, NextStep, NextStepStatus, Participant, new_id
from workshop_app.domain.outcomes import NEXT_STEP_LABELS
from workshop_app.ui.common.drafts import RESTORED, DraftSlot, keep_while_open
from workshop_app.ui.common.folding import fold
from workshop_app.ui.common.form_widgets import PlainTextField
from workshop_app.ui.common.roomy import make_roomy

ALL_PARTICIPANTS = "All participants"


class NextStepDialog(QDialog):
    def __init__(
        self,
        step: NextStep | None,
        people: Sequence[Participant],
        items: Sequence[AgendaItem],
        default_item_id: str | None,
        today: QDate,
        parent: QWidget | None = None,
        draft: DraftSlot | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = step
        self._people = {p.id: p for p in people}
        self.setWindowTitle("Next Step" if step else "Record Next Step")
        self.text = PlainTextField()
        self.text.setAccessibleName("What will be done")
        self.owner = QComboBox()
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner.setAccessibleName("Owner: a participant, an organisation, or anyone")
        self.owner.addItem("", None)
        self.owner.addItem(ALL_PARTICIPANTS, None)
        for person in sorted(people, key=lambda p: p.name.casefold()):
            org = f" — {person.organisation}" if person.organisation else ""
            self.owner.addItem(f"{person.name}{org}", person.id)
        completer = QCompleter(self.owner.model(), self.owner)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.owner.setCompleter(completer)
        self.has_due = QCheckBox("&Due by")
        self.due = QDateEdit(today.addDays(30))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("ddd d MMM yyyy")
        self.due.setAccessibleName("Due date")
        self.has_due.toggled.connect(self.due.setEnabled)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status, label in NEXT_STEP_LABELS.items():
            self.status.addItem(label, status.value)
        self.item = QComboBox()
        self.item.setAccessibleName("Agenda item it came from")
        self.item.addItem("Not tied to an item", None)
        for agenda_item in items:
            self.item.addItem(agenda_item.title, agenda_item.id)
        self.item.setCurrentIndex(max(0, self.item.findData(default_item_id)))
        self.note = QLabel()
        self.note.setStyleSheet("color: #b3261e;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due, 1)
        form = QFormLayout()
        form.addRow("&Next step:", self.text)
        form.addRow("&Owner:", self.owner)
        form.addRow("", due_row)
        form.addRow("&Status:", self.status)
        form.addRow("From &item:", self.item)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self._fill(step)
        if keep_while_open(self, self.text, draft):
            self.note.setText(RESTORED)
        make_roomy(self, self._accept, min_height=360)

    def _fill(self, step: NextStep | None) -> None:
        self.has_due.setChecked(bool(step and step.due))
        self.due.setEnabled(self.has_due.isChecked())
        if step is None:
            return
        self.text.setPlainText(step.text)
        index = self.owner.findData(step.owner_participant_id) if step.owner_participant_id else -1
        if index >= 0:
            self.owner.setCurrentIndex(index)
        else:
            self.owner.setEditText(step.owner or "")
        if step.due:
            self.due.setDate(QDate.fromString(step.due, Qt.DateFormat.ISODate))
        self.status.setCurrentIndex(self.status.findData(step.status.value))
        self.item.setCurrentIndex(max(0, self.item.findData(step.agenda_item_id)))

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.note.setText("A next step needs some text.")
            self.text.setFocus()
            return
        self.accept()

    def _owner(self) -> tuple[str | None, str | None]:
        """(free text, participant id): a name picked from the list is a participant."""
        typed = self.owner.currentText().strip()
        index = self.owner.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index < 0 and typed:
            # Part of one person's name or organisation ("rusu", Return): that person, as
            # the speaker boxes take it (a fragment matching several, or none, stays text).
            found = [
                i
                for i in range(self.owner.count())
                if self.owner.itemData(i) and fold(typed) in fold(self.owner.itemText(i))
            ]
            index = found[0] if len(found) == 1 else -1
        participant_id = self.owner.itemData(index) if index >= 0 else None
        if participant_id:
            return self._people[participant_id].name, str(participant_id)
        return typed or None, None

    def next_step(self) -> NextStep:
        owner, owner_participant_id = self._owner()
        original = self._original
        return NextStep(
            id=original.id if original else new_id(),
            text=self.text.toPlainText().strip(),
            agenda_item_id=self.item.currentData(),
            owner=owner,
            owner_participant_id=owner_participant_id,
            due=self.due.date().toString(Qt.DateFormat.ISODate)
            if self.has_due.isChecked()
            else None,
            status=NextStepStatus(self.status.currentData()),
        )
