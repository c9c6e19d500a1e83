"""Search across every contribution of the workshop, as you type; a result jumps to it."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QShowEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.attribution import FROM_THE_FLOOR_LABEL
from workshop_app.domain.clock import clock_time
from workshop_app.store import Change, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.search import Hit
from workshop_app.ui.session import Session
from workshop_app.words import plural

DEBOUNCE_MS = 150
LIMIT = 200
_MARKED = re.compile(r"\[([^\[\]]*)\]")
_WORD = re.compile(r"\w+", re.UNICODE)
#: Changes that can alter what a search finds or how a result reads.
_RELEVANT = {Entity.CONTRIBUTION, Entity.AGENDA_ITEM, Entity.PARTICIPANT, Entity.WORKSHOP}

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SearchResult:
    """One contribution found: where and by whom, and the snippet (matches in [brackets])."""

    contribution_id: str
    item_title: str
    time: str
    speaker: str
    snippet: str

    @property
    def heading(self) -> str:
        """ "10:31 · A. Example — Partnerships in migration" (the long title last, to elide)."""
        who = " · ".join(part for part in (self.time, self.speaker) if part)
        return " — ".join(part for part in (who, self.item_title) if part)


def _fold(text: str) -> str:
    """Text as FTS5's unicode61 tokenizer compares it: case and diacritics folded away."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_match(marked: str, words: list[str]) -> bool:
    folded = _fold(marked)
    return bool(folded) and any(folded.startswith(word) for word in words)


def snippet_parts(snippet: str, query: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is_match) pieces. A [bracketed] span is a match only when it is
    a word of the query, so brackets the speaker's own text has stay plain text."""
    words = [_fold(w) for w in _WORD.findall(query)]
    parts: list[tuple[str, bool]] = []
    position = 0
    for found in _MARKED.finditer(snippet):
        if not _is_match(found.group(1), words):
            continue
        if found.start() > position:
            parts.append((snippet[position : found.start()], False))
        parts.append((found.group(1), True))
        position = found.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts


def snippet_html(snippet: str, query: str) -> str:
    """The snippet as rich text: the user's text escaped, the matches in <b>."""
    pieces = []
    for text, match in snippet_parts(" ".join(snippet.split()), query):
        escaped = html.escape(text, quote=False)
        pieces.append(f"<b>{escaped}</b>" if match else escaped)
    return "".join(pieces)


def snippet_text(snippet: str, query: str) -> str:
    """The snippet as plain text, without the match markers (for screen readers)."""
    return "".join(text for text, _ in snippet_parts(" ".join(snippet.split()), query))


class ResultsModel(QAbstractListModel):
    """The results of the current query, best first."""

    ResultRole = Qt.ItemDataRole.UserRole + 1
    HtmlRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[SearchResult] = []
        self._query = ""

    def set_results(self, results: list[SearchResult], query: str) -> None:
        self.beginResetModel()
        self._results, self._query = list(results), query
        self.endResetModel()

    def results(self) -> list[SearchResult]:
        return list(self._results)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._results)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        result = self._results[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{result.heading}: {snippet_text(result.snippet, self._query)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return result.heading
        if role == self.ResultRole:
            return result
        if role == self.HtmlRole:
            return snippet_html(result.snippet, self._query)
        return None


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as its heading (muted, elided) over the snippet with matches in bold."""

    PADDING = 4

    def _width(self, option: QStyleOptionViewItem) -> int:
        """The text's width: the view's (a list's rows span it, and sizeHint gets no rect)."""
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        return max(80, width - 2 * self.PADDING)

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(0)
        document.setDefaultFont(option.font)
        document.setHtml(index.data(ResultsModel.HtmlRole) or "")
        document.setTextWidth(self._width(option))
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        self.initStyleOption(option, index)
        document = self._document(option, index)
        height = option.fontMetrics.height() + 3 + round(document.size().height())
        # No width of its own: rows span the view, which never scrolls sideways.
        return QSize(0, height + 2 * self.PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        result: SearchResult | None = index.data(ResultsModel.ResultRole)
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        if result is None:
            return
        rect: QRect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        metrics = option.fontMetrics
        heading = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.save()
        muted = palette.color(text_role if selected else QPalette.ColorRole.PlaceholderText)
        painter.setPen(muted)
        direction = option.direction
        painter.drawText(
            heading,
            int(QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeft)),
            metrics.elidedText(result.heading, Qt.TextElideMode.ElideRight, rect.width()),
        )
        document = self._document(option, index)
        painter.translate(rect.left(), heading.bottom() + 3)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(text_role))
        document.documentLayout().draw(painter, context)
        painter.restore()


class SearchDialog(QDialog):
    """A query box and the contributions it finds; Enter or a double-click on a result emits
    ``jump_requested`` with its contribution id and closes."""

    jump_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search Contributions")
        self._session = session
        self._titles: dict[str, str] | None = None
        self._names: dict[str, str] | None = None
        self._timezone: str | None = None
        self._stale = False  # the document changed while the dialog was hidden

        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText("Words from any contribution")
        self.query.setClearButtonEnabled(True)
        label = QLabel("&Search:")
        label.setBuddy(self.query)
        self.model = ResultsModel(self)
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Contributions found")
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setUniformItemSizes(False)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.query.textChanged.connect(lambda _text: self._timer.start())
        self.query.returnPressed.connect(self._jump_to_current)
        self.query.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.doubleClicked.connect(self._jump)
        session.changed.connect(self._on_changed)
        session.about_to_close.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.query, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.resize(560, 460)
        self.search_now()

    # -- searching ------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        """Search for ``text`` at once (as if typed and waited for)."""
        self.query.setText(text)
        self.search_now()

    def search_now(self) -> None:
        self._timer.stop()
        self._stale = False
        if not self._session.is_open:
            return
        query = self.query.text()
        current = self.current_result()
        hits = self._session.contributions.search(query, LIMIT) if query.strip() else []
        results = [r for r in (self._result(hit) for hit in hits) if r is not None]
        self.model.set_results(results, query)
        self._select(current.contribution_id if current else None)
        self.status.setText(self._status(query, len(results)))
        self.results.setAccessibleDescription(self.status.text())

    @staticmethod
    def _status(query: str, count: int) -> str:
        if not query.strip():
            return "Type words to search every contribution of the workshop."
        if count == 0:
            return f"No contribution contains “{query.strip()}”."
        if count >= LIMIT:
            return f"The first {LIMIT} contributions found; type more words to narrow them down."
        return f"{plural(count, 'contribution', 'contributions')} found."

    def _result(self, hit: Hit) -> SearchResult | None:
        try:
            contribution = self._session.contributions.get(hit.contribution_id)
        except NotFound:
            return None
        titles, names = self._lookups()
        time = clock_time(contribution.recorded_at, self._timezone)
        speaker = FROM_THE_FLOOR_LABEL
        if contribution.participant_id:
            speaker = names.get(contribution.participant_id, "")
        return SearchResult(
            hit.contribution_id, titles.get(hit.agenda_item_id, ""), time, speaker, hit.snippet
        )

    def _lookups(self) -> tuple[dict[str, str], dict[str, str]]:
        """Item titles and people's names by id, read once until the document changes."""
        if self._titles is None or self._names is None:
            self._titles = {i.id: i.title for i in self._session.agenda.items()}
            self._names = {p.id: p.name for p in self._session.participants.list()}
            self._timezone = self._session.workshop.get().timezone
        return self._titles, self._names

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        if any(change.entity in _RELEVANT for change in changes):
            self._titles = self._names = None
            self._stale = True
            if self.isVisible():  # a closed dialog kept by its parent does no work
                self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.search_now()

    # -- choosing a result ----------------------------------------------------------------

    def current_result(self) -> SearchResult | None:
        result: SearchResult | None = self.results.currentIndex().data(ResultsModel.ResultRole)
        return result

    def _select(self, contribution_id: str | None) -> None:
        rows = [r.contribution_id for r in self.model.results()]
        if not rows:
            return
        row = rows.index(contribution_id) if contribution_id in rows else 0
        self.results.setCurrentIndex(self.model.index(row))

    def _jump_to_current(self) -> None:
        if self._timer.isActive():  # Enter before the results caught up with the typing
            self.search_now()
        index = self.results.currentIndex()
        if index.isValid():
            self._jump(index)

    def _jump(self, index: QModelIndex) -> None:
        result: SearchResult | None = index.data(ResultsModel.ResultRole)
        if result is None:
            return
        self.jump_requested.emit(result.contribution_id)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if watched is self.query and key in _MOVE_KEYS:
                QApplication.sendEvent(self.results, event)  # move in the results while typing
                return True
            if watched is self.results and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._jump_to_current()
                return True
        return super().eventFilter(watched, event)


_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
