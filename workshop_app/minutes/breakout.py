"""Breakout groups in the minutes: each group's discussion under its item, and in a report-back
item the groups' reports (their rapporteurs' summaries and proposed points)."""

from __future__ import annotations

from workshop_app.domain.model import AgendaItem
from workshop_app.minutes.context import BuildContext
from workshop_app.minutes.model import GroupMinutes, GroupReport
from workshop_app.minutes.sections import item_sections
from workshop_app.minutes.text import one_line, paragraphs


def group_minutes(
    ctx: BuildContext, item: AgendaItem, number: int | None
) -> tuple[GroupMinutes, ...]:
    """The item's breakout groups, in order, each with its own discussion."""
    return tuple(
        GroupMinutes(
            name=one_line(group.name),
            room=one_line(group.room),
            facilitator=ctx.who(group.facilitator_id) or "" if group.facilitator_id else "",
            rapporteur=ctx.who(group.rapporteur_id) or "" if group.rapporteur_id else "",
            members=len(group.member_ids),
            summary=tuple(paragraphs(group.summary)),
            sections=item_sections(ctx, item, number, group),
        )
        for group in ctx.groups_of.get(item.id, ())
    )


def group_reports(ctx: BuildContext, item: AgendaItem) -> tuple[GroupReport, ...]:
    """For a report-back item: each reporting group's summary and the points it proposed."""
    if not item.reports_on:
        return ()
    reports = []
    for group in ctx.groups_of.get(item.reports_on, ()):
        origin = ctx.item(item.reports_on)
        sections = item_sections(ctx, origin, None, group) if origin else ()
        reports.append(
            GroupReport(
                name=one_line(group.name),
                rapporteur=ctx.who(group.rapporteur_id) or "" if group.rapporteur_id else "",
                summary=tuple(paragraphs(group.summary)),
                points=tuple(entry for section in sections for entry in section.consensus),
            )
        )
    return tuple(reports)
