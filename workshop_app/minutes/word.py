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
    if section.question is not None:
        w.heading(section.question, level)
    elif has_questions:
        w.heading(labels.other_contributions, level)
    if section.empty:
        w.runs("Normal", (labels.nothing_recorded, "im"))
    for s in section.said:
        parts: list[tuple[str, str]] = []
        if s.lead:
            parts.append((f"{s.lead}: ", SPEAKER))
        parts.append((s.text, ""))
        w.runs("List Bullet", *parts)
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


def _reports(w: Writer, item: ItemMinutes) -> None:
    """In a report-back: each group's report, before plenary's discussion."""
    labels = w.minutes.labels
    if item.reports:
        w.heading(labels.group_reports, 2)
    for report in item.reports:
        by = f" ({labels.rapporteur}: {report.rapporteur})" if report.rapporteur else ""
        w.heading(report.name + by, 3)
        for paragraph in report.summary:
            w.para(paragraph)
        for point in report.points:
            w.runs("List Bullet", (f"{labels.proposed}: ", "i"), (point.text, ""))


def _groups(w: Writer, item: ItemMinutes) -> None:
    """The item's breakout groups, each with its own discussion."""
    labels = w.minutes.labels
    for group in item.groups:
        w.heading(group.name, 2)
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
            w.para(paragraph)
        for section in group.sections:
            _section(w, section, bool(item.questions), 3)


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
    if annex is None:
        return
    labels = m.labels
    w.para(labels.annex, w.style(ANNEX_HEADING, "Heading 1") or "Heading 1")
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
    if annex.log_shown and annex.speakers_log:
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
    for item in m.items:
        if item.day != day:  # a row naming the day where it changes
            rows.append(["", item.day, ""])
            day = item.day
        title = item.title if item.is_break else f"{item.number}. {item.title}"
        if item.skipped:
            title += f" ({m.labels.skipped})"
        actual = f"{item.actual_start}–{item.actual_end}" if item.actual_start else ""
        rows.append([f"{item.planned_start}–{item.planned_end}", title, actual])
    return rows


def render_docx(minutes: Minutes, reference: Path | None = None) -> bytes:
    """The minutes as DOCX (styles from ``reference`` when given)."""
    w = Writer(minutes, reference)
    m, labels = minutes, minutes.labels
    title_block(w, handout=False)
    if m.purpose:
        w.heading(labels.purpose, 1)
        for paragraph in m.purpose:
            w.para(paragraph)
    w.heading(labels.who_took_part, 1)
    rows = [[p.group, str(p.present)] for p in m.presence]
    rows.append([labels.total, str(m.total_present)])
    w.table([labels.stakeholder_group, labels.present], rows, [4, 1], numbers=(1,), total=True)
    if m.attendance_shown and m.attendance:
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
    w.heading(labels.agenda, 1)
    w.table([labels.planned, labels.item, labels.actual], _agenda_rows(m), [1.6, 5, 1.6])
    day = ""
    for item in m.body_items:
        if item.day != day:
            w.heading(item.day, 1)
            day = item.day
        w.heading(f"{item.number}. {item.title}" if item.number else item.title, 1)
        for paragraph in item.summary:
            w.para(paragraph)
        _reports(w, item)
        for section in item.sections:
            _section(w, section, bool(item.questions))
        _groups(w, item)
    w.heading(labels.points_agreed, 1)
    for point in m.agreed:
        extra = [(f" {labels.reservations}: ", "i"), (point.reservations, "")]
        w.runs("List Number", (point.text, ""), *(extra if point.reservations else []))
    if not m.agreed:
        w.runs("Normal", (labels.no_points_agreed, "im"))
    w.heading(labels.next_steps, 1)
    if m.next_steps:
        w.table(
            [labels.action, labels.owner, labels.due, labels.status],
            [[s.text, s.owner, s.due, s.status_label] for s in m.next_steps],
            [4.2, 2.5, 1.9, 1.3],
        )
    else:
        w.runs("Normal", (labels.no_next_steps, "im"))
    _annex(w)
    return w.finish()
