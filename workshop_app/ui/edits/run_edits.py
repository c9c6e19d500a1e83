"""The named, undoable edits of the Run view: the chair's actions and the rapporteur's record."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from workshop_app.domain.model import Contribution
from workshop_app.ui.edits.commands import Editor
from workshop_app.ui.session import Session
from workshop_app.words import plural_form


class RunEdits:
    """Every Run view edit as one step on the document's undo stack."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._editor: Editor = session.editor
        #: The breakout group whose floor the Run view follows (None: plenary): its speakers
        #: and what is recorded in it.
        self.group_id: str | None = None

    def _chair(self, text: str, item_ids: list[str], act: Any) -> bool:
        run = self._session.run
        return self._editor.run_captured(text, act, lambda: run.capture(item_ids), run.put_back)

    def _items_around(self, item_id: str | None = None) -> list[str]:
        """The running item and ``item_id``: the rows an item change may touch."""
        current = self._session.run.current_item()
        ids = [current.id] if current else []
        if item_id and item_id not in ids:
            ids.append(item_id)
        return ids

    # -- the agenda clock -----------------------------------------------------------------

    def start_item(self, item_id: str) -> bool:
        return self._chair(
            "Start Item",
            self._items_around(item_id),
            lambda: self._session.run.start_item(item_id, self._session.clock()),
        )

    def next_item(self, day_id: str | None = None) -> bool:
        """Finish the running item and start the next planned one (of ``day_id`` only)."""
        run = self._session.run
        current = run.current_item()
        following = run.next_planned(current.id if current else None, day_id)
        ids = self._items_around(following.id if following else None)
        return self._chair("Next Item", ids, lambda: run.next_item(self._session.clock(), day_id))

    def finish_item(self, item_id: str) -> bool:
        return self._chair(
            "Finish Item",
            [item_id],
            lambda: self._session.run.finish_item(item_id, self._session.clock()),
        )

    def skip_item(self, item_id: str) -> bool:
        return self._chair(
            "Skip Item",
            [item_id],
            lambda: self._session.run.skip_item(item_id, self._session.clock()),
        )

    def set_focus(self, question_id: str | None) -> bool:
        return self._chair("Focus Question", [], lambda: self._session.run.set_focus(question_id))

    def set_speech_limit(self, seconds: int | None) -> bool:
        return self._chair(
            "Set Speaking Time", [], lambda: self._session.run.set_speech_limit(seconds)
        )

    def replan(self, minutes: Mapping[str, int], day_id: str, day_end: str) -> bool:
        """Shorten items (``minutes``) and/or hold the day ``day_id`` to ``day_end`` (HH:MM)."""
        return self._chair(
            "Re-plan Day", [], lambda: self._session.run.replan(minutes, day_id, day_end)
        )

    # -- the list of speakers -------------------------------------------------------------

    def request(self, item_id: str, participant_id: str) -> bool:
        speeches = self._session.speeches
        return self._chair(
            "Add Speaker",
            [item_id],
            lambda: speeches.request(
                item_id, participant_id, self._session.clock(), self._group_of(item_id)
            ),
        )

    def next_speaker(self, item_id: str) -> bool:
        speeches = self._session.speeches
        return self._chair(
            "Next Speaker",
            [item_id],
            lambda: speeches.next_speaker(item_id, self._session.clock(), self._group_of(item_id)),
        )

    def give_floor(self, item_id: str, speech_id: str) -> bool:
        speeches = self._session.speeches
        return self._chair(
            "Give Floor",
            [item_id],
            lambda: speeches.give_floor(speech_id, self._session.clock()),
        )

    def end_speech(self, item_id: str) -> bool:
        speeches = self._session.speeches
        return self._chair(
            "End Speech",
            [item_id],
            lambda: speeches.end_speech(item_id, self._session.clock(), self._group_of(item_id)),
        )

    def _group_of(self, item_id: str) -> str | None:
        """The group followed, when it is one of ``item_id``'s (else plenary)."""
        if self.group_id is None:
            return None
        groups = self._session.groups.list(item_id)
        return self.group_id if any(g.id == self.group_id for g in groups) else None

    def withdraw(self, item_id: str, speech_id: str) -> bool:
        return self._chair(
            "Withdraw Speaker", [item_id], lambda: self._session.speeches.withdraw(speech_id)
        )

    def remove_request(self, item_id: str, speech_id: str) -> bool:
        return self._chair(
            "Remove Speaker", [item_id], lambda: self._session.speeches.remove(speech_id)
        )

    def move_request(self, item_id: str, speech_id: str, index: int) -> bool:
        return self._chair(
            "Move Speaker", [item_id], lambda: self._session.speeches.move(speech_id, index)
        )

    # -- contributions --------------------------------------------------------------------

    def record(self, contribution: Contribution) -> bool:
        contributions = self._session.contributions
        recorded: dict[str, Contribution] = {}
        if contribution.group_id is None:  # said where the Run view follows
            group = self._group_of(contribution.agenda_item_id)
            contribution = dataclasses.replace(contribution, group_id=group)

        def do() -> None:
            # The first time stamps it now; a redo puts back the same record.
            recorded["c"] = contributions.record(recorded.get("c", contribution))

        return self._editor.run(
            "Record Contribution", do, lambda _r: contributions.delete(contribution.id)
        )

    def update(self, contribution_id: str, **fields: Any) -> bool:
        return self.update_many({contribution_id: fields})

    def update_many(self, changes: Mapping[str, Mapping[str, Any]]) -> bool:
        """Change several contributions (id -> fields) as one step and one transaction."""
        if not changes:
            return False
        many = len(changes)
        marks = [bool(f["highlight"]) for f in changes.values() if set(f) == {"highlight"}]
        if len(marks) < len(changes):
            text = plural_form(many, "Edit Contribution", "Edit Contributions")
        elif all(marks):
            text = plural_form(many, "Mark Highlight", "Mark Highlights")
        elif not any(marks):
            text = plural_form(many, "Unmark Highlight", "Unmark Highlights")
        else:
            text = "Toggle Highlights"
        return self._update(text, changes)

    def change_speaker(self, contribution_ids: Sequence[str], participant_id: str | None) -> bool:
        """Say that these contributions were said by someone else (None: from the floor),
        as one step and one transaction."""
        count = len(contribution_ids)
        text = "Change Speaker" if count == 1 else f"Change Speaker of {count} Contributions"
        return bool(contribution_ids) and self._update(
            text, {cid: {"participant_id": participant_id} for cid in contribution_ids}
        )

    def _update(self, text: str, changes: Mapping[str, Mapping[str, Any]]) -> bool:
        contributions = self._session.contributions
        return self._editor.run(
            text,
            lambda: contributions.update_many(changes),
            contributions.update_many,
        )

    def delete(self, contribution_id: str) -> bool:
        return self.delete_many([contribution_id])

    def delete_many(self, contribution_ids: Sequence[str]) -> bool:
        """Delete several contributions as one step and one transaction."""
        if not contribution_ids:
            return False
        contributions = self._session.contributions
        count = len(contribution_ids)
        return self._editor.run(
            "Delete Contribution" if count == 1 else f"Delete {count} Contributions",
            lambda: contributions.delete_many(contribution_ids),
            contributions.restore,
        )
