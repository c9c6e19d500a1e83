"""The chair's projector keys in the Run view: Ctrl+P, then a letter.

Not Ctrl+Alt+letter: on Windows that is AltGr, which types @, €, ą, ł… into the entry box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction

from workshop_app.domain.projector import ProjectorMode
from workshop_app.ui import dialogs
from workshop_app.ui.run.run_view import RunView

MakeAction = Callable[[str, str, Callable[[], object]], QAction]


class ProjectorControls:
    """Asks, through the Run page's signals, for a mode or a part of the room's screen."""

    def __init__(self, page: RunView, make: MakeAction) -> None:
        self._page = page
        self._message = ""

        def mode(name: ProjectorMode) -> Callable[[], None]:
            return lambda: page.projector_mode_requested.emit(name.value, "")

        self.clock_action = make(
            "Show the &Clock on the Projector", "Ctrl+P, K", lambda: self._part("clock")
        )
        self.queue_action = make(
            "Show the &Speakers on the Projector", "Ctrl+P, L", lambda: self._part("queue")
        )
        for action in (self.clock_action, self.queue_action):
            action.setCheckable(True)
            action.setChecked(True)
        self.actions = [
            make("Projector: &Question", "Ctrl+P, Q", mode(ProjectorMode.QUESTION)),
            make("Projector: &Agenda", "Ctrl+P, A", mode(ProjectorMode.AGENDA)),
            make("Projector: Co&nsensus", "Ctrl+P, C", mode(ProjectorMode.CONSENSUS)),
            make("Projector: &Message…", "Ctrl+P, M", self.message),
            make("Projector: &Blank", "Ctrl+P, B", mode(ProjectorMode.BLANK)),
            self.clock_action,
            self.queue_action,
        ]

    def _part(self, part: str) -> None:
        action = self.clock_action if part == "clock" else self.queue_action
        self._page.projector_part_requested.emit(part, action.isChecked())

    def message(self) -> None:
        """Ctrl+P, M: a short text for the room ("Coffee until 11:15")."""
        text = dialogs.ask_projector_message(self._page, self._message)
        self._page.capture.text.setFocus()  # the dialog closed: back to typing
        if text:
            self._message = text
            self._page.projector_mode_requested.emit(ProjectorMode.MESSAGE.value, text)
