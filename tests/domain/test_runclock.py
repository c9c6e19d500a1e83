"""The chair's clocks, from recorded times and a fixed 'now'."""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, ItemKind, ItemStatus
from workshop_app.domain.runclock import ClockState, item_clock, project_day, shorten_remaining

TZ = "Europe/Brussels"


def at(hm: str) -> dt.datetime:
    return parse_timestamp(f"2017-09-21T{hm}:00+02:00")


def stamp(hm: str) -> str:
    return f"2017-09-21T{hm}:00+02:00"


def day(running_since: str = "10:00") -> list[AgendaItem]:
    return [
        AgendaItem(id="a", title="Opening", planned_minutes=30, status=ItemStatus.DONE,
                   started_at=stamp("09:30"), ended_at=stamp("10:00")),
        AgendaItem(id="b", title="Partnerships", planned_minutes=90, status=ItemStatus.RUNNING,
                   started_at=stamp(running_since)),
        AgendaItem(id="c", title="Coffee", kind=ItemKind.BREAK, planned_minutes=15),
        AgendaItem(id="d", title="Future", planned_minutes=60),
        AgendaItem(id="e", title="Wrap-up", planned_minutes=30),
    ]  # fmt: skip


def test_item_clock_changes_at_80_and_100_percent() -> None:
    item = day()[1]
    assert item_clock(item, at("11:00")).state == ClockState.ON_TIME
    assert item_clock(item, at("11:12")).state == ClockState.WARNING  # 72 of 90 minutes
    over = item_clock(item, at("11:40"))
    assert over.state == ClockState.OVER
    assert over.overrun_seconds == 600
    assert item_clock(item, at("11:00")).elapsed_seconds == 3600


def test_projection_on_time_and_late() -> None:
    on_time = project_day("2017-09-21", "09:30", day(), at("11:00"), TZ)
    assert on_time.behind_minutes == 0
    assert on_time.projected_end == dt.datetime(2017, 9, 21, 13, 15)
    late = project_day("2017-09-21", "09:30", day(), at("11:50"), TZ)
    assert late.behind_minutes == 20
    assert late.starts["c"] == dt.datetime(2017, 9, 21, 11, 50)
    assert late.projected_end == dt.datetime(2017, 9, 21, 13, 35)


def test_shorten_remaining_proportionally_keeps_breaks() -> None:
    projection = project_day("2017-09-21", "09:30", day(), at("11:50"), TZ)
    assert shorten_remaining(day(), projection) == {"d": 46, "e": 23}  # 90 min -> 70 min
    assert (
        shorten_remaining(day(), project_day("2017-09-21", "09:30", day(), at("11:00"), TZ)) == {}
    )


def test_the_day_is_the_workshops_date_at_the_venue_or_while_an_item_runs() -> None:
    import datetime as dt

    from workshop_app.domain.model import AgendaItem, ItemStatus
    from workshop_app.domain.runclock import is_the_day

    late_in_utc = dt.datetime(2017, 9, 21, 22, 30, tzinfo=dt.UTC)  # 00:30 next day in Brussels
    planned = [AgendaItem(id="a", title="Opening")]
    assert is_the_day("2017-09-21", planned, late_in_utc, "UTC")
    assert not is_the_day("2017-09-21", planned, late_in_utc, "Europe/Brussels")
    running = [AgendaItem(id="a", title="Opening", status=ItemStatus.RUNNING)]
    assert is_the_day("2017-09-21", running, late_in_utc, "Europe/Brussels")
    assert is_the_day(None, planned, late_in_utc, "Europe/Brussels")  # no date yet: measured
