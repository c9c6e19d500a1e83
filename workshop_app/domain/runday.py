"""The day the Run view runs ("today"), its items and its plan, and what the chair's "next"
does at the end of a day: no Qt, no SQL, a ``now`` passed in.

A workshop of several days is one running order split into days; the chair's clock, the
"ahead/behind" and the re-plan are about one of them. Which one is decided here, once, for
the Run view and the room's screen alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_app.domain.model import FIRST_DAY_ID, AgendaItem, Day, ItemStatus
from workshop_app.domain.runclock import Projection, is_the_day, project_day, wall_clock
from workshop_app.domain.timeplan import parse_start

_OPEN = (ItemStatus.PLANNED, ItemStatus.RUNNING)


@dataclass(frozen=True)
class RunDay:
    """The day the Run view runs, among the workshop's days."""

    day: Day
    number: int  # 1 for the first day
    count: int  # how many days the workshop has
    items: tuple[AgendaItem, ...]  # this day's items, in running order
    #: Whether ``now`` is this day at the venue (or one of its items is running): only then
    #: do "ahead", "behind" and "ends ~" mean anything.
    measured: bool

    @property
    def name(self) -> str:
        """ "Day 2" (or "The day" for a workshop of one day)."""
        return f"Day {self.number}" if self.count > 1 else "The day"


def items_on(
    day_id: str, days: Sequence[Day], items: Sequence[AgendaItem]
) -> tuple[AgendaItem, ...]:
    """The items of ``day_id`` in running order (an item without a day is on the first)."""
    first = days[0].id if days else FIRST_DAY_ID
    return tuple(i for i in items if (i.day_id or first) == day_id)


def run_day(
    days: Sequence[Day], items: Sequence[AgendaItem], now: dt.datetime, timezone: str | None
) -> RunDay:
    """Today: the day whose date is today's date at the venue, else the day of the running
    item, else the first day with items neither done nor skipped, else the last day."""
    days = tuple(days) or (Day(FIRST_DAY_ID),)
    on_day = {day.id: items_on(day.id, days, items) for day in days}
    date = wall_clock(now, timezone).date().isoformat()
    running = next((i for i in items if i.status == ItemStatus.RUNNING), None)
    chosen = (
        next((d for d in days if d.date == date), None)
        or next((d for d in days if running is not None and running in on_day[d.id]), None)
        or next((d for d in days if any(i.status in _OPEN for i in on_day[d.id])), None)
        or days[-1]
    )
    today = on_day[chosen.id]
    return RunDay(
        chosen,
        days.index(chosen) + 1,
        len(days),
        today,
        is_the_day(chosen.date, today, now, timezone),
    )


def project_run_day(today: RunDay, now: dt.datetime, timezone: str | None) -> Projection:
    """Today's items projected from today's start, against today's end when one is held."""
    day = today.day
    return project_day(day.date, day.start_time, today.items, now, timezone, day.end_time)


# -- what "next" does ------------------------------------------------------------------------


class MoveKind(StrEnum):
    NEXT = "next"  # finish the running item (if any) and start today's next one
    START_DAY = "start_day"  # start the first item of a day not begun yet
    END_DAY = "end_day"  # finish the running item: nothing of today is left after it
    DAY_DONE = "day_done"  # nothing to start today: the chair is told when the next day is


@dataclass(frozen=True)
class NextMove:
    """What the chair's "next" (F9) does now, and the words for it."""

    kind: MoveKind
    label: str  # the button's text
    day_id: str  # today's: a "next" that starts an item starts one of this day
    finishes: str | None = None  # the running item it ends
    starts: str | None = None  # the item it starts
    note: str = ""  # said when nothing starts: "Day 1 is done; Day 2 starts tomorrow at 09:00."


def next_move(
    today: RunDay,
    days: Sequence[Day],
    items: Sequence[AgendaItem],
    now: dt.datetime,
    timezone: str | None,
) -> NextMove:
    """Never another day's item without saying so: within today, the next planned item; at
    the end of today, when the next day starts (or "Start Day 2" once the view is on it)."""
    running = next((i for i in items if i.status == ItemStatus.RUNNING), None)
    day_id = today.day.id
    ids = [i.id for i in today.items]
    after = ids.index(running.id) + 1 if running is not None and running.id in ids else 0
    following = next((i for i in today.items[after:] if i.status == ItemStatus.PLANNED), None)
    if running is not None:
        if running.id in ids and following is not None:
            return NextMove(
                MoveKind.NEXT, "Next item", day_id, finishes=running.id, starts=following.id
            )
        # The running item is today's last, or is left over from an earlier day (past
        # midnight): "next" ends it and starts nothing.
        return NextMove(MoveKind.END_DAY, end_label(running, days), day_id, finishes=running.id)
    if following is not None:
        begun = any(i.started_at or i.status == ItemStatus.DONE for i in today.items)
        if today.number > 1 and not begun:
            return NextMove(MoveKind.START_DAY, f"Start {today.name}", day_id, starts=following.id)
        return NextMove(MoveKind.NEXT, "Start next item", day_id, starts=following.id)
    note = day_done_note(today, days, items, now, timezone)
    return NextMove(MoveKind.DAY_DONE, "Start next item", day_id, note=note)


def end_label(running: AgendaItem, days: Sequence[Day]) -> str:
    """ "End Day 1": the day of the running item ("End the day" for a workshop of one day)."""
    if len(days) < 2:
        return "End the day"
    first = days[0].id
    number = next((n for n, d in enumerate(days, 1) if d.id == (running.day_id or first)), 1)
    return f"End Day {number}"


def day_done_note(
    today: RunDay,
    days: Sequence[Day],
    items: Sequence[AgendaItem],
    now: dt.datetime,
    timezone: str | None,
) -> str:
    """ "Day 1 is done; Day 2 starts tomorrow at 09:00." ("" for a workshop of one day)."""
    if today.count < 2:
        return ""
    later = list(days)[today.number :]
    coming = next(
        (
            (number, day)
            for number, day in enumerate(later, start=today.number + 1)
            if any(i.status == ItemStatus.PLANNED for i in items_on(day.id, days, items))
        ),
        None,
    )
    state = "is done" if today.items else "has no agenda items"
    if coming is None:
        return f"{today.name} {state}, and with it the agenda."
    number, day = coming
    return f"{today.name} {state}; Day {number} starts {when(day, now, timezone)}."


def when(day: Day, now: dt.datetime, timezone: str | None) -> str:
    """ "tomorrow at 09:00", "today at 14:00", "on Thursday 12 March at 09:00" or "at 09:00"."""
    start = parse_start(day.date, day.start_time)
    at = f"at {start:%H:%M}"
    if not day.date:
        return at
    today = wall_clock(now, timezone).date()
    if start.date() == today:
        return f"today {at}"
    if start.date() == today + dt.timedelta(days=1):
        return f"tomorrow {at}"
    return f"on {start:%A} {start.day} {start:%B} {at}"


def day_heading(number: int, day: Day) -> str:
    """ "Day 2 · Wednesday 11 March" (without the date when the day has none)."""
    if not day.date:
        return f"Day {number}"
    date = dt.date.fromisoformat(day.date)
    return f"Day {number} · {date:%A} {date.day} {date:%B}"
