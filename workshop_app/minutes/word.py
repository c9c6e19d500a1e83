"""Minutes and agenda handout as DOCX, with real Word styles an organisation can restyle.

Title, Subtitle, Heading 1–3, List Bullet, List Number and one table style; with a reference
.docx, its styles (and page furniture) are used instead. Document properties come from the
workshop only: whatever the reference carried (author, company, comments, custom properties,
thumbnail) is dropped, so an anonymous export names nobody there either.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workshop_app.domain.attribution import at_sentence_start
from workshop_app.minutes.model import Minutes, Section
from workshop_app.minutes.ooxml import (
    BodyAppender,
    add_field,
    clear_body,
    emphasise_header_only,
    open_document,
    put_text,
    repeat_header,
    scrub,
    set_cell_text,
    shade,
)
from workshop_app.minutes.options import Paper
from workshop_app.minutes.text import xml_safe

PAGE_MM = {Paper.A4: (210, 297), Paper.LETTER: (215.9, 279.4)}
TABLE_STYLES = ("Light List Accent 1", "Light Grid Accent 1", "Table Grid")
BAR_COLOUR = "3B6EA5"
BAR_CELLS = 20  # the chart's resolution: one shaded cell per 5 %
MUTED = RGBColor(0x55, 0x55, 0x55)


class _Writer:
    """Adds styled paragraphs and tables to one document, falling back where styles lack."""

    def __init__(self, minutes: Minutes, reference: Path | None) -> None:
        self.minutes = minutes
        self.doc: DocxDocument = open_document(reference)
        if reference is not None:
            clear_body(self.doc)
        scrub(self.doc)
        self._page_setup(own_margins=reference is None)
        # python-docx finds a style by name, and the end of the body, by walking them for
        # every paragraph: quadratic on a day's record. Both are looked up once here instead
        # (for this document only: the writer adds no style and no section).
        self._body = BodyAppender(self.doc)
        self._styles: dict[str, bool] = {}
        self._text_width: int | None = None

    def style(self, name: str, fallback: str | None = "Normal") -> str | None:
        if name not in self._styles:
            self._styles[name] = name in self.doc.styles
        return name if self._styles[name] else fallback

    def para(self, text: str = "", style: str = "Normal") -> Paragraph:
        """``doc.add_paragraph(text, style)``: one plain run holding the text, if any."""
        paragraph = self._body.paragraph(self.style(style))
        text = xml_safe(text)
        if text:
            put_text(paragraph.add_run()._r, text)
        return paragraph

    def heading(self, text: str, level: int) -> Paragraph:
        name = "Title" if level == 0 else f"Heading {level}"
        return self.para(text, name)

    def runs(self, style: str, *parts: tuple[str, str]) -> Paragraph:
        """A paragraph of runs; each part is (text, "b"/"i"/"" for bold, italic or plain)."""
        paragraph = self._body.paragraph(self.style(style))
        for text, look in parts:
            r = self._body.run(paragraph, look, functools.partial(_look, look))
            text = xml_safe(text)
            if text:
                put_text(r, text)
        return paragraph

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        shares: Sequence[float] | None = None,
    ) -> Table:
        """A table in the table style; ``shares`` split the text width between the columns."""
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.style_for_tables()
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            set_cell_text(cell, xml_safe(text))
        repeat_header(table)
        emphasise_header_only(table)
        for values in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, values, strict=True):
                set_cell_text(cell, xml_safe(text))
        weights = shares or [1.0] * len(header)
        self.set_widths(table, [self.text_width() * w / sum(weights) for w in weights])
        self._body.paragraph(None)  # doc.add_paragraph(): the space after the table
        return cast(Table, table)

    def text_width(self) -> int:
        """The width between the margins, in EMU (as python-docx counts lengths)."""
        if self._text_width is None:  # python-docx finds the last section by a body-wide search
            section = self.doc.sections[-1]
            page, left, right = section.page_width, section.left_margin, section.right_margin
            if page is None or left is None or right is None:  # a reference without page setup
                self._text_width = int(Mm(170))
            else:
                self._text_width = int(page - left - right)
        return self._text_width

    @staticmethod
    def set_widths(table: Table, widths: Sequence[float]) -> None:
        """Fixed column widths: Word reads the cells', LibreOffice the grid's."""
        table.autofit = False
        # The table's grid of cells, worked out once (``column.cells`` works it out per column).
        grid = table._cells
        columns = len(widths)
        for index, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
            column.width = Emu(int(width))
            for cell in grid[index::columns]:
                cell.width = Emu(int(width))

    def style_for_tables(self) -> str | None:
        for name in TABLE_STYLES:
            if name in self.doc.styles:
                return name
        return None

    def _page_setup(self, *, own_margins: bool) -> None:
        width, height = PAGE_MM[self.minutes.options.paper]
        for section in self.doc.sections:
            section.page_width, section.page_height = Mm(width), Mm(height)
            if own_margins:
                section.left_margin = section.right_margin = Mm(20)
                section.top_margin, section.bottom_margin = Mm(18), Mm(18)
            _page_footer(section, self.minutes)

    def finish(self) -> bytes:
        props = self.doc.core_properties
        now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
        props.title = xml_safe(self.minutes.title)
        props.subject = xml_safe(self.minutes.subtitle)
        props.author = xml_safe(self.minutes.author)
        props.last_modified_by = xml_safe(self.minutes.author)
        props.comments = ""
        props.keywords = ""
        props.category = self.minutes.labels.minutes
        props.content_status = ""
        props.identifier = ""
        props.version = ""
        props.language = xml_safe(self.minutes.language)
        props.revision = 1
        props.created = props.modified = now
        for printed in props._element.findall(qn("cp:lastPrinted")):
            props._element.remove(printed)  # a reference's print date says who printed it when
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _look(look: str, run: Run) -> None:
    """Bold, italic or muted, as the letters b, i and m in ``look`` say."""
    run.bold = "b" in look or None
    run.italic = "i" in look or None
    if "m" in look:
        run.font.color.rgb = MUTED


def _page_footer(section: Any, minutes: Minutes) -> None:
    """Title and "Page N of M" at the foot of each page, unless the reference has a footer."""
    footer = section.footer
    if any(p.text.strip() for p in footer.paragraphs) or footer.tables:
        return
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    labels = minutes.labels
    for text, code in ((f"{labels.page} ", "PAGE"), (f" {labels.of} ", "NUMPAGES")):
        run = paragraph.add_run(text)
        run.font.size = Pt(8)
        add_field(paragraph, code)


def _title_block(w: _Writer, *, handout: bool) -> None:
    m = w.minutes
    w.heading(m.title, 0)
    if m.subtitle:
        w.para(m.subtitle, "Subtitle")
    date = m.date
    if handout and m.date and m.day_start and len(m.days) == 1:
        date = f"{m.date}, {m.day_start}–{m.day_end}"
    facts = [(m.labels.date, date), (m.labels.venue, m.venue), (m.labels.organiser, m.organiser)]
    facts += [(m.labels.chair, at_sentence_start(chair)) for chair in m.chairs]
    for label, value in facts:
        if value:
            w.runs("Normal", (f"{label}: ", "b"), (value, ""))
    if m.attribution_note and not handout:
        w.runs("Normal", (m.attribution_note, "im"))


def _section(w: _Writer, section: Section, has_questions: bool) -> None:
    labels = w.minutes.labels
    if section.question is not None:
        w.heading(section.question, 2)
    elif has_questions:
        w.heading(labels.other_contributions, 2)
    if section.empty:
        w.runs("Normal", (labels.nothing_recorded, "im"))
    for s in section.said:
        parts: list[tuple[str, str]] = []
        if s.attribution:
            parts.append((f"{at_sentence_start(s.attribution)}: ", "b"))
        parts.append((s.text, ""))
        if s.kind != "statement":
            parts.append((f" ({s.kind_label})", "im"))
        w.runs("List Bullet", *parts)
    if section.not_shown:
        w.runs("Normal", (f"{section.not_shown} {labels.not_shown}", "im"))
    if section.examples:
        w.heading(labels.examples_named, 3)
        for s in section.examples:
            tail = [(f" — {s.attribution}", "m")] if s.attribution else []
            w.runs("List Bullet", (s.text, ""), *tail)
    if section.consensus:
        w.heading(labels.consensus, 3)
        for point in section.consensus:
            extra = (
                [(f" {labels.reservations}: ", "i"), (point.reservations, "")]
                if point.reservations
                else []
            )
            w.runs("List Bullet", (f"{point.status_label}: ", "b"), (point.text, ""), *extra)


def _balance_chart(w: _Writer) -> None:
    """The bar chart: one row per group, BAR_CELLS narrow cells, shaded up to its share."""
    annex = w.minutes.annex
    if annex is None or not any(row.bar for row in annex.balance):
        return
    chart = w.doc.add_table(rows=0, cols=BAR_CELLS + 1)
    for row in annex.balance:
        cells = chart.add_row().cells
        cells[0].text = xml_safe(row.group)
        shaded = round(row.bar * BAR_CELLS / 100)
        for cell in cells[1 : shaded + 1]:
            shade(cell, BAR_COLOUR)
    label = w.text_width() * 0.3
    w.set_widths(chart, [label] + [(w.text_width() - label) / BAR_CELLS] * BAR_CELLS)
    w.doc.add_paragraph()


def _annex(w: _Writer) -> None:
    m = w.minutes
    annex = m.annex
    if annex is None:
        return
    labels = m.labels
    w.heading(labels.annex, 1).paragraph_format.page_break_before = True
    w.heading(labels.participation_balance, 2)
    rows = [[r.group, str(r.turns), r.time, f"{r.percent} %"] for r in annex.balance]
    rows.append([labels.total, str(annex.total_turns), annex.total_time, ""])
    header = [labels.stakeholder_group, labels.turns, labels.speaking_time, labels.share]
    w.table(header, rows, [4, 1.2, 1.8, 1.6])
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
    w = _Writer(minutes, reference)
    m, labels = minutes, minutes.labels
    _title_block(w, handout=False)
    if m.purpose:
        w.heading(labels.purpose, 1)
        for paragraph in m.purpose:
            w.para(paragraph)
    w.heading(labels.who_took_part, 1)
    rows = [[p.group, str(p.present)] for p in m.presence]
    rows.append([labels.total, str(m.total_present)])
    w.table([labels.stakeholder_group, labels.present], rows, [4, 1])
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
        for section in item.sections:
            _section(w, section, bool(item.questions))
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


def render_agenda_docx(minutes: Minutes, reference: Path | None = None) -> bytes:
    """The agenda handout (times, items, descriptions, guiding questions) as DOCX."""
    w = _Writer(minutes, reference)
    labels = minutes.labels
    _title_block(w, handout=True)
    w.heading(labels.agenda, 1)
    day = ""
    for item in minutes.items:
        if item.day != day:
            w.heading(item.day, 1)
            day = item.day
        times = f"{item.planned_start}–{item.planned_end}"
        title = item.title if item.is_break else f"{item.number}. {item.title}"
        w.heading(f"{times}  {title}", 2)
        for paragraph in item.description:
            w.para(paragraph)
        if item.questions:
            w.runs("Normal", (f"{labels.guiding_questions}:", "i"))
            for question in item.questions:
                w.para(question, "List Bullet")
    return w.finish()
