"""After a next step or a summary is recorded from the Run view, it is shown there, under the
item's consensus points; undone, it goes from there too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.ui.test_run_view import Clock, prepare, run_page
from workshop_app.domain.model import NextStep, NextStepStatus
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.item_outcomes import EMPTY, outcomes_html
from workshop_app.ui.run.run_page import RunPage


def started(qtbot: QtBot, window: MainWindow) -> RunPage:
    session = window.session
    assert session is not None
    prepare(session)
    page = run_page(window, Clock("10:00:00"))
    window.activateWindow()
    page.next_item_action.trigger()
    assert page.item is not None and page.item.id == "s"
    return page


def test_a_next_step_and_a_summary_recorded_on_the_floor_appear_under_its_points(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = started(qtbot, opened)
    shown = page.consensus.outcomes
    assert EMPTY in shown.toPlainText()  # says how to record them
    step = NextStep(id="n1", text="Circulate the <draft> note", owner="B. Sample", due="2017-10-06")
    monkeypatch.setattr(dialogs, "edit_next_step", lambda *_args: step)
    page.next_step_action.trigger()
    assert read_back(workshop_path, "SELECT text, agenda_item_id FROM actions") == [
        ("Circulate the <draft> note", None)
    ]  # as the dialog gave it: not from the item, so not shown under it
    assert EMPTY in shown.toPlainText()
    opened.undo_action.trigger()

    step = NextStep(
        id="n2",
        text="Circulate the <draft> note",
        owner="B. Sample",
        due="2017-10-06",
        agenda_item_id="s",
    )
    monkeypatch.setattr(dialogs, "edit_next_step", lambda *_args: step)
    page.next_step_action.trigger()
    assert read_back(workshop_path, "SELECT id, agenda_item_id FROM actions") == [("n2", "s")]
    qtbot.waitUntil(lambda: "Circulate the <draft> note" in shown.toPlainText())
    assert "B. Sample · due 6 Oct 2017" in shown.toPlainText()
    assert "<draft>" not in shown.toHtml()  # user text is escaped, not markup

    monkeypatch.setattr(dialogs, "edit_text", lambda *_args: "Partners choose, together.")
    page.summary_action.trigger()
    assert read_back(workshop_path, "SELECT summary FROM agenda_items WHERE id = 's'") == [
        ("Partners choose, together.",)
    ]
    qtbot.waitUntil(lambda: "Partners choose, together." in shown.toPlainText())
    text = shown.toPlainText()
    assert text.index("Next steps") < text.index("Circulate") < text.index("Summary")

    opened.undo_action.trigger()  # the summary goes, and from the view too
    qtbot.waitUntil(lambda: "Partners choose" not in shown.toPlainText())
    assert "Circulate the <draft> note" in shown.toPlainText()


def test_a_next_step_no_longer_open_says_so() -> None:
    step = NextStep(id="n", text="Book the room", status=NextStepStatus.DONE, agenda_item_id="s")
    assert "Book the room (done)" in outcomes_html([step], None)
