"""Minutes and the agenda handout of an event of several days: the dates as a range, a heading
for each day, each day's own times, and the speakers' log marked where the date changes."""

from __future__ import annotations

import dataclasses

import pytest

from tests.minutes.readback import text_of
from workshop_app.domain.days import with_days
from workshop_app.domain.model import Day, Speech, SpeechStatus, WorkshopRecord
from workshop_app.minutes import Format, MinutesOptions, build_minutes, render
from workshop_app.minutes.labels import date_range


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").split())


@pytest.fixture
def three_days(demo: WorkshopRecord) -> WorkshopRecord:
    """The demo's five items spread over three days (10, 11 and 12 March 2009), with a turn
    on the third day, so that the speakers' log crosses a date."""
    record = with_days(demo)
    days = (
        Day("day-1", "2009-03-10", "14:00"),
        Day("d2", "2009-03-11", "09:00"),
        Day("d3", "2009-03-12", "09:30", "13:00"),
    )
    placed = ("day-1", "day-1", "d2", "d2", "d3")
    agenda = tuple(
        dataclasses.replace(item, day_id=day)
        for item, day in zip(record.agenda, placed, strict=True)
    )
    late = Speech(
        "s-late",
        record.speeches[0].participant_id,
        agenda[-1].id,
        started_at="2009-03-12T09:40:00+01:00",
        ended_at="2009-03-12T09:45:00+01:00",
        status=SpeechStatus.DONE,
    )
    workshop = dataclasses.replace(record.workshop, date="2009-03-10", start_time="14:00")
    return dataclasses.replace(
        record,
        workshop=workshop,
        days=days,
        agenda=agenda,
        speeches=(*record.speeches, late),
    )


def test_a_range_of_dates_is_written_once() -> None:
    assert date_range("2009-03-10", "2009-03-12") == "10–12 March 2009"
    assert date_range("2009-03-30", "2009-04-01") == "30 March – 1 April 2009"
    assert date_range("2009-12-30", "2010-01-02") == "30 December 2009 – 2 January 2010"
    assert date_range("2009-03-10", "2009-03-10") == "10 March 2009"
    assert date_range("2009-03-10", None) == "10 March 2009"


def test_each_day_is_planned_from_its_own_start(three_days: WorkshopRecord) -> None:
    minutes = build_minutes(three_days)
    assert minutes.date == "10–12 March 2009"
    assert [(d.heading, d.start) for d in minutes.days] == [
        ("Day 1 · 10 March 2009", "14:00"),
        ("Day 2 · 11 March 2009", "09:00"),
        ("Day 3 · 12 March 2009", "09:30"),
    ]
    assert minutes.days[2].end == "13:00"  # the day's own end, as set
    starts = {item.title: (item.day, item.planned_start) for item in minutes.items}
    assert starts["Lunch"] == ("Day 2 · 11 March 2009", "09:00")
    log = minutes.annex.speakers_log if minutes.annex else ()
    # The demo's turns keep their own date (2017): the log, in time order, marks both.
    assert [e.day_heading for e in log if e.day_heading] == ["12 March 2009", "21 September 2017"]
    assert starts["Closing remarks"] == ("Day 3 · 12 March 2009", "09:30")


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_minutes_and_handout_show_the_days(three_days: WorkshopRecord, fmt: str) -> None:
    minutes = build_minutes(three_days, MinutesOptions())
    text = flat(text_of(fmt, render(minutes, Format(fmt))))
    assert "10–12 March 2009" in text
    for heading in ("Day 1 · 10 March 2009", "Day 2 · 11 March 2009", "Day 3 · 12 March 2009"):
        assert heading in text, (fmt, heading)
    log = text[text.index("Speakers' log") :]
    assert "12 March 2009" in log and log.index("12 March 2009") < log.index("09:40")
    handout = flat(text_of(fmt, render(minutes, Format(fmt), agenda=True)))
    assert "Day 3 · 12 March 2009" in handout and "09:30–" in handout
    assert "10–12 March 2009, 14:00" not in handout  # no single day's times for the whole


def test_one_day_has_no_day_headings(demo: WorkshopRecord) -> None:
    minutes = build_minutes(demo)
    assert minutes.date == "21 September 2017"
    assert {item.day for item in minutes.items} == {""}
    text = flat(text_of("md", render(minutes, Format.MD)))
    assert "Day 1" not in text
