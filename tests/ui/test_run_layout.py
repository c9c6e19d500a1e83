"""The Run view's columns keep their widths at 1366x768 while the day goes on: a longer
heading or a new point must not push the side panels wider (issue 16, small things)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage

LONG = (
    "Capacity development works best when partner countries set the priorities and the "
    "donors follow their lead, over several years and with the same people"
)


def _widths(page: RunPage) -> tuple[int, int]:
    QApplication.processEvents()
    # What a splitter must give each side column at least: if it grows, the column widens.
    return page.clock_panel.minimumSizeHint().width(), page.consensus.minimumSizeHint().width()


def test_side_panels_keep_their_width_as_points_are_added_and_items_start(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path, "2017-09-21T10:05:00+02:00")  # item 2 just started
    assert window.open_path(path)
    session = window.session
    assert session is not None
    session.clock = lambda: parse_timestamp("2017-09-21T10:05:00+02:00")
    window.resize(1366, 768)
    window.show()
    window.show_mode("run")
    page = window.page("run")
    assert isinstance(page, RunPage)
    qtbot.waitUntil(lambda: page.isVisible())
    before = _widths(page)
    assert page.item is not None
    for number in range(1, 5):
        session.consensus.record(
            ConsensusPoint(
                f"long{number}", page.item.id, LONG, status=ConsensusStatus.AGREED_WITH_RESERVATIONS
            )
        )
    page.refresh()
    assert _widths(page) == before
    session.clock = lambda: parse_timestamp("2017-09-21T12:10:00+02:00")
    assert page.edits.next_item()
    page.refresh()
    assert _widths(page) == before
