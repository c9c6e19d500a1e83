"""Prepare > Participants: the roster with check-in, counts per group, search and import."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.model import Participant, Role
from workshop_app.domain.roster import checkin_counts
from workshop_app.store import Change, ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.ui import dialogs
from workshop_app.ui.common.choices import ChoiceDelegate
from workshop_app.ui.common.lazy import RefreshWhenShown
from workshop_app.ui.edits.prepare_edits import DetailsEdits, RosterEdits
from workshop_app.ui.loader import deferred
from workshop_app.ui.prepare.bulk_bar import BulkEditBar
from workshop_app.ui.prepare.roster_model import (
    COL_GROUP,
    COL_NAME,
    COL_ORGANISATION,
    COL_PRESENT,
    COL_ROLE,
    HEADERS,
    ROW_ROLE,
    RosterModel,
    RosterProxy,
)
from workshop_app.ui.session import Session

if TYPE_CHECKING:
    from workshop_app import roster_import
else:  # loaded when a list is imported: it brings openpyxl (see ui/loader.py)
    roster_import = deferred("workshop_app.roster_import")


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _ModelEdits:
    """The model's in-place edits, routed through the panel."""

    def __init__(self, panel: RosterPanel) -> None:
        self._panel = panel

    def update(self, participant_id: str, **fields: object) -> bool:
        return self._panel.update_participant(participant_id, **fields)


class RosterPanel(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.edits = RosterEdits(session.editor, session.participants, session.workshop)
        self._details = DetailsEdits(session.editor, session.workshop)
        self.model = RosterModel(_ModelEdits(self))
        self.proxy = RosterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.counts = QLabel()
        self.counts.setObjectName("checkinCounts")
        self.counts.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search participants… (then Down, Space to check in)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search participants")
        self.search.textChanged.connect(self.proxy.search)
        self.search.installEventFilter(self)
        self.column = QComboBox()
        self.column.setAccessibleName("Search in column")
        self.column.addItem("All columns", -1)
        for number, header in enumerate(HEADERS):
            if number != COL_PRESENT:
                self.column.addItem(header, number)
        self.column.currentIndexChanged.connect(
            lambda: self.proxy.setFilterKeyColumn(int(self.column.currentData()))
        )
        self.table = self._build_table()
        self.bulk = BulkEditBar()
        self.bulk.setVisible(False)
        self.bulk.applied.connect(self.set_for_selected)
        self.bulk.dismissed.connect(lambda: self.table.setFocus(Qt.FocusReason.OtherFocusReason))
        self._build_actions()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._layout()
        session.changed.connect(self._on_changed)
        self._refresher = RefreshWhenShown(self, self._refresh)

    def update_participant(self, participant_id: str, **fields: object) -> bool:
        """Edit someone; a stakeholder group typed in that is new joins the workshop's list."""
        group = fields.get("stakeholder_group")
        groups = list(self._session.workshop.get().stakeholder_groups)
        if isinstance(group, str) and group and group not in groups:
            return self.edits.update_with_new_group(participant_id, group, **fields)
        return self.edits.update(participant_id, **fields)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("rosterTable")
        table.setAccessibleName("Participants")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(COL_NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
        )
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        widths = (64, 50, 180, 110, 240, 160, 100, 190, 90)  # job title: often empty
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        header.setSectionResizeMode(COL_PRESENT, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_ORGANISATION, QHeaderView.ResizeMode.Stretch)
        self._roles = ChoiceDelegate([(r.value, r.value) for r in Role], table)
        self._groups = ChoiceDelegate([], table, editable=True)
        table.setItemDelegateForColumn(COL_ROLE, self._roles)
        table.setItemDelegateForColumn(COL_GROUP, self._groups)
        table.installEventFilter(self)
        return table

    def _build_actions(self) -> None:
        def action(text: str, shortcut: str, slot: object) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.add_action = action("Add &Participant", "Ctrl+Shift+P", self.add_participant)
        self.delete_action = action("&Delete Participant", "Ctrl+Shift+Del", self.delete_current)
        self.find_action = action("&Find Participant", "Ctrl+F", self.back_to_search)
        self.checkin_action = action("Toggle &Present", "Ctrl+Space", self.toggle_present)
        self.import_action = action("&Import Registration List…", "Ctrl+Shift+L", self.import_list)
        self.bulk_action = action("&Set for Selected", "Ctrl+Shift+B", self.edit_selected)
        self.bulk_action.setEnabled(False)
        self.bulk_action.setToolTip(
            "Set a group, role, organisation, country or presence for every selected participant"
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.checkin_action, self.bulk_action, self.delete_action])

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.add_action,
            self.delete_action,
            self.find_action,
            self.checkin_action,
            self.bulk_action,
            self.import_action,
        ]

    def _layout(self) -> None:
        top = QHBoxLayout()
        search_label = QLabel("&Search:")
        search_label.setBuddy(self.search)
        top.addWidget(search_label)
        top.addWidget(self.search, 1)
        in_label = QLabel("i&n:")
        in_label.setBuddy(self.column)
        top.addWidget(in_label)
        top.addWidget(self.column)
        for act in (self.add_action, self.delete_action, self.import_action):
            button = QToolButton()
            button.setDefaultAction(act)
            button.setToolTip(f"{act.text().replace('&', '')} ({act.shortcut().toString()})")
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addLayout(top)
        layout.addWidget(self.bulk)
        layout.addWidget(self.table)
        self.setTabOrder(self.search, self.column)
        self.setTabOrder(self.column, self.table)

    # -- following the document -----------------------------------------------------------

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        relevant = [c for c in changes if c.entity in (Entity.PARTICIPANT, Entity.WORKSHOP)]
        if not relevant:
            return
        if all(c.entity == Entity.PARTICIPANT and c.kind == ChangeKind.UPDATED for c in relevant):
            ids = {i for c in relevant for i in c.ids}
            if self.isVisible() and not self._refresher.stale and ids and self._update(ids):
                return
        self._refresher.request()

    def _update(self, participant_ids: set[str]) -> bool:
        """Some people were edited: only their rows are read again and updated."""
        try:
            people = [self._session.participants.get(pid) for pid in sorted(participant_ids)]
        except NotFound:  # gone since: the whole list is read
            return False
        if not self.model.update_rows(people):
            return False
        self._show_counts(self.model.people(), self._groups.values)
        return True

    def _refresh(self) -> None:
        if not self._session.is_open:
            return
        people = self._session.participants.list()
        workshop = self._session.workshop.get()
        groups = list(workshop.stakeholder_groups)
        self.proxy.set_language(workshop.language)
        self._groups.set_choices([(group, group) for group in groups])
        self.model.reconcile(people)
        self._show_counts(people, groups)

    def _show_counts(self, people: list[Participant], groups: list[str]) -> None:
        parts = [
            f"<b>{c.group}</b> {c.present}/{c.registered}" for c in checkin_counts(people, groups)
        ]
        present = sum(p.present for p in people)
        self.counts.setText(
            f"<b>{present} of {len(people)} present</b> &nbsp;·&nbsp; "
            + " &nbsp;·&nbsp; ".join(parts)
        )

    # -- commands -------------------------------------------------------------------------

    def current(self) -> Participant | None:
        index = self.table.currentIndex()
        value = self.proxy.data(index, ROW_ROLE) if index.isValid() else None
        return value if isinstance(value, Participant) else None

    def selected(self) -> list[Participant]:
        """The people selected in the table, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        people = [self.proxy.data(index, ROW_ROLE) for index in rows]
        return [p for p in people if isinstance(p, Participant)]

    def _selection_changed(self) -> None:
        """Several people selected: the bar that sets a field for all of them shows."""
        selected = self.selected()
        several = len(selected) > 1
        self.bulk_action.setEnabled(several)
        if several:
            self.bulk.show_for(selected, self.model.people(), self._groups.values)
        self.bulk.setVisible(several)

    def edit_selected(self) -> None:
        """To the bar that sets a field for every selected participant."""
        if self.bulk.isVisible():
            self.bulk.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_for_selected(self, field: str, value: object) -> bool:
        """Give every selected participant this value of ``field``: one step of the undo."""
        ids = [person.id for person in self.selected()]
        return bool(ids) and self.edits.update_many(ids, field, value)

    def select(self, participant_id: str) -> None:
        source = self.model.index(self.model.row_of(participant_id), COL_NAME)
        self.table.setCurrentIndex(self.proxy.mapFromSource(source))

    def toggle_present(self) -> None:
        """Check in the person at the cursor, or out if they are in; with several selected,
        check them all in (all out if all are in), as one step."""
        selected = self.selected()
        if len(selected) > 1:
            present = not all(person.present for person in selected)
            self.edits.update_many([person.id for person in selected], "present", present)
            return
        person = self.current()
        if person is not None:
            self.edits.update(person.id, present=not person.present)

    def add_participant(self) -> None:
        self.search.clear()
        person = RosterEdits.blank("New participant")
        if self.edits.add(person):
            self.select(person.id)
            self.table.edit(self.table.currentIndex())

    def delete_current(self) -> None:
        person = self.current()
        if person is not None and dialogs.confirm(
            self,
            f"Remove {person.name} from the roster?",
            "Edit > Undo brings them back.",
            "Remove",
        ):
            self.edits.delete(person.id)

    def import_list(self) -> None:
        """Ask for a CSV or XLSX list, preview it, and add the people as one undoable step."""
        path = dialogs.ask_roster_path(self)
        if path is None:
            return
        try:
            table = roster_import.read_table(path)
        except roster_import.RosterImportError as error:
            dialogs.show_error(self, error)
            return
        people = self._session.participants.list()
        groups = self._session.workshop.get().stakeholder_groups
        plan = dialogs.preview_import(self, table, people, groups, path.name)
        if plan is not None and plan.to_add and self.edits.add_many(plan.to_add, plan.new_groups):
            self.search.clear()
            self.select(plan.to_add[0].id)

    def first_match(self) -> None:
        """From the search box to the first row it found, ready for Space to check them in."""
        if self.proxy.rowCount():
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.table.setCurrentIndex(self.proxy.index(0, COL_NAME))

    def back_to_search(self) -> None:
        """Back to the search box, its text selected so that the next name replaces it."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Check-in from the keyboard: Down or Enter in the search box goes to the first row
        found; there Space or Enter ticks "present", whatever column the cursor is in, and
        Up from the first row goes back to the search."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return super().eventFilter(watched, event)
        key = event.key()
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        if watched is self.search and plain and key in (Qt.Key.Key_Down, *_ENTER):
            self.first_match()
            return True
        if (
            watched is self.table
            and plain
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            if key in (Qt.Key.Key_Space, *_ENTER):
                self.toggle_present()
                return True
            if key == Qt.Key.Key_Up and self.table.currentIndex().row() == 0:
                self.back_to_search()
                return True
        return super().eventFilter(watched, event)
