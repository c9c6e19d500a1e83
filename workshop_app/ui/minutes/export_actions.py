"""File > Export Minutes and Export Agenda Handout, and the way back from a finding of the
anonymity check to the place where the text can be edited."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QWidget

from workshop_app.ui.loader import deferred

if TYPE_CHECKING:
    from workshop_app.ui.minutes import export_dialog, public_names_dialog
    from workshop_app.ui.session import Session
else:  # loaded when first shown (see ui/loader.py): it brings the renderers
    export_dialog = deferred("workshop_app.ui.minutes.export_dialog")
    public_names_dialog = deferred("workshop_app.ui.minutes.public_names_dialog")

#: Shows the place a finding points at: ("contribution", id), ("agenda_item", id), ...
GoTo = Callable[[tuple[str, str]], None]


class ExportActions(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings, go_to: GoTo) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._go_to = go_to
        self.session: Session | None = None
        self.minutes_action = QAction("&Export Minutes…", window)
        self.minutes_action.setShortcut(QKeySequence("Ctrl+E"))
        self.minutes_action.triggered.connect(lambda _c=False: self.export(agenda=False))
        self.agenda_action = QAction("Export A&genda Handout…", window)
        self.agenda_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.agenda_action.triggered.connect(lambda _c=False: self.export(agenda=True))
        self.watch(None)

    def actions(self) -> list[QAction]:
        return [self.minutes_action, self.agenda_action]

    def watch(self, session: Session | None) -> None:
        self.session = session
        for action in self.actions():
            action.setEnabled(session is not None)

    def export(self, *, agenda: bool) -> None:
        if self.session is None:
            return
        public = public_names_dialog.SessionPublicNames(self.session)
        ref = export_minutes(self._window, self.session.path, self._settings, agenda, public)
        if ref is not None:
            self._go_to(ref)


def export_minutes(
    parent: QWidget | None,
    path: Path,
    settings: QSettings,
    agenda: bool,
    public_names: public_names_dialog.SessionPublicNames | None = None,
) -> tuple[str, str] | None:
    """The export dialog; returns the place the user chose to go and edit, if any."""
    dialog = export_dialog.ExportDialog(
        path, settings, agenda=agenda, parent=parent, public_names=public_names
    )
    chosen: list[tuple[str, str]] = []
    dialog.edit_requested.connect(chosen.append)
    dialog.exec()
    dialog.deleteLater()
    return chosen[-1] if chosen else None
