"""Minutes > Summaries of a workshop over several days: each item's planned time is counted
from its own day's start."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_agenda_days import two_days
from tests.ui.test_summaries import summaries
from workshop_app.ui.main_window import MainWindow


def test_planned_times_are_counted_per_day(window: MainWindow, workshop_path: Path) -> None:
    two_days(workshop_path)  # day 1 from 09:00: Opening, Talks; day 2 from 08:30: Groups, Wrap
    assert window.open_path(workshop_path)
    panel = summaries(window)
    times = {item_id: block.times.text() for item_id, block in panel.blocks.items()}
    assert times == {
        "a": "09:00–09:30 planned",
        "b": "09:30–10:30 planned",
        "c": "08:30–09:15 planned",
        "d": "09:15–09:30 planned",
    }
    session = window.session
    assert session is not None
    session.days.update("d2", start_time="10:00")  # a day's new start moves its items only
    assert panel.blocks["c"].times.text() == "10:00–10:45 planned"
    assert panel.blocks["b"].times.text() == "09:30–10:30 planned"
