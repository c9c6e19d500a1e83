"""Every piece of workshop text the minutes (or the agenda handout) print, with where it is
printed and the record it comes from: what the anonymity check scans."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workshop_app.minutes.model import Minutes, Section


def passages(
    minutes: Minutes, *, handout: bool = False
) -> Iterator[tuple[str, str, tuple[str, str] | None]]:
    """Every piece of workshop text the minutes (or the agenda handout) print: text, where, ref."""
    for field in ("title", "subtitle", "date", "venue", "organiser"):
        yield getattr(minutes, field), "the title block", ("workshop", field)
    for chair in minutes.chairs:
        yield chair, "the title block (chair)", None
    if not handout:  # the minutes' front page block
        yield minutes.reference, "the front page (reference)", ("workshop", "document_reference")
        yield minutes.prepared_by, "the front page (prepared by)", ("workshop", "prepared_by")
    for item in minutes.items:
        name = f"item {item.number}" if item.number else f"the break at {item.planned_start}"
        ref = ("agenda_item_details", item.id)  # edited in Prepare, not with the summary
        yield item.title, f"{name}, title", ref
        for number, question in enumerate(item.questions, start=1):
            yield question, f"{name}, question {number}", ref
        if handout:
            for paragraph in item.description:
                yield paragraph, f"{name}, description", ref
    if not handout:
        yield from _record_passages(minutes)


def _record_passages(minutes: Minutes) -> Iterator[tuple[str, str, tuple[str, str] | None]]:
    for paragraph in minutes.purpose:
        yield paragraph, "the purpose", ("workshop", "purpose")
    for presence in minutes.presence:
        yield presence.group, "who took part", ("workshop", "stakeholder_groups")
    for attendee in minutes.attendance:
        yield f"{attendee.name} {attendee.organisation}", "the attendance list", None
    for item in minutes.items:
        name = f"item {item.number}" if item.number else f"the break at {item.planned_start}"
        for paragraph in item.summary:
            yield paragraph, f"{name}, summary", ("agenda_item", item.id)
        yield from _section_passages(name, item.sections)
        for group in item.groups:
            where = f"{name}, {group.name}"
            yield f"{group.name}\n{group.room}", where, None
            yield f"{group.facilitator}\n{group.rapporteur}", where, None
            for paragraph in group.summary:
                yield paragraph, f"{where}, summary", None
            yield from _section_passages(where, group.sections)
        for report in item.reports:
            where = f"{name}, report of {report.name}"
            yield report.rapporteur, where, None
            for paragraph in report.summary:
                yield paragraph, where, None
    for number, step in enumerate(minutes.next_steps, start=1):
        yield f"{step.text}\n{step.owner}", f"next steps, action {number}", ("action", step.id)
    if minutes.annex is not None:
        for row in minutes.annex.balance:
            yield row.group, "the annex (participation balance)", None
        for log in minutes.annex.speakers_log:
            yield log.speaker, "the annex (speakers' log)", None


def _section_passages(
    name: str, sections: Iterable[Section]
) -> Iterator[tuple[str, str, tuple[str, str] | None]]:
    for section in sections:
        part = (
            f"{name}, question {section.number}"
            if section.number
            else f"{name}, no guiding question"
        )
        for statement in (*section.said, *section.examples):
            at = f" at {statement.time}" if statement.time else ""
            yield statement.text, f"{part}, contribution{at}", ("contribution", statement.id)
            yield statement.attribution or "", f"{part}, contribution{at}", None
        for entry in section.consensus:
            where = f"{part}, consensus point"
            yield f"{entry.text}\n{entry.reservations}", where, ("consensus", entry.id)
