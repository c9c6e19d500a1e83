"""Minutes and agenda handout as DOCX, with real Word styles an organisation can restyle.

Title, Subtitle, Heading 1–3, List Bullet, List Number and one table style; with a reference
.docx, its styles (and page furniture) are used instead. Document properties come from the
workshop only: whatever the reference carried (author, company, comments, custom properties,
thumbnail) is dropped, so an anonymous export names nobody there either.
"""

from __future__ import annotations

from pathlib import Path

from workshop_app.domain.attribution import at_sentence_start
from workshop_app.minutes.chart import balance_chart_png, chart_description
from workshop_app.minutes.model import ItemMinutes, Minutes, Section
from workshop_app.minutes.word_styles import ANNEX_HEADING, SPEAKER
from workshop_app.minutes.word_writer import Writer, title_block

EMU_PER_MM = 36_000


def _section(w: Writer, section: Section, has_questions: bool, level: int = 2) -> None:
    labels = w.minutes.labels
    if section.question:
        w.heading(section.question, level)
    elif section.question is None and has_questions:
        w.heading(section.heading(labels), level)
    if section.empty:
        w.runs("Normal", (labels.nothing_recorded, "im"))
    for s in section.said:
        parts: list[tuple[str, str]] = []
        number = w.number()
        if number:
            parts.append((number, ""))
        if s.lead:
            parts.append((f"{s.lead}: ", SPEAKER))
        parts.append((s.text, ""))
        w.runs("Normal" if number else "List Bullet", *parts)
    if section.not_shown:
        left = labels.not_shown_one if section.not_shown == 1 else labels.not_shown
        w.runs("Normal", (f"{section.not_shown} {left}", "im"))
    if section.examples:
        w.heading(labels.examples_named, level + 1)
        for s in section.examples:
            tail = [(f" — {s.attribution}", "m")] if s.attribution else []
            w.runs("List Bullet", (s.text, ""), *tail)
    if section.consensus:
        w.heading(labels.consensus, level + 1)
        for point in section.consensus:
            extra = (
                [(f" {labels.reservations}: ", "i"), (point.reservations, "")]
                if point.reservations
                else []
            )
            origin = [(f" ({labels.from_group} {point.group})", "im")] if point.group else []
            w.runs(
                "List Bullet", (f"{point.status_label}: ", "b"), (point.text, ""), *origin, *extra
            )


def _reports(w: Writer, item: ItemMinutes, d: int) -> None:
    """In a report-back: each group's report, before plenary's discussion."""
    labels = w.minutes.labels
    if item.reports:
        w.heading(labels.group_reports, 2 + d)
    for report in item.reports:
        # "Group A · Rapporteur: Ms. A. Example (Org)": no brackets around the brackets.
        by = f"{labels.rapporteur}: {report.rapporteur}" if report.rapporteur else ""
        heading = " · ".join(part for part in (report.name, by) if part)
        if heading:
            w.heading(heading, 3 + d)
        for paragraph in report.summary:
            w.para(w.number() + paragraph)
        for point in report.points:
            w.runs("List Bullet", (f"{labels.proposed}: ", "i"), (point.text, ""))


def _groups(w: Writer, item: ItemMinutes, d: int) -> None:
    """The item's breakout groups, each with its own discussion."""
    labels = w.minutes.labels
    for group in item.groups:
        if group.name:
            w.heading(group.name, 2 + d)
        roles = [
            f"{label}: {value}"
            for label, value in (
                (labels.room, group.room),
                (labels.facilitator, group.facilitator),
                (labels.rapporteur, group.rapporteur),
            )
            if value
        ]
        if roles:
            w.runs("Normal", (" · ".join(roles), "im"))
        for paragraph in group.summary:
            w.para(w.number() + paragraph)
        for section in group.sections:
            _section(w, section, bool(item.questions), 3 + d)


def _balance_chart(w: Writer) -> None:
    """The bar chart, a picture as wide as the text, with the shares in words as alt text."""
    annex = w.minutes.annex
    if annex is None or not any(row.bar for row in annex.balance):
        return
    width = w.text_width()
    labels = w.minutes.labels
    w.picture(
        balance_chart_png(annex.balance, width / EMU_PER_MM),
        width,
        chart_description(f"{labels.participation_balance} ({labels.share})", annex.balance),
    )


def _annex(w: Writer) -> None:
    m = w.minutes
    annex = m.annex
    attendance = annex is not None and m.attendance_shown and bool(m.attendance)
    balance = annex is not None and annex.total_turns > 0
    log = annex is not None and annex.log_shown and bool(annex.speakers_log)
    if not (attendance or balance or log):
        return  # no "Annex" heading over nothing
    labels = m.labels
    w.para(labels.annex, w.style(ANNEX_HEADING, "Heading 1") or "Heading 1")
    if attendance:
        _attendance(w)
    if annex is None:
        return
    if balance:
        _balances(w)
    if log:
        _log(w)


def _balances(w: Writer) -> None:
    annex = w.minutes.annex
    assert annex is not None
    labels = w.minutes.labels
    w.heading(labels.participation_balance, 2)
    header = [labels.stakeholder_group, labels.turns, labels.speaking_time, labels.share]
    overall = (annex.balance, annex.total_turns, annex.total_time)
    for number, (name, (balance, turns, time)) in enumerate(
        [
            ("", overall),
            *((g.name, (g.balance, g.total_turns, g.total_time)) for g in annex.group_balances),
        ]
    ):
        if name:
            w.heading(name, 3)
        rows = [[r.group, str(r.turns), r.time, f"{r.percent} %"] for r in balance]
        rows.append([labels.total, str(turns), time, ""])
        w.table(header, rows, [4, 1.2, 1.8, 1.6], numbers=(1, 2, 3), total=True)
        if number == 0:
            _balance_chart(w)


def _log(w: Writer) -> None:
    annex = w.minutes.annex
    assert annex is not None
    labels = w.minutes.labels
    if annex.speakers_log:
        w.heading(labels.speakers_log, 2)
        w.table(
            [labels.time, labels.item, labels.speaker, labels.duration],
            [
                row
                for e in annex.speakers_log
                for row in (
                    *([[e.day_heading, "", "", ""]] if e.day_heading else []),
                    [e.time, e.item_title, at_sentence_start(e.speaker), e.duration],
                )
            ],
            [1, 3.4, 4.2, 1.4],
            numbers=(3,),
        )


def _agenda_rows(m: Minutes) -> list[list[str]]:
    rows = []
    day = ""
    actual_times = m.options.actual_times
    for item in m.items:
        if item.day != day:  # a row naming the day where it changes
            rows.append(["", item.day, ""][: 3 if actual_times else 2])
            day = item.day
        title = item.title if item.is_break else f"{item.number}. {item.title}"
        if item.skipped:
            title += f" ({m.labels.skipped})"
        row = [f"{item.planned_start}–{item.planned_end}", title]
        if actual_times:
            row.append(f"{item.actual_start}–{item.actual_end}" if item.actual_start else "")
        rows.append(row)
    return rows


def _attendance(w: Writer) -> None:
    """The attendance list (named mode) or the organisations represented: in the annex."""
    m, labels = w.minutes, w.minutes.labels
    if m.attendance_has_names:
        w.heading(labels.attendance_list, 2)
        titled = m.attendance_has_job_titles
        headers = [labels.name, labels.organisation, labels.stakeholder_group]
        rows = [
            [f"{a.name} ({a.role})" if a.role else a.name, a.organisation, a.group]
            for a in m.attendance
        ]
        if titled:
            headers.insert(1, labels.job_title)
            for row, a in zip(rows, m.attendance, strict=True):
                row.insert(1, a.job_title)
        w.table(headers, rows, [2.6, 2.2, 3, 1.8] if titled else [3, 4, 2.4])
    else:
        w.heading(labels.organisations_represented, 2)
        if m.attendance_has_job_titles:
            w.table(
                [labels.organisation, labels.job_titles, labels.stakeholder_group],
                [[a.organisation, a.job_title, a.group] for a in m.attendance],
            )
        else:
            w.table(
                [labels.organisation, labels.stakeholder_group],
                [[a.organisation, a.group] for a in m.attendance],
            )


def _key_outcomes(w: Writer) -> None:
    """The agreed points and the next steps, in short, before the body."""
    m, labels = w.minutes, w.minutes.labels
    if not m.has_key_outcomes:
        return
    w.heading(labels.key_outcomes, 1)
    if m.agreed:
        w.runs("Normal", (f"{labels.points_agreed}:", "b"))
        for point in m.agreed:
            w.runs("List Bullet", (point.text, ""))
    if m.key_steps:
        w.runs("Normal", (f"{labels.next_steps}:", "b"))
        for step in m.key_steps:
            tail = at_sentence_start(step.owner) if step.owner else ""
            if step.due:
                tail += f"{', ' if tail else ''}{labels.by} {step.due}"
            w.runs("List Bullet", (step.text, ""), *([(f" — {tail}", "")] if tail else []))


def _what_comes_next(w: Writer) -> None:
    """The next steps grouped: those to take (soonest due first), done, dropped."""
    m, labels = w.minutes, w.minutes.labels
    w.heading(labels.what_comes_next, 1)
    if m.next_step_groups:
        w.heading(labels.next_steps, 2)
    for group in m.next_step_groups:
        w.heading(group.heading, 3)
        w.table(
            [labels.action, labels.owner, labels.due],
            [[s.text, s.owner, s.due] for s in group.steps],
            [4.8, 2.8, 2.0],
        )
    if not m.next_step_groups:
        w.runs("Normal", (labels.no_next_steps, "im"))


def render_docx(minutes: Minutes, reference: Path | None = None) -> bytes:
    """The minutes as DOCX (styles from ``reference`` when given)."""
    w = Writer(minutes, reference)
    m, labels = minutes, minutes.labels
    title_block(w, handout=False)
    _key_outcomes(w)
    if m.purpose:
        w.heading(labels.purpose, 1)
        for paragraph in m.purpose:
            w.para(w.number() + paragraph)
    if m.total_present:
        w.heading(labels.who_took_part, 1)
        rows = [[p.group, str(p.present)] for p in m.presence]
        rows.append([labels.total, str(m.total_present)])
        w.table([labels.stakeholder_group, labels.present], rows, [4, 1], numbers=(1,), total=True)
    w.heading(labels.agenda, 1)
    if m.options.actual_times:
        w.table([labels.planned, labels.item, labels.actual], _agenda_rows(m), [1.6, 5, 1.6])
    else:
        w.table([labels.planned, labels.item], _agenda_rows(m), [1.6, 6.6])
    day = ""
    for item in m.body_items:
        if item.day != day:
            w.heading(item.day, 1)
            day = item.day
        d = 1 if item.day else 0  # under a day's heading, one level down
        if item.number or item.title:
            w.heading(f"{item.number}. {item.title}" if item.number else item.title, 1 + d)
        for paragraph in item.summary:
            w.para(w.number() + paragraph)
        _reports(w, item, d)
        for section in item.sections:
            _section(w, section, bool(item.questions), 2 + d)
        _groups(w, item, d)
    w.heading(labels.points_agreed, 1)
    for point in m.agreed:
        extra = [(f" {labels.reservations}: ", "i"), (point.reservations, "")]
        w.runs("List Number", (point.text, ""), *(extra if point.reservations else []))
    if not m.agreed:
        w.runs("Normal", (labels.no_points_agreed, "im"))
    _what_comes_next(w)
    _annex(w)
    return w.finish()
