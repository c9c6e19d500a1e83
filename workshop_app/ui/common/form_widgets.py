"""Small widgets the forms are made of: a field's note, a multi-line field, an editable combo."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)


class FieldNote(QLabel):
    """Hidden until ``show_text``; the text is also the field's accessible description."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setObjectName("fieldNote")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#fieldNote { color: #b3261e; }")
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self._field.setAccessibleDescription(text)
        self.show()

    def clear_text(self) -> None:
        if self.isHidden():
            return
        self.clear()
        self._field.setAccessibleDescription("")
        self.hide()


def with_note(field: QWidget) -> tuple[QWidget, FieldNote]:
    """A cell holding ``field`` with its (hidden) note beneath, for a form row."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    note = FieldNote(field, cell)
    layout.addWidget(note)
    return cell, note


def in_row(*widgets: QWidget) -> QWidget:
    """Widgets side by side, left-aligned, as one form cell."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


class PlainTextField(QPlainTextEdit):
    """A multi-line field that says when it loses focus, and moves focus with Tab."""

    focus_lost = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


class EntryField(PlainTextField):
    """The Run view's entry box: with nothing of its own to undo (or redo), Ctrl+Z (or
    Ctrl+Shift+Z) is the window's, so that it takes back the last step while the box has the
    keyboard, as it does all day."""

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            document = self.document()
            if (
                event.matches(QKeySequence.StandardKey.Undo) and not document.isUndoAvailable()
            ) or (event.matches(QKeySequence.StandardKey.Redo) and not document.isRedoAvailable()):
                event.ignore()  # not this box's: the shortcut goes to Edit > Undo / Redo
                return True
        return super().event(event)


def editable_combo(items: Sequence[str], name: str) -> QComboBox:
    """A combo box that offers ``items`` (and blank) but takes any typed text; typing part
    of an item anywhere in its text offers it."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(["", *items])
    combo.setMaxVisibleItems(20)
    combo.setAccessibleName(name)
    completer = QCompleter(list(items), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    return combo
