"""The bar shown while several participants are selected: one field set for all of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from workshop_app.domain.limits import MAX_LINE
from workshop_app.domain.model import Participant, Role
from workshop_app.ui.edits.prepare_edits import BULK_FIELD_NAMES

#: Fields typed in, or picked from the values the roster already uses (a new group joins
#: the workshop's list).
TYPED_FIELDS = ("stakeholder_group", "organisation", "country")
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _value(person: Participant, field: str) -> object:
    value = getattr(person, field)
    return value.value if isinstance(value, Role) else value


class BulkEditBar(QFrame):
    """A bar reading "3 selected · Set [Group] to [Academia] [Apply]": Apply (or Enter in a box)
    emits ``applied`` with the field's name and the value; Escape emits ``dismissed``."""

    applied = Signal(str, object)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._selected: list[Participant] = []
        self._everyone: list[Participant] = []
        self._groups: list[str] = []
        self.count = QLabel()
        self.count.setObjectName("bulkCount")
        self.count.setTextFormat(Qt.TextFormat.RichText)
        self.field = QComboBox()
        self.field.setAccessibleName("Field to set for the selected participants")
        for name, label in BULK_FIELD_NAMES.items():
            self.field.addItem(label, name)
        self.value = QComboBox()
        self.value.setAccessibleName("Value to set for the selected participants")
        self.value.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.value.setMinimumContentsLength(22)
        self.value.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.apply_button = QPushButton("Appl&y")
        self.apply_button.setToolTip("Set this value for every selected participant (Enter)")
        self.apply_button.clicked.connect(self.apply)
        for combo in (self.field, self.value):
            combo.installEventFilter(self)
        self.field.currentIndexChanged.connect(self._offer_values)
        set_label = QLabel("Se&t")
        set_label.setBuddy(self.field)
        to_label = QLabel("t&o")
        to_label.setBuddy(self.value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.count)
        layout.addSpacing(12)
        layout.addWidget(set_label)
        layout.addWidget(self.field)
        layout.addWidget(to_label)
        layout.addWidget(self.value)
        layout.addWidget(self.apply_button)
        layout.addStretch(1)

    def show_for(
        self,
        selected: Sequence[Participant],
        everyone: Sequence[Participant],
        groups: Sequence[str],
    ) -> None:
        """Offer to set a field for the ``selected`` people: the values offered are the
        workshop's groups, the roles, and what ``everyone`` already has."""
        self._selected = list(selected)
        self._everyone = list(everyone)
        self._groups = list(groups)
        self.count.setText(f"<b>{len(self._selected)} selected</b>")
        self._offer_values()

    def current_field(self) -> str:
        return str(self.field.currentData())

    def current_value(self) -> object:
        """The value to set: text typed (blank clears the field), a role, or present or not."""
        if self.current_field() in TYPED_FIELDS:
            return self.value.currentText().strip() or None
        return self.value.currentData()

    def apply(self) -> None:
        self.applied.emit(self.current_field(), self.current_value())

    def _offer_values(self) -> None:
        field = self.current_field()
        self.value.clear()
        self.value.setEditable(field in TYPED_FIELDS)
        if (line := self.value.lineEdit()) is not None:
            line.setMaxLength(MAX_LINE)  # the record's own limit for these fields
        if field == "role":
            for role in Role:
                self.value.addItem(role.value, role.value)
        elif field == "present":
            self.value.addItem("Present", True)
            self.value.addItem("Not present", False)
        else:
            known = self._groups if field == "stakeholder_group" else []
            in_use = {str(v) for p in self._everyone if (v := _value(p, field))}
            for text in [*known, *sorted(in_use - set(known), key=str.casefold)]:
                self.value.addItem(text, text)
        shared = {_value(p, field) for p in self._selected}
        if field == "present":  # what is likely wanted: check in, unless all are in
            self.value.setCurrentIndex(int(shared == {True}))
        elif field in TYPED_FIELDS:
            self.value.setEditText(str(next(iter(shared)) or "") if len(shared) == 1 else "")
        else:
            index = self.value.findData(next(iter(shared))) if len(shared) == 1 else -1
            self.value.setCurrentIndex(max(index, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in either box applies (when its list is not open)."""
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER
            and not watched.view().isVisible()
        ):
            self.apply()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismissed.emit()
            return
        super().keyPressEvent(event)
