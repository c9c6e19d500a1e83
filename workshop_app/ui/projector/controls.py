"""The chair's projector keys: Ctrl+P, then a letter. The projector's controller owns them and
keeps their checks in step with its options (the mode the room sees is the checked one of an
exclusive group); the Run view shows them in its menu.

Not Ctrl+Alt+letter: on Windows that is AltGr, which types @, €, ą, ł… into the entry box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QWidget

from workshop_app.domain.projector import ProjectorMode, ProjectorOptions
from workshop_app.ui import dialogs


class ProjectorControls(QObject):
    """Asks, through its signals, for a mode or a part of the room's screen."""

    #: The chair puts a mode on the room's screen: (ProjectorMode value, the message or "").
    mode_requested = Signal(str, str)
    #: The chair shows or hides a part of the projector's question view: ("clock"/"queue", shown).
    part_requested = Signal(str, bool)
    #: The message dialog has closed: the view that shows these keys may take the keyboard back.
    dialog_closed = Signal()

    def __init__(self, chair: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._chair = chair  # the message dialog's parent
        self._message = ""
        self._options = ProjectorOptions()

        def mode(name: ProjectorMode) -> Callable[[], None]:
            return lambda: self.mode_requested.emit(name.value, "")

        self.clock_action = self._action(
            "Show the &Clock on the Projector", "Ctrl+P, K", lambda: self._part("clock")
        )
        self.queue_action = self._action(
            "Show the &Speakers on the Projector", "Ctrl+P, L", lambda: self._part("queue")
        )
        for action in (self.clock_action, self.queue_action):
            action.setCheckable(True)
            action.setChecked(True)
        #: One key per mode, checked when the room's screen is in that mode.
        self.mode_actions = {
            ProjectorMode.QUESTION: self._action(
                "Projector: &Question", "Ctrl+P, Q", mode(ProjectorMode.QUESTION)
            ),
            ProjectorMode.AGENDA: self._action(
                "Projector: &Agenda", "Ctrl+P, A", mode(ProjectorMode.AGENDA)
            ),
            ProjectorMode.CONSENSUS: self._action(
                "Projector: Co&nsensus", "Ctrl+P, C", mode(ProjectorMode.CONSENSUS)
            ),
            ProjectorMode.MESSAGE: self._action("Projector: &Message…", "Ctrl+P, M", self.message),
            ProjectorMode.BLANK: self._action(
                "Projector: &Blank", "Ctrl+P, B", mode(ProjectorMode.BLANK)
            ),
        }
        self.modes = QActionGroup(self)  # exclusive: one mode at a time
        for action in self.mode_actions.values():
            action.setCheckable(True)
            self.modes.addAction(action)
        self.actions = [*self.mode_actions.values(), self.clock_action, self.queue_action]
        self.show_options(self._options)

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        # Window-wide, so that they work while the rapporteur types in the entry box.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def show_options(self, options: ProjectorOptions) -> None:
        """The checks as the projector shows: its mode, the clock and the queue."""
        self._options = options
        self.mode_actions[options.mode].setChecked(True)
        self.clock_action.setChecked(options.show_clock)
        self.queue_action.setChecked(options.show_queue)

    def mode_name(self, mode: ProjectorMode) -> str:
        """The mode as its key names it: "Question", "Message"..."""
        text = self.mode_actions[mode].text().removeprefix("Projector: ")
        return text.replace("&", "").removesuffix("…")

    def _part(self, part: str) -> None:
        action = self.clock_action if part == "clock" else self.queue_action
        self.part_requested.emit(part, action.isChecked())

    def message(self) -> None:
        """Ctrl+P, M: a short text for the room ("Coffee until 11:15")."""
        text = dialogs.ask_projector_message(self._chair, self._message)
        self.dialog_closed.emit()
        if text:
            self._message = text
            self.mode_requested.emit(ProjectorMode.MESSAGE.value, text)
        else:  # cancelled: the room's screen, and so the check, stay as they were
            self.show_options(self._options)
