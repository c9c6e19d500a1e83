"""Minutes > Consensus: every consensus point of the workshop, filtered by status, with the
selected point's details beside the list."""

from __future__ import annotations

import itertools
from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.attribution import FROM_THE_FLOOR_LABEL
from workshop_app.domain.clock import clock_time
from workshop_app.domain.model import ConsensusPoint, Contribution
from workshop_app.domain.outcomes import STATUS_LABELS
from workshop_app.store import Entity
from workshop_app.ui import dialogs
from workshop_app.ui.common.drafts import point_draft
from workshop_app.ui.common.outcome_tables import OutcomeTable, filter_bar, one_line
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.minutes.consensus_detail import ConsensusDetail
from workshop_app.ui.minutes.consensus_model import (
    COL_ITEM,
    COL_POINT,
    COL_QUESTION,
    COL_RECORDED,
    COL_RESERVATIONS,
    COL_STATUS,
    COL_SUPPORT,
    STATUS_FILTERS,
    STATUS_MARKS,
    ConsensusFilter,
    ConsensusModel,
    order_points,
)
from workshop_app.ui.session import Session
from workshop_app.words import plural, plural_form

NO_POINTS = (
    "No consensus points have been recorded in this workshop yet. "
    "Record them in the Run view as the discussion reaches them."
)
NO_MATCH = "No consensus point matches this filter."
SELECT_ONE = "Select a consensus point to see its supporting contributions and edit it here."
NOTHING_YET = "A point's text, status, reservations and supporting contributions show here."
WIDTHS = {COL_ITEM: 124, COL_STATUS: 178, COL_RESERVATIONS: 116}
#: Short columns sized to their header and cells.
FITTED = (COL_QUESTION, COL_SUPPORT, COL_RECORDED)


class ConsensusListPanel(QWidget):
    """``contribution_requested(id)``: the user asked to see a supporting contribution."""

    contribution_requested = Signal(str)
    #: What this panel shows; the page refreshes it when one of these changes.
    WATCHED = frozenset(
        {
            Entity.CONSENSUS,
            Entity.CONTRIBUTION,
            Entity.AGENDA_ITEM,
            Entity.QUESTION,
            Entity.PARTICIPANT,
        }
    )

    def __init__(
        self, session: Session, edits: OutcomeEdits | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.edits = edits if edits is not None else OutcomeEdits(session)
        self.model = ConsensusModel(self)
        self.proxy = ConsensusFilter(self)
        self.proxy.setSourceModel(self.model)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show points of status")
        self.status_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.status_filter.setMinimumContentsLength(14)
        for label, statuses in STATUS_FILTERS:
            self.status_filter.addItem(label, statuses)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search points, reservations, items, questions…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search consensus points")
        self.summary = QLabel()
        self.summary.setObjectName("consensusSummary")
        self.table = self._build_table()
        self.detail = ConsensusDetail(self.edits)
        self.detail.contribution_requested.connect(self.contribution_requested)
        self._build_actions()
        self._layout()
        self.status_filter.currentIndexChanged.connect(self._filter_changed)
        self.search.textChanged.connect(self._filter_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        for signal in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset):
            signal.connect(self._update_placeholder)
        session.about_to_close.connect(self.detail.save_pending)

    def _build_table(self) -> OutcomeTable:
        table = OutcomeTable("Consensus points")
        table.setObjectName("consensusTable")
        table.setModel(self.proxy)
        table.sortByColumn(COL_ITEM, Qt.SortOrder.AscendingOrder)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in WIDTHS.items():
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_POINT, QHeaderView.ResizeMode.Stretch)
        for column in FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_actions(self) -> None:
        def action(text: str, keys: QKeySequence, slot: object, target: QWidget) -> QAction:
            act = QAction(text, self)
            act.setShortcut(keys)
            context = Qt.ShortcutContext
            act.setShortcutContext(
                context.WidgetShortcut
                if target is self.table
                else context.WidgetWithChildrenShortcut
            )
            act.triggered.connect(slot)
            target.addAction(act)
            return act

        key = QKeySequence.StandardKey
        self.edit_action = action(
            "&Edit Consensus Point…", QKeySequence("F2"), self.edit_current, self.table
        )
        # On the table only: Delete in a text field deletes text, in the list of supporting
        # contributions it unlinks one.
        self.delete_action = action(
            "&Delete Consensus Point", QKeySequence(key.Delete), self.delete_current, self.table
        )
        self.find_action = action("&Find Consensus Point", QKeySequence(key.Find), self._find, self)
        self.addAction(self.detail.jump_action)  # Ctrl+J from the table too
        self.edit_action.setIconText("Edit…")  # what its button says
        self.delete_action.setIconText("Delete")

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.edit_action,
            self.delete_action,
            self.detail.unlink_action,
            self.detail.jump_action,
            self.find_action,
        ]

    def _layout(self) -> None:
        top, buttons = filter_bar(
            self.status_filter, self.search, [self.edit_action, self.delete_action]
        )
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([930, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        chain = [self.status_filter, self.search, self.table, *self.detail.tab_chain(), *buttons]
        for before, after in itertools.pairwise(chain):
            self.setTabOrder(before, after)

    # -- following the document -----------------------------------------------------------

    def refresh(self) -> None:
        """Read the points again and show them (rows change in place)."""
        if not self._session.is_open:
            return
        items = self._session.agenda.items()
        self.model.set_items(items, self._session.workshop.get().timezone)
        self.model.reconcile(order_points(self._session.consensus.list(), items))
        self._update_summary()
        self._update_placeholder()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_current()

    def _update_summary(self) -> None:
        points = self.model.rows()
        if not points:
            self.summary.setText("No consensus points yet.")
            return
        counts = Counter(p.status for p in points)
        parts = [
            f"{STATUS_MARKS[s]} {counts[s]} {label.lower()}"
            for s, label in STATUS_LABELS.items()
            if counts[s]
        ]
        total = plural(len(points), "consensus point", "consensus points")
        self.summary.setText(f"{total}:  " + "  ·  ".join(parts))

    def _update_placeholder(self) -> None:
        text = NO_POINTS if not self.model.rowCount() else NO_MATCH
        self.table.set_placeholder(text if not self.proxy.rowCount() else "")

    def _filter_changed(self) -> None:
        self.proxy.set_filter(self.status_filter.currentData(), self.search.text())
        self._update_placeholder()
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._show_current()

    def _find(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _show_current(self) -> None:
        point = self.current()
        enabled = point is not None
        self.edit_action.setEnabled(enabled)
        self.delete_action.setEnabled(enabled)
        if point is None:
            self.detail.show_empty(SELECT_ONE if self.proxy.rowCount() else NOTHING_YET)
            return
        self.detail.show_point(point, self._heading(point), self._describe(point))

    def _heading(self, point: ConsensusPoint) -> str:
        item = self.model.item(point)
        heading = item.title if item else ""
        question = self.model.question_label(point)
        if question:
            heading += f"  ·  {question}: {self.model.question_text(point)}"
        return heading

    def _supporting(self, point: ConsensusPoint) -> list[Contribution]:
        said = {c.id: c for c in self._session.contributions.list(point.agenda_item_id)}
        return [said[cid] for cid in point.supporting_contribution_ids if cid in said]

    def _describe(self, point: ConsensusPoint) -> list[tuple[str, str]]:
        """Each supporting contribution as "time · speaker · text"."""
        people = {p.id: p.name for p in self._session.participants.list()}
        timezone = self._session.workshop.get().timezone
        rows = []
        for c in self._supporting(point):
            speaker = people.get(c.participant_id or "", FROM_THE_FLOOR_LABEL)
            said = f"{clock_time(c.recorded_at, timezone)} · {speaker} · {one_line(c.text)}"
            rows.append((c.id, said))
        return rows

    # -- commands -------------------------------------------------------------------------

    def current(self) -> ConsensusPoint | None:
        value = self.table.current_row()
        return value if isinstance(value, ConsensusPoint) else None

    def select(self, point_id: str) -> bool:
        """Make ``point_id`` the current row, if the filter shows it."""
        return self.table.select_id(self.model, point_id, COL_POINT)

    def edit_current(self) -> None:
        """Edit the point in the dialog (question too); its changes are one undoable step."""
        point = self.current()
        if point is None:
            return
        self.detail.save_pending()
        point = self._session.consensus.get(point.id)
        item = self._session.agenda.get(point.agenda_item_id)
        describe = dict(self._describe(point))
        draft = point_draft(lambda: self._session.drafts, item.id, point.id)
        edited = dialogs.edit_consensus_point(
            self, item, point, self._supporting(point), describe, draft
        )
        if edited is None:
            return
        self.edits.edit_point(point, edited)

    def delete_current(self) -> None:
        point = self.current()
        if point is None:
            return
        text = one_line(point.text)
        short = text if len(text) <= 80 else text[:79] + "…"
        links = len(point.supporting_contribution_ids)
        detail = f"“{short}”"
        if links:
            detail += f" and its {plural_form(links, 'link', 'links')} to "
            detail += plural(links, "contribution", "contributions")
        if dialogs.confirm(
            self,
            "Delete this consensus point?",
            f"{detail} will be removed. Edit > Undo brings it back.",
            "Delete",
        ):
            self.edits.delete_point(point.id)
