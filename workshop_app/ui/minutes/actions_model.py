"""The workshop's next steps as a table, and the filter and sort the list shows them through."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from workshop_app.domain.model import Action, ActionStatus, AgendaItem, Participant
from workshop_app.domain.outcomes import ACTION_LABELS, is_overdue, owner_name
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
STATUS_MARKS = {ActionStatus.OPEN: "○", ActionStatus.DONE: "✓", ActionStatus.DROPPED: "–"}
STATUS_ORDER = {status: number for number, status in enumerate(ACTION_LABELS)}
#: Columns whose empty cells sort last, whichever way the column is sorted.
EMPTY_LAST = (COL_OWNER, COL_DUE, COL_ITEM)


class ActionEditor(Protocol):
    def update_action(self, action_id: str, **fields: Any) -> bool: ...


def status_text(status: ActionStatus) -> str:
    return f"{STATUS_MARKS[status]} {ACTION_LABELS[status]}"


def due_text(action: Action, today: dt.date) -> str:
    """``15 Dec 2017``, with `` · overdue`` when an open step is past it ("" with no date)."""
    if not action.due:
        return ""
    try:
        day = dt.date.fromisoformat(action.due)
    except ValueError:
        return action.due
    text = f"{day.day} {day:%b %Y}"
    return f"{text} · overdue" if is_overdue(action, today) else text


class ActionsModel(RowTableModel[Action]):
    HEADERS = HEADERS

    def __init__(self, editor: ActionEditor | None = None, parent: QObject | None = None) -> None:
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

    def owner(self, action: Action) -> str:
        return owner_name(action, self._people)

    def item_title(self, action: Action) -> str:
        place = self._items.get(action.agenda_item_id or "")
        return place[1].title if place else ""

    def is_overdue(self, action: Action) -> bool:
        return is_overdue(action, self.today)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        action = self.row_at(index)
        if action is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return action
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(action, column)
        if role == Qt.ItemDataRole.EditRole:
            return action.status.value if column == COL_STATUS else self._display(action, column)
        if role == SORT_ROLE:
            return self._sort_key(action, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(action, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(action, column) or "none"
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DUE and self.is_overdue(action):
                return QBrush(QColor(RED))
            if action.status != ActionStatus.OPEN:
                return QBrush(QColor(GREY))
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._font(action, column)
        return None

    def _display(self, action: Action, column: int) -> str:
        if column == COL_TEXT:
            return one_line(action.text)
        if column == COL_OWNER:
            return self.owner(action)
        if column == COL_DUE:
            return due_text(action, self.today)
        if column == COL_STATUS:
            return status_text(action.status)
        return self.item_title(action)

    def _sort_key(self, action: Action, column: int) -> Any:
        if column == COL_DUE:
            return action.due or ""
        if column == COL_STATUS:
            return STATUS_ORDER[action.status]
        if column == COL_ITEM:
            place = self._items.get(action.agenda_item_id or "")
            return place[0] if place else ""
        return self._display(action, column).casefold()

    def _tooltip(self, action: Action, column: int) -> str | None:
        if column == COL_TEXT:
            return tooltip(action.text)
        if column == COL_OWNER:
            return tooltip(self.owner(action))
        if column == COL_DUE and self.is_overdue(action):
            return f"Open, and the due date has passed ({self.today:%d %b %Y} today)."
        if column == COL_ITEM:
            return tooltip(self.item_title(action))
        return None

    def _font(self, action: Action, column: int) -> QFont | None:
        if column == COL_DUE and self.is_overdue(action):
            font = QFont()
            font.setBold(True)
            return font
        if column == COL_TEXT and action.status == ActionStatus.DROPPED:
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
        action = self.row_at(index)
        if (
            action is None
            or self._editor is None
            or role != Qt.ItemDataRole.EditRole
            or index.column() != COL_STATUS
        ):
            return False
        try:
            status = ActionStatus(value)
        except ValueError:
            return False
        if status == action.status:
            return False
        return self._editor.update_action(action.id, status=status)


class ActionsFilter(QSortFilterProxyModel):
    """Next steps of some statuses, overdue ones only if asked, matching the search text;
    sorted by the sort role with empty owners, dates and items last."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.statuses: frozenset[ActionStatus] | None = None
        self.overdue_only = False
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(
        self, statuses: Collection[ActionStatus] | None, overdue_only: bool, search: str
    ) -> None:
        self.beginFilterChange()
        self.statuses = frozenset(statuses) if statuses is not None else None
        self.overdue_only = overdue_only
        self.search = search.strip().casefold()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        action = model.index(source_row, 0, source_parent).data(ROW_ROLE)
        if not isinstance(action, Action) or not isinstance(model, ActionsModel):
            return False
        if self.statuses is not None and action.status not in self.statuses:
            return False
        if self.overdue_only and not model.is_overdue(action):
            return False
        if not self.search:
            return True
        haystack = f"{action.text} {model.owner(action)} {model.item_title(action)}"
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
