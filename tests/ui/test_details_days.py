"""Prepare > Details of a workshop over several days: the date and start are the first day's,
and the form says there are several days and where they are set."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate

from tests.conftest import read_back
from tests.ui.test_agenda_days import two_days
from tests.ui.test_details_form import details
from workshop_app.domain.model import Day
from workshop_app.ui.main_window import MainWindow


def test_several_days_are_said_under_the_first_days_date(
    window: MainWindow, workshop_path: Path
) -> None:
    two_days(workshop_path)  # 10 March from 09:00, 11 March from 08:30
    assert window.open_path(workshop_path)
    panel = details(window)
    note = panel.days_note
    assert note.isVisible()
    assert note.text().startswith("2 days: Tue 10 – Wed 11 Mar 2009.")
    assert "set in Prepare > Agenda" in note.text()
    assert panel.date.accessibleDescription() == note.text()
    assert panel.date.date() == QDate(2009, 3, 10) and panel.start_time.text() == "09:00"
    session = window.session
    assert session is not None
    session.days.add(Day("d3", "2009-03-12", "09:00"))
    assert note.text().startswith("3 days: Tue 10 – Thu 12 Mar 2009.")
    # The date typed here is the first day's, in the file.
    panel.date.setDate(QDate(2009, 3, 9))
    assert read_back(workshop_path, "SELECT date FROM days ORDER BY position") == [
        ("2009-03-09",),
        ("2009-03-11",),
        ("2009-03-12",),
    ]
    assert note.text().startswith("3 days: Mon 09 – Thu 12 Mar 2009.")
    session.days.delete("d3")
    for item_id in ("c", "d"):
        session.agenda.delete_item(item_id)
    session.days.delete("d2")
    assert not note.isVisible()  # one day: nothing to say
    assert panel.date.accessibleDescription() == ""
