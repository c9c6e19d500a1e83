"""One clock: on a laptop set to UTC, every time of day shown is on the workshop's clock
(Brussels, or Kolkata with its half-hour offset), and says so once where the laptop differs."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.test_run_view import type_and_record
from workshop_app.domain.clock import venue_hhmm, zone_label
from workshop_app.domain.model import AgendaItem
from workshop_app.minutes.build import build_minutes
from workshop_app.minutes.export import read_record, render
from workshop_app.minutes.options import MinutesOptions
from workshop_app.store import contributions
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.feed_model import HEADER_ROLE
from workshop_app.ui.run.replan_dialog import ReplanDialog
from workshop_app.ui.run.run_page import RunPage

#: 13:46 in UTC: 15:46 in Brussels (summer time), 19:16 in Kolkata.
MOMENT = dt.datetime(2017, 9, 21, 13, 46, tzinfo=dt.UTC)


@pytest.fixture
def laptop_in_utc() -> Iterator[None]:
    """The machine's own zone is UTC for this test (and as it was afterwards)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def test_the_zone_is_named_only_where_the_laptop_differs(laptop_in_utc: None) -> None:
    assert zone_label("Europe/Brussels", MOMENT) == "Brussels time"
    assert zone_label("Asia/Kolkata", MOMENT) == "Kolkata time"
    assert zone_label("America/Argentina/Buenos_Aires", MOMENT) == "Buenos Aires time"
    assert zone_label("Europe/London", dt.datetime(2017, 1, 5, 9, tzinfo=dt.UTC)) == ""
    assert zone_label(None, MOMENT) == ""
    assert zone_label("Not/A_Zone", MOMENT) == ""
    assert venue_hhmm("2017-09-21T13:46:00Z", "Asia/Kolkata") == "19:16"
    assert venue_hhmm(None, "Asia/Kolkata", "--:--") == "--:--"


@pytest.mark.parametrize(
    ("zone", "wall", "label"),
    [("Europe/Brussels", "15:46", "Brussels time"), ("Asia/Kolkata", "19:16", "Kolkata time")],
)
def test_run_view_replan_projector_and_minutes_show_the_same_wall_time(
    laptop_in_utc: None,
    qtbot: QtBot,
    opened: MainWindow,
    workshop_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    zone: str,
    wall: str,
    label: str,
) -> None:
    session = opened.session
    assert session is not None
    session.workshop.update(date="2017-09-21", start_time="09:00", timezone=zone)
    session.agenda.add_item(AgendaItem(id="s", title="Partnerships", planned_minutes=30))
    session.agenda.add_item(AgendaItem(id="t", title="Wrap-up", planned_minutes=15))
    session.clock = lambda: MOMENT  # the laptop's clock, in its own zone (UTC)
    monkeypatch.setattr(contributions, "system_now", lambda: MOMENT.astimezone())
    opened.show_mode("run")
    page = opened.page("run")
    assert isinstance(page, RunPage)

    page.next_item_action.trigger()  # the item starts now
    type_and_record(qtbot, page, "Partnership means shared responsibility.")

    # The Run view: the chair's clock says the time and, once, whose clock it is.
    now_text = page.clock_panel.now.text()
    assert now_text.startswith(f"NOW {wall} ") and label in now_text
    # The feed stamps the contribution on the same clock.
    header = page.capture.model.data(page.capture.model.index(0), HEADER_ROLE)
    assert header.startswith(wall)

    # The Re-plan dialog.
    said: list[str] = []

    def replan(
        parent: object,
        items: object,
        projection: object,
        day: object,
        timezone: object,
        now: dt.datetime,
    ) -> None:
        dialog = ReplanDialog(
            list(items),
            projection,
            "2017-09-21",
            "09:00",
            zone,
            now,  # type: ignore[arg-type]
        )
        said.append(dialog.findChild(type(page.clock_panel.now), "replanNow").text())
        dialog.deleteLater()

    monkeypatch.setattr(dialogs, "ask_replan", replan)
    page.replan()
    assert said == [f"It is {wall} now ({label})."]

    # The projector's agenda: the running item from when it started.
    opened.projector.toggle_action.trigger()
    opened.projector.set_mode("agenda")
    screen = opened.projector.window
    assert screen is not None
    texts = [w.text() for w in screen.findChildren(type(page.clock_panel.now))]
    assert any(t.startswith(f"{wall}–") for t in texts), texts

    # The status bar: the last save on the same clock.
    saved = session.last_saved
    assert saved is not None
    assert opened.status.saved_label.text() == f"All changes saved · {venue_hhmm(saved, zone)}"
    assert venue_hhmm(saved, zone) != f"{saved.astimezone():%H:%M}"  # not the laptop's
    # Once in the window, in every mode: whose clock the times are on.
    assert opened.status.zone_label.text() == label
    assert zone in opened.status.zone_label.toolTip()

    # The minutes, read from the file.
    page.finish_item_action.trigger()
    # (The agenda's "Actual" column, asked for: it says when each item really began.)
    minutes = build_minutes(read_record(workshop_path), MinutesOptions(actual_times=True))
    text = render(minutes, "md").decode("utf-8")
    assert f"{wall}" in text
    assert "13:46" not in text

    # A workshop on the laptop's own clock needs no label.
    session.workshop.update(timezone="Etc/UTC")
    assert opened.status.zone_label.text() == ""
