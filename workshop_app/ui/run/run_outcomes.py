"""The Run view's record of what is concluded: consensus points (proposed from the feed's
selection), next steps and the item's closing summary."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from workshop_app.domain.clock import clock_time
from workshop_app.domain.model import (
    AgendaItem,
    BreakoutGroup,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    NextStep,
    new_id,
)
from workshop_app.domain.outcomes import STATUS_LABELS
from workshop_app.store.drafts import DraftStore
from workshop_app.ui import dialogs
from workshop_app.ui.common.drafts import DraftSlot, next_step_draft, point_draft
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.session import Session


@dataclass(frozen=True)
class RunSight:
    """What the outcome actions read from the Run view, as it stands when they act."""

    #: The item the feed shows, and the whole agenda as last read.
    shown_item: Callable[[], AgendaItem | None]
    items: Callable[[], list[AgendaItem]]
    #: The feed's contributions, the ones selected, and how the feed names a speaker.
    feed: Callable[[], list[Contribution]]
    selected: Callable[[], list[Contribution]]
    speaker: Callable[[Contribution], str]
    #: The point chosen in the consensus panel, if any.
    current_point: Callable[[], ConsensusPoint | None]
    #: The breakout group followed (None: plenary): what is proposed is proposed there.
    group: Callable[[], str | None] = lambda: None


class RunOutcomes(QObject):
    """Ctrl+Shift+C (point), Ctrl+Shift+A (next step), Ctrl+Shift+M (summary) and the
    consensus panel's gestures, for the item the feed shows."""

    #: One of its dialogs has closed: the Run view gives the entry box the keyboard back.
    dialog_closed = Signal()

    def __init__(
        self, chair: QWidget, sight: RunSight, session: Session, outcomes: OutcomeEdits
    ) -> None:
        super().__init__(chair)
        self._chair = chair  # the dialogs' parent
        self._sight = sight
        self._session = session
        self.outcomes = outcomes
        self.take_up_action = QAction("Take &Up Group Points…", chair)
        self.take_up_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        self.take_up_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.take_up_action.triggered.connect(self.take_up_points)
        chair.addAction(self.take_up_action)

    def outcomes_of(self, item: AgendaItem | None) -> tuple[list[NextStep], str | None]:
        """The next steps recorded from ``item`` and its summary, shown under its points."""
        if item is None:
            return [], None
        group = self._followed_group(item)
        group_id = group.id if group else None
        steps = [
            step
            for step in self._session.next_steps.list()
            if step.agenda_item_id == item.id and step.group_id == group_id
        ]
        return steps, group.summary if group else item.summary

    def _drafts(self) -> DraftStore:
        return self._session.drafts

    def status_actions(self) -> list[QAction]:
        """Mark the current point as each status (the consensus list's context menu)."""
        actions = []
        for status, label in STATUS_LABELS.items():
            action = QAction(f"Mark as {label}", self._chair)
            action.triggered.connect(lambda _c=False, st=status: self._set_point_status(st))
            actions.append(action)
        return actions

    def _describe(self, ids: set[str]) -> tuple[list[Contribution], dict[str, str]]:
        chosen = [c for c in self._sight.feed() if c.id in ids]
        timezone = self._session.workshop.get().timezone
        speaker = self._sight.speaker
        described = {
            c.id: f"{clock_time(c.recorded_at, timezone)} · {speaker(c)} · {c.text}" for c in chosen
        }
        return chosen, described

    def propose_point(self) -> None:
        """Ctrl+Shift+C: a new point, proposed from the contributions selected in the feed."""
        item = self._sight.shown_item()
        if item is None:
            return
        supporting, described = self._describe({c.id for c in self._sight.selected()})
        draft = point_draft(self._drafts, item.id, None)
        point = dialogs.edit_consensus_point(self._chair, item, None, supporting, described, draft)
        self.dialog_closed.emit()
        if point is not None:
            group = self._sight.group() if point.agenda_item_id == item.id else None
            self.outcomes.record_point(dataclasses.replace(point, group_id=group))

    def edit_point(self, point_id: str) -> None:
        item = self._sight.shown_item()
        if item is None:
            return
        point = self._session.consensus.get(point_id)
        supporting, described = self._describe(set(point.supporting_contribution_ids))
        draft = point_draft(self._drafts, item.id, point.id)
        edited = dialogs.edit_consensus_point(
            self._chair, item, point, supporting, described, draft
        )
        self.dialog_closed.emit()
        if edited is None:
            return
        self.outcomes.edit_point(point, edited)

    def _set_point_status(self, status: ConsensusStatus) -> None:
        point = self._sight.current_point()
        if point is not None and point.status != status:
            self.outcomes.update_point(point.id, status=status)

    def add_next_step(self) -> None:
        """Ctrl+Shift+A: a next step, from the item on the floor."""
        item = self._sight.shown_item()
        step = dialogs.edit_next_step(
            self._chair,
            None,
            self._session.participants.list(),
            self._sight.items(),
            item.id if item else None,
            self._session.clock().date(),
            next_step_draft(self._drafts, None, item.id if item else None),
        )
        self.dialog_closed.emit()
        if step is not None:
            group = self._sight.group() if item and step.agenda_item_id == item.id else None
            self.outcomes.add_next_step(dataclasses.replace(step, group_id=group))

    def edit_summary(self) -> None:
        """Ctrl+Shift+M: the rapporteur's closing summary of the item."""
        item = self._sight.shown_item()
        if item is None:
            return
        group = self._followed_group(item)
        if group is not None:  # the group's rapporteur writes the group's summary
            draft = DraftSlot(self._drafts, f"summary:{group.id}")
            title, old = f"Summary of {group.name}", group.summary
        else:
            draft = DraftSlot(self._drafts, f"summary:{item.id}")
            title, old = f"Summary of {item.title}", item.summary
        text = dialogs.edit_text(self._chair, title, old or "", draft)
        self.dialog_closed.emit()
        if text is None or (text.strip() or None) == old:
            return
        if group is not None:
            self.outcomes.set_group_summary(group.id, text)
        else:
            self.outcomes.set_summary(item.id, text)

    def take_up_points(self) -> bool:
        """Ctrl+Shift+U, in a report-back: the groups' points plenary takes up become this
        item's (proposed, linked to the group's point), as one undo step."""
        item = self._sight.shown_item()
        if item is None or not item.reports_on:
            return False
        names = {g.id: g.name for g in self._session.groups.list(item.reports_on)}
        offered = [
            (names[p.group_id], p)
            for p in self._session.consensus.list(item.reports_on)
            if p.group_id in names
        ]
        taken = {p.from_point_id for p in self._session.consensus.list(item.id) if p.from_point_id}
        chosen = dialogs.choose_points_to_take_up(self._chair, offered, taken)
        self.dialog_closed.emit()
        if not chosen:
            return False
        by_id = {p.id: p for _name, p in offered}
        with self._session.editor.macro("Take Up Group Points"):
            for point_id in chosen:
                self.outcomes.record_point(
                    ConsensusPoint(
                        id=new_id(),
                        agenda_item_id=item.id,
                        text=by_id[point_id].text,
                        from_point_id=point_id,
                    )
                )
        return True

    def _followed_group(self, item: AgendaItem) -> BreakoutGroup | None:
        group_id = self._sight.group()
        groups = self._session.groups.list(item.id) if group_id else []
        return next((g for g in groups if g.id == group_id), None)
