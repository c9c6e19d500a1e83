"""Minutes and agenda handout as PDF, laid out by Qt's rich text and printed with QPdfWriter.

No external converter: the HTML renderer's page (in the subset Qt understands) goes into a
QTextDocument that never loads a resource, is paginated to A4 or Letter, and each page gets a
footer with the title and "Page N of M". Works headless (QT_QPA_PLATFORM=offscreen) and in a
worker thread; it needs a QGuiApplication and makes one if there is none.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractEventDispatcher,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEventLoop,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLayout,
    QTextOption,
)

from workshop_app.minutes.html import render_qt_html
from workshop_app.minutes.labels import Labels
from workshop_app.minutes.model import Minutes
from workshop_app.minutes.options import Paper
from workshop_app.minutes.pdf_outline import Bookmark, add_outline
from workshop_app.minutes.text import one_line

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 18, 20, 12)  # left, top, right, bottom (the footer sits above it)
FOOTER_MM = 10.0  # at least; more when a long title takes two or three lines
FOOTER_LINES = 3  # a title longer than this many lines is shortened at a word, with "…"
BOOKMARK_LEVELS = 3  # h1–h3 become the PDF's bookmarks
DRAFT_MM = 7.0  # the "DRAFT" line at the head of every page of a draft
KEEP_WITH_NEXT_LINES = 4  # a heading needs room for this many lines of text below it
FONT_FAMILIES = [
    "Noto Sans",
    "DejaVu Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
    "Liberation Sans",
]

_app: QGuiApplication | None = None


class PdfUnavailable(RuntimeError):
    """Only a non-GUI QCoreApplication exists, so fonts cannot be used."""


def ensure_gui_application() -> None:
    """Make sure a QGuiApplication exists (the GUI's own, or a headless one for the CLI)."""
    global _app
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return
    if existing is not None:
        raise PdfUnavailable("PDF export needs a QGuiApplication, not a QCoreApplication")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        # A server or CI job: lay out text without any windowing system.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([sys.argv[0] if sys.argv else "workshop-app"])


def ensure_event_dispatcher() -> None:
    """Give a plain worker thread (asyncio's executor) the event dispatcher Qt's timers expect.

    QTextDocument's layout starts timers; in a thread Qt did not start, that would warn on
    every export. A QEventLoop, once made, equips the thread for good.
    """
    if QAbstractEventDispatcher.instance() is None:
        QEventLoop()


class OfflineTextDocument(QTextDocument):
    """A QTextDocument that never loads an image, stylesheet or URL named in its text."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None


def _default_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(10)
    # Without ligatures, "ff" and "fi" stay letters: the PDF can be searched and copied from.
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _keep_headings_with_text(document: QTextDocument, page_height: float, room: float) -> None:
    """Move a heading to the next page when it would be split or end a page on its own.

    Qt's rich text has no "keep with next": each heading is checked in order, after the
    page breaks put before the earlier ones.
    """
    layout = document.documentLayout()
    cursor = QTextCursor(document)
    block = document.begin()
    while block.isValid():
        block_format = block.blockFormat()
        if block_format.headingLevel() > 0 and block.next().isValid():
            rect = layout.blockBoundingRect(block)
            page_end = (int(rect.top() // page_height) + 1) * page_height
            if rect.top() > 0 and page_end - rect.bottom() < room:
                block_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                cursor.setPosition(block.position())
                cursor.setBlockFormat(block_format)
        block = block.next()
    # Lay the whole document out again with the new breaks (Qt relayouts lazily otherwise).
    document.markContentsDirty(0, document.characterCount())
    layout.documentSize()


def _bookmarks(
    document: QTextDocument, page_height: float, scale: float, header: float = 0.0
) -> list[Bookmark]:
    """The headings h1–h3 with the page each starts on and its distance from the page's
    top (in points, the page's top margin included, and the ``header`` above the text)."""
    layout = document.documentLayout()
    top_margin = MARGINS_MM.top() / 25.4 * 72 + header
    marks = []
    block = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if 0 < level <= BOOKMARK_LEVELS:
            top = layout.blockBoundingRect(block).top()
            page = int(top // page_height)
            offset = top - page * page_height
            marks.append(Bookmark(level, block.text(), page, top_margin + offset * scale))
        block = block.next()
    return marks


def html_to_pdf(
    html: str,
    *,
    title: str,
    author: str,
    creator: str,
    paper: Paper,
    labels: Labels | None = None,
    language: str = "",
    draft: bool = False,
) -> bytes:
    """Lay out ``html`` on pages of ``paper`` and return the PDF's bytes."""
    ensure_gui_application()
    ensure_event_dispatcher()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(PAGE_SIZES[paper]),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setAuthor(author)
    writer.setCreator(creator)

    document = OfflineTextDocument()
    document.setDefaultFont(_default_font())
    document.setDocumentMargin(0)
    layout = document.documentLayout()
    layout.setPaintDevice(writer)  # fonts and CSS pixels are scaled to the PDF's resolution
    document.setHtml(html)

    labels = labels or Labels()
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    # The footer's title wraps in the room the page number leaves (its widest form is
    # measured with a page count as long as any this document can have).
    widest = f"{labels.page} {'8' * 5} {labels.of} {'8' * 5}"
    footer = _footer_layout(title, page.width(), widest, writer)
    footer_height = max(FOOTER_MM / 25.4 * RESOLUTION, footer.height)
    header_height = DRAFT_MM / 25.4 * RESOLUTION if draft else 0.0
    body = QSizeF(page.width(), page.height() - footer_height - header_height)
    document.setPageSize(body)
    line = QFontMetricsF(_default_font(), writer).lineSpacing()
    _keep_headings_with_text(document, body.height(), room=KEEP_WITH_NEXT_LINES * line)
    pages = max(1, document.pageCount())
    scale = 72 / RESOLUTION
    bookmarks = _bookmarks(document, body.height(), scale, header=header_height * scale)

    painter = QPainter(writer)
    try:
        for number in range(1, pages + 1):
            if number > 1:
                writer.newPage()
            top = (number - 1) * body.height()
            painter.save()
            painter.translate(0, header_height - top)
            document.drawContents(painter, QRectF(0, top, body.width(), body.height()))
            painter.restore()
            page_text = f"{labels.page} {number} {labels.of} {pages}"
            painter.save()
            painter.translate(0, header_height)
            _footer(painter, body, footer, page_text)
            painter.restore()
            if draft:
                _draft_line(painter, body.width(), header_height, labels.draft_mark)
    finally:
        painter.end()
    buffer.close()
    page_height = writer.pageLayout().fullRect(QPageLayout.Unit.Point).height()
    return add_outline(bytes(data.data()), bookmarks, language, page_height)


class _FooterLayout:
    """The footer's title, wrapped into at most FOOTER_LINES lines beside the page number."""

    def __init__(self, font: QFont, lines: list[str], spacing: float, room: float) -> None:
        self.font = font
        self.lines = lines
        self.spacing = spacing
        self.room = room
        self.rule = spacing * 0.7  # the line above the footer, below the body
        self.height = self.rule + spacing * (0.3 + max(1, len(lines))) + spacing * 0.5


def _footer_font() -> QFont:
    font = _default_font()
    font.setPointSizeF(8)
    return font


def _footer_layout(title: str, width: float, widest: str, device: QPdfWriter) -> _FooterLayout:
    font = _footer_font()
    metrics = QFontMetricsF(font, device)
    room = width - metrics.horizontalAdvance(widest) - metrics.averageCharWidth() * 4
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout = QTextLayout(title, font, device)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(room)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [title[start : start + length].strip() for start, length in spans]
    if len(lines) > FOOTER_LINES:  # the last line shortened where a word ends, with "…"
        rest = title[spans[FOOTER_LINES - 1][0] :].strip()
        while " " in rest and metrics.horizontalAdvance(f"{rest} …") > room:
            rest = rest.rsplit(" ", 1)[0].rstrip(" ,;:–-")
        lines = [*lines[: FOOTER_LINES - 1], f"{rest} …"]
        if metrics.horizontalAdvance(lines[-1]) > room:  # one endless word
            lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, room)
    return _FooterLayout(font, lines, metrics.lineSpacing(), room)


def _footer(painter: QPainter, body: QSizeF, footer: _FooterLayout, page_text: str) -> None:
    painter.setFont(footer.font)
    painter.setPen(QColor("#666666"))
    line_y = body.height() + footer.rule
    painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
    text_top = line_y + footer.spacing * 0.3
    area = QRectF(0, text_top, body.width(), footer.spacing * 1.2)
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_text)
    for index, text in enumerate(footer.lines):
        top = text_top + index * footer.spacing
        painter.drawText(
            QRectF(0, top, footer.room, footer.spacing * 1.2),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            text,
        )


def _draft_line(painter: QPainter, width: float, height: float, mark: str) -> None:
    """ "DRAFT", centred at the head of the page, above the text."""
    font = _default_font()
    font.setPointSizeF(10)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#b3261e"))
    area = QRectF(0, 0, width, height * 0.7)
    painter.drawText(area, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, mark)


def render_pdf(minutes: Minutes) -> bytes:
    """The minutes as PDF (paper from the options), page numbers in the footer."""
    return html_to_pdf(
        render_qt_html(minutes),
        title=one_line(minutes.title),
        author=minutes.author,
        creator=minutes.generator,
        paper=minutes.options.paper,
        labels=minutes.labels,
        language=minutes.language,
        draft=minutes.draft,
    )


def render_agenda_pdf(minutes: Minutes) -> bytes:
    """The agenda handout as PDF."""
    return html_to_pdf(
        render_qt_html(minutes, handout=True),
        title=f"{one_line(minutes.title)} – {minutes.labels.agenda_handout}",
        author=minutes.author,
        creator=minutes.generator,
        paper=minutes.options.paper,
        labels=minutes.labels,
        language=minutes.language,
    )
