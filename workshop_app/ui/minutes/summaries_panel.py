"""Minutes > Summaries: the rapporteur's closing summary of each agenda item, saved as typed,
beside what there is to summarise (contributions, highlights, agreed points)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.clock import clock_time, seconds_between
from workshop_app.domain.model import AgendaItem, ItemKind
from workshop_app.domain.outcomes import AGREED
from workshop_app.domain.timeplan import format_duration, plan_days, slot_in
from workshop_app.store import Entity
from workshop_app.ui.common.form_widgets import PlainTextField
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.session import Session
from workshop_app.words import plural

#: How long typing in a summary may pause before it is saved.
SUMMARY_IDLE_MS = 1000
NO_ITEMS = (
    "The agenda has no items yet. Add them under Prepare > Agenda; "
    "the closing summary of each item is written here."
)


class SummaryField(PlainTextField):
    """A summary box as tall as its text, between ``MIN_LINES`` and ``MAX_LINES`` lines."""

    MIN_LINES = 3
    MAX_LINES = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryField")
        self.setPlaceholderText("The closing summary of this item, for the minutes.")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = self.document().documentLayout()
        layout.documentSizeChanged.connect(lambda _size: self._fit())
        self._fit()

    def _fit(self) -> None:
        # A plain text document's height is counted in lines, wrapped lines included.
        lines = int(self.document().documentLayout().documentSize().height())
        lines = max(self.MIN_LINES, min(self.MAX_LINES, lines))
        margins = self.contentsMargins()
        frame = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        height = lines * self.fontMetrics().lineSpacing() + frame + 2
        if height != self.height():
            self.setFixedHeight(height)


class ItemBlock(QFrame):
    """One agenda item: times, title, counts and (for a session) its summary field."""

    def __init__(self, item: AgendaItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("summaryBlock")
        self.times = QLabel()
        self.times.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.times.setMinimumWidth(self.fontMetrics().horizontalAdvance("00:00–00:00 planned") + 16)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.counts = QLabel()
        self.counts.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setVerticalSpacing(4)
        layout.addWidget(self.times, 0, 0)
        layout.addWidget(self.title, 0, 1)
        layout.addWidget(self.counts, 0, 2)
        layout.setColumnStretch(1, 1)
        self.field: SummaryField | None = None
        if item.kind == ItemKind.BREAK:
            self.setEnabled(False)  # shown greyed: a break has nothing to summarise
            self.counts.setText("break")
            return
        self.field = SummaryField()
        self.title.setBuddy(self.field)
        layout.addWidget(self.field, 1, 1, 1, 2)

    def show_item(self, item: AgendaItem, times: str, counts: str) -> None:
        self.item = item
        self.title.setText(item.title)
        self.times.setText(times)
        if self.field is not None:
            self.counts.setText(counts)
            self.field.setAccessibleName(f"Summary of {item.title}")


class SummariesPanel(QScrollArea):
    #: What this panel shows; the page refreshes it when one of these changes.
    WATCHED = frozenset(
        {Entity.AGENDA_ITEM, Entity.CONTRIBUTION, Entity.CONSENSUS, Entity.WORKSHOP, Entity.DAY}
    )

    def __init__(
        self, session: Session, edits: OutcomeEdits | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.edits = edits if edits is not None else OutcomeEdits(session)
        self.blocks: dict[str, ItemBlock] = {}
        self._shape: list[tuple[str, ItemKind]] = []
        self._dirty: str | None = None  # the item whose summary is typed but not yet saved
        self._loading = False
        self._saving = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SUMMARY_IDLE_MS)
        self._timer.timeout.connect(self.save_pending)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.empty = QLabel(NO_ITEMS)
        self.empty.setWordWrap(True)
        self._column = QVBoxLayout()
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(12, 6, 18, 12)
        outer.addWidget(self.empty)
        outer.addLayout(self._column)
        outer.addStretch(1)
        self.setWidget(body)
        self._build_actions()
        session.about_to_close.connect(self.save_pending)

    def _build_actions(self) -> None:
        def action(text: str, keys: str, step: int) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _checked=False: self.focus_step(step))
            self.addAction(act)
            return act

        self.next_action = action("&Next Summary", "Alt+Down", +1)
        self.previous_action = action("&Previous Summary", "Alt+Up", -1)

    def actions_for_menu(self) -> list[QAction]:
        return [self.next_action, self.previous_action]

    def fields(self) -> list[SummaryField]:
        return [b.field for b in self.blocks.values() if b.field is not None]

    def field(self, item_id: str) -> SummaryField:
        field = self.blocks[item_id].field
        if field is None:
            raise KeyError(item_id)
        return field

    def focus_step(self, step: int) -> None:
        """Move to the next (+1) or previous (-1) summary."""
        fields = self.fields()
        if not fields:
            return
        now = next((i for i, f in enumerate(fields) if f.hasFocus()), -1 if step > 0 else 0)
        target = fields[(now + step) % len(fields)]
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ensureWidgetVisible(target)

    # -- following the document -----------------------------------------------------------

    def refresh(self) -> None:
        if not self._session.is_open:
            return
        items = self._session.agenda.items()
        shape = [(item.id, item.kind) for item in items]
        if shape != self._shape:
            self._rebuild(items)
            self._shape = shape
        times = self._times(items)
        counts = self._counts()
        self._loading = True
        try:
            for item in items:
                block = self.blocks[item.id]
                block.show_item(item, times[item.id], counts.get(item.id, ""))
                field = block.field
                if field is None or item.id == self._dirty:
                    continue  # an edit not yet saved stays as typed
                if (field.toPlainText().strip() or None) != item.summary:
                    field.setPlainText(item.summary or "")
        finally:
            self._loading = False
        self.empty.setVisible(not items)

    def _rebuild(self, items: Sequence[AgendaItem]) -> None:
        self.save_pending()
        for block in self.blocks.values():
            self._column.removeWidget(block)
            block.deleteLater()
        self.blocks = {}
        previous: QWidget | None = None
        for item in items:
            block = ItemBlock(item)
            self.blocks[item.id] = block
            self._column.addWidget(block)
            field = block.field
            if field is None:
                continue
            field.textChanged.connect(lambda item_id=item.id: self._edited(item_id))
            field.focus_lost.connect(lambda item_id=item.id: self._focus_left(item_id))
            if previous is not None:
                self.setTabOrder(previous, field)
            previous = field

    def _times(self, items: Sequence[AgendaItem]) -> dict[str, str]:
        """``10:04–12:11 (2h07)`` as run, else the planned slot: ``10:00–11:30 planned``."""
        workshop = self._session.workshop.get()
        plans = plan_days(self._session.days.list(), items)  # each day from its own start
        times = {}
        for item in items:
            if item.started_at and item.ended_at:
                start = clock_time(item.started_at, workshop.timezone)
                end = clock_time(item.ended_at, workshop.timezone)
                ran = int(seconds_between(item.started_at, item.ended_at) // 60)
                times[item.id] = f"{start}–{end} ({format_duration(ran)})"
            elif item.started_at:
                times[item.id] = f"since {clock_time(item.started_at, workshop.timezone)}"
            else:
                slot = slot_in(plans, item.id)
                times[item.id] = f"{slot.start:%H:%M}–{slot.end:%H:%M} planned"
        return times

    def _counts(self) -> dict[str, str]:
        """What there is to summarise per item, in words."""
        by_item = self._session.contributions.counts_by_item()
        contributions = {item_id: n for item_id, (n, _h) in by_item.items()}
        highlights = {item_id: h for item_id, (_n, h) in by_item.items()}
        agreed = Counter(
            p.agenda_item_id for p in self._session.consensus.list() if p.status in AGREED
        )
        return {
            item_id: "  ·  ".join(
                (
                    plural(contributions.get(item_id, 0), "contribution", "contributions"),
                    plural(highlights.get(item_id, 0), "highlight", "highlights"),
                    plural(agreed[item_id], "agreed point", "agreed points"),
                )
            )
            for item_id in self.blocks
        }

    # -- saving ---------------------------------------------------------------------------

    def _edited(self, item_id: str) -> None:
        if self._loading:
            return
        if self._dirty not in (None, item_id):
            self.save_pending()
        self._dirty = item_id
        self._timer.start()

    def _focus_left(self, item_id: str) -> None:
        if self._dirty == item_id:
            self.save_pending()

    def save_pending(self) -> None:
        """Save the summary typed and not yet saved, as one undoable edit."""
        self._timer.stop()
        item_id, self._dirty = self._dirty, None
        if item_id is None or self._saving or item_id not in self.blocks:
            return
        block = self.blocks[item_id]
        if block.field is None:
            return
        value = block.field.toPlainText().strip() or None
        if value == block.item.summary:
            return
        self._saving = True
        try:
            self.edits.set_summary(item_id, value)
        finally:
            self._saving = False

    #: A command is about to run: what is typed is saved first (see ui/pending.py).
    commit_pending = save_pending
