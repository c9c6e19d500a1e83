"""What the views are shown with: the main window at 1366x768 and a folder for workshop files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from workshop_app.demo import write_demo
from workshop_app.domain.clock import parse_timestamp
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.prepare.prepare_page import PreparePage
from workshop_app.ui.session import Session

SIZE = (1366, 768)


class SceneSkipped(Exception):
    """A view that cannot be shown on this machine (a tool it needs is not installed)."""


LONG_TITLE = (
    "European Conversation on Partnerships and Capacity Development in Migration Management: "
    "Experiences, Lessons Learnt and the Road Ahead for Practitioners and Partner Countries"
)
ARABIC_SUBTITLE = "حوار أوروبي حول الشراكات وتنمية القدرات في إدارة الهجرة"


@dataclass
class Scene:
    """What the views are shown with: the window and a folder for workshop files."""

    window: MainWindow
    folder: Path

    def demo(self, name: str = "European Conversation.workshop") -> Path:
        """A fresh copy of the demo workshop (made once per name)."""
        path = self.folder / name
        if not path.exists():
            write_demo(path)
        return path

    def open(self, path: Path) -> None:
        if not self.window.open_path(path):
            raise RuntimeError(f"could not open {path}")
        # No loop runs here, so background work (ui/tasks.py) is done before it returns: the
        # status bar already says "Backed up 10:47", and no label is shot half laid out.
        QApplication.processEvents()

    def open_at(self, path: Path, moment: str) -> Session:
        """Open ``path`` with the session's clock stopped at ``moment`` (RFC 3339)."""
        self.open(path)
        session = self.window.session
        assert session is not None
        fixed = parse_timestamp(moment)
        session.clock = lambda: fixed
        return session

    def tab(self, mode: str, title: str) -> None:
        """Show the tab ``title`` of the page of ``mode``."""
        self.window.show_mode(mode)
        page = self.window.page(mode)
        assert isinstance(page, PreparePage)
        page.show_panel(title)
