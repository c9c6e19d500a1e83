"""Prepare > Agenda: the day in running order with its guiding questions, and a detail form."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
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

from workshop_app.domain.model import AgendaItem, GuidingQuestion, ItemKind, new_id
from workshop_app.domain.timeplan import format_duration
from workshop_app.store import Change, Entity
from workshop_app.ui import dialogs
from workshop_app.ui.common.lazy import RefreshWhenShown
from workshop_app.ui.edits.prepare_edits import AgendaEdits
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
        self.model = AgendaModel(self.edits)
        self.summary = QLabel()
        self.summary.setObjectName("agendaSummary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = self._build_tree()
        self.detail = AgendaDetail(self.edits)
        self.breakout = BreakoutCommands(session, self._current_item, self)
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
        return tree

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
        self.delete_action = self._action("&Delete", QKeySequence.StandardKey.Delete, self.delete)
        self.move_up_action = self._action("Move &Up", "Alt+Up", lambda: self.move_selected(-1))
        self.move_down_action = self._action(
            "Move Do&wn", "Alt+Down", lambda: self.move_selected(+1)
        )

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.add_item_action,
            self.add_question_action,
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
        relevant = {Entity.AGENDA_ITEM, Entity.QUESTION, Entity.WORKSHOP}
        if any(change.entity in relevant for change in changes):
            self._refresher.request()

    def _refresh(self) -> None:
        if not self._session.is_open:
            return
        workshop = self._session.workshop.get()
        self.model.set_day(workshop.date, workshop.start_time)
        self.model.reconcile(self._session.agenda.items())
        self.tree.expandAll()
        if self.current() is None and self.model.rowCount():
            self.select(self.model.items()[0].id)
        plan = self.model.plan
        day = plan.start.strftime("%a %d %b %Y") if workshop.date else "Date not set"
        self.summary.setText(
            f"<b>Agenda</b> — {day}, {plan.start:%H:%M}–{plan.end:%H:%M} "
            f"({format_duration(plan.total_minutes)}) · "
            f"{plural(len(self.model.items()), 'item', 'items')}"
        )
        self.detail.show_row(self.current())

    # -- selection ------------------------------------------------------------------------

    def current(self) -> AgendaItem | GuidingQuestion | None:
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

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_row(self.model.row_object(current))
        self.breakout.update()

    def _current_item(self) -> AgendaItem | None:
        row = self.current()
        if isinstance(row, GuidingQuestion):
            items = {item.id: item for item in self.model.items()}
            return items.get(row.agenda_item_id)
        return row

    # -- commands -------------------------------------------------------------------------

    def add_item(self) -> None:
        current = self._current_item()
        index = self.model.item_row(current.id) + 1 if current else None
        item = AgendaItem(
            id=new_id(), title="New session", kind=ItemKind.SESSION, planned_minutes=30
        )
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

    def delete(self) -> None:
        row = self.current()
        if isinstance(row, GuidingQuestion):
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
            target = self.model.item_row(row.id) + step
            if 0 <= target < len(self.model.items()):
                self.edits.move_item(row.id, target)
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
