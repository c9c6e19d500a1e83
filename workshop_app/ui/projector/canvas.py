"""What the room sees, painted: the projector window's contents (``window``) and the Run
view's thumbnail of them (``thumbnail``, from a hidden canvas while the window is closed).

It is given the running state after each of the session's change notifications (it never
reads the file) and ticks once a second only to redraw the item's clock from the recorded
start. What it shows comes from ``domain.projector.projector_view``; this module sizes and
places the texts from the widget's height, so that long ones wrap and shrink, never cut.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.domain.clock import Clock
from workshop_app.domain.projector import (
    ProjectorMode,
    ProjectorOptions,
    ProjectorView,
    RoomState,
    Row,
    fit_size,
    is_rtl,
    list_rows,
    projector_view,
)

#: Colours by role, dark and light: each at 7:1 contrast or more on its background.
THEMES = {
    True: {"bg": "#000000", "text": "#ffffff", "dim": "#c8c8c8", "accent": "#ffd54f",
           "warning": "#ffb74d", "over": "#ff8a80"},
    False: {"bg": "#ffffff", "text": "#000000", "dim": "#444444", "accent": "#0b3d91",
            "warning": "#8a4b00", "over": "#b00020"},
}  # fmt: skip
LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft


def _sized(font: QFont, px: float, bold: bool | None = None) -> QFont:
    sized = QFont(font)
    sized.setPixelSize(max(1, round(px)))
    if bold is not None:
        sized.setBold(bold)
    return sized


def _fits_when_placed(place: Callable[[int, bool], int | None], px: int) -> bool:
    return place(px, False) is not None


def _height(label: QLabel, px: float, width: int) -> int | None:
    """The height of the label's text at ``px`` wrapped to ``width``; None if a word is wider."""
    box = QRect(0, 0, max(1, width), 1 << 20)
    flags = label.alignment() | Qt.TextFlag.TextWordWrap
    rect = QFontMetrics(_sized(label.font(), px)).boundingRect(box, flags, label.text())
    return rect.height() if rect.width() <= width else None


class ProjectorCanvas(QWidget):
    """What the room sees, in the chair's mode, at the widget's size."""

    #: What it shows has changed (texts, colours, size): a thumbnail of it paints it again.
    repainted = Signal()

    def __init__(
        self, clock: Clock, options: ProjectorOptions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setMinimumSize(320, 180)
        self._clock = clock
        self.options = options
        self._state: RoomState | None = None
        self.view = ProjectorView(options.mode)
        self._roles: dict[QLabel, str] = {}
        self.heading = self._label(bold=True)
        self.clock = self._label(bold=True)
        self.caption = self._label(centre=True)
        self.large = self._label(bold=True, centre=True)
        self.speaking = self._label(bold=True)
        self.queue = self._label()
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []  # mark, times, text
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)

    def _label(self, *, bold: bool = False, centre: bool = False) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter if centre else Qt.AlignmentFlag.AlignLeft)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        label.setFont(_sized(self.font(), 16, bold))
        self._roles[label] = "text"
        return label

    # -- what it shows -----------------------------------------------------------------------

    def show_state(self, state: RoomState) -> None:
        """The running state, as read after a change."""
        self._state = state
        self.setWindowTitle(f"Projector — {state.workshop_title}")
        self.redraw()

    def set_options(self, options: ProjectorOptions) -> None:
        self.options = options
        self.redraw()

    def tick(self) -> None:
        """Once a second: the item's clock, from its recorded start and the session's clock."""
        if self._state is None:
            return
        before = self.view
        self.view = projector_view(self._state, self.options, self._clock())
        if (self.view.clock, self.view.clock_state) != (before.clock, before.clock_state):
            self.clock.setText(self.view.clock)
            self._colour(self.clock, self.view.clock_state.value)
            if len(self.view.clock) != len(before.clock):  # 59:59 → 1:00:00
                self._arrange()
            self.repainted.emit()

    def stop_ticking(self) -> None:
        self._timer.stop()

    # -- the texts --------------------------------------------------------------------------

    def redraw(self) -> None:
        """Show the view of the current state and options."""
        if self._state is None:
            return
        view = self.view = projector_view(self._state, self.options, self._clock())
        for label, text in (
            (self.heading, view.heading),
            (self.clock, view.clock),
            (self.caption, view.caption),
            (self.large, view.large),
            (self.speaking, view.speaking),
            (self.queue, view.queue),
        ):
            label.setText(text)
        self._fill_rows(list_rows(view))
        self._roles[self.heading] = "accent" if view.mode == ProjectorMode.QUESTION else "text"
        self._roles[self.caption] = "dim"
        self._roles[self.clock] = view.clock_state.value
        theme = THEMES[self.options.dark or view.mode == ProjectorMode.BLANK]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme["bg"]))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme["text"]))
        self.setPalette(palette)
        for label, role in list(self._roles.items()):
            self._colour(label, role)
        self._arrange()
        if view.mode == ProjectorMode.QUESTION and view.clock:
            self._timer.start()
        else:
            self._timer.stop()
        self.repainted.emit()

    def _fill_rows(self, rows: list[Row]) -> list[tuple[tuple[QLabel, QLabel, QLabel], Row]]:
        """Put ``rows`` in the list's labels (emptying the rest); each with its row."""
        while len(self._rows) < len(rows):
            self._rows.append((self._label(), self._label(), self._label()))
        for index, labels in enumerate(self._rows):
            row = rows[index] if index < len(rows) else Row("")
            for label, text in zip(labels, (row.mark, row.times, row.text), strict=True):
                label.setText(text)
                label.setVisible(bool(text))
                label.setFont(_sized(label.font(), label.font().pixelSize(), row.bold))
                self._colour(label, row.role)
        return list(zip(self._rows, rows, strict=False))

    def _colour(self, label: QLabel, role: str) -> None:
        self._roles[label] = role
        theme = THEMES[self.options.dark or self.view.mode == ProjectorMode.BLANK]
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(theme.get(role, theme["text"])))
        label.setPalette(palette)

    # -- placing the texts ------------------------------------------------------------------

    def _arrange(self) -> None:
        """Sizes follow the window's height; each text gets the largest size that fits."""
        h = self.height()
        margin = round(h * 0.05)
        inner = QRect(margin, margin, self.width() - 2 * margin, h - 2 * margin)
        for label in self._roles:
            label.setVisible(bool(label.text()))
            label.setLayoutDirection(RTL if is_rtl(label.text()) else LTR)
        mode = self.view.mode
        if mode in (ProjectorMode.MESSAGE, ProjectorMode.BLANK):
            self._centre([self.large], inner, h // 6, h // 30)
            return
        top = self._arrange_top(inner, h, margin)
        rest = QRect(inner.left(), top, inner.width(), inner.bottom() + 1 - top)
        if mode == ProjectorMode.QUESTION:
            self._arrange_question(rest, h, margin)
        else:
            self._arrange_rows(
                rest, h // 16, h // (50 if mode == ProjectorMode.AGENDA else 30), at_bottom=False
            )
            self._centre([self.large], rest, h // 14, h // 30)  # "No points agreed yet."

    def _arrange_top(self, inner: QRect, h: int, margin: int) -> int:
        """The heading, with the clock at its right; returns the y below them."""
        clock_w = clock_h = 0
        if self.clock.text():
            px = fit_size(h // 12, h // 30, partial(self._fits, self.clock, inner.width() * 2 // 5))
            self.clock.setFont(_sized(self.clock.font(), px))
            metrics = QFontMetrics(self.clock.font())
            clock_w, clock_h = metrics.horizontalAdvance(self.clock.text()) + 4, metrics.height()
            self.clock.setGeometry(inner.right() + 1 - clock_w, inner.top(), clock_w, clock_h)
        width = inner.width() - (clock_w + margin if clock_w else 0)
        heading_h = self._fit([self.heading], width, int(h * 0.16), h // 18, h // 40)
        self.heading.setGeometry(inner.left(), inner.top(), width, heading_h)
        used = max(clock_h, heading_h)
        return inner.top() + (used + margin // 2 if used else 0)

    def _arrange_question(self, rest: QRect, h: int, margin: int) -> None:
        """From the bottom: the agreed points, the floor; the question centred above."""
        bottom = rest.bottom() + 1
        if self.view.points:
            share = int(h * 0.3)
            area = QRect(rest.left(), bottom - share, rest.width(), share)
            bottom = self._arrange_rows(area, h // 26, h // 40, at_bottom=True) - margin // 2
        floor = [label for label in (self.speaking, self.queue) if label.text()]
        if floor:
            width = (rest.width() - margin * (len(floor) - 1)) // len(floor)
            height = self._fit(floor, width, int(h * 0.12), h // 24, h // 46)
            bottom -= height
            for index, label in enumerate(floor):
                label.setGeometry(rest.left() + index * (width + margin), bottom, width, height)
            bottom -= margin // 2
        middle = QRect(rest.left(), rest.top(), rest.width(), bottom - rest.top())
        self._centre([self.caption, self.large], middle, h // 12, h // 36)

    def _arrange_rows(self, area: QRect, largest: int, smallest: int, *, at_bottom: bool) -> int:
        """The list in ``area`` at the largest size that fits; when the agreed points do not
        fit even at ``smallest``, the earliest are counted instead. Returns the list's top."""
        total = sum(len(group.points) for group in self.view.points)
        for skip in range(max(1, total)):
            rows = self._fill_rows(list_rows(self.view, skip))
            place = partial(self._place_rows, rows, area, at_bottom)
            px = fit_size(largest, smallest, partial(_fits_when_placed, place))
            if place(px, False) is not None:
                break
        return place(px, True) or area.top()

    def _place_rows(
        self,
        rows: list[tuple[tuple[QLabel, QLabel, QLabel], Row]],
        area: QRect,
        at_bottom: bool,
        px: int,
        apply: bool,
    ) -> int | None:
        """Where the rows go at ``px`` (placed when ``apply``): the top, or None if they do
        not fit in ``area``."""
        metrics = QFontMetrics(_sized(self.font(), px, True))
        marks = [metrics.horizontalAdvance(row.mark) for _l, row in rows if row.mark]
        mark_w = max(marks) + px // 2 if marks else 0
        times_w = (
            metrics.horizontalAdvance("00:00–00:00") + px if any(r.times for _l, r in rows) else 0
        )
        # A title (neither mark nor times) spans the width; the other texts start after both.
        columns = [
            (0, 0, area.width())
            if not (row.mark or row.times)
            else (mark_w, times_w, area.width() - mark_w - times_w)
            for _l, row in rows
        ]
        heights = [
            _height(labels[2], px * row.scale, column[2])
            for (labels, row), column in zip(rows, columns, strict=True)
        ]
        gaps = [
            (px // 2 if not column[0] else px // 3) if i else 0 for i, column in enumerate(columns)
        ]
        if None in heights or sum(h or 0 for h in heights) + sum(gaps) > area.height():
            return None
        y = (
            area.bottom() + 1 - sum(h or 0 for h in heights) - sum(gaps)
            if at_bottom
            else area.top()
        )
        top = y
        for (labels, row), (mark_w, times_w, text_w), height, gap in zip(
            rows, columns, heights, gaps, strict=True
        ):
            y += gap
            rtl = labels[2].layoutDirection() == RTL
            places = ((0, mark_w), (mark_w, times_w), (mark_w + times_w, text_w))
            for label, (x, width) in zip(labels, places, strict=True):
                if apply:
                    label.setFont(_sized(label.font(), px * row.scale))
                    left = area.right() + 1 - x - width if rtl else area.left() + x
                    label.setGeometry(left, y, width, height or 0)
            y += height or 0
        return top

    def _fits(self, label: QLabel, width: int, px: int) -> bool:
        return QFontMetrics(_sized(label.font(), px)).horizontalAdvance(label.text()) <= width

    def _fit(
        self, labels: list[QLabel], width: int, max_h: int, largest: int, smallest: int
    ) -> int:
        """One font size for ``labels``, the largest at which each fits ``width`` x ``max_h``;
        returns the tallest one's height."""

        def fits(px: int) -> bool:
            heights = [_height(label, px, width) for label in labels]
            return all(height is not None and height <= max_h for height in heights)

        px = fit_size(largest, smallest, fits)
        for label in labels:
            label.setFont(_sized(label.font(), px))
        return max(
            (_height(label, px, width) or max_h for label in labels if label.text()), default=0
        )

    def _centre(self, labels: list[QLabel], area: QRect, largest: int, smallest: int) -> None:
        """``labels`` one under another, centred in ``area``: the last (the large text) at the
        largest size that fits, any before it (the caption) at up to two fifths of that."""
        *small, main = labels
        quarter = area.height() // 4
        small_h = sum(
            self._fit([label], area.width(), quarter, largest * 2 // 5, smallest // 2)
            for label in small
        )
        main_h = self._fit([main], area.width(), area.height() - small_h, largest, smallest)
        y = area.top() + max(0, (area.height() - small_h - main_h) // 2)
        for label in labels:
            height = _height(label, label.font().pixelSize(), area.width()) or 0
            label.setGeometry(area.left(), y, area.width(), height)
            y += height

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()
        self.repainted.emit()
