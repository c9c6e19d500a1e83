"""The days of a workshop as a record holds them: a record from before days (a version 1 or 2
file) is one day long, on the workshop's date; the first day's date and start are the
workshop's own."""

from __future__ import annotations

import dataclasses

from workshop_app.domain.model import FIRST_DAY_ID, Day, Workshop, WorkshopRecord


def first_day(workshop: Workshop) -> Day:
    """The one day of a workshop that has no list of days: its own date and start."""
    return Day(FIRST_DAY_ID, workshop.date, workshop.start_time)


def with_days(record: WorkshopRecord) -> WorkshopRecord:
    """``record`` with its days as a workshop file holds them: at least one day, every item
    on one (an item without a day is on the first), and the workshop's date and start time
    those of its first day (where the two differ, the day's are kept)."""
    days = record.days or (first_day(record.workshop),)
    workshop = dataclasses.replace(
        record.workshop, date=days[0].date, start_time=days[0].start_time
    )
    agenda = tuple(
        item if item.day_id else dataclasses.replace(item, day_id=days[0].id)
        for item in record.agenda
    )
    return dataclasses.replace(record, workshop=workshop, days=days, agenda=agenda)
