"""The participation chart as a picture (PNG), drawn with QtGui for the DOCX minutes.

One bar per stakeholder group, as long as its share of the longest speaking time, with the
group's name on the left and its share at the end of the bar. No widgets: a QImage painted
by QPainter, which works in a worker thread and headless (a QGuiApplication is made when
there is none, as for the PDF).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter

from workshop_app.minutes.model import BalanceRow
from workshop_app.minutes.pdf import FONT_FAMILIES, ensure_gui_application

BAR_COLOUR = QColor("#3b6ea5")
TEXT_COLOUR = QColor("#222222")
AXIS_COLOUR = QColor("#999999")
DOTS_PER_INCH = 200
ROW_MM = 8.0
LABEL_SHARE = 0.34  # of the width, for the groups' names
SHARE_ROOM = 0.1  # of the width, kept free after the longest bar for its percentage
FONT_POINTS = 10.0


def _pixels(mm: float) -> int:
    return max(1, round(mm / 25.4 * DOTS_PER_INCH))


def _font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(FONT_POINTS)
    return font


def balance_chart_png(rows: Sequence[BalanceRow], width_mm: float) -> bytes:
    """A horizontal bar chart of ``rows``, ``width_mm`` wide, as PNG bytes."""
    ensure_gui_application()
    width = _pixels(width_mm)
    row_height = _pixels(ROW_MM)
    margin = row_height // 4
    image = QImage(width, row_height * len(rows) + 2 * margin, QImage.Format.Format_RGB32)
    dots_per_metre = round(DOTS_PER_INCH / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)  # so that points are points on the printed page
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = _font()
        painter.setFont(font)
        metrics = QFontMetricsF(font, image)
        gap = metrics.averageCharWidth()
        label_width = width * LABEL_SHARE
        bar_left = label_width + gap
        bar_room = width * (1 - LABEL_SHARE - SHARE_ROOM) - gap
        for index, row in enumerate(rows):
            top = margin + index * row_height
            painter.setPen(TEXT_COLOUR)
            painter.drawText(
                QRectF(0, top, label_width - gap, row_height),
                Qt.AlignmentFlag.AlignLeft
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap,
                row.group,
            )
            length = bar_room * max(0.0, min(row.bar, 100.0)) / 100
            bar = QRectF(bar_left, top + row_height * 0.2, length, row_height * 0.6)
            painter.fillRect(bar, BAR_COLOUR)
            painter.drawText(
                QRectF(bar.right() + gap, top, width - bar.right() - gap, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                f"{row.percent} %",
            )
        painter.setPen(AXIS_COLOUR)
        painter.drawLine(round(bar_left), margin, round(bar_left), margin + row_height * len(rows))
    finally:
        painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # the stubs want bytes, Qt a str
        raise RuntimeError("the participation chart could not be written as PNG")
    buffer.close()
    return bytes(data.data())


def chart_description(title: str, rows: Sequence[BalanceRow]) -> str:
    """The chart in words, as its alt text: each group with its share."""
    return f"{title}: " + "; ".join(f"{row.group} {row.percent} %" for row in rows)
