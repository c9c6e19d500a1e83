"""Planned start and end times of the day, from the date, start time and planned minutes."""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.model import AgendaItem, ItemKind
from workshop_app.domain.timeplan import format_duration, plan_day


def items() -> list[AgendaItem]:
    return [
        AgendaItem(id="a", title="Opening", planned_minutes=30),
        AgendaItem(id="b", title="Partnerships", planned_minutes=90),
        AgendaItem(id="c", title="Coffee", kind=ItemKind.BREAK, planned_minutes=15),
        AgendaItem(id="d", title="Not timed yet"),
        AgendaItem(id="e", title="Future", planned_minutes=75),
    ]


def test_each_item_starts_when_the_previous_one_ends() -> None:
    plan = plan_day("2017-09-21", "09:30", items())
    times = [(s.item_id, s.start.strftime("%H:%M"), s.end.strftime("%H:%M")) for s in plan.slots]
    assert times == [
        ("a", "09:30", "10:00"),
        ("b", "10:00", "11:30"),
        ("c", "11:30", "11:45"),
        ("d", "11:45", "11:45"),
        ("e", "11:45", "13:00"),
    ]


def test_breaks_count_in_the_total_and_the_end_of_day() -> None:
    plan = plan_day("2017-09-21", "09:30", items())
    assert plan.total_minutes == 210
    assert plan.end == dt.datetime(2017, 9, 21, 13, 0)
    assert format_duration(plan.total_minutes) == "3h30"


def test_a_day_past_midnight_keeps_counting() -> None:
    plan = plan_day("2017-09-21", "23:30", [AgendaItem(id="x", title="Late", planned_minutes=90)])
    assert plan.end == dt.datetime(2017, 9, 22, 1, 0)


def test_missing_start_time_falls_back_to_nine() -> None:
    plan = plan_day("2017-09-21", None, items()[:1])
    assert plan.start == dt.datetime(2017, 9, 21, 9, 0)


def test_empty_agenda_has_zero_length() -> None:
    plan = plan_day("2017-09-21", "09:30", [])
    assert plan.total_minutes == 0
    assert plan.slots == ()


def test_format_duration() -> None:
    assert format_duration(40) == "40 min"
    assert format_duration(60) == "1h00"
    assert format_duration(435) == "7h15"
