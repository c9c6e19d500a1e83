"""What the room's screen shows: plain values from the running state, no Qt and no SQL.

The projector window reads a ``RoomState`` from the session after each change, and shows
``projector_view(state, options, now)``. Only what the room may see goes in: names of the
speakers (never their contact data or organisation), titles, guiding questions, agreed points;
never contributions, notes or summaries, and the reservations only when the chair shows them.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_app.domain.clock import format_seconds, parse_timestamp
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Day,
    ItemKind,
    ItemStatus,
)
from workshop_app.domain.outcomes import AGREED
from workshop_app.domain.runclock import ClockState, item_clock, wall_clock
from workshop_app.domain.runday import RunDay, day_heading, project_run_day, run_day
from workshop_app.domain.timeplan import plan_day

#: How many of the people waiting the question view names.
QUEUE_SHOWN = 3
#: The agenda's marks of an item's state.
MARKS = {
    ItemStatus.DONE: "✓",
    ItemStatus.RUNNING: "▶",
    ItemStatus.PLANNED: "",
    ItemStatus.SKIPPED: "–",
}


class ProjectorMode(StrEnum):
    QUESTION = "question"  # the item, the question in focus, the floor, agreed points
    AGENDA = "agenda"  # today's items with today's times, the current item marked
    CONSENSUS = "consensus"  # every point agreed today
    MESSAGE = "message"  # a short text from the chair
    BLANK = "blank"  # nothing


@dataclass(frozen=True)
class ProjectorOptions:
    """The chair's choices for the room's screen."""

    mode: ProjectorMode = ProjectorMode.QUESTION
    message: str = ""
    show_clock: bool = True
    show_queue: bool = True
    show_reservations: bool = False
    dark: bool = True


@dataclass(frozen=True)
class RoomState:
    """The running state as the room may see it: speakers by name only."""

    workshop_title: str
    items: tuple[AgendaItem, ...] = ()
    focus_question_id: str | None = None
    speaking: str | None = None
    waiting: tuple[str, ...] = ()
    points: tuple[ConsensusPoint, ...] = ()  # every point of the day, in agenda order
    #: The workshop's days, each with the end the chair holds it to (none: one undated day).
    days: tuple[Day, ...] = ()
    timezone: str | None = None

    @property
    def running(self) -> AgendaItem | None:
        return next((i for i in self.items if i.status == ItemStatus.RUNNING), None)


@dataclass(frozen=True)
class AgendaLine:
    times: str  # "10:04–12:11"
    title: str
    status: ItemStatus
    current: bool


@dataclass(frozen=True)
class PointGroup:
    title: str  # the agenda item's title ("" in the question view: it is the heading)
    points: tuple[str, ...]


@dataclass(frozen=True)
class ProjectorView:
    """The texts of one mode; empty ones are not shown."""

    mode: ProjectorMode
    heading: str = ""
    caption: str = ""  # the small line above the large text: "Question 2 of 3"
    large: str = ""  # the question in focus, an item's title, the chair's message
    clock: str = ""
    clock_state: ClockState = ClockState.ON_TIME
    speaking: str = ""
    queue: str = ""
    points: tuple[PointGroup, ...] = ()
    agenda: tuple[AgendaLine, ...] = ()


def projector_view(state: RoomState, options: ProjectorOptions, now: dt.datetime) -> ProjectorView:
    """The texts the room's screen shows in ``options.mode``."""
    mode = options.mode
    if mode == ProjectorMode.QUESTION:
        return _question_view(state, options, now)
    if mode == ProjectorMode.AGENDA:
        today = run_day(state.days, state.items, now, state.timezone)
        return ProjectorView(mode, heading=agenda_heading(today), agenda=agenda_lines(state, now))
    if mode == ProjectorMode.CONSENSUS:
        groups = tuple(
            PointGroup(item.title, points)
            for item in state.items
            if (points := agreed_texts(state.points, item.id, options.show_reservations))
        )
        return ProjectorView(
            mode,
            heading="Agreed today",
            large="" if groups else "No points agreed yet.",
            points=groups,
        )
    if mode == ProjectorMode.MESSAGE:
        return ProjectorView(mode, large=options.message.strip())
    return ProjectorView(ProjectorMode.BLANK)


def _question_view(state: RoomState, options: ProjectorOptions, now: dt.datetime) -> ProjectorView:
    mode = ProjectorMode.QUESTION
    item = state.running
    if item is None:
        today = run_day(state.days, state.items, now, state.timezone).items
        following = next((i for i in today if i.status == ItemStatus.PLANNED), None)
        if following is None:  # before an agenda exists, or after the day
            return ProjectorView(mode, large=state.workshop_title)
        return ProjectorView(
            mode, heading=state.workshop_title, caption="Coming up", large=following.title
        )
    questions = item.questions
    focus = next((q for q in questions if q.id == state.focus_question_id), None)
    if focus is not None:
        number = questions.index(focus) + 1
        heading, large = item.title, focus.text
        caption = f"Question {number} of {len(questions)}" if len(questions) > 1 else ""
    else:
        heading, large, caption = state.workshop_title, item.title, ""
    if item.kind == ItemKind.BREAK and item.started_at and item.planned_minutes:
        start = wall_clock(parse_timestamp(item.started_at), state.timezone)
        caption = f"Until {start + dt.timedelta(minutes=item.planned_minutes):%H:%M}"
    clock, clock_state = "", ClockState.ON_TIME
    if options.show_clock:
        measured = item_clock(item, now)
        clock = clock_text(measured.elapsed_seconds, measured.planned_seconds)
        clock_state = measured.state
    speaking = queue = ""
    if options.show_queue:
        speaking = f"Speaking: {state.speaking}" if state.speaking else ""
        queue = queue_text(state.waiting)
    points = agreed_texts(state.points, item.id, options.show_reservations)
    return ProjectorView(
        mode,
        heading=heading,
        caption=caption,
        large=large,
        clock=clock,
        clock_state=clock_state,
        speaking=speaking,
        queue=queue,
        points=(PointGroup("", points),) if points else (),
    )


def clock_text(elapsed_seconds: float, planned_seconds: float) -> str:
    """``43:20 / 2:00:00``; the elapsed time alone when nothing was planned."""
    elapsed = format_seconds(elapsed_seconds)
    return f"{elapsed} / {format_seconds(planned_seconds)}" if planned_seconds > 0 else elapsed


def queue_text(waiting: Sequence[str]) -> str:
    """``Next: A, B, C and 2 more``."""
    if not waiting:
        return ""
    shown = ", ".join(waiting[:QUEUE_SHOWN])
    more = len(waiting) - QUEUE_SHOWN
    return f"Next: {shown} and {more} more" if more > 0 else f"Next: {shown}"


def agreed_texts(
    points: Sequence[ConsensusPoint], item_id: str, show_reservations: bool
) -> tuple[str, ...]:
    """The agreed points of an item, as the room reads them (the reservations only if shown)."""
    texts = []
    for point in points:
        if point.agenda_item_id != item_id or point.status not in AGREED:
            continue
        text = point.text
        if point.status == ConsensusStatus.AGREED_WITH_RESERVATIONS:
            reservations = (point.reservations or "").strip()
            text += (
                f" (with reservations: {reservations})"
                if show_reservations and reservations
                else " (with reservations)"
            )
        texts.append(text)
    return tuple(texts)


def agenda_heading(today: RunDay) -> str:
    """ "Agenda · Thursday 21 September 2017"; "Day 2 · Wednesday 11 March 2009" when the
    workshop has several days."""
    if today.count > 1:
        year = f" {today.day.date[:4]}" if today.day.date else ""
        return day_heading(today.number, today.day) + year
    day = dt.date.fromisoformat(today.day.date) if today.day.date else None
    return f"Agenda · {day:%A} {day.day} {day:%B %Y}" if day else "Agenda"


def agenda_lines(state: RoomState, now: dt.datetime) -> tuple[AgendaLine, ...]:
    """Today: recorded times for what has run, the plan for the rest from today's start (the
    chair's new plan once they re-planned; the day is not moved on the wall before the chair
    decides)."""
    today = run_day(state.days, state.items, now, state.timezone)
    items, held = today.items, today.day.end_time
    if not items:
        return ()
    plan = plan_day(today.day.date, today.day.start_time, items)
    projection = project_run_day(today, now, state.timezone)
    lines = []
    for item in items:
        slot = plan.slot(item.id)
        start, end = slot.start, slot.end
        if held and item.status in (ItemStatus.PLANNED, ItemStatus.RUNNING):
            start, end = projection.starts[item.id], projection.ends[item.id]
        if item.started_at:
            start = wall_clock(parse_timestamp(item.started_at), state.timezone)
            if end <= start:  # begun after its planned slot: it runs its planned length
                end = start + dt.timedelta(minutes=item.planned_minutes or 0)
        if item.ended_at:
            end = wall_clock(parse_timestamp(item.ended_at), state.timezone)
        current = item.status == ItemStatus.RUNNING
        lines.append(AgendaLine(f"{start:%H:%M}–{end:%H:%M}", item.title, item.status, current))
    return tuple(lines)


@dataclass(frozen=True)
class Row:
    """One line of a list on the screen (the agenda, agreed points): a mark, maybe times,
    then the text; ``role`` is its emphasis: "text", "accent" or "dim"."""

    text: str
    mark: str = ""
    times: str = ""
    role: str = "text"
    bold: bool = False
    scale: float = 1.0  # of the list's font size


def _emphasis(line: AgendaLine) -> str:
    """The running item stands out; what is over is dimmed."""
    if line.current:
        return "accent"
    return "text" if line.status == ItemStatus.PLANNED else "dim"


def list_rows(view: ProjectorView, skip: int = 0) -> list[Row]:
    """The agenda's lines, or the agreed points under their titles; the first ``skip`` points
    (when all do not fit) are counted instead of shown."""
    if view.mode == ProjectorMode.AGENDA:
        return [
            Row(
                line.title + (" (skipped)" if line.status == ItemStatus.SKIPPED else ""),
                MARKS[line.status],
                line.times,
                "accent"
                if line.current
                else "text"
                if line.status == ItemStatus.PLANNED
                else "dim",
                bold=line.current,
            )
            for line in view.agenda
        ]
    rows = [Row(f"… and {skip} agreed earlier", role="dim", scale=0.8)] if skip else []
    for group in view.points:
        points = group.points[skip:]
        skip = max(0, skip - len(group.points))
        if points:
            rows.append(Row(group.title or "Agreed so far", role="accent", bold=True, scale=0.8))
            rows += [Row(point, "•") for point in points]
    return rows


def choose_screen(
    screens: Sequence[str], chair_screen: str | None, remembered_name: str | None
) -> str | None:
    """The screen to show the projector on: the one chosen before if it is still there, else
    the first that is not the chair's, else the chair's own (the only one)."""
    if remembered_name in screens:
        return remembered_name
    others = [name for name in screens if name != chair_screen]
    if others:
        return others[0]
    return screens[0] if screens else None


def fit_size(largest: int, smallest: int, fits: Callable[[int], bool]) -> int:
    """The largest size from ``largest`` down to ``smallest``, in steps of about a tenth, at
    which ``fits`` holds; ``smallest`` when none does."""
    size = largest
    while size > smallest:
        if fits(size):
            return size
        size = max(smallest, min(size - 1, int(size * 0.9)))
    return smallest


def is_rtl(text: str) -> bool:
    """Whether the text's first strong character reads right to left (Arabic, Hebrew)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False
