"""The pane beside the consensus list: the selected point's text, status and reservations,
saved as you go, and the contributions that support it, to unlink or jump to."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import ConsensusPoint, ConsensusStatus
from workshop_app.domain.outcomes import STATUS_LABELS, WITH_DISSENT
from workshop_app.ui.common.form_widgets import PlainTextField
from workshop_app.ui.common.outcome_tables import action_button, tooltip
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.minutes.consensus_model import STATUS_COLOURS, status_text

ID_ROLE = Qt.ItemDataRole.UserRole + 1
EMPTY, POINT = range(2)


class ConsensusDetail(QStackedWidget):
    """Shows one point (``show_point``); ``contribution_requested`` asks to see a contribution."""

    contribution_requested = Signal(str)

    def __init__(self, edits: OutcomeEdits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._edits = edits
        self._point: ConsensusPoint | None = None
        self._loading = False
        self._saving = False
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(12)
        self.addWidget(self.empty)
        self.addWidget(self._point_page())
        self._build_actions()
        self.setMinimumWidth(300)

    def _point_page(self) -> QWidget:
        page = QWidget()
        self.heading = QLabel()
        self.heading.setObjectName("consensusHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.text = PlainTextField()
        self.text.setAccessibleName("Consensus point")
        self.text.setMinimumHeight(64)
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for number, (status, _label) in enumerate(STATUS_LABELS.items()):
            self.status.addItem(status_text(status), status.value)
            if status in STATUS_COLOURS:
                colour = QColor(STATUS_COLOURS[status])
                self.status.setItemData(number, colour, Qt.ItemDataRole.ForegroundRole)
        self.reservations = PlainTextField()
        self.reservations.setAccessibleName("Reservations or minority views, as said")
        self.reservations.setPlaceholderText(
            "Who disagreed or had reservations, and what they said (recorded as said)."
        )
        self.reservations.setMinimumHeight(52)
        self.support = QListWidget()
        self.support.setAccessibleName("Supporting contributions")
        self.support.setWordWrap(True)
        self.support.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.support.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.support.setAlternatingRowColors(True)
        self.support.setSpacing(2)
        self.support.itemActivated.connect(lambda _row: self.jump_to_selected())
        self.support_label = QLabel()
        self.support_label.setBuddy(self.support)
        self.text.focus_lost.connect(self._save_text)
        self.reservations.focus_lost.connect(self._save_reservations)
        # Also saved a second after typing pauses: a crash must not take a point being written.
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(1000)
        self._idle.timeout.connect(self._save_while_typing)
        for typed in (self.text, self.reservations):
            typed.textChanged.connect(lambda: None if self._loading else self._idle.start())
        self.status.currentIndexChanged.connect(self._save_status)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for text, field in (
            ("&Point:", self.text),
            ("S&tatus:", self.status),
            ("&Reservations:", self.reservations),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(form, 3)
        layout.addWidget(self.support_label)
        layout.addWidget(self.support, 4)
        layout.addLayout(self.buttons)
        return page

    def _build_actions(self) -> None:
        self.unlink_action = QAction("&Unlink Contribution", self)
        self.unlink_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # Delete unlinks only while the list has the focus; elsewhere it deletes text or points.
        self.unlink_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.unlink_action.triggered.connect(self.unlink_selected)
        self.support.addAction(self.unlink_action)
        self.jump_action = QAction("&Jump to Contribution", self)
        self.jump_action.setShortcut(QKeySequence("Ctrl+J"))
        self.jump_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.jump_action.triggered.connect(self.jump_to_selected)
        self.addAction(self.jump_action)
        self._unlink_button = self._button(self.unlink_action)
        self._jump_button = self._button(self.jump_action)

    def _button(self, action: QAction) -> QToolButton:
        button = action_button(action)
        self.buttons.addWidget(button)
        return button

    def tab_chain(self) -> list[QWidget]:
        """The pane's inputs in the order they are laid out (for the panel's tab order)."""
        return [
            self.text,
            self.status,
            self.reservations,
            self.support,
            self._unlink_button,
            self._jump_button,
        ]

    # -- showing --------------------------------------------------------------------------

    def point(self) -> ConsensusPoint | None:
        return self._point

    def show_empty(self, text: str) -> None:
        self.save_pending()
        self._point = None
        self.empty.setText(text)
        self.setCurrentIndex(EMPTY)
        self._enable()

    def show_point(
        self, point: ConsensusPoint, heading: str, supporting: Sequence[tuple[str, str]]
    ) -> None:
        """Show ``point`` as the file holds it, keeping what the user is typing in it;
        ``supporting`` is (contribution id, how it is shown) in the point's order."""
        same = self._point is not None and self._point.id == point.id
        if not same:
            self.save_pending()
        self._point = point
        self._loading = True
        try:
            self.setCurrentIndex(POINT)
            self.heading.setText(heading)
            if not (same and self.text.hasFocus()):
                self.text.setPlainText(point.text)
            self.status.setCurrentIndex(self.status.findData(point.status.value))
            if not (same and self.reservations.hasFocus()):
                self.reservations.setPlainText(point.reservations or "")
            self._show_support(supporting)
        finally:
            self._loading = False
        self._enable()

    def _show_support(self, supporting: Sequence[tuple[str, str]]) -> None:
        chosen = self.selected_contribution()
        self.support.clear()
        for contribution_id, description in supporting:
            row = QListWidgetItem(description)
            row.setData(ID_ROLE, contribution_id)
            row.setToolTip(tooltip(description) or "")
            self.support.addItem(row)
            if contribution_id == chosen:
                self.support.setCurrentItem(row)
        count = len(supporting)
        self.support_label.setText(
            f"Supporting contri&butions ({count})" if count else "Supporting contri&butions: none"
        )
        self.support.setAccessibleDescription(
            "" if count else "No contribution is linked to this point yet."
        )

    def _enable(self) -> None:
        point = self._point
        dissent = point is not None and (
            ConsensusStatus(self.status.currentData()) in WITH_DISSENT
            or bool(self.reservations.toPlainText().strip())
        )
        self.reservations.setEnabled(dissent)
        has_support = point is not None and self.support.count() > 0
        self.unlink_action.setEnabled(has_support)
        self.jump_action.setEnabled(has_support)

    # -- supporting contributions ---------------------------------------------------------

    def selected_contribution(self) -> str | None:
        row = self.support.currentItem()
        return str(row.data(ID_ROLE)) if row is not None else None

    def jump_to_selected(self) -> None:
        """Ask to see the selected supporting contribution (the first when none is)."""
        chosen = self.selected_contribution()
        if chosen is None and self.support.count():
            chosen = str(self.support.item(0).data(ID_ROLE))
        if chosen is not None:
            self.contribution_requested.emit(chosen)

    def unlink_selected(self) -> None:
        chosen = self.selected_contribution()
        if self._point is not None and chosen is not None:
            self._edits.unlink(self._point.id, [chosen])

    # -- saving ---------------------------------------------------------------------------

    def save_pending(self) -> None:
        """Save what was typed and not yet saved (before another point is shown)."""
        self._save_text()
        self._save_reservations()

    #: A command is about to run: what is typed is saved first (see ui/pending.py).
    commit_pending = save_pending

    def _save_while_typing(self) -> None:
        """Save a pause's worth of typing (an emptied point is left for the user to retype)."""
        if self.text.toPlainText().strip():
            self._save_text()
        self._save_reservations()

    def _save_text(self) -> None:
        point = self._point
        if point is None or self._loading or self._saving:
            return
        text = self.text.toPlainText().strip()
        if text == point.text:
            return
        if not text:  # a point needs its text: keep the one in the file
            self._loading = True
            self.text.setPlainText(point.text)
            self._loading = False
            return
        self._commit(text=text)

    def _save_reservations(self) -> None:
        point = self._point
        if point is None or self._loading or self._saving:
            return
        value = self.reservations.toPlainText().strip() or None
        if value != point.reservations:
            self._commit(reservations=value)

    def _save_status(self) -> None:
        point = self._point
        if point is None or self._loading or self._saving:
            return
        status = ConsensusStatus(self.status.currentData())
        if status != point.status:
            self._commit(status=status)
        self._enable()

    def _commit(self, **fields: Any) -> None:
        """One undoable edit. The point is taken to hold the new values at once, so that a
        refresh during the write does not save them a second time."""
        point = self._point
        assert point is not None
        self._point = dataclasses.replace(point, **fields)
        self._saving = True
        try:
            ok = self._edits.update_point(point.id, **fields)
        finally:
            self._saving = False
        if not ok and self._point is not None and self._point.id == point.id:
            self._point = None
            self.show_point(point, self.heading.text(), self._support_rows())

    def _support_rows(self) -> list[tuple[str, str]]:
        rows = (self.support.item(i) for i in range(self.support.count()))
        return [(str(r.data(ID_ROLE)), r.text()) for r in rows]
