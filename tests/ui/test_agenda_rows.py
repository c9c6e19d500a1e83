"""The agenda's rows over several days as plain values: headings, the span of dates, and
where Alt+Up / Alt+Down take an item at the edges of its day."""

from __future__ import annotations

from workshop_app.domain.model import AgendaItem, Day
from workshop_app.domain.timeplan import plan_days
from workshop_app.ui.prepare.agenda_rows import build_rows, date_span, heading_text, step

DAYS = (Day("d1", "2009-03-10", "09:00"), Day("d2", "2009-03-11", "08:30"), Day("d3", None))
ITEMS = (
    AgendaItem("a", "Opening", planned_minutes=30, day_id="d1"),
    AgendaItem("b", "Groups", planned_minutes=600, day_id="d2"),
)


def test_headings_say_each_days_times_its_end_and_an_empty_day() -> None:
    plans = plan_days(DAYS, ITEMS)
    day2 = Day("d2", "2009-03-11", "08:30", "17:30")
    assert heading_text(1, DAYS[0], plans[0]) == "Day 1 · Tue 10 Mar 2009 · 09:00–09:30"
    assert heading_text(2, day2, plans[1]) == (
        "Day 2 · Wed 11 Mar 2009 · 08:30–18:30 · ends 17:30 (the agenda runs past it)"
    )
    assert heading_text(3, DAYS[2], plans[2]) == "Day 3 · date not set · from 09:00, no items yet"


def test_the_span_of_dates_writes_what_they_share_once() -> None:
    assert date_span(DAYS[:2]) == "Tue 10 – Wed 11 Mar 2009"
    assert date_span([Day("x", "2009-03-31"), Day("y", "2009-04-01")]) == (
        "Tue 31 Mar – Wed 01 Apr 2009"
    )
    assert date_span([Day("x", "2009-12-31"), Day("y", "2010-01-01")]) == (
        "Thu 31 Dec 2009 – Fri 01 Jan 2010"
    )
    assert date_span(DAYS) == "dates not set"


def test_steps_cross_headings_and_stop_at_the_ends() -> None:
    rows = build_rows(DAYS, ITEMS)
    assert [r.id for r in rows] == ["d1", "a", "d2", "b", "d3"]
    assert step(rows, "a", -1) is None  # first day's first item
    assert step(rows, "a", +1) == (0, "d2")  # to the start of day 2
    assert step(rows, "b", -1) == (1, "d1")  # to the end of day 1
    assert step(rows, "b", +1) == (1, "d3")  # into the empty day 3
    assert step(build_rows(DAYS, ITEMS[:1])[:2], "a", +1) is None  # last row
    assert build_rows(DAYS[:1], ITEMS) == list(ITEMS)  # one day: no heading
