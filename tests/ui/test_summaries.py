"""Minutes > Summaries: each item's closing summary, saved as typed, undone, counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.domain.model import AgendaItem
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.minutes import summaries_panel
from workshop_app.ui.minutes.minutes_page import MinutesPage
from workshop_app.ui.minutes.summaries_panel import NO_ITEMS, SummariesPanel


def summaries(window: MainWindow) -> SummariesPanel:
    window.show_mode("minutes")
    page = window.page("minutes")
    assert isinstance(page, MinutesPage)
    page.show_panel("Summaries")
    window.activateWindow()
    return page.summaries


@pytest.fixture
def demo(window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    monkeypatch.setattr(summaries_panel, "SUMMARY_IDLE_MS", 50)
    assert window.open_path(demo_path)
    return window


def summary(path: Path, item_id: str) -> object:
    return read_back(path, "SELECT summary FROM agenda_items WHERE id = ?", (item_id,))[0][0]


def test_a_summary_is_saved_after_a_pause_and_undone(
    qtbot: QtBot, demo: MainWindow, demo_path: Path
) -> None:
    panel = summaries(demo)
    field = panel.field("a5")
    assert field.toPlainText() == ""
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "The chair thanked the participants.")
    qtbot.waitUntil(lambda: summary(demo_path, "a5") == "The chair thanked the participants.")
    assert field.hasFocus()  # saved while still typing there
    session = demo.session
    assert session is not None
    assert session.undo_stack.count() == 1
    assert demo.undo_action.text() == "&Undo Edit Item Summary"
    demo.undo_action.trigger()
    assert summary(demo_path, "a5") is None
    assert field.toPlainText() == ""  # the field shows what the file holds
    demo.redo_action.trigger()
    assert field.toPlainText() == "The chair thanked the participants."


def test_leaving_the_field_saves_at_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, demo_path: Path
) -> None:
    monkeypatch.setattr(summaries_panel, "SUMMARY_IDLE_MS", 60_000)
    assert window.open_path(demo_path)
    panel = summaries(window)
    field = panel.field("a4")
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    field.moveCursor(field.textCursor().MoveOperation.End)
    qtbot.keyClicks(field, " Partner countries co-host.")
    assert summary(demo_path, "a4") != field.toPlainText()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next summary
    assert panel.field("a5").hasFocus()
    assert str(summary(demo_path, "a4")).endswith(
        "Latin America and the Caribbean. Partner countries co-host."
    )
    # Clearing a summary stores none.
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    panel.field("a1").setFocus()
    assert summary(demo_path, "a4") is None


def test_items_show_times_and_what_there_is_to_summarise(demo: MainWindow) -> None:
    panel = summaries(demo)
    partnerships = panel.blocks["a2"]
    assert partnerships.times.text() == "10:04–12:11 (2h07)"
    assert partnerships.counts.text() == "13 contributions  ·  5 highlights  ·  3 agreed points"
    assert panel.blocks["a4"].counts.text() == "3 contributions  ·  1 highlight  ·  1 agreed point"
    lunch = panel.blocks["a3"]
    assert lunch.field is None and not lunch.isEnabled()  # a break: greyed, nothing to write
    assert panel.field("a2").accessibleName().startswith("Summary of Partnerships")
    assert panel.field("a2").toPlainText().startswith("Participants agreed")
    assert len(panel.fields()) == 4
    session = demo.session
    assert session is not None
    session.consensus.update("k4", status="agreed")  # counts follow the record
    assert partnerships.counts.text().endswith("4 agreed points")


def test_an_agenda_without_items_says_so(window: MainWindow, workshop_path: Path) -> None:
    assert window.open_path(workshop_path)
    panel = summaries(window)
    assert panel.empty.isVisible()
    assert panel.empty.text() == NO_ITEMS
    session = window.session
    assert session is not None
    session.agenda.add_item(AgendaItem(id="i1", title="Welcome", planned_minutes=20))
    assert not panel.empty.isVisible()
    assert panel.blocks["i1"].times.text().endswith("planned")
