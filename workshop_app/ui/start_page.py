"""What the window shows when no workshop is open: New, Open, and the recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

#: Qt.ItemDataRole.UserRole, as its number: touching the Qt namespace builds its Python enums
#: (12 ms), and the start page is painted before anything else.
_PATH_ROLE = 256


class StartPage(QWidget):
    """A welcome with the two ways in, and the recent workshops one activation away."""

    new_requested = Signal()
    open_requested = Signal()
    recent_chosen = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel("Workshop App")
        heading.setObjectName("startHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(
            "Prepare a workshop, run its discussion, and write its minutes. "
            "Each workshop is one file; every change is saved as you make it."
        )
        intro.setWordWrap(True)
        self.new_button = QPushButton("New Workshop…")
        self.open_button = QPushButton("Open Workshop…")
        for button in (self.new_button, self.open_button):
            button.setMinimumHeight(36)
            button.setMinimumWidth(180)
        self.new_button.setToolTip("Create a new workshop file (Ctrl+N)")
        self.open_button.setToolTip("Open a workshop file (Ctrl+O)")
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)

        self.recent = QListWidget()
        self.recent.setAccessibleName("Recent workshops")
        self.recent.setObjectName("recentList")
        self.recent.setStyleSheet("QListWidget#recentList::item { padding: 6px 4px; }")
        self.recent.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.recent.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        recent_label = QLabel("&Recent workshops")
        recent_label.setBuddy(self.recent)
        self.no_recent = QLabel("Workshops you open will be listed here.")
        self.no_recent.setEnabled(False)

        column = QVBoxLayout()
        column.addWidget(heading)
        column.addWidget(intro)
        column.addSpacing(16)
        column.addLayout(buttons)
        column.addSpacing(24)
        column.addWidget(recent_label)
        column.addWidget(self.recent)
        column.addWidget(self.no_recent)
        column.addStretch(1)
        body = QWidget()
        body.setLayout(column)
        body.setMaximumWidth(720)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 48, 48, 48)
        outer.addStretch(1)
        outer.addWidget(body, 4)
        outer.addStretch(1)

        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.recent.itemActivated.connect(self._activated)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}\n{path.parent}")
            item.setData(_PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)
        if paths:
            self.recent.setCurrentRow(0)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(Path(item.data(_PATH_ROLE)))
