"""The rapporteur's side of the Run view: the feed of the current item and the entry box.

The entry box keeps the keyboard: Ctrl+Enter records what was typed (in the file and in the
feed at once) and leaves the box empty for the next one. The speaker follows the floor and the
question follows the chair's focus, unless the rapporteur picked another for this entry.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workshop_app.domain.limits import Refusal, contribution_text
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    Contribution,
    ContributionKind,
    Participant,
    Speech,
    new_id,
)
from workshop_app.store.drafts import DraftStore
from workshop_app.ui import dialogs
from workshop_app.ui.common.drafts import DraftKeeper, DraftSlot
from workshop_app.ui.common.form_widgets import EntryField
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.run.entry_choices import fill_questions, fill_speakers
from workshop_app.ui.run.feed_model import KIND_LABELS
from workshop_app.ui.run.feed_panel import FeedPanel, labelled_combo
from workshop_app.ui.run.speaker_box import SpeakerBox
from workshop_app.words import plural


class CapturePanel(QWidget):
    #: Something the rapporteur should know, for the status bar.
    message = Signal(str)

    def __init__(
        self,
        edits: RunEdits,
        drafts: Callable[[], DraftStore] | None = None,
        items: Callable[[], list[AgendaItem]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._edits = edits
        #: The agenda (a contribution can be moved to another item).
        self._items = items or (lambda: [self.item] if self.item else [])
        self.item: AgendaItem | None = None
        self.speaking: Speech | None = None
        self._people: list[Participant] = []
        self._speaker_chosen = False
        self._question_chosen = False
        self._loading = False
        self._running = True
        self.heading = QLabel()
        self.heading.setObjectName("captureHeading")
        self.heading.setWordWrap(True)
        #: The item's feed and its filters; the entry's actions on its selection are here.
        self.feed_panel = FeedPanel()
        self.model, self.filter, self.feed = (
            self.feed_panel.model,
            self.feed_panel.filter,
            self.feed_panel.feed,
        )
        self._build_entry()
        self._build_actions()
        self._layout()
        self.drafts = DraftKeeper(self.text, drafts)
        self._draft_store = drafts
        self._focus: str | None = None
        for signal in (self.filter.rowsInserted, self.filter.rowsRemoved, self.filter.modelReset):
            signal.connect(lambda *_: self._show_heading(self._focus))

    # -- building -------------------------------------------------------------------------

    def _build_entry(self) -> None:
        self.speaker = SpeakerBox()
        self.speaker.setAccessibleName("Speaker of this contribution")
        self.speaker.picked.connect(self._speaker_picked)
        self.kind = labelled_combo("Kind of contribution")
        for number, (kind, label) in enumerate(KIND_LABELS.items(), start=1):
            self.kind.addItem(label, kind.value)
            self.kind.setItemData(number - 1, f"Alt+{number}", Qt.ItemDataRole.ToolTipRole)
        self.kind.setToolTip(
            "  ".join(f"Alt+{n} {label}" for n, label in enumerate(KIND_LABELS.values(), 1))
        )
        self.question = labelled_combo("Guiding question of this contribution")
        self.question.activated.connect(self._question_picked)
        self.text = EntryField()
        self.text.setObjectName("captureText")
        self.text.setAccessibleName("Contribution text")
        self.text.setPlaceholderText("Type what was said; Ctrl+Enter records it.")
        self.text.setTabChangesFocus(True)
        self.record_button = QPushButton("Record")
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the box keeps the keyboard
        self.refusal = QLabel()  # why the text was not recorded, beside it; gone when edited
        self.refusal.setObjectName("captureRefusal")
        self.refusal.setWordWrap(True)
        self.refusal.setStyleSheet("color: #b3261e;")
        self.refusal.hide()
        self.text.textChanged.connect(lambda: self._show_refusal(None))

    def _action(self, text: str, keys: list[str], slot: object, target: QWidget) -> QAction:
        action = QAction(text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        target.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.record_action = self._action(
            "&Record Contribution", ["Ctrl+Return", "Ctrl+Enter"], self.record, self
        )
        self.kind_actions = []
        for number, kind in enumerate(KIND_LABELS, start=1):
            action = self._action(
                f"Kind: {KIND_LABELS[kind]}",
                [f"Alt+{number}"],
                lambda _c=False, k=kind: self.set_kind(k),
                self,
            )
            self.kind_actions.append(action)
        self.floor_action = self._action(
            "Speaker: From the &Floor", ["Alt+0"], self.from_the_floor, self
        )
        self.highlight_action = self._action(
            "Toggle &Highlight", ["Ctrl+H"], self.toggle_highlight, self.feed
        )
        self.edit_action = self._action(
            "&Edit Contribution…", ["F2"], self.edit_selected, self.feed
        )
        self.speaker_action = self._action(
            "Change &Speaker…", ["Shift+F2"], self.change_speaker_of_selected, self.feed
        )
        self.delete_action = self._action(
            "&Delete Contribution", ["Delete"], self.delete_selected, self.feed
        )
        self.feed.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addAction(self.feed_panel.highlights_action)  # works while typing, too
        self.feed.doubleClicked.connect(lambda _index: self.edit_selected())

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.record_action,
            *self.kind_actions,
            self.floor_action,
            self.highlight_action,
            self.edit_action,
            self.speaker_action,
            self.delete_action,
            self.feed_panel.highlights_action,
        ]

    def _layout(self) -> None:
        entry = QGridLayout()
        for column, (text, widget) in enumerate(
            (("Spe&aker", self.speaker), ("&Kind", self.kind), ("&Question", self.question))
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            entry.addWidget(label, 0, column)
            entry.addWidget(widget, 1, column)
        entry.setColumnStretch(0, 3)
        entry.setColumnStretch(1, 1)
        entry.setColumnStretch(2, 3)
        bottom = QHBoxLayout()
        bottom.addWidget(self.text, 1)
        bottom.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.feed_panel, 1)
        layout.addLayout(entry)
        layout.addLayout(bottom)
        layout.addWidget(self.refusal)
        self.text.setMinimumHeight(72)
        self.text.setMaximumHeight(140)
        self.setTabOrder(self.text, self.speaker)
        self.setTabOrder(self.speaker, self.kind)
        self.setTabOrder(self.kind, self.question)
        self.setTabOrder(self.question, self.feed)

    # -- following the session ------------------------------------------------------------

    def show_state(
        self,
        item: AgendaItem | None,
        contributions: list[Contribution],
        people: list[Participant],
        speaking: Speech | None,
        focus_question_id: str | None,
        *,
        running: bool = True,
    ) -> None:
        """Show an item's feed (the running one, or another one looked up) and point the
        entry at the floor and the chair's focus."""
        item_changed = (item.id if item else None) != (self.item.id if self.item else None)
        self.item, self.speaking, self._people = item, speaking, people
        self._running = running
        self._loading = self.feed_panel.filling = True
        try:
            questions = list(item.questions) if item else []
            self.model.set_context(people, [q.id for q in questions])
            self.model.reconcile(contributions)
            filters = self.feed_panel
            fill_questions(self.question, filters.filter_question, questions, keep=not item_changed)
            fill_speakers(self.speaker, filters.filter_speaker, people, keep=not item_changed)
            if item_changed:
                self._speaker_chosen = self._question_chosen = False
                self.drafts.key = f"capture:{item.id}" if item else None
                self.drafts.offer()
            if not self._speaker_chosen:
                self._select_speaker(speaking.participant_id if speaking else None)
            if not self._question_chosen:
                self.question.setCurrentIndex(max(0, self.question.findData(focus_question_id)))
        finally:
            self._loading = self.feed_panel.filling = False
        self._focus = focus_question_id
        self._show_heading(focus_question_id)
        enabled = item is not None
        # The box itself stays open: what is typed before the item starts is kept for it.
        for widget in (self.record_button, self.speaker, self.kind, self.question):
            widget.setEnabled(enabled)
        self.text.setPlaceholderText(
            "Type what was said; Ctrl+Enter records it."
            if enabled
            else "No item is running: start one (F9) to record contributions."
        )

    def show_contributions(self, contributions: list[Contribution]) -> None:
        """Only the feed changed (a contribution recorded, edited or deleted)."""
        self.model.reconcile(contributions)
        self._show_heading(self._focus)

    def keep_draft(self) -> None:
        self.drafts.keep()

    def _show_heading(self, focus_question_id: str | None) -> None:
        if self.item is None:
            self.heading.setText("<b>No item running</b>")
            return
        focus = self.model.question_label(focus_question_id)
        suffix = f" · {focus} in focus" if focus else ""
        count, shown = self.model.rowCount(), self.filter.rowCount()
        # When the feed is filtered, it says how many it shows.
        back = f" ({shown} shown)" if shown != count else ""
        viewing = "" if self._running else "Looking back at "
        back += "" if self._running else " · <i>Esc: back to the running item</i>"
        if self.drafts.restored:
            back += " · <i>restored what was being typed before the file was closed</i>"
        self.heading.setText(
            f"{viewing}<b>{_escape(self.item.title)}</b>{suffix} · "
            f"{plural(count, 'contribution', 'contributions')}{back}"
        )

    def _select_speaker(self, participant_id: str | None) -> None:
        self.speaker.setCurrentIndex(max(0, self.speaker.findData(participant_id or "")))
        line = self.speaker.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # the name, not the end of a long organisation

    # -- the rapporteur's choices ---------------------------------------------------------

    def _speaker_picked(self) -> None:
        if not self._loading:
            self._speaker_chosen = True

    def _question_picked(self) -> None:
        if not self._loading:
            self._question_chosen = True

    def set_kind(self, kind: ContributionKind) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind.value))

    def from_the_floor(self) -> None:
        self._select_speaker(None)
        self._speaker_chosen = True

    # -- recording and editing ------------------------------------------------------------

    def record(self) -> bool:
        text = self.text.toPlainText().strip()
        if self.item is None and text:
            self.message.emit("No item is running: start one (F9), then Ctrl+Enter records this.")
        if self.item is None or not text:
            return False
        try:
            contribution_text(text)
        except Refusal as refusal:
            self._show_refusal(refusal)
            return False
        participant_id = self.speaker.chosen_id()
        speech_id = (
            self.speaking.id
            if self.speaking and self.speaking.participant_id == participant_id
            else None
        )
        contribution = Contribution(
            id=new_id(),
            agenda_item_id=self.item.id,
            text=text,
            question_id=self.question.currentData(),
            participant_id=participant_id,
            speech_id=speech_id,
            kind=ContributionKind(self.kind.currentData()),
        )
        if not self._edits.record(contribution):
            return False  # the window has said why; the text stays in the box
        self.drafts.set_text("")
        self.drafts.restored = False
        self.drafts.keep()  # the draft goes: the text is on record
        self._speaker_chosen = self._question_chosen = False
        self.kind.setCurrentIndex(0)
        self._select_speaker(self.speaking.participant_id if self.speaking else None)
        self.text.setFocus()
        return True

    def selected(self) -> list[Contribution]:
        return self.feed_panel.selected()

    def select(self, contribution_id: str) -> None:
        self.feed_panel.select(contribution_id)

    def select_support_of(self, point: ConsensusPoint | None) -> None:
        """From a point to its supporting contributions: they are selected in the feed."""
        if point is not None:
            self.select_many(point.supporting_contribution_ids)

    def select_many(self, contribution_ids: tuple[str, ...] | list[str]) -> None:
        self.feed_panel.select_many(contribution_ids)

    def toggle_highlight(self) -> None:
        """Ctrl+H: each selected contribution marked or unmarked, as one undo step."""
        self._edits.update_many({c.id: {"highlight": not c.highlight} for c in self.selected()})

    def edit_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) != 1:
            return
        store = self._draft_store
        draft = DraftSlot(store, f"contribution:{chosen[0].id}") if store else None
        changes = dialogs.edit_contribution(self, chosen[0], self._people, self._items(), draft)
        if changes:
            self._edits.update(chosen[0].id, **changes)
        self.text.setFocus()  # the dialog closed: back to typing

    def change_speaker_of_selected(self) -> None:
        """Shift+F2: the selected contributions were said by someone else, as one undo step."""
        chosen = self.selected()
        if not chosen:
            return
        said_by = dialogs.ask_speaker(self, len(chosen), self._people)
        self.text.setFocus()  # the dialog closed: back to typing
        if said_by is None:
            return
        who = said_by or None
        self._edits.change_speaker([c.id for c in chosen if c.participant_id != who], who)

    def delete_selected(self) -> None:
        """Delete: the selected contributions go, as one undo step."""
        self._edits.delete_many([c.id for c in self.selected()])

    def _show_refusal(self, refusal: Refusal | None) -> None:
        if refusal is None and self.refusal.isHidden():
            return
        message = f"Not recorded: {refusal.message} {refusal.hint}" if refusal else ""
        self.refusal.setText(message)
        self.refusal.setVisible(refusal is not None)
        self.text.setAccessibleDescription(message)


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
