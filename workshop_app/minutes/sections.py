"""An item's discussion as the minutes print it: by guiding question, what was said (and the
examples named) and the consensus points, in plenary or in one of its breakout groups."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_app.domain.model import (
    AgendaItem,
    BreakoutGroup,
    ConsensusPoint,
    Contribution,
    ContributionKind,
)
from workshop_app.domain.outcomes import STATUS_LABELS
from workshop_app.minutes.context import BuildContext
from workshop_app.minutes.labels import KIND_LABELS
from workshop_app.minutes.model import ConsensusEntry, Section, Statement
from workshop_app.minutes.options import RecordMode
from workshop_app.minutes.speech import leads
from workshop_app.minutes.text import clean, one_line


def item_sections(
    ctx: BuildContext, item: AgendaItem, number: int | None, group: BreakoutGroup | None = None
) -> tuple[Section, ...]:
    """The item's discussion by guiding question (then "other"): plenary's, or ``group``'s
    (the item's shared questions and the group's own)."""
    title = one_line(item.title)
    group_id = group.id if group else None
    questions = [q for q in item.questions if q.group_id in (None, group_id)]
    # Each contribution and point to its question's list in one pass, in recorded order.
    said: dict[str | None, list[Contribution]] = {q.id: [] for q in questions}
    points: dict[str | None, list[ConsensusPoint]] = {q.id: [] for q in questions}
    other_said: list[Contribution] = []
    other_points: list[ConsensusPoint] = []
    for c in ctx.contributions.get((item.id, group_id), ()):
        said.get(c.question_id, other_said).append(c)
    for p in ctx.points.get((item.id, group_id), ()):
        points.get(p.question_id, other_points).append(p)
    sections = []
    for index, question in enumerate(questions, start=1):
        sections.append(
            section(
                ctx,
                title,
                number,
                one_line(question.text),
                index,
                said[question.id],
                points[question.id],
            )
        )
    other = section(ctx, title, number, None, None, other_said, other_points)
    if not other.empty:
        sections.append(other)
    if group is not None or ctx.groups_of.get(item.id):
        # The item ran as groups: a question nobody took up is not printed for each of them
        # (nor for plenary, whose questions were discussed in the groups).
        return tuple(s for s in sections if not s.empty)
    return tuple(sections)


def section(
    ctx: BuildContext,
    item_title: str,
    item_number: int | None,
    question: str | None,
    number: int | None,
    contributions: Sequence[Contribution],
    points: Sequence[ConsensusPoint],
) -> Section:
    examples = tuple(
        statement(ctx, c, item_title, question or "")
        for c in contributions
        if c.kind == ContributionKind.EXAMPLE
    )
    said = [c for c in contributions if c.kind != ContributionKind.EXAMPLE]
    # Examples are always listed: they are short, and what readers of minutes look for.
    if ctx.options.record is RecordMode.HIGHLIGHTS:
        shown_said = [c for c in said if c.highlight]
    else:
        shown_said = said
    # Reported speech reads the contributions as printed: who spoke after whom.
    shown = [
        statement(ctx, c, item_title, question or "", lead)
        for c, lead in zip(shown_said, leads(ctx, shown_said), strict=True)
    ]
    consensus = tuple(
        ConsensusEntry(
            id=p.id,
            text=one_line(p.text),
            status=p.status.value,
            status_label=STATUS_LABELS[p.status],
            reservations=one_line(p.reservations),
            item_number=item_number,
            item_title=item_title,
            question=question or "",
            group=ctx.group_label(p),
        )
        for p in points
    )
    return Section(question, number, tuple(shown), examples, consensus, len(said) - len(shown))


def statement(
    ctx: BuildContext, c: Contribution, item_title: str, question: str, lead: str = ""
) -> Statement:
    time, timestamp = ctx.stamp(c.recorded_at)
    return Statement(
        id=c.id,
        text=clean(c.text),
        attribution=ctx.who(c.participant_id),
        kind=c.kind.value,
        kind_label=KIND_LABELS[c.kind],
        time=time,
        timestamp=timestamp,
        item_title=item_title,
        question=question,
        highlight=c.highlight,
        group=ctx.group_name(c.group_id),
        lead=lead,
    )
