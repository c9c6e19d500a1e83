"""The combo a table column is edited with in place: one delegate for every list of choices
(a next step's status, a participant's role or stakeholder group)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo of choices (label, value) for a column edited in place. With ``editable``, what
    is typed is taken as well (a new stakeholder group): the value is then the text."""

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        parent: QObject | None = None,
        *,
        editable: bool = False,
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)
        self._editable = editable

    @property
    def values(self) -> list[str]:
        """The values offered, in their order."""
        return [value for _label, value in self._choices]

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """The choices the next editor offers (the workshop's groups change)."""
        self._choices = list(choices)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setEditable(self._editable)
        combo.setAccessibleName(
            str(index.model().headerData(index.column(), Qt.Orientation.Horizontal))
        )
        for label, value in self._choices:
            combo.addItem(label, value)
        # The choice is written as soon as it is made, not only when the editor closes.
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        if self._editable:
            editor.setCurrentText("" if value is None else str(value))
        else:
            editor.setCurrentIndex(max(0, editor.findData(value)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentText() if self._editable else editor.currentData()
        model.setData(index, value, Qt.ItemDataRole.EditRole)
