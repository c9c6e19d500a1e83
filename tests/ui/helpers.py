"""Small helpers shared by the UI tests."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import read_back
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.prepare_page import PreparePage


def agenda_panel(window: MainWindow) -> AgendaPanel:
    """Prepare > Agenda of the open workshop, shown, with the window active."""
    page = window.page("prepare")
    assert isinstance(page, PreparePage)
    page.show_panel("Agenda")
    panel = page.panel("Agenda")
    assert isinstance(panel, AgendaPanel)
    window.activateWindow()
    return panel


def stored_titles(path: Path) -> list[str]:
    """The agenda's titles, read from the file by a connection of its own."""
    return [str(r[0]) for r in read_back(path, "SELECT title FROM agenda_items ORDER BY position")]
