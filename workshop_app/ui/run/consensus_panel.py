"""The points of consensus of the item on the floor, always in view of the chair, and under
them the item's next steps and summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import ConsensusPoint, ConsensusStatus, NextStep
from workshop_app.domain.outcomes import AGREED, STATUS_LABELS
from workshop_app.ui.run.item_outcomes import ItemOutcomesView

ID_ROLE = Qt.ItemDataRole.UserRole + 1
MARKS = {
    ConsensusStatus.PROPOSED: ("?", ""),
    ConsensusStatus.AGREED: ("✓", "#1b6e20"),
    ConsensusStatus.AGREED_WITH_RESERVATIONS: ("✓*", "#8a5a00"),
    ConsensusStatus.NO_CONSENSUS: ("✗", "#b3261e"),
    ConsensusStatus.WITHDRAWN: ("–", "#757575"),
}


def support_marks(points: list[ConsensusPoint]) -> dict[str, list[str]]:
    """For each contribution that supports points, their numbers ("P1", "P3"), for the feed."""
    marks: dict[str, list[str]] = {}
    for number, point in enumerate(points, 1):
        for contribution_id in point.supporting_contribution_ids:
            marks.setdefault(contribution_id, []).append(f"P{number}")
    return marks


def point_label(number: int, point: ConsensusPoint) -> str:
    mark, _colour = MARKS[point.status]
    return f"{mark} P{number}  {point.text}"


class ItemConsensusPanel(QWidget):
    """The Run view's list of the points of the item the feed shows; emits what the user
    asks for. (Minutes > Consensus has the workshop-wide list, ``ConsensusListPanel``.)"""

    edit_requested = Signal(str)  # point id
    selection_changed = Signal(object)  # the selected point, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = QListWidget()
        self.points.setObjectName("itemConsensus")
        self.points.setAccessibleName("Consensus points of this item")
        self.points.setWordWrap(True)
        self.points.itemActivated.connect(lambda row: self.edit_requested.emit(row.data(ID_ROLE)))
        self.points.currentItemChanged.connect(self._selected)
        self.propose_button = QPushButton("Propose point…")
        self.next_step_button = QPushButton("Next step…")
        # The chair's buttons have shortcuts (see the Run menu): they never take the keyboard
        # from the entry box, where a Space typed would press them.
        for button in (self.propose_button, self.next_step_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.heading = QLabel("<b>Consensus</b>")
        # The count grows as points are added; it wraps rather than widen the column.
        self.heading.setWordWrap(True)
        self.heading.setBuddy(self.points)
        buttons = QHBoxLayout()
        buttons.addWidget(self.heading, 1)
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.next_step_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.points, 1)
        self.outcomes = ItemOutcomesView()
        layout.addWidget(self.outcomes, 1)
        self._points: dict[str, ConsensusPoint] = {}

    def add_status_actions(self, actions: list[QAction]) -> None:
        """The quick status changes, in the list's context menu."""
        self.points.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.points.addActions(actions)

    def show_points(
        self,
        points: list[ConsensusPoint],
        next_steps: Sequence[NextStep] = (),
        summary: str | None = None,
    ) -> None:
        """The item's points, and (below them) its next steps and summary."""
        self.outcomes.show_outcomes(next_steps, summary)
        keep = self.current()
        self._points = {p.id: p for p in points}
        self.points.blockSignals(True)
        self.points.clear()
        for number, point in enumerate(points, start=1):
            row = QListWidgetItem(point_label(number, point))
            row.setData(ID_ROLE, point.id)
            mark_colour = MARKS[point.status][1]
            if mark_colour:
                row.setForeground(QColor(mark_colour))
            tip = f"{STATUS_LABELS[point.status]}: {point.text}"
            if point.reservations:
                tip += f"\n\nReservations: {point.reservations}"
            row.setToolTip(tip)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, tip)
            self.points.addItem(row)
            if keep is not None and keep.id == point.id:
                self.points.setCurrentItem(row)
        self.points.blockSignals(False)
        # Agreed with reservations is agreed: the reservations are recorded beside the point.
        agreed = sum(p.status in AGREED for p in points)
        self.heading.setText(
            f"<b>Consensus</b> ({agreed} of {len(points)} agreed)" if points else "<b>Consensus</b>"
        )

    def current(self) -> ConsensusPoint | None:
        row = self.points.currentItem()
        return self._points.get(str(row.data(ID_ROLE))) if row else None

    def numbers(self) -> dict[str, int]:
        """Each point's number on this item (P1, P2, ...), for the feed to show."""
        return {str(self.points.item(i).data(ID_ROLE)): i + 1 for i in range(self.points.count())}

    def _selected(self, *_args: object) -> None:
        self.selection_changed.emit(self.current())
