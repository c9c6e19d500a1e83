"""The agenda as a tree model: items in running order, their guiding questions beneath, and
(when the workshop has several days) each day's heading above its items.

It reconciles with the store after every committed change: rows are inserted, removed and
moved one by one (never a reset), so selections and scroll positions survive edits.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workshop_app.domain.model import FIRST_DAY_ID, AgendaItem, Day, GuidingQuestion
from workshop_app.domain.timeplan import DayPlan, Slot, plan_days
from workshop_app.ui.prepare import agenda_cells, agenda_rows
from workshop_app.ui.prepare.agenda_cells import (
    COL_END,
    COL_KIND,
    COL_MINUTES,
    COL_START,
    COL_TITLE,
    HEADERS,
)
from workshop_app.ui.prepare.agenda_rows import Row

# The columns are defined with their cells; still imported from here by the panel and tests.
__all__ = ["COL_END", "COL_KIND", "COL_MINUTES", "COL_START", "COL_TITLE", "AgendaModel"]

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
MIME = "application/x-workshop-agenda"

Index = QModelIndex | QPersistentModelIndex


class AgendaEditing(Protocol):
    """What the model asks for when the user edits in place or drops a row."""

    def update_item(self, item_id: str, **fields: Any) -> bool: ...
    def update_question(self, question_id: str, text: str) -> bool: ...
    def move_item(self, item_id: str, index: int, day_id: str | None = None) -> bool: ...
    def move_question(self, question_id: str, item_id: str, index: int) -> bool: ...


class AgendaModel(QAbstractItemModel):
    def __init__(self, edits: AgendaEditing | None = None) -> None:
        super().__init__()
        self._edits = edits
        #: Top-level rows: agenda items and, with several days, the days' headings.
        self._items: list[Row] = []
        self._keys: dict[str, int] = {}  # item id -> stable internal id of its questions
        self._key_rows: dict[int, int] | None = None  # rebuilt after rows are added or moved
        self._slots: dict[str, Slot] = {}
        self._days: tuple[Day, ...] = (Day(FIRST_DAY_ID),)
        self._plans: tuple[DayPlan, ...] = plan_days(self._days, [])

    # -- loading and reconciling ----------------------------------------------------------

    def set_day(self, date: str | None, start_time: str | None) -> None:
        """A workshop of one day starting on ``date`` at ``start_time``: every time shifts."""
        self.set_days([Day(FIRST_DAY_ID, date, start_time)])

    def set_days(self, days: Sequence[Day]) -> None:
        """The workshop's days (from ``reconcile``'s next call on, headings follow them)."""
        self._days = tuple(days) or (Day(FIRST_DAY_ID),)
        self._replan()

    def reconcile(self, items: Sequence[AgendaItem]) -> None:
        """Bring the rows in line with ``items`` (under the days' headings) by inserts,
        removes, moves and updates."""
        rows = agenda_rows.build_rows(self._days, items)
        new_keys = [_key(row) for row in rows]
        wanted = set(new_keys)
        for row in reversed(range(len(self._items))):
            if _key(self._items[row]) not in wanted:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._items[row]
                self._key_rows = None
                self.endRemoveRows()
        for target, (key, new) in enumerate(zip(new_keys, rows, strict=True)):
            current = [_key(row) for row in self._items]
            if target < len(current) and current[target] == key:
                continue
            if key in current:
                source = current.index(key)
                self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target)
                self._items.insert(target, self._items.pop(source))
                self._key_rows = None
                self.endMoveRows()
            else:
                if isinstance(new, AgendaItem):
                    self._keys.setdefault(new.id, len(self._keys) + 1)
                    new = AgendaItem(id=new.id, title=new.title)  # questions come next
                self.beginInsertRows(QModelIndex(), target, target)
                self._items.insert(target, new)
                self._key_rows = None
                self.endInsertRows()
        for row, new in enumerate(rows):
            self._update_row(row, new)
        self._replan()

    def _update_row(self, row: int, new: Row) -> None:
        old = self._items[row]
        if isinstance(new, AgendaItem):
            self._reconcile_questions(row, self.index(row, 0), new.questions)
        if old != new:
            self._items[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _reconcile_questions(
        self, row: int, parent: QModelIndex, questions: Sequence[GuidingQuestion]
    ) -> None:
        wanted = [q.id for q in questions]
        item = self._items[row]
        old = list(item.questions) if isinstance(item, AgendaItem) else []
        for q_row in reversed(range(len(old))):
            if old[q_row].id not in wanted:
                self.beginRemoveRows(parent, q_row, q_row)
                del old[q_row]
                self._set_questions(row, old)
                self.endRemoveRows()
        for target, question in enumerate(questions):
            ids = [q.id for q in old]
            if target < len(ids) and ids[target] == question.id:
                if old[target] != question:
                    old[target] = question
                    self._set_questions(row, old)
                    index = self.index(target, COL_TITLE, parent)
                    self.dataChanged.emit(index, index)
                continue
            if question.id in ids:
                source = ids.index(question.id)
                self.beginMoveRows(parent, source, source, parent, target)
                old.insert(target, old.pop(source))
                old[target] = question
                self._set_questions(row, old)
                self.endMoveRows()
            else:
                self.beginInsertRows(parent, target, target)
                old.insert(target, question)
                self._set_questions(row, old)
                self.endInsertRows()

    def _set_questions(self, row: int, questions: list[GuidingQuestion]) -> None:
        item = self._items[row]
        assert isinstance(item, AgendaItem)
        self._items[row] = AgendaItem(**{**item.__dict__, "questions": tuple(questions)})

    def _replan(self) -> None:
        old = self._plans
        known = {day.id for day in self._days}
        first = self._days[0].id
        planned = [  # an item on a day not (or no longer) known counts on the first day
            item if item.day_id in known else dataclasses.replace(item, day_id=first)
            for item in self.items()
        ]
        self._plans = plan_days(self._days, planned)
        self._slots = {slot.item_id: slot for plan in self._plans for slot in plan.slots}
        if old != self._plans and self._items:
            last = len(self._items) - 1
            self.dataChanged.emit(self.index(0, COL_START), self.index(last, COL_END))

    # -- reading --------------------------------------------------------------------------

    @property
    def plan(self) -> DayPlan:
        """The first day's plan (the only one of a one-day workshop)."""
        return self._plans[0]

    @property
    def plans(self) -> tuple[DayPlan, ...]:
        """Each day's plan, in order."""
        return self._plans

    @property
    def days(self) -> tuple[Day, ...]:
        return self._days

    def rows(self) -> list[Row]:
        """The top-level rows: headings (with several days) and items, as shown."""
        return list(self._items)

    def items(self) -> list[AgendaItem]:
        """The agenda items in running order."""
        return agenda_rows.agenda_items(self._items)

    def item_row(self, item_id: str) -> int:
        """The item's place in the running order (not counting headings)."""
        return next(i for i, item in enumerate(self.items()) if item.id == item_id)

    def row_of(self, row_id: str) -> int:
        """The top-level row of an item or a day's heading."""
        return next(i for i, row in enumerate(self._items) if row.id == row_id)

    def index_of(self, row_id: str) -> QModelIndex:
        """The index (title column) of an item or a question, or (first column) of a day's
        heading, by id; invalid if absent."""
        for row, item in enumerate(self._items):
            if isinstance(item, Day):
                continue
            if item.id == row_id:
                return self.index(row, COL_TITLE)
            for q_row, q in enumerate(item.questions):
                if q.id == row_id:
                    return self.index(q_row, COL_TITLE, self.index(row, 0))
        for row, day in enumerate(self._items):
            if isinstance(day, Day) and day.id == row_id:
                return self.index(row, 0)
        return QModelIndex()

    def row_object(self, index: Index) -> AgendaItem | GuidingQuestion | Day | None:
        if not index.isValid():
            return None
        key = index.internalId()
        if key == 0:
            return self._items[index.row()]
        item = self._item_by_key(key)
        return item.questions[index.row()] if item is not None else None

    def _row_of_key(self, key: int) -> int | None:
        """The row of the item whose questions carry ``key`` (cached until rows change)."""
        if self._key_rows is None:
            self._key_rows = {
                self._keys[item.id]: row
                for row, item in enumerate(self._items)
                if isinstance(item, AgendaItem)
            }
        return self._key_rows.get(key)

    def _item_by_key(self, key: int) -> AgendaItem | None:
        row = self._row_of_key(key)
        item = None if row is None else self._items[row]
        return item if isinstance(item, AgendaItem) else None

    # -- QAbstractItemModel ---------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        item = self._items[parent.row()]
        return self.createIndex(row, column, self._keys[item.id])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        row = self._row_of_key(index.internalId())
        return QModelIndex() if row is None else self.createIndex(row, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._items)
        if parent.internalId() == 0 and parent.column() == 0:
            item = self._items[parent.row()]
            return len(item.questions) if isinstance(item, AgendaItem) else 0
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        obj = self.row_object(index)
        if obj is None:
            return None
        if role == ROW_ROLE:
            return obj
        if isinstance(obj, GuidingQuestion):
            return agenda_cells.question_cell(obj, index.column(), role)
        if isinstance(obj, Day):
            number = next(i for i, d in enumerate(self._days) if d.id == obj.id) + 1
            plan = next((p for p in self._plans if p.day_id == obj.id), None)
            return agenda_cells.heading_cell(obj, number, plan, index.column(), role)
        return agenda_cells.item_cell(obj, self._slots.get(obj.id), index.column(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        obj = self.row_object(index)
        if isinstance(obj, Day):  # a heading takes items dropped on it, and is not dragged
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | base
        if isinstance(obj, AgendaItem):
            flags |= Qt.ItemFlag.ItemIsDropEnabled
            if index.column() in (COL_TITLE, COL_KIND, COL_MINUTES):
                flags |= Qt.ItemFlag.ItemIsEditable
        elif index.column() == COL_TITLE:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        obj = self.row_object(index)
        if role != Qt.ItemDataRole.EditRole or obj is None or self._edits is None:
            return False
        if isinstance(obj, Day):
            return False
        if isinstance(obj, GuidingQuestion):
            text = str(value).strip()
            if not text or text == obj.text:
                return False
            return self._edits.update_question(obj.id, text)
        field = {COL_TITLE: "title", COL_KIND: "kind", COL_MINUTES: "planned_minutes"}.get(
            index.column()
        )
        if field is None:
            return False
        if field == "title":
            value = str(value).strip()
            if not value:
                return False
        if field == "planned_minutes":
            value = int(value)
        if getattr(obj, field) == value:
            return False
        return self._edits.update_item(obj.id, **{field: value})

    # -- drag and drop --------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        obj = self.row_object(indexes[0]) if indexes else None
        if obj is not None and not isinstance(obj, Day):
            kind = "question" if isinstance(obj, GuidingQuestion) else "item"
            data.setData(MIME, json.dumps({"kind": kind, "id": obj.id}).encode())
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self._edits is None or not data.hasFormat(MIME):
            return False
        payload = json.loads(bytes(data.data(MIME).data()).decode())
        target = self.row_object(parent)
        if payload["kind"] == "item":
            if isinstance(target, GuidingQuestion):
                return False
            if isinstance(target, Day):  # onto a heading: to the end of that day
                row = agenda_rows.end_of_day_row(self._items, target.id)
            elif isinstance(target, AgendaItem):  # onto an item: above it; among its
                row = parent.row() + (row >= 0)  # questions: below it
            elif row < 0:
                row = len(self._items)
            index, day_id = agenda_rows.place_before(
                self._items, row, payload["id"], self._days[0].id
            )
            self._edits.move_item(payload["id"], index, day_id)
        else:
            if not isinstance(target, AgendaItem):
                return False
            index = row if row >= 0 else len(target.questions)
            source = self.row_object(self.index_of(payload["id"]))
            if isinstance(source, GuidingQuestion) and source.agenda_item_id == target.id:
                current = [q.id for q in target.questions].index(source.id)
                index = index - 1 if index > current else index
            self._edits.move_question(payload["id"], target.id, index)
        # The store's change notification moves the rows; the view must not remove any.
        return False


def _key(row: Row) -> tuple[str, str]:
    """What a top-level row is, across reconciles: a day's heading or an item."""
    return ("day" if isinstance(row, Day) else "item", row.id)
