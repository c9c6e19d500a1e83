"""Nothing typed is dropped: before any command runs, the field being edited is committed.

The forms save a field when it loses the keyboard (or when typing pauses). A command given
by its shortcut, or by a click on a button that does not take the keyboard, leaves the field
where it is: without this, the command would run first (adding an item, closing the file)
and what was typed would be lost. Any widget that holds such an edit says so by having a
``commit_pending()`` method; it is called for the focused widget and each of its parents.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QAbstractButton, QApplication, QMenuBar, QTabBar, QWidget

#: Controls whose click runs a command; a click on one that does not take the keyboard
#: leaves the field being edited with it.
_COMMAND_CONTROLS = (QAbstractButton, QMenuBar, QTabBar)


def commit_pending(widget: QWidget | None = None) -> None:
    """Commit the edit in progress in ``widget`` (the focused one by default) and the forms
    around it, up to its window."""
    current = widget if widget is not None else QApplication.focusWidget()
    while current is not None:
        commit = getattr(current, "commit_pending", None)
        if callable(commit):
            commit()
        current = None if current.isWindow() else current.parentWidget()


#: Qt.FocusPolicy.ClickFocus's bit. Importing the ``Qt`` namespace costs ~14 ms, and this
#: module loads before the window's first paint (tests/ui/test_pending.py holds them equal).
CLICK_FOCUS = 0x2


def _takes_the_keyboard_on_click(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & CLICK_FOCUS)


class CommitBeforeCommands(QObject):
    """An application-wide filter: a shortcut, or a click on a control that leaves the
    keyboard where it is, first commits the field being edited."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Shortcut or (
            kind == QEvent.Type.MouseButtonPress
            and isinstance(watched, _COMMAND_CONTROLS)
            and not _takes_the_keyboard_on_click(watched)
        ):
            commit_pending()
        return False


def undo_actions(group: QUndoGroup, parent: QObject) -> tuple[QAction, QAction]:
    """Edit > Undo and Redo for ``group``'s active stack; each commits the field being
    edited first, so that Undo takes back what was just typed and Redo brings it back."""

    def make(
        prefix: str, step: Callable[[], None], can: SignalInstance, text: SignalInstance
    ) -> QAction:
        action = QAction(prefix, parent)
        action.setEnabled(False)
        can.connect(action.setEnabled)
        text.connect(lambda what: action.setText(f"{prefix} {what}" if what else prefix))

        def trigger() -> None:
            commit_pending()
            step()

        action.triggered.connect(trigger)
        return action

    undo = make("&Undo", group.undo, group.canUndoChanged, group.undoTextChanged)
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    redo = make("&Redo", group.redo, group.canRedoChanged, group.redoTextChanged)
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    return undo, redo
