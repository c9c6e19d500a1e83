"""The rows of Prepare > Agenda as plain values: each day's heading (when there are several
days) followed by that day's items, and where an item moved among them lands (its place in
the running order and its day). No Qt here: the tree model and the panel ask these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workshop_app.domain.model import AgendaItem, Day
from workshop_app.domain.timeplan import DayPlan

#: A top-level row of the agenda tree: a day's heading or an agenda item.
Row = Day | AgendaItem


def build_rows(days: Sequence[Day], items: Sequence[AgendaItem]) -> list[Row]:
    """Items in running order under their days' headings. One day has no heading: the
    agenda of a one-day workshop reads as it always has. An item whose day is unknown is
    shown on the first day (as the time plan counts it)."""
    if len(days) < 2:
        return list(items)
    known = {day.id for day in days}
    first = days[0].id
    rows: list[Row] = []
    for day in days:
        rows.append(day)
        rows.extend(
            item for item in items if (item.day_id if item.day_id in known else first) == day.id
        )
    return rows


def agenda_items(rows: Sequence[Row]) -> list[AgendaItem]:
    return [row for row in rows if isinstance(row, AgendaItem)]


def place_before(
    rows: Sequence[Row], row: int, moving_id: str, first_day: str | None
) -> tuple[int, str | None]:
    """Where an item dropped just above ``rows[row]`` (or below the last row) goes: its
    index in the running order without it, and the day it is then on (the day of what is
    above it; the first day at the very top)."""
    before = [r for r in rows[:row] if not (isinstance(r, AgendaItem) and r.id == moving_id)]
    index = sum(1 for r in before if isinstance(r, AgendaItem))
    for above in reversed(before):
        return index, above.id if isinstance(above, Day) else (above.day_id or first_day)
    return index, first_day


def end_of_day_row(rows: Sequence[Row], day_id: str) -> int:
    """The row just below the last of ``day_id``'s rows (its heading when it is empty)."""
    start = next(i for i, r in enumerate(rows) if isinstance(r, Day) and r.id == day_id)
    for i in range(start + 1, len(rows)):
        if isinstance(rows[i], Day):
            return i
    return len(rows)


def step(rows: Sequence[Row], item_id: str, by: int) -> tuple[int, str | None] | None:
    """Alt+Up (``by`` -1) or Alt+Down (+1) on an item: past its neighbour within its day, or
    across the heading to the end of the day before / the start of the day after (its place
    in the running order stays, its day changes). None at the top or bottom."""
    row = next(i for i, r in enumerate(rows) if isinstance(r, AgendaItem) and r.id == item_id)
    item = rows[row]
    assert isinstance(item, AgendaItem)
    index = agenda_items(rows).index(item)
    neighbour = row + by
    if not 0 <= neighbour < len(rows):
        return None
    if isinstance(rows[neighbour], AgendaItem):
        return index + by, item.day_id
    if by > 0:
        return index, rows[neighbour].id
    earlier = [r for r in rows[:neighbour] if isinstance(r, Day)]
    return (index, earlier[-1].id) if earlier else None


def date_span(days: Sequence[Day]) -> str:
    """``Tue 10 – Thu 12 Mar 2009``: the first day's date to the last's, what they share
    written once."""
    first, last = (dt.date.fromisoformat(d.date) if d.date else None for d in (days[0], days[-1]))
    if first is None or last is None:
        return "dates not set"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%a %d} – {last:%a %d %b %Y}"
    if first.year == last.year:
        return f"{first:%a %d %b} – {last:%a %d %b %Y}"
    return f"{first:%a %d %b %Y} – {last:%a %d %b %Y}"


def heading_text(number: int, day: Day, plan: DayPlan | None) -> str:
    """``Day 2 · Wed 11 Mar 2009 · 09:00–17:30``, and the day's own end when one is set."""
    date = plan.start.strftime("%a %d %b %Y") if plan and day.date else "date not set"
    parts = [f"Day {number}", date]
    if plan is not None and plan.slots:
        parts.append(f"{plan.start:%H:%M}–{plan.end:%H:%M}")
    elif plan is not None:
        parts.append(f"from {plan.start:%H:%M}, no items yet")
    if day.end_time and plan is not None:
        end = dt.datetime.combine(plan.start.date(), dt.time.fromisoformat(day.end_time))
        over = bool(plan.slots) and plan.end > end
        parts.append(f"ends {day.end_time}" + (" (the agenda runs past it)" if over else ""))
    return " · ".join(parts)
