"""Dialogs for a paragraph of text: roomy (sized to the window they open over, the text
wrapping) and confirmed with Ctrl+Enter as the capture box is; Esc cancels, as in any dialog."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workshop_app.ui.common.drafts import DraftSlot, keep_while_open
from workshop_app.ui.common.form_widgets import PlainTextField

#: A text dialog takes this share of its window's width, and is never narrower than MIN_WIDTH.
WIDTH_SHARE = 0.6
MIN_WIDTH = 560
HEIGHT_SHARE = 0.6
#: The keys that confirm, as in the capture box.
CONFIRM_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def make_roomy(
    dialog: QDialog, confirm: Callable[[], object] | None = None, *, min_height: int = 300
) -> QAction:
    """Size ``dialog`` to the window it opens over (within the screen) and make Ctrl+Enter
    call ``confirm`` (by default: accept). The confirming action is returned."""
    parent = dialog.parentWidget()
    window = parent.window() if parent is not None else None
    width, height = MIN_WIDTH, min_height
    if window is not None:
        width = max(MIN_WIDTH, round(window.width() * WIDTH_SHARE))
        height = max(min_height, round(window.height() * HEIGHT_SHARE))
    screen = (window or dialog).screen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width()), min(height, room.height())
    dialog.setMinimumWidth(min(MIN_WIDTH, width))
    dialog.resize(width, height)
    for box in dialog.findChildren(QPlainTextEdit):
        box.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    action = QAction("Confirm", dialog)
    action.setShortcuts([QKeySequence(keys) for keys in CONFIRM_KEYS])
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: (confirm or dialog.accept)())
    dialog.addAction(action)
    return action


class TextDialog(QDialog):
    """One paragraph (a summary, a note) to write or correct; ``value()`` is the text."""

    def __init__(
        self,
        title: str,
        text: str,
        parent: QWidget | None = None,
        draft: DraftSlot | None = None,
        label: str = "&Text:",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = PlainTextField()
        self.text.setAccessibleName(title)
        self.text.setPlainText(text)
        self.label = QLabel(label)
        self.label.setBuddy(self.text)
        self.label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        if keep_while_open(self, self.text, draft):
            self.label.setText(f"{label.rstrip(':')} (as typed before the dialog was cancelled):")
        make_roomy(self)
        self.text.setFocus()
        self.text.moveCursor(QTextCursor.MoveOperation.End)

    def value(self) -> str:
        return self.text.toPlainText()
