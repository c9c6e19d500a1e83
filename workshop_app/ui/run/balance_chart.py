"""The participation balance as a small bar chart: one bar per stakeholder group, so a chair
sees at a glance who has had the floor and who has not been heard yet."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QStyle, QToolTip, QWidget

from workshop_app.domain.balance import Balance, Share
from workshop_app.domain.clock import format_seconds
from workshop_app.words import plural

Mode = Literal["time", "turns"]

NOT_HEARD = "not heard yet"
PEOPLE_HEADING = "By person"
GAP = 6  # between label, bar and value
MARGIN = 2
MIN_BAR = 2  # a share above zero never looks like no share
MIN_BAR_WIDTH = 48  # below this, bars are too short to compare
INDENT = 12  # of a bar under its own label


@dataclass(frozen=True)
class BarRow:
    """One bar: its label, its length (0..1 of the longest group's) and the value beside it."""

    label: str
    fraction: float
    text: str
    heard: bool = True


def turns_text(turns: int) -> str:
    return plural(turns, "turn", "turns")


def share_text(share: Share, mode: Mode) -> str:
    """``4:10 · 3 turns`` (the measure of the bar first), or "not heard yet"."""
    if share.turns == 0:
        return NOT_HEARD
    time, turns = format_seconds(share.seconds), turns_text(share.turns)
    return f"{turns} · {time}" if mode == "turns" else f"{time} · {turns}"


def _measure(share: Share, mode: Mode) -> float:
    return float(share.turns) if mode == "turns" else share.seconds


def bar_rows(balance: Balance, mode: Mode = "time", *, people: bool = False) -> list[BarRow]:
    """The bars of the groups (or, with ``people``, of the people who spoke), scaled so that
    the group with the largest share fills the bar; people are on the same scale."""
    shares: Sequence[Share] = balance.people if people else balance.groups
    largest = max((_measure(s, mode) for s in (*balance.groups, *shares)), default=0.0)
    return [
        BarRow(
            share.name,
            _measure(share, mode) / largest if largest > 0 else 0.0,
            share_text(share, mode),
            share.turns > 0,
        )
        for share in shares
    ]


def describe(rows: Sequence[BarRow]) -> str:
    """The chart in words, for screen readers: "Civil society: 4:10 · 3 turns. …"."""
    return " ".join(f"{row.label}: {row.text}." for row in rows)


class BalanceChart(QWidget):
    """Turns and speaking time per stakeholder group, one compact bar each (people on demand).

    ``people_action`` is a checkable action (also in the context menu) that shows the
    per-person shares; the page may put it on a tool button.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._balance = Balance((), ())
        self._mode: Mode = "time"
        self._people = False
        self._groups: list[BarRow] = []
        self._persons: list[BarRow] = []
        self.setAccessibleName("Participation balance")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)
        self.people_action = QAction("Show Shares per &Person", self)
        self.people_action.setCheckable(True)
        self.people_action.toggled.connect(self.show_people)
        self.addAction(self.people_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._refresh()

    # -- what it shows --------------------------------------------------------------------

    def set_balance(self, balance: Balance, mode: Mode = "time") -> None:
        """Show ``balance``, with bars measuring speaking time or turns."""
        self._balance, self._mode = balance, mode
        self._refresh()

    def show_people(self, shown: bool) -> None:
        """Show (or hide) a bar per person who spoke, under the groups."""
        if shown == self._people:
            return
        self._people = shown
        self.people_action.setChecked(shown)
        self._refresh()

    def people_shown(self) -> bool:
        return self._people

    def mode(self) -> Mode:
        return self._mode

    def rows(self) -> list[BarRow]:
        """The bars as drawn, top to bottom (groups, then people when shown)."""
        return [*self._groups, *self._persons]

    def _refresh(self) -> None:
        self._groups = bar_rows(self._balance, self._mode)
        self._persons = bar_rows(self._balance, self._mode, people=True) if self._people else []
        unheard = sum(1 for row in self._groups if not row.heard)
        measure = "speaking time" if self._mode == "time" else "turns"
        summary = f"Bars show {measure}. "
        if self._groups:
            summary += (
                f"{unheard} of {plural(len(self._groups), 'group', 'groups')} not heard yet. "
            )
        text = summary + describe(self._groups)
        if self._people:
            text += f" {PEOPLE_HEADING}: " + (describe(self._persons) or "nobody yet.")
        self.setAccessibleDescription(text)
        self.updateGeometry()
        self.update()

    # -- geometry -------------------------------------------------------------------------

    def row_height(self) -> int:
        return max(20, self.fontMetrics().height() + 6)

    def _stacked(self, width: int | None = None) -> bool:
        """Whether a label is too long for its column at ``width``: then every label gets a
        line of its own above its bar, so that no group's name is cut."""
        label, _value, _bar = self._columns(width, stacked=False)
        return label < self._wanted_label()

    def label_room(self, width: int) -> int:
        """How wide a label may be drawn when the chart is ``width`` wide."""
        if self._stacked(width):
            return width - 2 * MARGIN
        return self._columns(width, stacked=False)[0]

    def _wanted_label(self) -> int:
        # +2: advances are rounded, and eliding needs the whole of the text's width.
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(r.label) for r in self.rows()), default=0) + 2

    def _lines(self, width: int | None = None) -> list[tuple[str, BarRow | None]]:
        """What each line shows: ("row", bar), or when stacked ("label", bar) then ("bar",
        bar); ("heading", None) for the people heading."""
        stacked = self._stacked(width)

        def lines_of(row: BarRow) -> list[tuple[str, BarRow | None]]:
            return [("label", row), ("bar", row)] if stacked else [("row", row)]

        lines = [line for row in self._groups for line in lines_of(row)]
        if self._people:
            lines.append(("heading", None))
            lines.extend(line for row in self._persons for line in lines_of(row))
        return lines

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(1, len(self._lines(width))) * self.row_height() + 2 * MARGIN

    def sizeHint(self) -> QSize:
        return QSize(300, self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._stacked(event.oldSize().width()) != self._stacked(event.size().width()):
            self.updateGeometry()  # a line more or fewer per bar
        super().resizeEvent(event)

    def _columns(
        self, width: int | None = None, *, stacked: bool | None = None
    ) -> tuple[int, int, int]:
        """Widths of the label, value and bar columns: the numbers come first, then a bar long
        enough to compare, and the label gets the rest (none when labels have lines of their
        own, where the bar is indented under its label)."""
        metrics = self.fontMetrics()
        rows = self.rows() or [BarRow("", 0.0, NOT_HEARD)]
        inner = max(0, (self.width() if width is None else width) - 2 * MARGIN - 2 * GAP)
        value = min(max(metrics.horizontalAdvance(r.text) for r in rows) + 2, inner // 2)
        if stacked if stacked is not None else self._stacked(width):
            return INDENT - GAP, value, max(0, inner - INDENT + GAP - value)
        wanted = self._wanted_label()
        label = max(0, min(wanted, int(inner * 0.45), inner - value - MIN_BAR_WIDTH))
        return label, value, max(0, inner - label - value)

    def _visual(self, rect: QRect) -> QRect:
        return QStyle.visualRect(self.layoutDirection(), self.rect(), rect)

    def _line_at(self, point: QPoint) -> BarRow | None:
        index = (point.y() - MARGIN) // self.row_height()
        lines = self._lines()
        return lines[index][1] if 0 <= index < len(lines) else None

    # -- painting -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        height = self.row_height()
        lines = self._lines()
        if not lines:
            self._draw_text(
                painter,
                QRect(MARGIN, MARGIN, self.width() - 2 * MARGIN, height),
                "No stakeholder groups yet",
                Qt.AlignmentFlag.AlignLeft,
                muted=True,
            )
        for number, (part, row) in enumerate(lines):
            top = MARGIN + number * height
            if row is None:
                self._draw_heading(painter, top, height)
            elif part == "label":
                rect = QRect(MARGIN, top, self.width() - 2 * MARGIN, height)
                self._draw_text(painter, rect, row.label, Qt.AlignmentFlag.AlignLeft)
            else:
                self._draw_row(painter, row, top, height, labelled=part == "row")
        painter.end()

    def _draw_heading(self, painter: QPainter, top: int, height: int) -> None:
        rect = QRect(MARGIN, top, self.width() - 2 * MARGIN, height)
        text = PEOPLE_HEADING if self._persons else f"{PEOPLE_HEADING}: nobody has spoken yet"
        painter.save()
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        self._draw_text(painter, rect, text, Qt.AlignmentFlag.AlignLeft, muted=True)
        painter.restore()

    def _draw_row(
        self, painter: QPainter, row: BarRow, top: int, height: int, *, labelled: bool
    ) -> None:
        label_w, value_w, bar_w = self._columns()
        left = MARGIN
        if labelled:
            label = QRect(left, top, label_w, height)
            self._draw_text(painter, label, row.label, Qt.AlignmentFlag.AlignLeft)
        bar_left = left + label_w + GAP
        thickness = max(8, self.fontMetrics().height() - 6)
        track = QRect(bar_left, top + (height - thickness) // 2, bar_w, thickness)
        palette = self.palette()
        if row.heard:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(palette.color(QPalette.ColorRole.Base), _muted(palette), 0.25))
            painter.drawRoundedRect(self._visual(track), 2, 2)
            filled = QRect(track)
            filled.setWidth(max(MIN_BAR, round(bar_w * min(1.0, row.fraction))))
            painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(self._visual(filled), 2, 2)
        else:
            pen = QPen(_muted(palette), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._visual(track.adjusted(0, 0, -1, -1)), 2, 2)
        value = QRect(bar_left + bar_w + GAP, top, value_w, height)
        self._draw_text(painter, value, row.text, Qt.AlignmentFlag.AlignRight, muted=not row.heard)

    def _draw_text(
        self,
        painter: QPainter,
        rect: QRect,
        text: str,
        align: Qt.AlignmentFlag,
        *,
        muted: bool = False,
    ) -> None:
        palette = self.palette()
        painter.save()
        painter.setPen(_muted(palette) if muted else palette.color(QPalette.ColorRole.WindowText))
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        direction = self.layoutDirection()
        flags = QStyle.visualAlignment(direction, align) | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(self._visual(rect), int(flags | Qt.TextFlag.TextSingleLine), elided)
        painter.restore()

    # -- tooltips -------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            row = self._line_at(event.pos())
            if row is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), f"{row.label}: {row.text}", self)
            return True
        return super().event(event)


def _muted(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )
