"""The Run view of a three-day workshop: it runs today (the venue's date), its clock and
re-plan are today's, "next" never slips into another day unsaid; read back from the file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from tests.conftest import read_back
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, Day, Workshop
from workshop_app.domain.runclock import Projection, shorten_remaining
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage


class Clock:
    """The venue's wall clock in March 2009 (Brussels, UTC+1), moved by the test."""

    def __init__(self, when: str) -> None:
        self.set(when)

    def set(self, when: str) -> None:
        self.now = parse_timestamp(f"2009-03-{when}+01:00")

    def __call__(self) -> dt.datetime:
        return self.now


def write_three_days(path: Path, *, ran: dict[str, tuple[str, str | None]]) -> None:
    """Three days, two items each; ``ran``: item id -> (started, ended or None: running)."""
    doc = Document.create(
        path,
        Workshop(
            title="Regional workshop",
            date="2009-03-10",
            start_time="09:00",
            timezone="Europe/Brussels",
        ),
    )
    doc.days.add(Day("d2", "2009-03-11", "09:30"))
    doc.days.add(Day("d3", "2009-03-12", "09:00"))
    for item_id, title, minutes, day_id in (
        ("a1", "Opening", 30, "day-1"),
        ("a2", "Regional trends", 90, "day-1"),
        ("b1", "Breakout groups", 120, "d2"),
        ("b2", "Report-back", 60, "d2"),
        ("c1", "Roadmap", 60, "d3"),
        ("c2", "Closing", 30, "d3"),
    ):
        doc.agenda.add_item(AgendaItem(item_id, title, planned_minutes=minutes, day_id=day_id))
    for item_id, (started, ended) in ran.items():
        doc.run.start_item(item_id, parse_timestamp(f"2009-03-{started}+01:00"))
        if ended:
            doc.run.finish_item(item_id, parse_timestamp(f"2009-03-{ended}+01:00"))
    doc.close()


DAY_ONE_DONE = {"a1": ("10T09:00:00", "10T09:31:00"), "a2": ("10T09:31:00", "10T11:05:00")}
#: Day 2, mid-item: the breakouts (planned 09:30-11:30) running since 09:40.
DAY_TWO_RUNNING = {**DAY_ONE_DONE, "b1": ("11T09:40:00", None)}


def open_run(window: MainWindow, path: Path, clock: Clock) -> RunPage:
    assert window.open_path(path)
    assert window.session is not None
    window.session.clock = clock
    window.show_mode("run")
    page = window.page("run")
    assert isinstance(page, RunPage)
    page.tick()
    return page


def outline(page: RunPage) -> list[tuple[str, bool, list[str]]]:
    """Each day heading: its text, whether it is open, its items' rows."""
    tree = page.clock_panel.outline
    rows = []
    for n in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(n)
        items = [heading.child(c).text(0) for c in range(heading.childCount())]
        rows.append((heading.text(0), heading.isExpanded(), items))
    return rows


def statuses(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT id, status FROM agenda_items ORDER BY position")


def test_opened_the_next_morning_the_run_view_is_on_that_day(
    tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran=DAY_ONE_DONE)
    page = open_run(window, path, Clock("11T08:50:00"))
    panel = page.clock_panel
    assert outline(page) == [
        ("Day 1 · Tuesday 10 March  ✓", False, ["✓  Opening", "✓  Regional trends"]),
        ("Day 2 · Wednesday 11 March", True, ["○  Breakout groups", "○  Report-back"]),
        ("Day 3 · Thursday 12 March", False, ["○  Roadmap", "○  Closing"]),
    ]
    assert panel.next_button.text() == "Start Day 2"
    assert panel.elapsed.text() == "Start Day 2 when the room is ready (F9)."
    # Day 2's plan: from 09:30, its two items only.
    assert panel.day.text() == "Day 2: on schedule\nends ~12:30"
    page.next_item_action.trigger()
    assert read_back(path, "SELECT status, started_at FROM agenda_items WHERE id = 'b1'") == [
        ("running", "2009-03-11T08:50:00+01:00")
    ]
    assert panel.next_button.text() == "Next item"


def test_mid_item_on_day_two_the_clock_measures_day_two(tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran=DAY_TWO_RUNNING)
    page = open_run(window, path, Clock("11T11:40:00"))
    assert page.clock_panel.title.text() == "<b>Breakout groups</b>"
    # Planned to end at 12:30; the breakouts run 10 minutes over: the report-back ends 12:40.
    assert page.clock_panel.day.text() == "Day 2: 10 min behind\nends ~12:40"
    assert [(text, opened) for text, opened, _items in outline(page)] == [
        ("Day 1 · Tuesday 10 March  ✓", False),
        ("Day 2 · Wednesday 11 March", True),
        ("Day 3 · Thursday 12 March", False),
    ]


def test_at_the_end_of_a_day_next_says_when_the_next_day_starts(
    tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran={"a1": ("10T09:00:00", "10T09:31:00"), "a2": ("10T09:31:00", None)})
    page = open_run(window, path, Clock("10T11:05:00"))
    told: list[str] = []
    page.status_message.connect(told.append)
    assert page.clock_panel.next_button.text() == "End Day 1"
    page.next_item_action.trigger()
    assert statuses(path)[1:3] == [("a2", "done"), ("b1", "planned")]
    note = "Day 1 is done; Day 2 starts tomorrow at 09:30."
    assert page.clock_panel.elapsed.text() == note
    assert not page.clock_panel.next_button.isEnabled()
    told.clear()
    page.next_item_action.trigger()  # F9 again: said, and nothing started
    assert told == [note]
    assert statuses(path)[2] == ("b1", "planned")
    window.undo_action.trigger()  # the end of day 1 was one step
    assert statuses(path)[1:3] == [("a2", "running"), ("b1", "planned")]


def test_past_midnight_the_open_view_moves_to_the_next_day(
    tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran=DAY_ONE_DONE)
    clock = Clock("10T23:59:00")
    page = open_run(window, path, clock)
    assert page.clock_panel.next_button.text() == "Start next item"
    assert not page.clock_panel.next_button.isEnabled()
    clock.set("11T00:01:00")
    page.tick()
    assert page.clock_panel.next_button.text() == "Start Day 2"
    assert outline(page)[1][1]  # day 2 open


def test_replan_shortens_only_the_rest_of_today_and_holds_today_to_its_end(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran=DAY_TWO_RUNNING)
    page = open_run(window, path, Clock("11T11:40:00"))
    asked: list[tuple[list[str], Day]] = []

    def shorten(
        _parent: object, items: list[AgendaItem], projection: Projection, day: Day, *_a: object
    ) -> dict[str, int]:
        asked.append(([i.id for i in items], day))
        return shorten_remaining(items, projection)

    monkeypatch.setattr(dialogs, "ask_replan", shorten)
    page.replan_action.trigger()
    assert [(ids, day.id) for ids, day in asked] == [(["b1", "b2"], "d2")]
    assert read_back(path, "SELECT id, planned_minutes FROM agenda_items ORDER BY position") == [
        ("a1", 30), ("a2", 90), ("b1", 120), ("b2", 50), ("c1", 60), ("c2", 30),
    ]  # fmt: skip
    assert read_back(path, "SELECT id, end_time FROM days ORDER BY position") == [
        ("day-1", None), ("d2", "12:30"), ("d3", None),
    ]  # fmt: skip
    assert read_back(path, "SELECT day_end FROM run_state") == [(None,)]
    page.tick()
    assert page.clock_panel.day.text() == "Day 2: on schedule\nends ~12:30"
    window.undo_action.trigger()  # one step: the minutes and the day's end
    assert read_back(path, "SELECT planned_minutes FROM agenda_items WHERE id = 'b2'") == [(60,)]
    assert read_back(path, "SELECT end_time FROM days WHERE id = 'd2'") == [(None,)]
    page.tick()
    assert page.clock_panel.day.text() == "Day 2: 10 min behind\nends ~12:40"


def test_replan_keeping_the_lengths_moves_todays_end_only(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran=DAY_TWO_RUNNING)
    page = open_run(window, path, Clock("11T11:40:00"))
    monkeypatch.setattr(dialogs, "ask_replan", lambda *_args: {})
    page.replan_action.trigger()
    assert read_back(path, "SELECT id, end_time FROM days ORDER BY position") == [
        ("day-1", None), ("d2", "12:40"), ("d3", None),
    ]  # fmt: skip
    page.tick()
    assert page.clock_panel.day.text() == "Day 2: on schedule\nends ~12:40"


def test_the_projectors_agenda_is_todays(tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "three.workshop"
    write_three_days(path, ran=DAY_TWO_RUNNING)
    open_run(window, path, Clock("11T11:40:00"))
    window.projector.toggle_action.trigger()
    window.projector.set_mode("agenda")
    screen = window.projector.window
    assert screen is not None
    texts = " | ".join(label.text() for label in screen.findChildren(QLabel))
    assert "Day 2 · Wednesday 11 March 2009" in texts
    assert "Breakout groups" in texts and "Report-back" in texts
    assert "Opening" not in texts and "Roadmap" not in texts
