"""Minutes > Next Steps: every next step of the workshop, sortable by owner, due date and
status, overdue ones marked, the status editable in place."""

from __future__ import annotations

import itertools
from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import NextStep, NextStepStatus
from workshop_app.domain.outcomes import NEXT_STEP_LABELS
from workshop_app.store import Entity
from workshop_app.ui import dialogs
from workshop_app.ui.common.choices import ChoiceDelegate
from workshop_app.ui.common.drafts import next_step_draft
from workshop_app.ui.common.outcome_tables import OutcomeTable, filter_bar, one_line
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.minutes.next_steps_model import (
    COL_DUE,
    COL_ITEM,
    COL_OWNER,
    COL_STATUS,
    COL_TEXT,
    NextStepsFilter,
    NextStepsModel,
    status_text,
)
from workshop_app.ui.session import Session
from workshop_app.words import plural

NO_NEXT_STEPS = (
    "No next steps have been recorded in this workshop yet. Add one here with "
    "Add Next Step (Ctrl+Shift+A), or in the Run view as they are decided."
)
NO_MATCH = "No next step matches this filter."
WIDTHS = {COL_OWNER: 190, COL_DUE: 170, COL_STATUS: 110, COL_ITEM: 250}
FIELDS = ("text", "agenda_item_id", "owner", "owner_participant_id", "due", "status")
STATUS_FILTERS: list[tuple[str, frozenset[NextStepStatus] | None]] = [
    ("All", None),
    *((status_text(s), frozenset({s})) for s in NEXT_STEP_LABELS),
]


class NextStepsPanel(QWidget):
    #: What this panel shows; the page refreshes it when one of these changes.
    WATCHED = frozenset({Entity.NEXT_STEP, Entity.PARTICIPANT, Entity.AGENDA_ITEM})

    def __init__(
        self, session: Session, edits: OutcomeEdits | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.edits = edits if edits is not None else OutcomeEdits(session)
        self.model = NextStepsModel(self.edits, self)
        self.proxy = NextStepsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show next steps of status")
        for label, statuses in STATUS_FILTERS:
            self.status_filter.addItem(label, statuses)
        self.overdue_only = QCheckBox("&Only overdue")
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search next steps, owners, items…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search next steps")
        self.summary = QLabel()
        self.summary.setObjectName("actionsSummary")
        self.table = self._build_table()
        self._build_actions()
        self._layout()
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.overdue_only.toggled.connect(self._filter_changed)
        self.search.textChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self.table.doubleClicked.connect(self._double_clicked)
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_placeholder)

    def _build_table(self) -> OutcomeTable:
        table = OutcomeTable("Next steps")
        table.setObjectName("actionsTable")
        table.setModel(self.proxy)
        table.sortByColumn(COL_DUE, Qt.SortOrder.AscendingOrder)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        choices = [(status_text(s), s.value) for s in NEXT_STEP_LABELS]
        self._status_delegate = ChoiceDelegate(choices, table)
        table.setItemDelegateForColumn(COL_STATUS, self._status_delegate)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        return table

    def _build_actions(self) -> None:
        def action(
            text: str, keys: str | QKeySequence.StandardKey, slot: Any, on_table: bool = False
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            # Keys that a text field or an open editor also uses act on the table only.
            context = Qt.ShortcutContext
            act.setShortcutContext(
                context.WidgetShortcut if on_table else context.WidgetWithChildrenShortcut
            )
            act.triggered.connect(lambda _checked=False: slot())
            (self.table if on_table else self).addAction(act)
            return act

        key = QKeySequence.StandardKey
        self.add_action = action("&Add Next Step…", "Ctrl+Shift+A", self.add_next_step_dialog)
        self.edit_action = action("&Edit Next Step…", "F2", self.edit_current, on_table=True)
        self.status_action = action("Change &Status", "Ctrl+T", self.edit_status, on_table=True)
        self.done_action = action("Mark &Done", "Ctrl+D", self.mark_done)
        self.delete_action = action(
            "De&lete Next Step", key.Delete, self.delete_current, on_table=True
        )
        self.find_action = action("&Find Next Step", key.Find, self._find)
        for act, short in (
            (self.add_action, "Add…"),
            (self.edit_action, "Edit…"),
            (self.delete_action, "Delete"),
        ):
            act.setIconText(short)  # what its button says

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.add_action,
            self.edit_action,
            self.status_action,
            self.done_action,
            self.delete_action,
            self.find_action,
        ]

    def _layout(self) -> None:
        top, buttons = filter_bar(
            self.status_filter,
            self.search,
            [self.add_action, self.edit_action, self.done_action, self.delete_action],
            [self.overdue_only],
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        chain = [self.status_filter, self.overdue_only, self.search, *buttons, self.table]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    # -- following the document -----------------------------------------------------------

    def refresh(self) -> None:
        """Read the next steps again and show them (rows change in place)."""
        if not self._session.is_open:
            return
        today = self._session.clock().date()
        self.model.set_context(
            self._session.participants.list(), self._session.agenda.items(), today
        )
        self.model.reconcile(self._session.next_steps.list())
        if self.proxy.overdue_only:
            self._filter_changed()  # whether a step is overdue may have changed
        self._update_summary()
        self._update_placeholder()
        self._enable()

    def showEvent(self, event: QShowEvent) -> None:
        """A laptop left open overnight: overdue is judged on the day it is looked at."""
        super().showEvent(event)
        if self._session.is_open and self._session.clock().date() != self.model.today:
            self.refresh()

    def _update_summary(self) -> None:
        steps = self.model.rows()
        if not steps:
            self.summary.setText("No next steps yet.")
            return
        counts = Counter(a.status for a in steps)
        overdue = sum(self.model.is_overdue(a) for a in steps)
        parts = []
        for status, label in NEXT_STEP_LABELS.items():
            if counts[status]:
                part = f"{counts[status]} {label.lower()}"
                if status == NextStepStatus.OPEN and overdue:
                    part += f" ({overdue} overdue)"
                parts.append(part)
        total = plural(len(steps), "next step", "next steps")
        self.summary.setText(f"{total}:  " + "  ·  ".join(parts))

    def _update_placeholder(self) -> None:
        text = NO_NEXT_STEPS if not self.model.rowCount() else NO_MATCH
        self.table.set_placeholder(text if not self.proxy.rowCount() else "")

    def _filter_changed(self) -> None:
        self.proxy.set_filter(
            self.status_filter.currentData(), self.overdue_only.isChecked(), self.search.text()
        )
        self._update_placeholder()
        self._enable()

    def _enable(self) -> None:
        step = self.current()
        for act in (self.edit_action, self.status_action, self.delete_action):
            act.setEnabled(step is not None)
        self.done_action.setEnabled(step is not None and step.status != NextStepStatus.DONE)

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # -- commands -------------------------------------------------------------------------

    def current(self) -> NextStep | None:
        value = self.table.current_row()
        return value if isinstance(value, NextStep) else None

    def select(self, step_id: str) -> bool:
        """Make ``step_id`` the current row, if the filter shows it."""
        return self.table.select_id(self.model, step_id, COL_TEXT)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() != COL_STATUS:
            self.edit_current()

    def _ask(self, step: NextStep | None) -> NextStep | None:
        current = self.current()
        default_item = current.agenda_item_id if current is not None else None
        return dialogs.edit_next_step(
            self,
            step,
            self._session.participants.list(),
            self._session.agenda.items(),
            step.agenda_item_id if step is not None else default_item,
            self._session.clock().date(),
            next_step_draft(lambda: self._session.drafts, step.id if step else None, default_item),
        )

    def add_next_step_dialog(self) -> None:
        """Ask for a new next step and record it; it is shown even if the filter hid it."""
        step = self._ask(None)
        if step is None or not self.edits.add_next_step(step):
            return
        if not self.select(step.id):
            self.status_filter.setCurrentIndex(0)
            self.overdue_only.setChecked(False)
            self.search.clear()
            self.select(step.id)

    def edit_current(self) -> None:
        step = self.current()
        if step is None:
            return
        edited = self._ask(self._session.next_steps.get(step.id))
        if edited is None:
            return
        fields = {
            name: getattr(edited, name)
            for name in FIELDS
            if getattr(edited, name) != getattr(step, name)
        }
        if fields:
            self.edits.update_next_step(step.id, **fields)

    def edit_status(self) -> None:
        """Open the status cell's choices on the current row."""
        index = self.table.currentIndex()
        if index.isValid():
            status = index.siblingAtColumn(COL_STATUS)
            self.table.setCurrentIndex(status)
            self.table.edit(status)

    def mark_done(self) -> None:
        step = self.current()
        if step is not None and step.status != NextStepStatus.DONE:
            self.edits.update_next_step(step.id, status=NextStepStatus.DONE)

    def delete_current(self) -> None:
        step = self.current()
        if step is None:
            return
        text = one_line(step.text)
        short = text if len(text) <= 80 else text[:79] + "…"
        if dialogs.confirm(
            self,
            "Delete this next step?",
            f"“{short}” will be removed. Edit > Undo brings it back.",
            "Delete",
        ):
            self.edits.delete_next_step(step.id)
