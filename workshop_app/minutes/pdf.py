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
)

from workshop_app.minutes.html import render_qt_html
from workshop_app.minutes.labels import Labels
from workshop_app.minutes.model import Minutes
from workshop_app.minutes.options import Paper
from workshop_app.minutes.text import one_line

RESOLUTION = 300  # dots per inch of the PDF's coordinate system
PAGE_SIZES = {Paper.A4: QPageSize.PageSizeId.A4, Paper.LETTER: QPageSize.PageSizeId.Letter}
MARGINS_MM = QMarginsF(20, 18, 20, 12)  # left, top, right, bottom (the footer sits above it)
FOOTER_MM = 10.0
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


def html_to_pdf(
    html: str,
    *,
    title: str,
    author: str,
    creator: str,
    paper: Paper,
    labels: Labels | None = None,
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
    footer_height = FOOTER_MM / 25.4 * RESOLUTION
    header_height = DRAFT_MM / 25.4 * RESOLUTION if draft else 0.0
    body = QSizeF(page.width(), page.height() - footer_height - header_height)
    document.setPageSize(body)
    line = QFontMetricsF(_default_font(), writer).lineSpacing()
    _keep_headings_with_text(document, body.height(), room=KEEP_WITH_NEXT_LINES * line)
    pages = max(1, document.pageCount())

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
            _footer(painter, body, footer_height, title, page_text)
            painter.restore()
            if draft:
                _draft_line(painter, body.width(), header_height, labels.draft_mark)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def _footer(painter: QPainter, body: QSizeF, height: float, title: str, page_text: str) -> None:
    font = _default_font()
    font.setPointSizeF(8)
    painter.setFont(font)
    painter.setPen(QColor("#666666"))
    metrics = QFontMetricsF(font, painter.device())
    line_y = body.height() + height * 0.25
    painter.drawLine(0, int(line_y), int(body.width()), int(line_y))
    text_top = line_y + metrics.height() * 0.3
    area = QRectF(0, text_top, body.width(), metrics.height() * 1.2)
    painter.drawText(area, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, page_text)
    room = body.width() - metrics.horizontalAdvance(page_text) - metrics.averageCharWidth() * 4
    elided = metrics.elidedText(title, Qt.TextElideMode.ElideRight, room)
    painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, elided)


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
    )
