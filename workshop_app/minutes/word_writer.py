"""The DOCX writer the minutes and the handout share: Word's own styles, the page, the
title block."""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workshop_app.domain.attribution import at_sentence_start
from workshop_app.minutes.model import Minutes
from workshop_app.minutes.ooxml import (
    BodyAppender,
    add_field,
    clear_body,
    emphasise_header_only,
    keep_rows_whole,
    open_document,
    put_text,
    repeat_header,
    scrub,
    set_cell_text,
)
from workshop_app.minutes.options import Paper
from workshop_app.minutes.text import xml_safe
from workshop_app.minutes.word_styles import (
    FIGURE,
    FOOTER,
    STRONG,
    TABLE_NUMBER,
    add_styles,
    character_style,
    footer_style,
    set_application,
)

PAGE_MM = {Paper.A4: (210, 297), Paper.LETTER: (215.9, 279.4)}
TABLE_STYLES = ("Light List Accent 1", "Light Grid Accent 1", "Table Grid")
DRAFT_MARK = "Draft Mark"  # the paragraph style of "DRAFT" at the head of every page
DRAFT_COLOUR = RGBColor(0xB3, 0x26, 0x1E)


class Writer:
    """Adds styled paragraphs and tables to one document, falling back where styles lack."""

    def __init__(self, minutes: Minutes, reference: Path | None) -> None:
        self.minutes = minutes
        self.doc: DocxDocument = open_document(reference)
        if reference is not None:
            clear_body(self.doc)
        scrub(self.doc)
        add_styles(self.doc)
        footer_style(self.doc, own=reference is None)
        self._page_setup(own_margins=reference is None)
        # python-docx finds a style by name, and the end of the body, by walking them for
        # every paragraph: quadratic on a day's record. Both are looked up once here instead
        # (for this document only: the writer adds no style and no section).
        self._body = BodyAppender(self.doc)
        self._styles: dict[str, bool] = {}
        self._style_ids: dict[tuple[str, WD_STYLE_TYPE], str | None] = {}
        self._text_width: int | None = None
        self._paragraph_number = 0

    def number(self) -> str:
        """ "12. " before the next paragraph of the body when numbered paragraphs are asked for."""
        if not self.minutes.options.numbered:
            return ""
        self._paragraph_number += 1
        return f"{self._paragraph_number}. "

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

    def style_id(self, name: str, kind: WD_STYLE_TYPE) -> str | None:
        """The id of the style ``name`` (looked up once; python-docx searches every time)."""
        if (name, kind) not in self._style_ids:
            part: Any = self.doc.part
            self._style_ids[name, kind] = part.get_style_id(name, kind)
        return self._style_ids[name, kind]

    def runs(self, style: str, *parts: tuple[str, str]) -> Paragraph:
        """A paragraph of runs; each part is (text, look): "" for plain, "b" (Strong), "i"
        (Emphasis), "im"/"m" (Quiet) or a character style's name, e.g. "Speaker"."""
        paragraph = self._body.paragraph(self.style(style))
        for text, look in parts:
            r = self._body.run(paragraph, look, functools.partial(_styled, look))
            text = xml_safe(text)
            if text:
                put_text(r, text)
        return paragraph

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        shares: Sequence[float] | None = None,
        *,
        numbers: Sequence[int] = (),
        total: bool = False,
    ) -> Table:
        """A table in the table style; ``shares`` split the text width between the columns.

        The columns ``numbers`` hold figures, right-aligned ("Table Number"); with ``total``
        the last row is a total, in "Strong". No row is split across two pages, and the
        header row is repeated on each page the table runs onto.
        """
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.style_for_tables()
        number = self.style_id(TABLE_NUMBER, WD_STYLE_TYPE.PARAGRAPH)
        aligned = [number if index in numbers else None for index in range(len(header))]
        strong = self.style_id(STRONG, WD_STYLE_TYPE.CHARACTER)
        for cell, text, paragraph_style in zip(table.rows[0].cells, header, aligned, strict=True):
            set_cell_text(cell, xml_safe(text), paragraph_style)
        for index, values in enumerate(rows):
            run_style = strong if total and index == len(rows) - 1 else None
            cells = table.add_row().cells
            for cell, text, paragraph_style in zip(cells, values, aligned, strict=True):
                set_cell_text(cell, xml_safe(text), paragraph_style, run_style)
        keep_rows_whole(table)
        repeat_header(table)
        emphasise_header_only(table)
        weights = shares or [1.0] * len(header)
        self.set_widths(table, [self.text_width() * w / sum(weights) for w in weights])
        self._body.paragraph(None)  # doc.add_paragraph(): the space after the table
        return cast(Table, table)

    def picture(self, png: bytes, width: int, description: str) -> Paragraph:
        """A picture ``width`` EMU wide in its own paragraph ("Figure"), described by
        ``description`` for those who cannot see it (its alt text)."""
        paragraph = self._body.paragraph(self.style(FIGURE))
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Emu(width))
        properties = shape._inline.docPr
        properties.set("descr", xml_safe(description))
        return paragraph

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
            if self.minutes.draft:
                _draft_header(self.doc, section, self.minutes)

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
        set_application(self.doc)
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


def _styled(look: str, run: Run) -> None:
    """The run in the character style ``look`` stands for (none for plain text)."""
    run.style = character_style(look)


def _page_footer(section: Any, minutes: Minutes) -> None:
    """Title and "Page N of M" at the foot of each page, unless the reference has a footer."""
    footer = section.footer
    if any(p.text.strip() for p in footer.paragraphs) or footer.tables:
        return
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = FOOTER
    labels = minutes.labels
    for text, code in ((f"{labels.page} ", "PAGE"), (f" {labels.of} ", "NUMPAGES")):
        paragraph.add_run(text)
        add_field(paragraph, code)


def _draft_header(doc: DocxDocument, section: Any, minutes: Minutes) -> None:
    """ "DRAFT" at the head of every page (after what a reference's header holds), in a
    paragraph style of its own (a reference's "Draft Mark" wins)."""
    styles = doc.styles
    if DRAFT_MARK not in styles:
        style: Any = styles.add_style(DRAFT_MARK, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        style.font.bold = True
        style.font.size = Pt(10)
        style.font.color.rgb = DRAFT_COLOUR
    header = section.header
    paragraphs = header.paragraphs
    empty = len(paragraphs) == 1 and not paragraphs[0].text.strip() and not header.tables
    paragraph = paragraphs[0] if empty else header.add_paragraph()
    paragraph.style = styles[DRAFT_MARK]
    paragraph.add_run(minutes.labels.draft_mark)


def title_block(w: Writer, *, handout: bool) -> None:
    m = w.minutes
    if m.title:
        w.heading(m.title, 0)
    if m.subtitle:
        w.para(m.subtitle, "Subtitle")
    date = m.date
    if handout and m.date and m.day_start and len(m.days) == 1:
        date = f"{m.date}, {m.day_start}–{m.day_end}"
    facts = []
    if not handout:  # the minutes' front page block
        facts += [
            (m.labels.document_reference, m.reference),
            (m.labels.document_status, m.status_label),
            (m.labels.issued, m.issued),
            (m.labels.prepared_by, m.prepared_by),
        ]
    facts += [(m.labels.date, date), (m.labels.venue, m.venue), (m.labels.organiser, m.organiser)]
    facts += [(m.labels.chair, at_sentence_start(chair)) for chair in m.chairs]
    for label, value in facts:
        if value:
            w.runs("Normal", (f"{label}: ", "b"), (value, ""))
    if m.attribution_note and not handout:
        w.runs("Normal", (m.attribution_note, "im"))
