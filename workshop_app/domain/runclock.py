"""The chair's clocks: the current item against its plan, and the day against its schedule.

Everything is computed from recorded timestamps and a ``now`` passed in, never from a counter
in memory, so reopening a file mid-item shows the same elapsed time.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_app.domain.clock import parse_timestamp, seconds_between, venue_time
from workshop_app.domain.model import AgendaItem, ItemKind, ItemStatus
from workshop_app.domain.timeplan import parse_start, plan_day

WARNING_AT = 0.8  # of the planned time: the clock changes colour


class ClockState(StrEnum):
    ON_TIME = "on_time"
    WARNING = "warning"  # 80% of the planned time used
    OVER = "over"  # past the planned time


@dataclass(frozen=True)
class ItemClock:
    elapsed_seconds: float
    planned_seconds: float

    @property
    def fraction(self) -> float:
        if self.planned_seconds <= 0:
            return 1.0 if self.elapsed_seconds > 0 else 0.0
        return self.elapsed_seconds / self.planned_seconds

    @property
    def state(self) -> ClockState:
        if self.planned_seconds > 0 and self.elapsed_seconds >= self.planned_seconds:
            return ClockState.OVER
        if self.fraction >= WARNING_AT:
            return ClockState.WARNING
        return ClockState.ON_TIME

    @property
    def overrun_seconds(self) -> float:
        return max(0.0, self.elapsed_seconds - self.planned_seconds)


def item_clock(item: AgendaItem, now: dt.datetime) -> ItemClock:
    """Elapsed against planned for an item (finished items count to their end)."""
    end: str | dt.datetime | None = item.ended_at if item.ended_at else now
    elapsed = seconds_between(item.started_at, end) if item.started_at else 0.0
    return ItemClock(elapsed, (item.planned_minutes or 0) * 60.0)


@dataclass(frozen=True)
class Projection:
    """When each item is now expected to run, and the day's end against the plan."""

    starts: dict[str, dt.datetime]
    ends: dict[str, dt.datetime]
    planned_end: dt.datetime
    projected_end: dt.datetime

    @property
    def behind_minutes(self) -> int:
        """Minutes behind schedule (negative: ahead)."""
        return round((self.projected_end - self.planned_end).total_seconds() / 60)


def wall_clock(moment: dt.datetime, timezone: str | None) -> dt.datetime:
    """``moment`` as naive local time at the venue (plans are naive venue times)."""
    return venue_time(moment, timezone).replace(tzinfo=None)


def is_the_day(
    date: str | None, items: Sequence[AgendaItem], now: dt.datetime, timezone: str | None
) -> bool:
    """Whether ``now`` is the workshop's day at the venue (or an item is running, past
    midnight too): only then do "ahead", "behind" and "ends ~" mean anything. Opened a week
    before to prepare, or after the event to write the minutes, the day is not measured."""
    if date is None or any(i.status == ItemStatus.RUNNING for i in items):
        return True
    return wall_clock(now, timezone).date().isoformat() == date


def project_day(
    date: str | None,
    start_time: str | None,
    items: Sequence[AgendaItem],
    now: dt.datetime,
    timezone: str | None = None,
    day_end: str | None = None,
) -> Projection:
    """Done items at their recorded times, the running one until at least now, the rest after.

    The day is measured against ``day_end`` (HH:MM) when the chair has re-planned to one,
    else against the end that the start time and the planned minutes give.
    """
    plan = plan_day(date, start_time, items)
    planned_end = plan.end
    if day_end:
        hour, minute = (int(part) for part in day_end.split(":"))
        planned_end = dt.datetime.combine(plan.start.date(), dt.time(hour, minute))
        if planned_end < plan.start:
            planned_end += dt.timedelta(days=1)
    cursor = parse_start(date, start_time)
    now_local = wall_clock(now, timezone)
    starts: dict[str, dt.datetime] = {}
    ends: dict[str, dt.datetime] = {}
    for item in items:
        planned = dt.timedelta(minutes=item.planned_minutes or 0)
        if item.status == ItemStatus.SKIPPED:
            starts[item.id] = ends[item.id] = cursor
            continue
        if item.started_at:
            start = wall_clock(parse_timestamp(item.started_at), timezone)
        else:
            start = max(cursor, now_local) if item.status == ItemStatus.PLANNED else cursor
        if item.ended_at:
            end = wall_clock(parse_timestamp(item.ended_at), timezone)
        elif item.status == ItemStatus.RUNNING:
            end = max(start + planned, now_local)
        else:
            end = start + planned
        starts[item.id], ends[item.id] = start, end
        cursor = end
    return Projection(starts, ends, planned_end, cursor)


def shorten_remaining(
    items: Sequence[AgendaItem], projection: Projection, *, keep_breaks: bool = True
) -> dict[str, int]:
    """New planned minutes for the items not started yet, shortened in proportion so that the
    day ends as planned; breaks keep their length. Empty when nothing needs to change."""
    late = (projection.projected_end - projection.planned_end).total_seconds() / 60
    remaining = [
        i
        for i in items
        if i.status == ItemStatus.PLANNED
        and (i.planned_minutes or 0) > 0
        and not (keep_breaks and i.kind == ItemKind.BREAK)
    ]
    available = sum(i.planned_minutes or 0 for i in remaining)
    if late <= 0 or available <= 0:
        return {}
    factor = max(0.0, (available - late) / available)
    return {i.id: math.floor((i.planned_minutes or 0) * factor) for i in remaining}
