"""Which day the Run view runs, its plan, and what "next" does at the end of a day (no Qt)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, Day, ItemStatus
from workshop_app.domain.runday import MoveKind, next_move, project_run_day, run_day

BRUSSELS = "Europe/Brussels"  # UTC+1 in March 2009
NEW_YORK = "America/New_York"  # UTC-4 from 8 March 2009

DAYS = (
    Day("d1", "2009-03-10", "09:00"),
    Day("d2", "2009-03-11", "09:30"),
    Day("d3", "2009-03-12", "09:00"),
)


def utc(text: str) -> dt.datetime:
    return parse_timestamp(f"{text}Z")


def stamp(text: str) -> str:
    return f"{text}+01:00"


def agenda(**status: ItemStatus) -> list[AgendaItem]:
    """Two items a day; ``status`` by item id (the rest planned)."""
    items = [
        AgendaItem("a1", "Opening", planned_minutes=30, day_id="d1"),
        AgendaItem("a2", "Day one's session", planned_minutes=90, day_id="d1"),
        AgendaItem("b1", "Breakouts", planned_minutes=120, day_id="d2"),
        AgendaItem("b2", "Report-back", planned_minutes=60, day_id="d2"),
        AgendaItem("c1", "Roadmap", planned_minutes=60, day_id="d3"),
        AgendaItem("c2", "Closing", planned_minutes=30, day_id="d3"),
    ]
    return [dataclasses.replace(i, status=status.get(i.id, i.status)) for i in items]


def done(*ids: str) -> dict[str, ItemStatus]:
    return dict.fromkeys(ids, ItemStatus.DONE)


# -- which day is today ------------------------------------------------------------------------


def test_today_is_the_day_of_todays_date_at_the_venue() -> None:
    # Day 1's items never ran, one of day 3's runs: the date still decides.
    items = agenda(c1=ItemStatus.RUNNING)
    today = run_day(DAYS, items, utc("2009-03-11T10:00:00"), BRUSSELS)
    assert (today.day.id, today.number, today.name) == ("d2", 2, "Day 2")
    assert [i.id for i in today.items] == ["b1", "b2"]
    assert today.measured


def test_the_date_is_the_venues_across_midnight_and_time_zones() -> None:
    half_past_eleven_utc = utc("2009-03-10T23:30:00")  # 00:30 on the 11th in Brussels
    assert run_day(DAYS, agenda(), half_past_eleven_utc, BRUSSELS).day.id == "d2"
    assert run_day(DAYS, agenda(), half_past_eleven_utc, "UTC").day.id == "d1"
    three_utc = utc("2009-03-12T03:00:00")  # 23:00 on the 11th in New York, 04:00 in Brussels
    assert run_day(DAYS, agenda(), three_utc, NEW_YORK).day.id == "d2"
    assert run_day(DAYS, agenda(), three_utc, BRUSSELS).day.id == "d3"


def test_off_the_dates_the_running_items_day() -> None:
    items = agenda(**done("a1", "a2"), b1=ItemStatus.DONE, b2=ItemStatus.RUNNING)
    today = run_day(DAYS, items, utc("2009-04-01T10:00:00"), BRUSSELS)  # a rehearsal, later
    assert today.day.id == "d2"
    assert today.measured  # an item of it runs: ahead and behind mean something


def test_else_the_first_day_with_items_not_done_or_skipped() -> None:
    items = agenda(**done("a1", "a2"), b1=ItemStatus.SKIPPED, b2=ItemStatus.SKIPPED)
    a_week_before = utc("2009-03-03T10:00:00")
    today = run_day(DAYS, items, a_week_before, BRUSSELS)
    assert today.day.id == "d3"
    assert not today.measured  # a week before: nothing is "behind"
    assert run_day(DAYS, agenda(), a_week_before, BRUSSELS).day.id == "d1"


def test_else_the_last_day() -> None:
    items = agenda(**done("a1", "a2", "b1", "b2", "c1"), c2=ItemStatus.SKIPPED)
    today = run_day(DAYS, items, utc("2009-05-01T10:00:00"), BRUSSELS)
    assert (today.day.id, today.measured) == ("d3", False)


def test_a_workshop_of_one_day_without_a_date_is_measured() -> None:
    items = [AgendaItem("a", "Opening", planned_minutes=30)]  # no day: the first
    today = run_day([Day("day-1")], items, utc("2009-03-10T10:00:00"), None)
    assert (today.name, [i.id for i in today.items], today.measured) == ("The day", ["a"], True)


# -- today's plan ------------------------------------------------------------------------------


def test_todays_plan_starts_at_todays_start_and_counts_todays_items_only() -> None:
    items = agenda(**done("a1", "a2"))
    items[2] = dataclasses.replace(
        items[2], status=ItemStatus.RUNNING, started_at=stamp("2009-03-11T09:40:00")
    )
    now = utc("2009-03-11T10:40:00")  # 11:40 in Brussels: Breakouts planned 09:30-11:30
    projection = project_run_day(run_day(DAYS, items, now, BRUSSELS), now, BRUSSELS)
    assert set(projection.starts) == {"b1", "b2"}
    assert projection.planned_end == dt.datetime(2009, 3, 11, 12, 30)
    assert projection.projected_end == dt.datetime(2009, 3, 11, 12, 40)
    assert projection.behind_minutes == 10
    held = [dataclasses.replace(d, end_time="12:45") if d.id == "d2" else d for d in DAYS]
    projection = project_run_day(run_day(held, items, now, BRUSSELS), now, BRUSSELS)
    assert projection.behind_minutes == -5  # the chair holds today to 12:45


# -- what "next" does --------------------------------------------------------------------------


def move_at(items: list[AgendaItem], when: str) -> tuple[MoveKind, str, str | None, str]:
    now = utc(when)
    move = next_move(run_day(DAYS, items, now, BRUSSELS), DAYS, items, now, BRUSSELS)
    return move.kind, move.label, move.starts, move.note


def test_next_stays_within_today() -> None:
    items = agenda(a1=ItemStatus.RUNNING)
    assert move_at(items, "2009-03-10T08:10:00") == (MoveKind.NEXT, "Next item", "a2", "")
    items = agenda(**done("a1"), a2=ItemStatus.RUNNING)
    kind, label, starts, _note = move_at(items, "2009-03-10T16:00:00")
    assert (kind, label, starts) == (MoveKind.END_DAY, "End Day 1", None)


def test_at_the_end_of_a_day_it_says_when_the_next_starts() -> None:
    items = agenda(**done("a1", "a2"))
    assert move_at(items, "2009-03-10T16:30:00") == (
        MoveKind.DAY_DONE,
        "Start next item",
        None,
        "Day 1 is done; Day 2 starts tomorrow at 09:30.",
    )
    later = [dataclasses.replace(d, date="2009-03-16") if d.id == "d2" else d for d in DAYS]
    now = utc("2009-03-10T16:30:00")
    move = next_move(run_day(later, items, now, BRUSSELS), later, items, now, BRUSSELS)
    assert move.note == "Day 1 is done; Day 2 starts on Monday 16 March at 09:30."


def test_on_the_next_day_it_offers_to_start_that_day() -> None:
    items = agenda(**done("a1", "a2"))
    assert move_at(items, "2009-03-11T08:00:00") == (MoveKind.START_DAY, "Start Day 2", "b1", "")
    items = agenda(**done("a1", "a2", "b1"))
    assert move_at(items, "2009-03-11T11:00:00")[:3] == (MoveKind.NEXT, "Start next item", "b2")


def test_an_item_left_running_past_midnight_is_ended_not_followed_by_the_next_day() -> None:
    items = agenda(**done("a1"), a2=ItemStatus.RUNNING)
    kind, label, starts, _note = move_at(items, "2009-03-10T23:30:00")  # 00:30 on day 2
    assert (kind, label, starts) == (MoveKind.END_DAY, "End Day 1", None)


def test_the_last_day_done_says_so() -> None:
    items = agenda(**done("a1", "a2", "b1", "b2", "c1", "c2"))
    assert move_at(items, "2009-03-12T17:00:00")[3] == "Day 3 is done, and with it the agenda."


def test_a_day_without_items_is_not_called_done() -> None:
    items = [i for i in agenda(**done("a1", "a2")) if i.day_id != "d2"]
    kind, _label, starts, note = move_at(items, "2009-03-11T10:00:00")
    assert (kind, starts) == (MoveKind.DAY_DONE, None)
    assert note == "Day 2 has no agenda items; Day 3 starts tomorrow at 09:00."
