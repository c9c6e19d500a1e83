"""The Prepare mode: one tab per panel (Details now; Agenda and Participants come next)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QTabWidget, QWidget

from workshop_app.ui.details_panel import DetailsPanel
from workshop_app.ui.session import Session

#: Builds a panel for the open workshop.
PanelFactory = Callable[[Session], QWidget]

#: The tabs of the Prepare page, in order: adding a panel is one line here.
TABS: list[tuple[str, PanelFactory]] = [
    ("Details", DetailsPanel),
]


class PreparePage(QTabWidget):
    """Everything decided before the event, one panel per tab."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        for title, build in TABS:
            panel = build(session)
            panel.setObjectName(f"panel{title.replace(' ', '')}")
            self.addTab(panel, title)

    def panel(self, title: str) -> QWidget:
        """The panel shown under the tab ``title``."""
        for index in range(self.count()):
            widget = self.widget(index)
            if self.tabText(index) == title and widget is not None:
                return widget
        raise KeyError(title)
