"""Undoable edits of consensus points, next steps and item summaries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workshop_app.domain.model import ConsensusPoint, NextStep
from workshop_app.ui.edits.commands import Editor
from workshop_app.ui.session import Session


class OutcomeEdits:
    """Every edit of what a workshop concludes, as one step on the undo stack."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._editor: Editor = session.editor

    # -- consensus points -----------------------------------------------------------------

    def record_point(self, point: ConsensusPoint) -> bool:
        consensus = self._session.consensus
        kept: dict[str, ConsensusPoint] = {}

        def do() -> None:
            kept["p"] = consensus.record(kept.get("p", point))

        return self._editor.run("Record Consensus Point", do, lambda _r: consensus.delete(point.id))

    def update_point(self, point_id: str, **fields: Any) -> bool:
        consensus = self._session.consensus
        text = (
            "Change Consensus Status"
            if set(fields) <= {"status", "reservations"}
            else ("Edit Consensus Point")
        )
        return self._editor.run(
            text,
            lambda: consensus.update(point_id, **fields),
            lambda old: consensus.update(point_id, **old),
        )

    def edit_point(self, point: ConsensusPoint, edited: ConsensusPoint) -> bool:
        """What the point's dialog changed (its fields, the contributions taken off it) as one
        undo step; True when something changed and all of it was done."""
        fields = {
            name: getattr(edited, name)
            for name in ("text", "status", "reservations", "question_id")
            if getattr(edited, name) != getattr(point, name)
        }
        kept = set(edited.supporting_contribution_ids)
        removed = [c for c in point.supporting_contribution_ids if c not in kept]
        done = bool(fields or removed)
        with self._editor.macro("Edit Consensus Point"):
            if fields:
                done = self.update_point(point.id, **fields)
            if removed and done:
                done = self.unlink(point.id, removed)
        return done

    def link(self, point_id: str, contribution_ids: Sequence[str]) -> bool:
        consensus = self._session.consensus
        current = consensus.get(point_id).supporting_contribution_ids
        wanted = [*current, *(c for c in contribution_ids if c not in current)]
        return self._set_support("Link Contribution", point_id, wanted)

    def unlink(self, point_id: str, contribution_ids: Sequence[str]) -> bool:
        current = self._session.consensus.get(point_id).supporting_contribution_ids
        wanted = [c for c in current if c not in contribution_ids]
        return self._set_support("Unlink Contribution", point_id, wanted)

    def _set_support(self, text: str, point_id: str, wanted: Sequence[str]) -> bool:
        consensus = self._session.consensus
        return self._editor.run(
            text,
            lambda: consensus.set_support(point_id, wanted),
            lambda before: consensus.set_support(point_id, before),
        )

    def delete_point(self, point_id: str) -> bool:
        consensus = self._session.consensus
        return self._editor.run(
            "Delete Consensus Point", lambda: consensus.delete(point_id), consensus.restore
        )

    # -- next steps -----------------------------------------------------------------------

    def add_next_step(self, step: NextStep) -> bool:
        steps = self._session.next_steps
        return self._editor.run(
            "Record Next Step", lambda: steps.add(step), lambda _r: steps.delete(step.id)
        )

    def update_next_step(self, step_id: str, **fields: Any) -> bool:
        steps = self._session.next_steps
        text = "Change Next Step Status" if set(fields) == {"status"} else "Edit Next Step"
        return self._editor.run(
            text,
            lambda: steps.update(step_id, **fields),
            lambda old: steps.update(step_id, **old),
        )

    def delete_next_step(self, step_id: str) -> bool:
        steps = self._session.next_steps
        return self._editor.run("Delete Next Step", lambda: steps.delete(step_id), steps.restore)

    # -- item summaries -------------------------------------------------------------------

    def set_group_summary(self, group_id: str, text: str | None) -> bool:
        """A breakout group's summary, by its rapporteur (for the report-back)."""
        groups = self._session.groups
        value = (text or "").strip() or None
        return self._editor.run(
            "Edit Group Summary",
            lambda: groups.update(group_id, summary=value),
            lambda old: groups.update(group_id, **old),
        )

    def set_summary(self, item_id: str, text: str | None) -> bool:
        agenda = self._session.agenda
        value = (text or "").strip() or None
        return self._editor.run(
            "Edit Item Summary",
            lambda: agenda.update_item(item_id, summary=value),
            lambda old: agenda.update_item(item_id, **old),
        )
