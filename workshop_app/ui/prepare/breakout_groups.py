"""The Agenda's "Breakout Groups…" command: for the session item in hand, the groups it runs
as (Ctrl+Shift+G); what the dialog returns is applied as one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from workshop_app.domain.model import AgendaItem, ItemKind
from workshop_app.ui import dialogs
from workshop_app.ui.edits.group_edits import GroupEdits, set_question_group
from workshop_app.ui.session import Session


class BreakoutCommands(QObject):
    def __init__(
        self, session: Session, current: Callable[[], AgendaItem | None], owner: QWidget
    ) -> None:
        super().__init__(owner)
        self._session = session
        self._current = current
        self._owner = owner
        self.edits = GroupEdits(session.editor, session.groups)
        self.action = QAction("Breakout &Groups…", owner)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+G"))
        self.action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.action.setToolTip("The parallel groups this item runs as (Ctrl+Shift+G)")
        self.action.triggered.connect(self.edit_groups)
        owner.addAction(self.action)

    def set_question_group(self, question_id: str, group_id: str | None) -> bool:
        return set_question_group(self._session.editor, self._session.groups, question_id, group_id)

    def update(self) -> None:
        """Enabled on a session item (a break has no groups)."""
        item = self._current()
        self.action.setEnabled(item is not None and item.kind == ItemKind.SESSION)

    def edit_groups(self) -> bool:
        item = self._current()
        if item is None or item.kind != ItemKind.SESSION:
            return False
        groups = self._session.groups.list(item.id)
        people = self._session.participants.list()
        wanted = dialogs.edit_breakout_groups(self._owner, item, groups, people)
        if wanted is None:
            return False
        return self.edits.apply(item.id, wanted)
