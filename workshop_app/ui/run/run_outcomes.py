"""The Run view's record of what is concluded: consensus points (proposed from the feed's
selection), next steps and the item's closing summary."""

from __future__ import annotations

from PySide6.QtGui import QAction

from workshop_app.domain.clock import clock_time
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus, Contribution
from workshop_app.domain.outcomes import STATUS_LABELS
from workshop_app.store.drafts import DraftStore
from workshop_app.ui import dialogs
from workshop_app.ui.common.drafts import DraftSlot, next_step_draft, point_draft
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.run.run_view import RunView
from workshop_app.ui.session import Session


class RunOutcomes:
    """Ctrl+Shift+C (point), Ctrl+Shift+A (next step), Ctrl+Shift+M (summary) and the
    consensus panel's gestures, for the item the feed shows."""

    def __init__(self, page: RunView, session: Session, outcomes: OutcomeEdits) -> None:
        self._page = page
        self._session = session
        self.outcomes = outcomes

    def _drafts(self) -> DraftStore:
        return self._session.drafts

    def connect(self) -> None:
        panel = self._page.consensus
        panel.edit_requested.connect(self.edit_point)
        panel.selection_changed.connect(self._point_selected)
        status_actions = []
        for status, label in STATUS_LABELS.items():
            action = QAction(f"Mark as {label}", self._page)
            action.triggered.connect(lambda _c=False, st=status: self._set_point_status(st))
            status_actions.append(action)
        panel.add_status_actions(status_actions)

    def _describe(self, ids: set[str]) -> tuple[list[Contribution], dict[str, str]]:
        model = self._page.capture.model
        chosen = [c for c in model.contributions() if c.id in ids]
        timezone = self._session.workshop.get().timezone
        described = {
            c.id: f"{clock_time(c.recorded_at, timezone)} · {model.speaker(c)} · {c.text}"
            for c in chosen
        }
        return chosen, described

    def propose_point(self) -> None:
        """Ctrl+Shift+C: a new point, proposed from the contributions selected in the feed."""
        item = self._page.shown_item()
        if item is None:
            return
        supporting, described = self._describe({c.id for c in self._page.capture.selected()})
        draft = point_draft(self._drafts, item.id, None)
        point = dialogs.edit_consensus_point(self._page, item, None, supporting, described, draft)
        self._page.capture.text.setFocus()  # the dialog closed: back to typing
        if point is not None:
            self.outcomes.record_point(point)

    def edit_point(self, point_id: str) -> None:
        item = self._page.shown_item()
        if item is None:
            return
        point = self._session.consensus.get(point_id)
        supporting, described = self._describe(set(point.supporting_contribution_ids))
        draft = point_draft(self._drafts, item.id, point.id)
        edited = dialogs.edit_consensus_point(self._page, item, point, supporting, described, draft)
        self._page.capture.text.setFocus()
        if edited is None:
            return
        self.outcomes.edit_point(point, edited)

    def _set_point_status(self, status: ConsensusStatus) -> None:
        point = self._page.consensus.current()
        if point is not None and point.status != status:
            self.outcomes.update_point(point.id, status=status)

    def _point_selected(self, point: ConsensusPoint | None) -> None:
        """From a point to its supporting contributions: they are selected in the feed."""
        if point is not None:
            self._page.capture.select_many(point.supporting_contribution_ids)

    def add_next_step(self) -> None:
        """Ctrl+Shift+A: a next step, from the item on the floor."""
        item = self._page.shown_item()
        action = dialogs.edit_action(
            self._page,
            None,
            self._session.participants.list(),
            self._page.items,
            item.id if item else None,
            self._session.clock().date(),
            next_step_draft(self._drafts, None, item.id if item else None),
        )
        self._page.capture.text.setFocus()
        if action is not None:
            self.outcomes.add_action(action)

    def edit_summary(self) -> None:
        """Ctrl+Shift+M: the rapporteur's closing summary of the item."""
        item = self._page.shown_item()
        if item is None:
            return
        draft = DraftSlot(self._drafts, f"summary:{item.id}")
        text = dialogs.edit_text(self._page, f"Summary of {item.title}", item.summary or "", draft)
        self._page.capture.text.setFocus()
        if text is not None and (text.strip() or None) != item.summary:
            self.outcomes.set_summary(item.id, text)
