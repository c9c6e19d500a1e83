"""Every consensus point of the workshop as a table, and the filter the list shows it through."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.domain.clock import clock_time, parse_timestamp
from workshop_app.domain.model import AgendaItem, ConsensusPoint, ConsensusStatus
from workshop_app.domain.outcomes import AGREED, STATUS_LABELS
from workshop_app.ui.common.outcome_tables import (
    AMBER,
    GREEN,
    GREY,
    RED,
    ROW_ROLE,
    SORT_ROLE,
    Index,
    RowTableModel,
    first_line,
    one_line,
    tooltip,
)
from workshop_app.words import plural

(
    COL_ITEM,
    COL_QUESTION,
    COL_POINT,
    COL_STATUS,
    COL_RESERVATIONS,
    COL_SUPPORT,
    COL_RECORDED,
) = range(7)
HEADERS = ("Item", "Question", "Point", "Status", "Reservations", "Supported by", "Recorded")

#: A mark per status, so that status never rests on colour alone.
STATUS_MARKS = {
    ConsensusStatus.PROPOSED: "?",
    ConsensusStatus.AGREED: "✓",
    ConsensusStatus.AGREED_WITH_RESERVATIONS: "✓*",
    ConsensusStatus.NO_CONSENSUS: "✗",
    ConsensusStatus.WITHDRAWN: "–",
}
STATUS_COLOURS = {
    ConsensusStatus.AGREED: GREEN,
    ConsensusStatus.AGREED_WITH_RESERVATIONS: AMBER,
    ConsensusStatus.NO_CONSENSUS: RED,
    ConsensusStatus.WITHDRAWN: GREY,
}
STATUS_ORDER = {status: number for number, status in enumerate(STATUS_LABELS)}

#: The status filter's choices: (label, the statuses shown; None for all).
STATUS_FILTERS: list[tuple[str, frozenset[ConsensusStatus] | None]] = [
    ("All", None),
    *((f"{STATUS_MARKS[s]} {label}", frozenset({s})) for s, label in STATUS_LABELS.items()),
    ("✓ Agreed (with or without reservations)", frozenset(AGREED)),
]


def status_text(status: ConsensusStatus) -> str:
    """``✓* Agreed with reservations``: the mark and the words."""
    return f"{STATUS_MARKS[status]} {STATUS_LABELS[status]}"


def order_points(
    points: Sequence[ConsensusPoint], items: Sequence[AgendaItem]
) -> list[ConsensusPoint]:
    """Agenda order, then the order they were recorded in (the store's order)."""
    place = {item.id: number for number, item in enumerate(items)}
    return sorted(points, key=lambda p: place.get(p.agenda_item_id, len(place)))


class ConsensusModel(RowTableModel[ConsensusPoint]):
    HEADERS = HEADERS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: dict[str, AgendaItem] = {}
        self._numbers: dict[str, tuple[int, str]] = {}  # question id -> (number, text)
        self._place: dict[str, int] = {}  # item id -> its place in the agenda
        self._timezone: str | None = None  # the venue's: times are on its clock

    def set_items(self, items: Sequence[AgendaItem], timezone: str | None = None) -> None:
        """The agenda, for item titles and question numbers (Q1 is an item's first), and the
        workshop's time zone for the times recorded."""
        wanted = {item.id: item for item in items}
        if wanted == self._items and timezone == self._timezone:
            return
        self._items, self._timezone = wanted, timezone
        self._place = {item.id: number for number, item in enumerate(items)}
        self._numbers = {
            q.id: (number, q.text)
            for item in items
            for number, q in enumerate(item.questions, start=1)
        }
        self.refresh_all()

    def item(self, point: ConsensusPoint) -> AgendaItem | None:
        return self._items.get(point.agenda_item_id)

    def question_label(self, point: ConsensusPoint) -> str:
        number = self._numbers.get(point.question_id or "")
        return f"Q{number[0]}" if number else ""

    def question_text(self, point: ConsensusPoint) -> str:
        number = self._numbers.get(point.question_id or "")
        return number[1] if number else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        point = self.row_at(index)
        if point is None:
            return None
        if role == ROW_ROLE:
            return point
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(point, column)
        if role == SORT_ROLE:
            return self._sort_key(point, index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(point, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == COL_SUPPORT:
                count = len(point.supporting_contribution_ids)
                return f"supported by {plural(count, 'contribution', 'contributions')}"
            return self._display(point, column) or "none"
        if role == Qt.ItemDataRole.ForegroundRole:
            if point.status == ConsensusStatus.WITHDRAWN:
                return QBrush(QColor(GREY))
            if column == COL_STATUS and point.status in STATUS_COLOURS:
                return QBrush(QColor(STATUS_COLOURS[point.status]))
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(point, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_SUPPORT, COL_RECORDED):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, point: ConsensusPoint, column: int) -> str:
        item = self.item(point)
        if column == COL_ITEM:
            return item.title if item else ""
        if column == COL_QUESTION:
            return self.question_label(point)
        if column == COL_POINT:
            return one_line(point.text)
        if column == COL_STATUS:
            return status_text(point.status)
        if column == COL_RESERVATIONS:
            return first_line(point.reservations)
        if column == COL_SUPPORT:
            return str(len(point.supporting_contribution_ids))
        return clock_time(point.recorded_at, self._timezone)

    def _sort_key(self, point: ConsensusPoint, row: int, column: int) -> Any:
        if column == COL_ITEM:
            return row  # the model's own order: agenda, then recorded
        if column == COL_QUESTION:  # item, then question (none last), then recorded
            number = self._numbers.get(point.question_id or "", (999, ""))[0]
            place = self._place.get(point.agenda_item_id, 999)
            return (place * 1000 + number) * 100_000 + row
        if column == COL_STATUS:
            return STATUS_ORDER[point.status]
        if column == COL_SUPPORT:
            return len(point.supporting_contribution_ids)
        if column == COL_RECORDED:
            try:
                return parse_timestamp(point.recorded_at or "").timestamp()
            except ValueError:
                return float("inf")
        return self._display(point, column).casefold()

    def _tooltip(self, point: ConsensusPoint, column: int) -> str | None:
        item = self.item(point)
        if column == COL_ITEM:
            return tooltip(item.title) if item else None
        if column == COL_QUESTION:
            return tooltip(self.question_text(point))
        if column == COL_POINT:
            return tooltip(point.text)
        if column == COL_RESERVATIONS:
            return tooltip(point.reservations)
        if column == COL_STATUS:
            return STATUS_LABELS[point.status]
        return None

    def _font(self, point: ConsensusPoint, column: int) -> QFont | None:
        if point.status == ConsensusStatus.WITHDRAWN and column == COL_POINT:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None


class ConsensusFilter(QSortFilterProxyModel):
    """Shows the points of some statuses whose item, question, text or reservations hold
    the search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[ConsensusStatus] | None = None
        self.search = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.data(SORT_ROLE) == right.data(SORT_ROLE):
            return left.row() < right.row()  # ties in agenda, then recorded order
        return super().lessThan(left, right)

    def set_filter(self, statuses: Collection[ConsensusStatus] | None, search: str) -> None:
        self.beginFilterChange()
        self.statuses = frozenset(statuses) if statuses is not None else None
        self.search = search.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        point = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(point, ConsensusPoint):
            return False
        if self.statuses is not None and point.status not in self.statuses:
            return False
        if not self.search:
            return True
        assert isinstance(model, ConsensusModel)
        item = model.item(point)
        haystack = " ".join(
            (
                item.title if item else "",
                model.question_text(point),
                point.text,
                point.reservations or "",
            )
        )
        return self.search in haystack.casefold()
