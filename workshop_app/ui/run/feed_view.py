"""The feed's look: a muted header line (time · speaker · kind · question) over the text."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from workshop_app.domain.model import Contribution
from workshop_app.ui.run.feed_model import HEADER_ROLE, ROW_ROLE

PAD = 6
#: A highlight is marked three ways, so that colour is not the only sign: a band down its
#: left edge, a tinted background, and these words in bold at the start of its header line.
STAR = "★ Highlight"
BAND = 4
HIGHLIGHT_COLOUR = QColor("#d99a00")  # amber: seen on a light and on a dark background
TINT = 0.22  # how much of the amber is mixed into the background


def tint(base: QColor, share: float = TINT) -> QColor:
    """``base`` with a share of the highlight's amber mixed in (light stays light, dark dark,
    so the palette's text stays readable on it)."""
    over = HIGHLIGHT_COLOUR

    def mix(mine: int, theirs: int) -> int:
        return round(mine * (1 - share) + theirs * share)

    return QColor(
        mix(base.red(), over.red()), mix(base.green(), over.green()), mix(base.blue(), over.blue())
    )


Index = QModelIndex | QPersistentModelIndex


class FeedDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text; heights are remembered per text and width, since
    the view asks for every row's size whenever one row is added."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, int], int] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The wrap width is the viewport's (the option's rect can be stale during layout).
        width = max(200, self._view.viewport().width()) - 2 * PAD
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = (text, width)
        height = self._heights.get(key)
        if height is None:
            fm = QFontMetrics(option.font)
            body = fm.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text)
            height = fm.height() + body.height() + 2 * PAD + 2
            if len(self._heights) > 20_000:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect: QRect = option.rect
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        contribution = index.data(ROW_ROLE)
        marked = isinstance(contribution, Contribution) and contribution.highlight
        if selected:
            painter.fillRect(rect, palette.highlight())
        elif marked:
            painter.fillRect(rect, tint(palette.base().color()))
        if marked:
            painter.fillRect(rect.x(), rect.y(), BAND, rect.height(), HIGHLIGHT_COLOUR)
        fm = QFontMetrics(option.font)
        header = str(index.data(HEADER_ROLE) or "")
        header_rect = rect.adjusted(PAD, PAD, -PAD, 0)
        header_rect.setHeight(fm.height())
        if marked:
            header_rect.setLeft(header_rect.left() + self._star(painter, option, header_rect))
        muted = palette.highlightedText() if selected else palette.placeholderText()
        painter.setPen(muted.color())
        elided = fm.elidedText(header, Qt.TextElideMode.ElideRight, header_rect.width())
        painter.drawText(
            header_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        text_color = palette.highlightedText() if selected else palette.text()
        painter.setPen(text_color.color())
        body = rect.adjusted(PAD, PAD + fm.height() + 2, -PAD, -PAD)
        painter.drawText(body, int(Qt.TextFlag.TextWordWrap), str(index.data() or ""))
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()

    def _star(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect) -> int:
        """The bold words of a highlight at the start of ``rect``; the width they took."""
        bold = QFont(option.font)
        bold.setBold(True)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setFont(bold)
        painter.setPen(
            option.palette.highlightedText().color() if selected else option.palette.text().color()
        )
        words = f"{STAR}  ·  "
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words)
        painter.setFont(option.font)
        return QFontMetrics(bold).horizontalAdvance(words)


class FeedView(QListView):
    """The feed: newest at the bottom, follows new rows unless the user scrolled up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feed")
        self.setAccessibleName("Contributions recorded on this item")
        self.setItemDelegate(FeedDelegate(self))
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Row heights depend on the wrap width: a scroll bar that comes and goes would change
        # it after the rows were laid out, so it stays.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def follow_new_rows(self) -> None:
        model = self.model()
        bar = self.verticalScrollBar()
        model.rowsInserted.connect(
            lambda *_: self.scrollToBottom() if bar.value() >= bar.maximum() - 4 else None
        )
