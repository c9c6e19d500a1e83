"""Correcting the record: everything about one contribution in one dialog, and the speaker of
several at once ("these three were said by X")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import (
    AgendaItem,
    Contribution,
    ContributionKind,
    ItemKind,
    Participant,
)
from workshop_app.ui.common.drafts import RESTORED, DraftSlot, keep_while_open
from workshop_app.ui.common.folding import fold
from workshop_app.ui.common.form_widgets import PlainTextField
from workshop_app.ui.common.roomy import make_roomy
from workshop_app.ui.run.entry_choices import fill_speaker_choices
from workshop_app.ui.run.feed_model import KIND_LABELS
from workshop_app.ui.run.speaker_box import SpeakerBox


def _buttons(dialog: QDialog, confirm: Any) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(confirm)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _speaker_box(people: Sequence[Participant], name: str, chosen: str | None) -> SpeakerBox:
    box = SpeakerBox()
    box.setAccessibleName(name)
    fill_speaker_choices(box, people)
    box.setCurrentIndex(max(0, box.findData(chosen or "")))
    line = box.lineEdit()
    if line is not None:
        line.setCursorPosition(0)  # the name, not the end of a long organisation
    return box


def named_row(box: SpeakerBox) -> int:
    """The row a speaker box names: the one picked, or the one whose text holds what was
    typed (accents and case aside); -1 when that is no one, or several."""
    typed = fold(box.currentText())
    if not typed:
        return -1
    current = box.currentIndex()
    if current >= 0 and fold(box.itemText(current)) == typed:
        return current
    found = [row for row in range(box.count()) if typed in fold(box.itemText(row))]
    exact = [row for row in found if fold(box.itemText(row)) == typed]
    chosen = exact or found
    return chosen[0] if len(chosen) == 1 else -1


def _said_by(box: SpeakerBox) -> str | None:
    value = box.itemData(named_row(box))
    return str(value) if value else None


#: What a dialog says when its speaker box names no one (or several).
NAME_ONE = "Choose one person from the list (or From the floor)."


class ContributionDialog(QDialog):
    """Text, speaker, kind, item, question and highlight of one contribution; ``changes()``
    are the fields the user changed (what the store is asked to set)."""

    def __init__(
        self,
        contribution: Contribution,
        people: Sequence[Participant],
        items: Sequence[AgendaItem],
        parent: QWidget | None = None,
        draft: DraftSlot | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = contribution
        self._items = {
            i.id: i
            for i in items
            if i.kind == ItemKind.SESSION or i.id == contribution.agenda_item_id
        }
        self.setWindowTitle("Edit Contribution")
        self.text = PlainTextField()
        self.text.setAccessibleName("What was said")
        self.text.setPlainText(contribution.text)
        self.speaker = _speaker_box(people, "Speaker", contribution.participant_id)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of contribution")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(label, kind.value)
        self.kind.setCurrentIndex(self.kind.findData(contribution.kind.value))
        self.item = QComboBox()
        self.item.setAccessibleName("Agenda item")
        for item in self._items.values():
            self.item.addItem(item.title, item.id)
        self.item.setCurrentIndex(max(0, self.item.findData(contribution.agenda_item_id)))
        self.question = QComboBox()
        self.question.setAccessibleName("Guiding question")
        self._fill_questions(contribution.question_id)
        self.item.currentIndexChanged.connect(lambda _i: self._fill_questions(None))
        self.highlight = QCheckBox("★ &Highlight this contribution")
        self.highlight.setChecked(contribution.highlight)
        self.note = QLabel()
        self.note.setObjectName("contributionNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("QLabel#contributionNote { color: #b3261e; }")
        form = QFormLayout()
        form.addRow("&What was said:", self.text)
        form.addRow("Spe&aker:", self.speaker)
        form.addRow("&Kind:", self.kind)
        form.addRow("Agenda &item:", self.item)
        form.addRow("&Question:", self.question)
        form.addRow("", self.highlight)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.note)
        layout.addWidget(_buttons(self, self._confirm))
        if keep_while_open(self, self.text, draft):
            self.note.setText(RESTORED)
        make_roomy(self, self._confirm, min_height=360)
        self.text.setFocus()

    def _fill_questions(self, chosen: str | None) -> None:
        item = self._items.get(str(self.item.currentData()))
        self.question.clear()
        self.question.addItem("No particular question", None)
        for number, q in enumerate(item.questions if item else (), start=1):
            self.question.addItem(f"Q{number}  {q.text}", q.id)
        self.question.setCurrentIndex(max(0, self.question.findData(chosen)))

    def _confirm(self) -> None:
        if not self.text.toPlainText().strip():
            self.note.setText("A contribution needs some text.")
            self.text.setFocus()
            return
        if named_row(self.speaker) < 0:
            self.note.setText(NAME_ONE)
            self.speaker.setFocus()
            return
        self.accept()

    def changes(self) -> dict[str, Any]:
        """The fields as the user left them, those that differ from the record."""
        original = self._original
        now: dict[str, Any] = {
            "text": self.text.toPlainText().strip(),
            "participant_id": _said_by(self.speaker),
            "kind": ContributionKind(self.kind.currentData()),
            "agenda_item_id": self.item.currentData(),
            "question_id": self.question.currentData(),
            "highlight": self.highlight.isChecked(),
        }
        return {field: value for field, value in now.items() if getattr(original, field) != value}


class SpeakerDialog(QDialog):
    """Who said the contributions chosen: a participant, or from the floor."""

    def __init__(
        self, count: int, people: Sequence[Participant], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change Speaker")
        self.speaker = _speaker_box(people, "Said by", None)
        self.speaker.setCurrentIndex(-1)
        self.speaker.setEditText("")
        said = "this contribution was" if count == 1 else f"these {count} contributions were"
        label = QLabel(f"&Who {said} said by (type part of a name, or pick from the list):")
        label.setBuddy(self.speaker)
        label.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("speakerNote")
        self.note.setStyleSheet("QLabel#speakerNote { color: #b3261e; }")
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.speaker)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(_buttons(self, self._confirm))
        make_roomy(self, self._confirm, min_height=160)
        self.resize(self.width(), self.minimumSizeHint().height())
        self.speaker.setFocus()

    def _confirm(self) -> None:
        if named_row(self.speaker) < 0:
            self.note.setText(NAME_ONE)
            self.speaker.setFocus()
            return
        self.accept()

    def chosen(self) -> str | None:
        """The participant's id; None for the floor."""
        return _said_by(self.speaker)
