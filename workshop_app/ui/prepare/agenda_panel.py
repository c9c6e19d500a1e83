"""Prepare > Agenda: the items in running order with their guiding questions (under each
day's heading when there are several days), and a detail form."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import AgendaItem, Day, GuidingQuestion, ItemKind, new_id
from workshop_app.domain.timeplan import format_duration
from workshop_app.store import Change, Entity
from workshop_app.ui import dialogs
from workshop_app.ui.common.lazy import RefreshWhenShown
from workshop_app.ui.edits.prepare_edits import AgendaEdits, DayEdits
from workshop_app.ui.prepare import agenda_rows
from workshop_app.ui.prepare.agenda_detail import AgendaDetail
from workshop_app.ui.prepare.agenda_model import (
    COL_END,
    COL_KIND,
    COL_MINUTES,
    COL_START,
    COL_TITLE,
    AgendaModel,
)
from workshop_app.ui.prepare.breakout_groups import BreakoutCommands
from workshop_app.ui.session import Session
from workshop_app.words import plural


class AgendaPanel(QWidget):
    """The agenda tree on the left, the selected row's form on the right."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.edits = AgendaEdits(session.editor, session.agenda)
        self.day_edits = DayEdits(session.editor, session.days)
        self.model = AgendaModel(self.edits)
        self.summary = QLabel()
        self.summary.setObjectName("agendaSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = self._build_tree()
        self.detail = AgendaDetail(self.edits, self.day_edits)
        self.detail.items_of = self.model.items
        self.breakout = BreakoutCommands(session, self._current_item, self)
        self.detail.groups_of = lambda item_id: session.groups.list(item_id)
        self.detail.set_question_group = self.breakout.set_question_group
        self._build_actions()
        self._layout()
        session.changed.connect(self._on_changed)
        self._refresher = RefreshWhenShown(self, self._refresh)

    # -- building -------------------------------------------------------------------------

    def _build_tree(self) -> QTreeView:
        tree = QTreeView()
        tree.setObjectName("agendaTree")
        tree.setAccessibleName("Agenda items and guiding questions")
        tree.setModel(self.model)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        tree.setExpandsOnDoubleClick(False)
        header = tree.header()
        header.setStretchLastSection(False)
        for column in (COL_START, COL_END, COL_KIND, COL_MINUTES):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        tree.selectionModel().currentChanged.connect(self._on_current)
        self.model.rowsInserted.connect(lambda parent, *_: tree.expand(parent))
        tree.installEventFilter(self)  # F2 on a day's heading
        tree.doubleClicked.connect(lambda index: self._edit_day(self.model.row_object(index)))
        return tree

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F2 on a day's heading edits the day in the form beside (as on an item's title)."""
        if (
            watched is self.tree
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_F2
        ):
            return self._edit_day(self.current())
        return super().eventFilter(watched, event)

    def _edit_day(self, row: object) -> bool:
        if isinstance(row, Day) and self.detail.day is not None:
            self.detail.day.focus_date()
            return True
        return False

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str, slot: object
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.add_item_action = self._action("Add &Item", "Ctrl+Shift+I", self.add_item)
        self.add_question_action = self._action("Add &Question", "Ctrl+Shift+Q", self.add_question)
        self.add_day_action = self._action("Add Da&y", "Ctrl+Shift+D", self.add_day)
        self.delete_action = self._action("&Delete", QKeySequence.StandardKey.Delete, self.delete)
        self.move_up_action = self._action("Move &Up", "Alt+Up", lambda: self.move_selected(-1))
        self.move_down_action = self._action(
            "Move Do&wn", "Alt+Down", lambda: self.move_selected(+1)
        )

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.add_item_action,
            self.add_question_action,
            self.add_day_action,
            self.delete_action,
            self.move_up_action,
            self.move_down_action,
            self.breakout.action,
        ]

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        for action in self.actions_for_menu():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolTip(f"{action.text().replace('&', '')} ({action.shortcut().toString()})")
            buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.tree)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.setTabOrder(self.tree, self.detail)

    # -- following the document -----------------------------------------------------------

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        relevant = {Entity.AGENDA_ITEM, Entity.QUESTION, Entity.WORKSHOP, Entity.DAY, Entity.GROUP}
        if any(change.entity in relevant for change in changes):
            self._refresher.request()

    def _refresh(self) -> None:
        if not self._session.is_open:
            return
        self.model.set_days(self._session.days.list())
        self.model.reconcile(self._session.agenda.items())
        for row, obj in enumerate(self.model.rows()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), isinstance(obj, Day))
        self.tree.expandAll()
        if self.current() is None and self.model.rowCount():
            first = self.model.items() or self.model.rows()  # an item, as with one day
            self.select(first[0].id)
        self.summary.setText(f"<b>Agenda</b> — {self._span()} · {self._count()}")
        self._show_current()

    def _span(self) -> str:
        """When the agenda runs: ``Tue 10 Mar 2009, 09:00–17:30 (8h30)``, or over days
        ``3 days, Tue 10 – Thu 12 Mar 2009`` (each day's times are on its heading)."""
        plans, days = self.model.plans, self.model.days
        if len(plans) > 1:
            return f"{len(plans)} days, {agenda_rows.date_span(days)}"
        plan, minutes = plans[0], format_duration(plans[0].total_minutes)
        day = plan.start.strftime("%a %d %b %Y") if days[0].date else "Date not set"
        return f"{day}, {plan.start:%H:%M}–{plan.end:%H:%M} ({minutes})"

    def _count(self) -> str:
        return plural(len(self.model.items()), "item", "items")

    def _show_current(self) -> None:
        index = self.tree.currentIndex()
        heading = self.model.index(index.row(), 0, index.parent()).data() or ""
        self.detail.show_row(self.model.row_object(index), str(heading))

    # -- selection ------------------------------------------------------------------------

    def current(self) -> AgendaItem | GuidingQuestion | Day | None:
        return self.model.row_object(self.tree.currentIndex())

    def select(self, row_id: str) -> None:
        index = self.model.index_of(row_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.tree.scrollTo(index)

    def _on_current(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()
        self.breakout.update()

    def _current_item(self) -> AgendaItem | None:
        row = self.current()
        if isinstance(row, GuidingQuestion):
            items = {item.id: item for item in self.model.items()}
            return items.get(row.agenda_item_id)
        return row if isinstance(row, AgendaItem) else None

    # -- commands -------------------------------------------------------------------------

    def add_item(self) -> None:
        """A new session after the selected item, on its day (at the end of the day whose
        heading is selected)."""
        current, row = self._current_item(), self.current()
        index = self.model.item_row(current.id) + 1 if current else None
        item = AgendaItem(
            id=new_id(), title="New session", kind=ItemKind.SESSION, planned_minutes=30
        )
        day = row.id if isinstance(row, Day) else current.day_id if current else None
        item = dataclasses.replace(item, day_id=day)
        if self.edits.add_item(item, index):
            self.select(item.id)
            self.detail.focus_title()

    def add_question(self) -> None:
        item = self._current_item()
        if item is None:
            return
        row = self.current()
        index = None
        if isinstance(row, GuidingQuestion):
            index = [q.id for q in item.questions].index(row.id) + 1
        question_id = self.edits.add_question(item.id, "New guiding question?", index)
        if question_id:
            self.select(question_id)
            self.detail.focus_title()

    def add_day(self) -> None:
        """A day after the last, dated the day after it and starting at the same time."""
        last = self._session.days.list()[-1]
        date = last.date and (dt.date.fromisoformat(last.date) + dt.timedelta(days=1)).isoformat()
        day = Day(new_id(), date, last.start_time)
        if self.day_edits.add(day):
            self.select(day.id)
            self._edit_day(day)

    def delete(self) -> None:
        row = self.current()
        if isinstance(row, Day):
            self.day_edits.delete(row.id)  # refused in words when the day has items
        elif isinstance(row, GuidingQuestion):
            self.edits.delete_question(row.id)
        elif isinstance(row, AgendaItem):
            counts = self._session.agenda.dependents(row.id)
            if any(counts.values()) and not dialogs.confirm(
                self,
                f"Delete “{row.title}” and everything recorded on it?",
                f"{plural(counts['contributions'], 'contribution', 'contributions')}, "
                f"{plural(counts['speeches'], 'speech', 'speeches')} and "
                f"{plural(counts['consensus_points'], 'consensus point', 'consensus points')} "
                "would go with it. "
                "Edit > Undo brings them back.",
                "Delete",
            ):
                return
            self.edits.delete_item(row.id)

    def move_selected(self, step: int) -> None:
        row = self.current()
        if isinstance(row, AgendaItem):
            target = agenda_rows.step(self.model.rows(), row.id, step)
            if target is not None:
                self.edits.move_item(row.id, *target)
                self.select(row.id)
        elif isinstance(row, GuidingQuestion):
            self._move_question(row, step)

    def _move_question(self, question: GuidingQuestion, step: int) -> None:
        """Within its item; past the first or last question, into the neighbouring session."""
        items = self.model.items()
        item_row = self.model.item_row(question.agenda_item_id)
        ids = [q.id for q in items[item_row].questions]
        target = ids.index(question.id) + step
        if 0 <= target < len(ids):
            self.edits.move_question(question.id, question.agenda_item_id, target)
        else:
            neighbour = item_row + step
            if not 0 <= neighbour < len(items):
                return
            other = items[neighbour]
            index = len(other.questions) if step < 0 else 0
            self.edits.move_question(question.id, other.id, index)
        self.select(question.id)
