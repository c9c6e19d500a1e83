"""The Run view's small live picture of the room's screen.

It paints a canvas scaled down (the projector window's own, or, while the window is closed,
a hidden one showing what the window would show, veiled and marked "Projector off"), so the
picture is the projector's own rendering, never a second one. A click, or Enter or Space
when it has the keyboard, opens the projector window or brings it to the front.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QRegion,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

#: The picture's size: about a sixth of the Run view's width, at the projector's 16:9.
PICTURE = QSize(200, 113)
BORDER = 2
OFF = "Projector off"


class ProjectorThumbnail(QAbstractButton):
    """What the room sees, small; a button that brings up the projector window."""

    #: Shown again (the Run view came back): what it paints may be out of date.
    shown = Signal()
    #: A new picture has been painted.
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectorThumbnail")
        self.setAccessibleName("Projector thumbnail")
        # Tab reaches it; a click leaves the keyboard where it was (the entry box).
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # its border shows the pointer over it
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._source: QWidget | None = None
        self.on = False  # the projector window is open
        self.picture = QPixmap()
        self._background = QColor("#000000")  # the room's screen's, around the picture
        # Changes come in bursts (a new item: items, speakers, points): one picture for each.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self._paint_picture)

    def sizeHint(self) -> QSize:
        return PICTURE + QSize(2 * BORDER, 2 * BORDER)

    def show_source(self, source: QWidget, *, on: bool, mode: str, keys: str) -> None:
        """Picture ``source`` from now on: the projector window when ``on``, else a hidden
        canvas of what it would show. ``mode`` names what the room sees, ``keys`` the
        projector window's shortcut."""
        self._source, self.on = source, on
        if on:
            description = (
                f"The room sees: {mode}. Click to bring the projector window to the front."
            )
        else:
            description = (
                f"Projector off; it would show: {mode}. Click to open the projector window."
            )
        self.setAccessibleDescription(description)
        self.setToolTip(f"{description}\n{keys} opens or closes it." if keys else description)
        self.refresh()

    def refresh(self) -> None:
        """What the source shows has changed: paint the picture again, soon."""
        self._later.start()

    def _paint_picture(self) -> None:
        source = self._source
        if source is None or not self.isVisible() or source.width() <= 0:
            return  # painted when shown again
        size = source.size().scaled(PICTURE, Qt.AspectRatioMode.KeepAspectRatio)
        ratio = self.devicePixelRatioF()
        picture = QPixmap(size * ratio)
        picture.setDevicePixelRatio(ratio)
        self._background = source.palette().color(QPalette.ColorRole.Window)
        picture.fill(self._background)
        painter = QPainter(picture)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(size.width() / source.width(), size.height() / source.height())
        # The canvas draws itself through the scaled painter: crisp text, well under 1 ms.
        source.render(painter, QPoint(), QRegion(source.rect()))
        painter.end()
        self.picture = picture
        self.update()
        self.painted.emit()

    # -- the button ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        inner = self.rect().adjusted(BORDER, BORDER, -BORDER, -BORDER)
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Mid))
        painter.fillRect(inner, self._background)
        if not self.picture.isNull():
            size = self.picture.deviceIndependentSize().toSize()
            place = QRect(QPoint(), size)
            place.moveCenter(inner.center())
            painter.drawPixmap(place, self.picture)
        if not self.on:  # what it would show, veiled, under a plain word
            painter.fillRect(inner, QColor(0, 0, 0, 140))
            font = QFont(self.font())
            font.setBold(True)
            painter.setFont(font)
            badge = painter.fontMetrics().boundingRect(OFF).adjusted(-8, -4, 8, 4)
            badge.moveCenter(inner.center())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#303030"))
            painter.drawRoundedRect(badge, 4, 4)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, OFF)
            painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.hasFocus() or self.underMouse():
            pen = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(pen)
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown.emit()
        self.refresh()
