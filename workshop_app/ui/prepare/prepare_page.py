"""The Prepare mode: one tab per panel: Details, Agenda, Participants."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget, QWidget

from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.details_panel import DetailsPanel
from workshop_app.ui.prepare.roster_panel import RosterPanel
from workshop_app.ui.session import Session

#: Builds a panel for the open workshop.
PanelFactory = Callable[[Session], QWidget]

#: The tabs of the Prepare page, in order: adding a panel is one line here.
TABS: list[tuple[str, PanelFactory]] = [
    ("&Details", DetailsPanel),
    ("&Agenda", AgendaPanel),
    ("Partic&ipants", RosterPanel),
]


class PreparePage(QTabWidget):
    """Everything decided before the event, one panel per tab."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        for title, build in TABS:
            panel = build(session)
            panel.setObjectName(f"panel{title.replace(' ', '').replace('&', '')}")
            # No Alt+letter on the tab: the menu of the same name has it (a shared one reaches
            # neither). Ctrl+Tab and Ctrl+Page Down move between tabs.
            self.addTab(panel, title.replace("&", ""))
        self.currentChanged.connect(self._keyboard_into)

    def panel(self, title: str) -> QWidget:
        """The panel shown under the tab ``title``."""
        for index in range(self.count()):
            widget = self.widget(index)
            if self.tabText(index).replace("&", "") == title and widget is not None:
                return widget
        raise KeyError(title)

    def menus(self) -> list[tuple[str, list[QAction]]]:
        """The menus of this page's panels (title, actions), for the menu bar."""
        menus = []
        for index in range(self.count()):
            panel = self.widget(index)
            actions = getattr(panel, "actions_for_menu", None)
            if actions is not None:
                menus.append((TABS[index][0], actions()))
        return menus

    def _keyboard_into(self, index: int) -> None:
        """The keyboard follows the tab chosen: the panel's shortcuts work at once, and what
        is typed goes into its first field or list (not onto the tab bar or a button, where a
        Space would press it)."""
        panel = self.widget(index)
        focus = QApplication.focusWidget()
        if panel is None or (
            focus is not None
            and focus is not panel  # (a panel is its own ancestor)
            and panel.isAncestorOf(focus)
            and not isinstance(focus, QAbstractButton)
        ):
            return
        # The window's focus chain, once round from this page (the panels reorder their
        # own fields in it, so theirs need not follow the panel).
        candidate = self.nextInFocusChain()
        while candidate is not None and candidate is not self:
            if (
                candidate is not panel
                and panel.isAncestorOf(candidate)
                and candidate.isVisibleTo(panel)
                and candidate.isEnabled()
                and (candidate.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)
                and not isinstance(candidate, QAbstractButton)
            ):
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                return
            candidate = candidate.nextInFocusChain()

    def show_panel(self, title: str) -> None:
        self.setCurrentWidget(self.panel(title))
