"""Building the Minutes value from a WorkshopRecord and the export options."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workshop_app import __version__
from workshop_app.domain.attribution import Attribution, attribute, person_label
from workshop_app.domain.balance import counted, participation_balance, speech_seconds
from workshop_app.domain.days import with_days
from workshop_app.domain.model import (
    ConsensusStatus,
    ItemKind,
    ItemStatus,
    NextStep,
    NextStepStatus,
    Participant,
    Role,
    Speech,
    WorkshopRecord,
)
from workshop_app.domain.outcomes import NEXT_STEP_LABELS
from workshop_app.domain.roster import NO_GROUP, checkin_counts
from workshop_app.domain.timeplan import DayPlan, format_duration, plan_days, slot_in
from workshop_app.minutes.breakout import group_minutes, group_reports
from workshop_app.minutes.context import BuildContext, hhmm
from workshop_app.minutes.identities import find_identities
from workshop_app.minutes.labels import (
    ATTRIBUTION_NOTES,
    ROLE_LABELS,
    Labels,
    date_range,
    duration_words,
    labels_for,
    long_date,
)
from workshop_app.minutes.model import (
    Annex,
    Attendee,
    BalanceRow,
    DayMinutes,
    GroupBalance,
    GroupPresence,
    ItemMinutes,
    LogEntry,
    Minutes,
    NextStepEntry,
    NextStepGroup,
)
from workshop_app.minutes.options import MinutesOptions, Status
from workshop_app.minutes.sections import item_sections
from workshop_app.minutes.small_groups import merged_balance, merged_presence, small_groups
from workshop_app.minutes.speech import anonymous_owner
from workshop_app.minutes.text import one_line, paragraphs

AGREED = (ConsensusStatus.AGREED, ConsensusStatus.AGREED_WITH_RESERVATIONS)


def build_minutes(record: WorkshopRecord, options: MinutesOptions | None = None) -> Minutes:
    """The minutes of ``record`` as the options ask for them (attribution already applied)."""
    options = options or MinutesOptions()
    record = with_days(record)  # a record from before days is one day long
    ctx = BuildContext(record, options)
    workshop = record.workshop
    labels = labels_for(options.language or workshop.language)
    plans = plan_days(record.days, record.agenda)
    days = _days(record, plans, labels)
    items = _items(ctx, plans, days)
    present = [p for p in record.participants if p.present]
    presence = tuple(
        GroupPresence(one_line(c.group), c.present)
        for c in checkin_counts(present, workshop.stakeholder_groups)
    )
    # Anonymous: a group fewer than k present share is a name; its count joins "Other groups".
    small = small_groups(presence, workshop.anonymity_k)
    if ctx.mode is Attribution.ANONYMOUS:
        presence = merged_presence(presence, small, labels.other_groups)
    attendance_shown = ctx.mode in (Attribution.NAMED, Attribution.ORGANISATION)
    attendance = _attendance(ctx, present) if attendance_shown else ()
    # The chair by name where people are named; in group and anonymous modes none (group
    # mode would make the title block read "Chair: A participant from European institutions").
    chairs = tuple(
        one_line(text)
        for p in record.participants
        if p.role == Role.CHAIR and attendance_shown and (text := ctx.who(p.id))
    )
    # A draft when chosen, and whatever was chosen while items are still to be held.
    to_hold = any(
        item.kind != ItemKind.BREAK and item.status in (ItemStatus.PLANNED, ItemStatus.RUNNING)
        for item in record.agenda
    )
    draft = options.status is Status.DRAFT or to_hold
    issued = options.issued or dt.date.today().isoformat()
    next_steps = _next_steps(ctx, items)
    return Minutes(
        options=options,
        labels=labels,
        language=one_line(options.language or workshop.language) or "en",
        generator=f"Workshop App {__version__}",
        author=_author(ctx),
        title=one_line(workshop.title),
        subtitle=one_line(workshop.subtitle),
        date=date_range(one_line(record.days[0].date), one_line(record.days[-1].date)),
        date_iso=one_line(workshop.date),
        venue=one_line(workshop.venue),
        organiser=one_line(workshop.organiser),
        chairs=chairs,
        purpose=tuple(paragraphs(workshop.purpose)),
        attribution_note=ATTRIBUTION_NOTES[ctx.mode],
        presence=presence,
        total_present=len(present),
        attendance_shown=attendance_shown,
        attendance_has_names=ctx.mode is Attribution.NAMED,
        attendance=attendance,
        attendance_has_job_titles=any(a.job_title for a in attendance),
        day_start=days[0].start,
        day_end=days[0].end,
        days=days,
        items=items,
        agreed=tuple(
            entry
            for item in items
            for section in item.sections
            for entry in section.consensus
            if entry.status in AGREED
        ),
        next_steps=next_steps,
        annex=_annex(ctx, small, labels.other_groups) if options.annex else None,
        reference=one_line(workshop.document_reference),
        status=(Status.DRAFT if draft else Status.FINAL).value,
        status_label=labels.draft if draft else labels.final,
        draft=draft,
        draft_automatic=draft and options.status is not Status.DRAFT,
        issued=long_date(issued),
        issued_iso=issued,
        prepared_by=one_line(workshop.prepared_by) or one_line(workshop.organiser),
        next_step_groups=_next_step_groups(next_steps),
        public_names=workshop.public_names,
        anonymity_k=workshop.anonymity_k,
    )


def _author(ctx: BuildContext) -> str:
    """The organiser, as the documents' author; never a participant's identity when anonymous."""
    organiser = one_line(ctx.record.workshop.organiser)
    if ctx.mode is Attribution.ANONYMOUS and find_identities(
        organiser, ctx.record.participants, organiser=organiser
    ):
        return ""
    return organiser


def _days(
    record: WorkshopRecord, plans: Sequence[DayPlan], labels: Labels
) -> tuple[DayMinutes, ...]:
    """Each day, numbered, with its date and its planned start and end."""
    days = []
    for number, (day, plan) in enumerate(zip(record.days, plans, strict=True), start=1):
        date = long_date(one_line(day.date))
        heading = f"{labels.day} {number}" + (f" · {date}" if date else "")
        end = one_line(day.end_time) or hhmm(plan.end)
        days.append(DayMinutes(number, heading, date, one_line(day.date), hhmm(plan.start), end))
    return tuple(days)


def _items(
    ctx: BuildContext, plans: Sequence[DayPlan], days: Sequence[DayMinutes]
) -> tuple[ItemMinutes, ...]:
    headings = {
        slot.item_id: day.heading
        for plan, day in zip(plans, days, strict=True)
        for slot in plan.slots
        if len(days) > 1
    }
    result = []
    number = 0
    for item in ctx.record.agenda:
        is_break = item.kind == ItemKind.BREAK
        if not is_break:
            number += 1
        slot = slot_in(plans, item.id)
        result.append(
            ItemMinutes(
                id=item.id,
                number=None if is_break else number,
                title=one_line(item.title),
                is_break=is_break,
                skipped=item.status == ItemStatus.SKIPPED,
                description=tuple(paragraphs(item.description)),
                planned_start=hhmm(slot.start),
                planned_end=hhmm(slot.end),
                duration=format_duration(item.planned_minutes) if item.planned_minutes else "",
                actual_start=hhmm(ctx.local(item.started_at)),
                actual_end=hhmm(ctx.local(item.ended_at)),
                summary=tuple(paragraphs(item.summary)),
                questions=tuple(one_line(q.text) for q in item.questions),
                sections=item_sections(ctx, item, None if is_break else number),
                groups=group_minutes(ctx, item, None if is_break else number),
                reports=group_reports(ctx, item),
                held=item.status != ItemStatus.PLANNED,
                day=headings.get(item.id, ""),
            )
        )
    return tuple(result)


def _attendance(ctx: BuildContext, present: Sequence[Participant]) -> tuple[Attendee, ...]:
    """Named mode: the people; organisation mode: each organisation once, per group."""
    order = {g: i for i, g in enumerate(ctx.record.workshop.stakeholder_groups)}

    def group_of(p: Participant) -> str:
        return one_line(p.stakeholder_group) or NO_GROUP

    people = sorted(present, key=lambda p: order.get(group_of(p), len(order)))
    if ctx.mode is Attribution.NAMED:
        return tuple(
            Attendee(
                one_line(person_label(p)),
                one_line(p.organisation),
                group_of(p),
                ROLE_LABELS[p.role],
                one_line(p.job_title),
            )
            for p in people
        )
    # Organisation mode: each organisation once, with the job titles of those who came from it.
    titles: dict[tuple[str, str], dict[str, str]] = {}
    names: dict[tuple[str, str], str] = {}
    for p in people:
        organisation = one_line(p.organisation)
        if organisation:
            key = (organisation.casefold(), group_of(p))
            names.setdefault(key, organisation)
            job_title = one_line(p.job_title)
            if job_title:
                titles.setdefault(key, {}).setdefault(job_title.casefold(), job_title)
    return tuple(
        Attendee("", organisation, key[1], "", "; ".join(titles.get(key, {}).values()))
        for key, organisation in names.items()
    )


def _owner(ctx: BuildContext, step: NextStep) -> str:
    person = ctx.people.get(step.owner_participant_id or "") or _named_in(ctx, step.owner)
    if ctx.mode is Attribution.ANONYMOUS:
        return anonymous_owner(ctx, step, person)
    if person is not None:
        return one_line(attribute(person, ctx.mode))
    return one_line(step.owner)


def _named_in(ctx: BuildContext, owner: str | None) -> Participant | None:
    """The participant a free-text owner is exactly (name or email), if any."""
    wanted = one_line(owner).casefold()
    return ctx.named(wanted) if wanted else None


def _next_steps(ctx: BuildContext, items: Sequence[ItemMinutes]) -> tuple[NextStepEntry, ...]:
    titles = {item.id: item.title for item in items}
    return tuple(_next_step(ctx, step, titles) for step in ctx.record.next_steps)


def _next_step(ctx: BuildContext, step: NextStep, titles: dict[str, str]) -> NextStepEntry:
    return NextStepEntry(
        id=step.id,
        text=one_line(step.text),
        owner=_owner(ctx, step),
        due=long_date(one_line(step.due)),
        due_iso=one_line(step.due),
        status=step.status.value,
        status_label=NEXT_STEP_LABELS[step.status],
        item_title=titles.get(step.agenda_item_id or "", ""),
    )


def _next_step_groups(steps: Sequence[NextStepEntry]) -> tuple[NextStepGroup, ...]:
    """The steps still to take (soonest due first, undated last), then those done, dropped;
    each group headed by its status as the domain names it."""
    groups = []
    for status in (NextStepStatus.OPEN, NextStepStatus.DONE, NextStepStatus.DROPPED):
        heading = NEXT_STEP_LABELS[status]
        mine = [step for step in steps if step.status == status.value]
        if status is NextStepStatus.OPEN:  # a stable sort: steps due together keep their order
            mine.sort(key=lambda step: (not step.due_iso, step.due_iso))
        if mine:
            groups.append(NextStepGroup(status.value, heading, tuple(mine)))
    return tuple(groups)


def _annex(ctx: BuildContext, small: frozenset[str], other: str) -> Annex:
    record = ctx.record
    rows, turns, total = _balance(ctx, record.speeches)
    if ctx.mode is Attribution.ANONYMOUS:
        rows = merged_balance(rows, small, other)
    groups = []
    for group in record.groups:
        speeches = [s for s in record.speeches if s.group_id == group.id]
        if any(counted(s) for s in speeches):
            g_rows, g_turns, g_total = _balance(ctx, speeches)
            if ctx.mode is Attribution.ANONYMOUS:
                g_rows = merged_balance(g_rows, small, other)
            groups.append(GroupBalance(one_line(group.name), g_rows, g_turns, g_total))
    log_shown = ctx.mode is not Attribution.ANONYMOUS
    return Annex(
        balance=rows,
        total_turns=turns,
        total_time=total,
        speakers_log=_speakers_log(ctx) if log_shown else (),
        log_shown=log_shown,
        group_balances=tuple(groups),
    )


def _balance(
    ctx: BuildContext, speeches: Sequence[Speech]
) -> tuple[tuple[BalanceRow, ...], int, str]:
    """The rows of a balance of ``speeches`` by stakeholder group, the turns and the time."""
    record = ctx.record
    balance = participation_balance(
        speeches, record.participants, record.workshop.stakeholder_groups
    )
    longest = max((share.seconds for share in balance.groups), default=0.0)
    total = balance.total_seconds
    rows = tuple(
        BalanceRow(
            group=one_line(share.name),
            turns=share.turns,
            seconds=share.seconds,
            time=duration_words(share.seconds),
            percent=round(100 * share.seconds / total) if total else 0,
            bar=round(100 * share.seconds / longest, 1) if longest else 0.0,
        )
        for share in balance.groups
    )
    return rows, balance.total_turns, duration_words(total)


def _speakers_log(ctx: BuildContext) -> tuple[LogEntry, ...]:
    titles = {item.id: one_line(item.title) for item in ctx.record.agenda}
    far_past = dt.datetime.min.replace(tzinfo=dt.UTC)
    speeches = sorted(
        (s for s in ctx.record.speeches if counted(s)),
        key=lambda s: ctx.local(s.started_at) or far_past,
    )
    dates = [local.date() if (local := ctx.local(s.started_at)) else None for s in speeches]
    several = len({d for d in dates if d is not None}) > 1
    entries = []
    for n, (s, date) in enumerate(zip(speeches, dates, strict=True)):
        new_day = several and date is not None and (n == 0 or dates[n - 1] != date)
        # The item once per run of turns on it (and again on a new day), not on every row.
        same_item = n > 0 and not new_day and speeches[n - 1].agenda_item_id == s.agenda_item_id
        entries.append(
            LogEntry(
                time=hhmm(ctx.local(s.started_at)),
                item_title="" if same_item else titles.get(s.agenda_item_id, ""),
                speaker=one_line(ctx.who(s.participant_id)),
                duration=duration_words(speech_seconds(s)),
                day_heading=long_date(date.isoformat()) if new_day and date else "",
            )
        )
    return tuple(entries)
