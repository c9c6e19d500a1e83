"""What each cell of the agenda tree shows, by role: an item's times and fields, a guiding
question's text, a day's heading (in the first column, which the view spans across)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from workshop_app.domain.model import AgendaItem, Day, GuidingQuestion, ItemKind
from workshop_app.domain.timeplan import DayPlan, Slot
from workshop_app.ui.prepare.agenda_rows import heading_text

COL_START, COL_END, COL_TITLE, COL_KIND, COL_MINUTES = range(5)
HEADERS = ("Start", "End", "Title", "Kind", "Minutes")


def heading_cell(day: Day, number: int, plan: DayPlan | None, column: int, role: int) -> Any:
    if column != 0:
        return None
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        return heading_text(number, day, plan)
    if role == Qt.ItemDataRole.FontRole:
        font = QFont()
        font.setBold(True)
        return font
    return None


def question_cell(q: GuidingQuestion, column: int, role: int) -> Any:
    if column != COL_TITLE:
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return f"? {q.text}"
    if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
        return q.text
    return None


def item_cell(item: AgendaItem, slot: Slot | None, column: int, role: int) -> Any:
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
        if column == COL_START and slot:
            return slot.start.strftime("%H:%M")
        if column == COL_END and slot:
            return slot.end.strftime("%H:%M")
        if column == COL_TITLE:
            return item.title
        if column == COL_KIND:
            return item.kind.value
        if column == COL_MINUTES:
            if role == Qt.ItemDataRole.EditRole:
                return item.planned_minutes or 0
            return "" if item.planned_minutes is None else f"{item.planned_minutes} min"
    if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
        return item.description or item.title
    if role == Qt.ItemDataRole.TextAlignmentRole and column in (COL_MINUTES,):
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if role == Qt.ItemDataRole.FontRole and item.kind == ItemKind.BREAK:
        font = QFont()
        font.setItalic(True)
        return font
    return None
