"""Pieces the outcome lists share: a table model that follows the store row by row, a table
view that says in words when it is empty, and small text helpers."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def action_button(action: QAction) -> QToolButton:
    """A text button for ``action`` whose tooltip names its shortcut."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setToolTip(shortcut_tip(action))
    return button


def filter_bar(
    status_filter: QWidget,
    search: QWidget,
    actions: Sequence[QAction],
    extras: Sequence[QWidget] = (),
) -> tuple[QHBoxLayout, list[QToolButton]]:
    """The row above a Minutes list: "Show:" its status filter (and ``extras``), "Search:",
    then a button per action; returns the row and its buttons (for the tab order)."""
    row = QHBoxLayout()
    show = QLabel("Sho&w:")
    show.setBuddy(status_filter)
    find = QLabel("Se&arch:")
    find.setBuddy(search)
    row.addWidget(show)
    row.addWidget(status_filter)
    for extra in extras:
        row.addWidget(extra)
    row.addSpacing(12)
    row.addWidget(find)
    row.addWidget(search, 1)
    buttons = [action_button(action) for action in actions]
    for button in buttons:
        row.addWidget(button)
    return row, buttons


def bind(button: QAbstractButton, action: QAction) -> None:
    """``button`` does what ``action`` does, and its tooltip names the action's key."""
    button.clicked.connect(action.trigger)
    button.setToolTip(shortcut_tip(action))


def shortcut_tip(action: QAction) -> str:
    """ "Finish Item (Shift+F9)": what a button does and the key that does it from anywhere."""
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{action.text().replace('&', '')} ({keys})"


# Colours that keep 4.5:1 contrast on a white row; text always says the same thing too.
GREEN = "#1b6e35"
AMBER = "#8a5300"
RED = "#b3261e"
GREY = "#6b6b6b"


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)


def first_line(text: str | None) -> str:
    """The first non-blank line of ``text`` ("" for none), for a one-line cell."""
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def one_line(text: str | None) -> str:
    """``text`` on one line (its line breaks as spaces), for a table cell."""
    return " ".join((text or "").split())


def tooltip(text: str | None) -> str | None:
    """A tooltip that wraps long text (Qt wraps rich text only) and keeps its line breaks."""
    if not text:
        return None
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of frozen dataclasses with an ``id``; ``reconcile`` inserts, removes, moves and
    updates rows to match the store, never resetting, so the selection survives an edit."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_of(self, row_id: str) -> int:
        """The row number of ``row_id``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == row_id), -1)

    def reconcile(self, rows: Sequence[Row]) -> None:
        wanted = {r.id for r in rows}
        for number in reversed(range(len(self._rows))):
            if self._rows[number].id not in wanted:
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()
        for target, row in enumerate(rows):
            if target < len(self._rows) and self._rows[target].id == row.id:
                if self._rows[target] != row:
                    self._rows[target] = row
                    self._row_changed(target)
                continue
            source = self.row_of(row.id)
            if source >= 0:  # rows before ``target`` are settled, so source > target
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._rows.insert(target, self._rows.pop(source))
                self.endMoveRows()
                if self._rows[target] != row:
                    self._rows[target] = row
                    self._row_changed(target)
            else:
                self.beginInsertRows(QModelIndex(), target, target)
                self._rows.insert(target, row)
                self.endInsertRows()

    def refresh_all(self) -> None:
        """Every cell may read differently (names, titles or today changed)."""
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def _row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def row_at(self, index: Index) -> Row | None:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class OutcomeTable(QTableView):
    """A sortable one-line-per-row table; with no rows it says why in words (``placeholder``)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.placeholder = ""
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)  # Tab leaves the table, arrows move within it
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.horizontalHeader().setHighlightSections(False)

    def current_row(self) -> object:
        """The row object (ROW_ROLE) of the current row, or None."""
        index = self.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def select_id(self, source: RowTableModel[Any], row_id: str, column: int) -> bool:
        """Make ``row_id`` the current row, if the filter shows it."""
        row = source.row_of(row_id)
        if row < 0:
            return False
        index = source.index(row, column)
        view_model = self.model()
        if isinstance(view_model, QSortFilterProxyModel):
            index = view_model.mapFromSource(index)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        return True

    def set_placeholder(self, text: str) -> None:
        if text != self.placeholder:
            self.placeholder = text
            self.setAccessibleDescription(text)
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is None or model.rowCount() or not self.placeholder:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(24, 24, -24, -24)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(QRect(area), int(flags), self.placeholder)
        painter.end()
