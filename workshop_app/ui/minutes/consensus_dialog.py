"""Recording or editing a consensus point: its text, question, status, the dissent recorded
with it, and the contributions that support it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    new_id,
)
from workshop_app.domain.outcomes import STATUS_LABELS, WITH_DISSENT
from workshop_app.ui.common.drafts import RESTORED, DraftSlot, keep_while_open
from workshop_app.ui.common.form_widgets import PlainTextField
from workshop_app.ui.common.roomy import make_roomy

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ConsensusDialog(QDialog):
    """``point()`` is the point as the user left it (a new id when it is new)."""

    def __init__(
        self,
        item: AgendaItem,
        point: ConsensusPoint | None,
        supporting: Sequence[Contribution],
        describe: dict[str, str],
        parent: QWidget | None = None,
        draft: DraftSlot | None = None,
    ) -> None:
        """``describe`` maps a contribution id to how it is shown (time, speaker, text);
        ``draft`` keeps the texts typed when the dialog is cancelled."""
        super().__init__(parent)
        self._item = item
        self._original = point
        self.setWindowTitle("Consensus Point" if point else "Record Consensus Point")
        self.text = PlainTextField()
        self.text.setAccessibleName("Consensus point")
        self.question = QComboBox()
        self.question.setAccessibleName("Guiding question")
        self.question.addItem("No particular question", None)
        for number, q in enumerate(item.questions, start=1):
            self.question.addItem(f"Q{number}  {q.text}", q.id)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for status, label in STATUS_LABELS.items():
            self.status.addItem(label, status.value)
        self.reservations = PlainTextField()
        self.reservations.setAccessibleName("Reservations or minority views, as said")
        self.reservations.setPlaceholderText(
            "Who disagreed or had reservations, and what they said (recorded as said)."
        )
        self.support = QListWidget()
        self.support.setAccessibleName("Supporting contributions")
        self.support.setWordWrap(True)
        self.unlink_button = QPushButton("&Unlink")
        self.unlink_button.clicked.connect(self._unlink_selected)
        for contribution in supporting:
            row = QListWidgetItem(describe.get(contribution.id, contribution.text))
            row.setData(ID_ROLE, contribution.id)
            self.support.addItem(row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._fill(point, supporting)
        restored = keep_while_open(self, self.text, draft)
        if keep_while_open(self, self.reservations, draft and draft.under("reservations")):
            restored = True
        if restored:
            self.note.setText(RESTORED)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()
        make_roomy(self, self._accept, min_height=520)

    def _layout(self) -> None:
        form = QFormLayout()
        for label, widget in (
            ("&Point:", self.text),
            ("&Question:", self.question),
            ("&Status:", self.status),
            ("&Reservations:", self.reservations),
        ):
            form.addRow(label, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        support_label = QLabel("Supporting &contributions")
        support_label.setBuddy(self.support)
        layout.addWidget(support_label)
        layout.addWidget(self.support)
        layout.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignRight)
        self.note = QLabel()
        self.note.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.text.setMinimumHeight(70)
        self.reservations.setMinimumHeight(60)

    def _fill(self, point: ConsensusPoint | None, supporting: Sequence[Contribution]) -> None:
        if point is None:
            # Proposed from contributions: the text starts from theirs, for editing.
            self.text.setPlainText("\n".join(c.text for c in supporting))
            questions = {c.question_id for c in supporting if c.question_id}
            if len(questions) == 1:
                self.question.setCurrentIndex(self.question.findData(questions.pop()))
            return
        self.text.setPlainText(point.text)
        self.question.setCurrentIndex(max(0, self.question.findData(point.question_id)))
        self.status.setCurrentIndex(self.status.findData(point.status.value))
        self.reservations.setPlainText(point.reservations or "")

    def _status_changed(self) -> None:
        dissent = ConsensusStatus(self.status.currentData()) in WITH_DISSENT
        self.reservations.setEnabled(dissent or bool(self.reservations.toPlainText()))

    def _unlink_selected(self) -> None:
        for row in self.support.selectedItems():
            self.support.takeItem(self.support.row(row))

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.note.setText("A consensus point needs some text.")
            self.text.setFocus()
            return
        self.accept()

    def supporting_ids(self) -> list[str]:
        return [str(self.support.item(i).data(ID_ROLE)) for i in range(self.support.count())]

    def point(self) -> ConsensusPoint:
        original = self._original
        return ConsensusPoint(
            id=original.id if original else new_id(),
            agenda_item_id=self._item.id,
            text=self.text.toPlainText().strip(),
            question_id=self.question.currentData(),
            status=ConsensusStatus(self.status.currentData()),
            reservations=self.reservations.toPlainText().strip() or None,
            supporting_contribution_ids=tuple(self.supporting_ids()),
            recorded_at=original.recorded_at if original else None,
        )
