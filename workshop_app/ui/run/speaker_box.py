"""The entry box's speaker field: a person is found by any part of their name or organisation,
whatever the accents and case ("tomas" finds "Tomás Ruiz"), and Enter on a suggestion takes it
(the only one shown, or the one moved to with the arrow keys)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from workshop_app.ui.common.folding import fold

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FoldedFilter(QSortFilterProxyModel):
    """The rows whose text contains what was typed, accents and case aside."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._typed = ""

    def set_typed(self, text: str) -> None:
        self.beginFilterChange()
        self._typed = fold(text)
        self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        source = self.sourceModel()
        text = str(source.index(source_row, 0, source_parent).data() or "")
        return self._typed in fold(text)


def folded_completer(
    source: QAbstractItemModel, parent: QObject
) -> tuple[QCompleter, FoldedFilter]:
    """A completer that offers the rows of ``source`` holding what was typed, accents and
    case aside; the caller passes what is typed to the filter (``set_typed``)."""
    matches = FoldedFilter(parent)
    matches.setSourceModel(source)
    completer = QCompleter(matches, parent)
    # The filter chooses the rows; the completer shows them all.
    completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return completer, matches


class SpeakerBox(QComboBox):
    """People to name as the speaker (the first row: from the floor); ``picked`` when the
    rapporteur chooses one, by the list or by a suggestion."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer, self.matches = folded_completer(self.model(), self)
        self.setCompleter(completer)
        completer.activated[QModelIndex].connect(self._take)  # type: ignore[index]
        line = self.lineEdit()
        assert line is not None
        line.textEdited.connect(self.matches.set_typed)
        popup = completer.popup()
        assert popup is not None
        self._popup = popup
        # Installed after the completer's own filter, so it sees Enter first.
        popup.installEventFilter(self)
        self.activated.connect(lambda _index: self.picked.emit())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        popup = self._popup
        if (
            watched is popup
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
        ):
            current = self._to_matches(popup.currentIndex())
            if not current.isValid() and self.matches.rowCount() == 1:
                current = self.matches.index(0, 0)
            if current.isValid():
                popup.hide()
                self._take(current)
                return True
        return super().eventFilter(watched, event)

    def _to_matches(self, index: QModelIndex) -> QModelIndex:
        """An index of the popup (the completer's own proxy) as an index of ``matches``."""
        completer = self.completer()
        shown = completer.completionModel() if completer is not None else None
        if index.isValid() and index.model() is shown and isinstance(shown, QAbstractProxyModel):
            return shown.mapToSource(index)
        return index

    def _take(self, index: QModelIndex) -> None:
        """A suggestion (an index of the popup or of ``matches``) becomes the speaker."""
        index = self._to_matches(index)
        if index.model() is not self.matches:
            return
        row = self.matches.mapToSource(index).row()
        if row < 0:
            return
        self.setCurrentIndex(row)
        line = self.lineEdit()
        if line is not None:
            line.setCursorPosition(0)
        self.picked.emit()

    def chosen_id(self) -> str | None:
        """The participant named in the box (picked, or typed enough to name one person);
        None for the floor."""
        typed = self.currentText().strip()
        index = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        if index < 0 and typed:
            wanted = fold(typed)
            found = [row for row in range(1, self.count()) if wanted in fold(self.itemText(row))]
            index = found[0] if len(found) == 1 else -1
        if index < 0:
            index = self.currentIndex()
        value = self.itemData(index)
        return str(value) if value else None
