"""The workshop's stakeholder groups in display order: add, rename in place, remove, reorder.

The editor only shows groups and says what the user asked for (signals); the details panel
writes to the file and calls ``set_groups`` with what is stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.common.form_widgets import FieldNote
from workshop_app.ui.prepare.field_values import MAX_LINE, FieldError, check_group_name


class GroupsEditor(QWidget):
    """A list of group names with the buttons that change it."""

    #: The whole new list, and the name of the edit (for an undo stack): "Add Group", ...
    groups_edited = Signal(object, str)
    #: (old name, new name): participants of the group follow it.
    group_renamed = Signal(str, str)
    #: The user asked to remove this group (the panel may ask first).
    remove_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._groups: list[str] = []
        self._loading = False

        self.list = QListWidget()
        self.list.setAccessibleName("Stakeholder groups")
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setToolTip(
            "Double-click or press F2 to rename; Alt+Up and Alt+Down move the selected group."
        )
        self.label = QLabel("Stakeholder &groups (in the order the minutes list them)")
        self.label.setBuddy(self.list)
        self.note = FieldNote(self.list)

        self.new_name = QLineEdit()
        self.new_name.setMaxLength(MAX_LINE)
        self.new_name.setPlaceholderText("Name of a new group")
        self.new_name.setClearButtonEnabled(True)
        new_label = QLabel("Ne&w group")
        new_label.setBuddy(self.new_name)
        self.add_button = QPushButton("Add")  # Enter in the field adds too (Alt+A is the menu's)
        self.add_button.setToolTip("Add the group (Enter in the New group field)")
        self.rename_button = QPushButton("&Rename")
        self.remove_button = QPushButton("Re&move")
        self.up_button = QPushButton("Move Up")
        self.up_button.setToolTip("Move the selected group up (Alt+Up)")
        self.down_button = QPushButton("Move Down")
        self.down_button.setToolTip("Move the selected group down (Alt+Down)")

        buttons = QVBoxLayout()
        for button in (self.rename_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.label, 0, 0, 1, 3)
        grid.addWidget(self.list, 1, 0, 1, 2)
        grid.addLayout(buttons, 1, 2)
        grid.addWidget(self.note, 2, 0, 1, 3)
        grid.addWidget(new_label, 3, 0)
        grid.addWidget(self.new_name, 3, 1)
        grid.addWidget(self.add_button, 3, 2)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        for first, second in [
            (self.list, self.rename_button),
            (self.rename_button, self.remove_button),
            (self.remove_button, self.up_button),
            (self.up_button, self.down_button),
            (self.down_button, self.new_name),
            (self.new_name, self.add_button),
        ]:
            QWidget.setTabOrder(first, second)

        self.add_button.clicked.connect(self._add)
        self.new_name.returnPressed.connect(self._add)
        self.new_name.textEdited.connect(self.note.clear_text)
        self.rename_button.clicked.connect(self._rename_selected)
        self.remove_button.clicked.connect(self._remove_selected)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        self.list.itemChanged.connect(self._item_renamed)
        self.list.currentRowChanged.connect(self._update_buttons)
        keys: list[tuple[QKeySequence, Callable[[], None]]] = [
            (QKeySequence("Alt+Up"), lambda: self._move(-1)),
            (QKeySequence("Alt+Down"), lambda: self._move(+1)),
            (QKeySequence(QKeySequence.StandardKey.Delete), self._remove_selected),
        ]
        for sequence, slot in keys:
            shortcut = QShortcut(sequence, self.list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._update_buttons()

    def last_in_tab_order(self) -> QWidget:
        return self.add_button

    def groups(self) -> list[str]:
        """The groups as last set from the file."""
        return list(self._groups)

    def set_groups(self, groups: list[str] | tuple[str, ...]) -> None:
        """Show ``groups``, keeping the selected group selected (by name, else by row)."""
        groups = list(groups)
        if groups == self._groups and self._shown() == groups:
            return
        current = self.list.currentRow()
        selected = self._groups[current] if 0 <= current < len(self._groups) else None
        self._loading = True
        try:
            if len(groups) == self.list.count():
                # Same length (a rename): change texts in place, so an open editor survives.
                for row, name in enumerate(groups):
                    item = self.list.item(row)
                    if item.text() != name:
                        item.setText(name)
            else:
                self.list.clear()
                for name in groups:
                    item = QListWidgetItem(name)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                    self.list.addItem(item)
            self._groups = groups
            if selected in groups:
                self.list.setCurrentRow(groups.index(selected))
            elif groups and current >= 0:
                self.list.setCurrentRow(min(current, len(groups) - 1))
        finally:
            self._loading = False
        self._update_buttons()

    def select(self, name: str) -> None:
        if name in self._groups:
            self.list.setCurrentRow(self._groups.index(name))

    def _shown(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _current(self) -> str | None:
        row = self.list.currentRow()
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        has = 0 <= row < len(self._groups)
        self.rename_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < len(self._groups) - 1)

    def _add(self) -> None:
        try:
            name = check_group_name(self.new_name.text(), self._groups)
        except FieldError as error:
            self.note.show_text(str(error))
            return
        self.note.clear_text()
        self.new_name.clear()
        self.groups_edited.emit([*self._groups, name], "Add Group")
        self.select(name)

    def _rename_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.setFocus()
            self.list.editItem(item)

    def _item_renamed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        row = self.list.row(item)
        old = self._groups[row]
        others = [g for i, g in enumerate(self._groups) if i != row]
        try:
            new = check_group_name(item.text(), others)
        except FieldError as error:
            self._restore(item, old)
            self.note.show_text(str(error))
            return
        self.note.clear_text()
        if new != old:
            self.group_renamed.emit(old, new)
        elif item.text() != old:
            self._restore(item, old)

    def _restore(self, item: QListWidgetItem, text: str) -> None:
        self._loading = True
        try:
            item.setText(text)
        finally:
            self._loading = False

    def _remove_selected(self) -> None:
        name = self._current()
        if name is not None:
            self.remove_requested.emit(name)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if not (0 <= row < len(self._groups) and 0 <= target < len(self._groups)):
            return
        groups = list(self._groups)
        groups[row], groups[target] = groups[target], groups[row]
        name = groups[target]
        self.groups_edited.emit(groups, "Move Group")
        self.select(name)
