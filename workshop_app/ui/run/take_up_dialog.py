"""In a report-back: which of the groups' proposed points plenary takes up (each becomes a
plenary point, linked to the group's, that plenary can then agree on)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import ConsensusPoint

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class TakeUpDialog(QDialog):
    def __init__(
        self,
        offered: Sequence[tuple[str, ConsensusPoint]],
        taken: set[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Take Up Group Points")
        intro = QLabel(
            "Tick the groups' points plenary takes up. Each becomes a point of this item, "
            "proposed, linked to the group's discussion; mark it agreed when plenary agrees."
        )
        intro.setWordWrap(True)
        self.points = QListWidget()
        self.points.setAccessibleName("The groups' points")
        self.points.setWordWrap(True)
        for group, point in offered:
            row = QListWidgetItem(f"{group}: {point.text}")
            row.setData(ID_ROLE, point.id)
            if point.id in taken:  # already taken up: shown, not offered again
                row.setFlags(Qt.ItemFlag.ItemIsEnabled)
                row.setText(f"{row.text()}  (taken up)")
            else:
                row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                row.setCheckState(Qt.CheckState.Unchecked)
            self.points.addItem(row)
        label = QLabel("&Points proposed by the groups:")
        label.setBuddy(self.points)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(label)
        layout.addWidget(self.points, 1)
        layout.addWidget(buttons)
        parent_width = parent.width() if parent is not None else 1000
        self.resize(max(560, int(parent_width * 0.6)), 420)

    def chosen(self) -> list[str]:
        """The ids of the groups' points ticked, in the order shown."""
        return [
            str(self.points.item(i).data(ID_ROLE))
            for i in range(self.points.count())
            if self.points.item(i).checkState() == Qt.CheckState.Checked
        ]
