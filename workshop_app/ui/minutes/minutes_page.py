"""The Minutes mode: what the workshop concluded, one list per tab (consensus points, next
steps, item summaries); the minutes export joins them as a tab of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QTabWidget, QWidget

from workshop_app.store import Change, Entity
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.minutes.consensus_list import ConsensusListPanel
from workshop_app.ui.minutes.next_steps_list import NextStepsPanel
from workshop_app.ui.minutes.summaries_panel import SummariesPanel
from workshop_app.ui.session import Session

PanelT = TypeVar("PanelT", bound=QWidget)
#: Builds a tab's panel for the open workshop; all tabs share one OutcomeEdits.
PanelFactory = Callable[[Session, OutcomeEdits], QWidget]

#: The tabs of the Minutes page, in order: adding a panel is one line here. A panel may have
#: ``WATCHED`` (the entities it shows) and ``refresh()``, and ``actions_for_menu()``.
TABS: list[tuple[str, PanelFactory]] = [
    ("&Consensus", ConsensusListPanel),
    ("&Next Steps", NextStepsPanel),
    ("&Summaries", SummariesPanel),
]


class MinutesPage(QTabWidget):
    """The workshop-wide outcome lists.

    ``contribution_requested(id)``: the user asked to see a contribution (from a consensus
    point's supporting contributions); the window shows it in the Run view.
    """

    contribution_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minutesPage")
        self.setDocumentMode(True)
        self._session = session
        self.edits = OutcomeEdits(session)
        for title, build in TABS:
            panel = build(session, self.edits)
            panel.setObjectName(f"panel{title.replace(' ', '').replace('&', '')}")
            self.addTab(panel, title.replace("&", ""))  # the menu of that name has the Alt key
        self.consensus = self._typed("Consensus", ConsensusListPanel)
        self.next_steps = self._typed("Next Steps", NextStepsPanel)
        self.summaries = self._typed("Summaries", SummariesPanel)
        self.consensus.contribution_requested.connect(self.contribution_requested)
        #: Panels to refresh when next shown (all of them, until the page is first seen).
        self._stale: set[QWidget] = {self.consensus, self.next_steps, self.summaries}
        self.currentChanged.connect(lambda _index: self._refresh_shown())
        session.changed.connect(self._on_changed)

    def _typed(self, title: str, kind: type[PanelT]) -> PanelT:
        panel = self.panel(title)
        assert isinstance(panel, kind)
        return panel

    def panel(self, title: str) -> QWidget:
        """The panel shown under the tab ``title``."""
        for index in range(self.count()):
            widget = self.widget(index)
            if self.tabText(index).replace("&", "") == title and widget is not None:
                return widget
        raise KeyError(title)

    def show_panel(self, title: str) -> None:
        self.setCurrentWidget(self.panel(title))

    def menus(self) -> list[tuple[str, list[QAction]]]:
        """The menus of this page's panels (title, actions), for the menu bar."""
        menus = []
        for index in range(self.count()):
            actions = getattr(self.widget(index), "actions_for_menu", None)
            if actions is not None:
                menus.append((TABS[index][0], actions()))
        return menus

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        """Refresh the panels that show what changed: the one in view now, the others when
        they come into view (the Run view records all day while this page is hidden)."""
        entities = {change.entity for change in changes}
        for index in range(self.count()):
            panel = self.widget(index)
            watched: frozenset[Entity] = getattr(panel, "WATCHED", frozenset())
            if panel is not None and entities & watched and hasattr(panel, "refresh"):
                self._stale.add(panel)
        self._refresh_shown()

    def _refresh_shown(self) -> None:
        panel = self.currentWidget()
        if panel in self._stale and self.isVisible():
            self._stale.discard(panel)
            getattr(panel, "refresh")()  # noqa: B009 (a panel's optional method)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._refresh_shown()
