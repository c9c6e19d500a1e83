"""The workshop's next steps as a table, and the filter and sort the list shows them through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.domain.model import AgendaItem, NextStep, NextStepStatus, Participant
from workshop_app.domain.outcomes import NEXT_STEP_LABELS, is_overdue, owner_name
from workshop_app.ui.common.outcome_tables import (
    GREY,
    RED,
    ROW_ROLE,
    SORT_ROLE,
    Index,
    RowTableModel,
    one_line,
    tooltip,
)

COL_TEXT, COL_OWNER, COL_DUE, COL_STATUS, COL_ITEM = range(5)
HEADERS = ("Next step", "Owner", "Due", "Status", "Item")
STATUS_MARKS = {NextStepStatus.OPEN: "○", NextStepStatus.DONE: "✓", NextStepStatus.DROPPED: "–"}
STATUS_ORDER = {status: number for number, status in enumerate(NEXT_STEP_LABELS)}
#: Columns whose empty cells sort last, whichever way the column is sorted.
EMPTY_LAST = (COL_OWNER, COL_DUE, COL_ITEM)


class NextStepEditor(Protocol):
    def update_next_step(self, step_id: str, **fields: Any) -> bool: ...


def status_text(status: NextStepStatus) -> str:
    return f"{STATUS_MARKS[status]} {NEXT_STEP_LABELS[status]}"


def due_text(step: NextStep, today: dt.date) -> str:
    """``15 Dec 2017``, with `` · overdue`` when an open step is past it ("" with no date)."""
    if not step.due:
        return ""
    try:
        day = dt.date.fromisoformat(step.due)
    except ValueError:
        return step.due
    text = f"{day.day} {day:%b %Y}"
    return f"{text} · overdue" if is_overdue(step, today) else text


class NextStepsModel(RowTableModel[NextStep]):
    HEADERS = HEADERS

    def __init__(self, editor: NextStepEditor | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self._people: list[Participant] = []
        self._items: dict[str, tuple[int, AgendaItem]] = {}
        self.today = dt.date.today()

    def set_context(
        self, people: Sequence[Participant], items: Sequence[AgendaItem], today: dt.date
    ) -> None:
        """Who owners are, what the items are called, and the day overdue is judged on."""
        places = {item.id: (number, item) for number, item in enumerate(items)}
        if list(people) == self._people and places == self._items and today == self.today:
            return
        self._people, self._items, self.today = list(people), places, today
        self.refresh_all()

    def owner(self, step: NextStep) -> str:
        return owner_name(step, self._people)

    def item_title(self, step: NextStep) -> str:
        place = self._items.get(step.agenda_item_id or "")
        return place[1].title if place else ""

    def is_overdue(self, step: NextStep) -> bool:
        return is_overdue(step, self.today)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        step = self.row_at(index)
        if step is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return step
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(step, column)
        if role == Qt.ItemDataRole.EditRole:
            return step.status.value if column == COL_STATUS else self._display(step, column)
        if role == SORT_ROLE:
            return self._sort_key(step, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(step, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(step, column) or "none"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DUE and self.is_overdue(step):
                return QBrush(QColor(RED))
            if step.status != NextStepStatus.OPEN:
                return QBrush(QColor(GREY))
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(step, column)
        return None

    def _display(self, step: NextStep, column: int) -> str:
        if column == COL_TEXT:
            return one_line(step.text)
        if column == COL_OWNER:
            return self.owner(step)
        if column == COL_DUE:
            return due_text(step, self.today)
        if column == COL_STATUS:
            return status_text(step.status)
        return self.item_title(step)

    def _sort_key(self, step: NextStep, column: int) -> Any:
        if column == COL_DUE:
            return step.due or ""
        if column == COL_STATUS:
            return STATUS_ORDER[step.status]
        if column == COL_ITEM:
            place = self._items.get(step.agenda_item_id or "")
            return place[0] if place else ""
        return self._display(step, column).casefold()

    def _tooltip(self, step: NextStep, column: int) -> str | None:
        if column == COL_TEXT:
            return tooltip(step.text)
        if column == COL_OWNER:
            return tooltip(self.owner(step))
        if column == COL_DUE and self.is_overdue(step):
            return f"Open, and the due date has passed ({self.today:%d %b %Y} today)."
        if column == COL_ITEM:
            return tooltip(self.item_title(step))
        return None

    def _font(self, step: NextStep, column: int) -> QFont | None:
        if column == COL_DUE and self.is_overdue(step):
            font = QFont()
            font.setBold(True)
            return font
        if column == COL_TEXT and step.status == NextStepStatus.DROPPED:
            font = QFont()
            font.setStrikeOut(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_STATUS and self._editor is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """The status column is edited in place: one undoable edit, straight to the file."""
        step = self.row_at(index)
        if (
            step is None
            or self._editor is None
            or role != Qt.ItemDataRole.EditRole
            or index.column() != COL_STATUS
        ):
            return False
        try:
            status = NextStepStatus(value)
        except ValueError:
            return False
        if status == step.status:
            return False
        return self._editor.update_next_step(step.id, status=status)


class NextStepsFilter(QSortFilterProxyModel):
    """Next steps of some statuses, overdue ones only if asked, matching the search text;
    sorted by the sort role with empty owners, dates and items last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[NextStepStatus] | None = None
        self.overdue_only = False
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(
        self, statuses: Collection[NextStepStatus] | None, overdue_only: bool, search: str
    ) -> None:
        self.beginFilterChange()
        self.statuses = frozenset(statuses) if statuses is not None else None
        self.overdue_only = overdue_only
        self.search = search.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        step = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(step, NextStep) or not isinstance(model, NextStepsModel):
            return False
        if self.statuses is not None and step.status not in self.statuses:
            return False
        if self.overdue_only and not model.is_overdue(step):
            return False
        if not self.search:
            return True
        haystack = f"{step.text} {model.owner(step)} {model.item_title(step)}"
        return self.search in haystack.casefold()

    def lessThan(self, left: Index, right: Index) -> bool:
        if left.column() in EMPTY_LAST:
            left_empty = left.data(SORT_ROLE) in ("", None)
            right_empty = right.data(SORT_ROLE) in ("", None)
            if left_empty != right_empty:
                # Qt sorts descending by asking lessThan(right, left): answer so that the
                # empty cell ends up last either way.
                descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
                return left_empty == descending
            if left_empty:
                return left.row() < right.row()
        if left.data(SORT_ROLE) == right.data(SORT_ROLE):
            return left.row() < right.row()  # ties in the order they were recorded
        return super().lessThan(left, right)
