"""The planned times of each day: each item's start and end from the items before it on
its day, from the day's own start."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from workshop_app.domain.model import AgendaItem, Day

#: Used when the workshop has no start time yet, so the agenda still shows a timeline.
DEFAULT_START = dt.time(9, 0)


@dataclass(frozen=True)
class Slot:
    """When an agenda item is planned to run (local wall-clock time)."""

    item_id: str
    start: dt.datetime
    end: dt.datetime

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class DayPlan:
    slots: tuple[Slot, ...]
    start: dt.datetime
    end: dt.datetime
    #: The day planned (None for a plan made from a date and start alone).
    day_id: str | None = None

    @property
    def total_minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    def slot(self, item_id: str) -> Slot:
        for slot in self.slots:
            if slot.item_id == item_id:
                return slot
        raise KeyError(item_id)


def parse_start(date: str | None, start_time: str | None) -> dt.datetime:
    """The moment the day starts; today and 09:00 stand in for what is not set yet."""
    day = dt.date.fromisoformat(date) if date else dt.date.today()
    try:
        hour, minute = (int(part) for part in (start_time or "").split(":"))
        start = dt.time(hour, minute)
    except ValueError:
        start = DEFAULT_START
    return dt.datetime.combine(day, start)


def plan_day(date: str | None, start_time: str | None, items: Sequence[AgendaItem]) -> DayPlan:
    """Consecutive slots for ``items`` in order, from the workshop's date and start time."""
    start = parse_start(date, start_time)
    cursor = start
    slots = []
    for item in items:
        end = cursor + dt.timedelta(minutes=item.planned_minutes or 0)
        slots.append(Slot(item.id, cursor, end))
        cursor = end
    return DayPlan(tuple(slots), start, cursor)


def plan_days(days: Sequence[Day], items: Sequence[AgendaItem]) -> tuple[DayPlan, ...]:
    """One plan per day, in order: each day's items (in agenda order) from its own start.
    An item without a day is on the first (as in a file from before days)."""
    first = days[0].id if days else None
    on_day: dict[str | None, list[AgendaItem]] = {day.id: [] for day in days}
    for item in items:
        on_day.setdefault(item.day_id or first, []).append(item)
    return tuple(
        dataclasses.replace(plan_day(day.date, day.start_time, on_day[day.id]), day_id=day.id)
        for day in days
    )


def slot_in(plans: Sequence[DayPlan], item_id: str) -> Slot:
    """The planned slot of ``item_id``, whichever day it is on."""
    for plan in plans:
        for slot in plan.slots:
            if slot.item_id == item_id:
                return slot
    raise KeyError(item_id)


def format_duration(minutes: int) -> str:
    """``95`` → ``1h35``; ``40`` → ``40 min``."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours}h{rest:02d}"
