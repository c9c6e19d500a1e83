"""The room's agenda in a workshop of several days: today's items at today's times (no Qt)."""

from __future__ import annotations

from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, Day, ItemStatus
from workshop_app.domain.projector import (
    ProjectorMode,
    ProjectorOptions,
    RoomState,
    projector_view,
)

DAYS = (
    Day("d1", "2009-03-10", "09:00"),
    Day("d2", "2009-03-11", "09:30"),
    Day("d3", "2009-03-12", "09:00"),
)
ITEMS = (
    AgendaItem(
        "a1",
        "Opening",
        planned_minutes=30,
        status=ItemStatus.DONE,
        started_at="2009-03-10T09:00:00+01:00",
        ended_at="2009-03-10T09:31:00+01:00",
        day_id="d1",
    ),
    AgendaItem("a2", "Regional trends", planned_minutes=90, day_id="d1"),  # never run
    AgendaItem(
        "b1",
        "Breakout groups",
        planned_minutes=120,
        status=ItemStatus.RUNNING,
        started_at="2009-03-11T09:40:00+01:00",
        day_id="d2",
    ),
    AgendaItem("b2", "Report-back", planned_minutes=60, day_id="d2"),
    AgendaItem("c1", "Roadmap", planned_minutes=60, day_id="d3"),
)
AGENDA = ProjectorOptions(mode=ProjectorMode.AGENDA)
QUESTION = ProjectorOptions(mode=ProjectorMode.QUESTION)


def room(days: tuple[Day, ...] = DAYS, items: tuple[AgendaItem, ...] = ITEMS) -> RoomState:
    return RoomState("Regional workshop", items, days=days, timezone="Europe/Brussels")


def test_the_agenda_shows_todays_items_at_todays_times() -> None:
    view = projector_view(room(), AGENDA, parse_timestamp("2009-03-11T11:40:00+01:00"))
    assert view.heading == "Day 2 · Wednesday 11 March 2009"
    assert [(line.times, line.title, line.current) for line in view.agenda] == [
        ("09:40–11:30", "Breakout groups", True),
        ("11:30–12:30", "Report-back", False),
    ]


def test_once_today_is_re_planned_the_rest_follows_its_new_plan() -> None:
    held = tuple(Day(d.id, d.date, d.start_time, "12:45") if d.id == "d2" else d for d in DAYS)
    view = projector_view(room(held), AGENDA, parse_timestamp("2009-03-11T11:40:00+01:00"))
    assert [line.times for line in view.agenda] == ["09:40–11:40", "11:40–12:40"]


def test_on_the_morning_of_day_three_its_items_from_its_start() -> None:
    items = tuple(i for i in ITEMS if i.id != "b1")
    morning = parse_timestamp("2009-03-12T08:30:00+01:00")
    view = projector_view(room(items=items), AGENDA, morning)
    assert view.heading == "Day 3 · Thursday 12 March 2009"
    assert [(line.times, line.title) for line in view.agenda] == [("09:00–10:00", "Roadmap")]
    coming = projector_view(room(items=items), QUESTION, morning)
    assert (coming.caption, coming.large) == ("Coming up", "Roadmap")


def test_a_workshop_of_one_day_keeps_its_dated_heading() -> None:
    one = (Day("d1", "2009-03-10", "09:00"),)
    items = tuple(i for i in ITEMS if i.day_id == "d1")
    view = projector_view(room(one, items), AGENDA, parse_timestamp("2009-03-10T09:40:00+01:00"))
    assert view.heading == "Agenda · Tuesday 10 March 2009"
    assert [line.title for line in view.agenda] == ["Opening", "Regional trends"]


def test_an_item_begun_after_its_planned_slot_shows_its_planned_length() -> None:
    """Not "14:10–14:10": an item started after its slot ended runs for its planned time."""
    late = tuple(
        AgendaItem(
            i.id,
            i.title,
            planned_minutes=i.planned_minutes,
            status=i.status,
            started_at="2009-03-11T14:10:00+01:00",
            day_id=i.day_id,
        )
        if i.id == "b1"
        else i
        for i in ITEMS
    )
    view = projector_view(room(items=late), AGENDA, parse_timestamp("2009-03-11T14:40:00+01:00"))
    assert view.agenda[0].times == "14:10–16:10"
