"""The undoable edits of breakout groups: applying what the Breakout Groups dialog returns as
one undo step ("Undo Edit Breakout Groups") and one store call per change."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from workshop_app.domain.model import BreakoutGroup
from workshop_app.store.groups import EDITABLE, GroupStore
from workshop_app.ui.edits.commands import Editor


class GroupEdits:
    def __init__(self, editor: Editor, groups: GroupStore) -> None:
        self._editor = editor
        self._groups = groups

    def apply(self, agenda_item_id: str, wanted: Sequence[BreakoutGroup]) -> bool:
        """Make the item's groups ``wanted``: add, change and remove, as one undo step.
        False when nothing changed or a change was refused (what went before stays)."""
        store, run = self._groups, self._editor.run
        before = {g.id: g for g in store.list(agenda_item_id)}
        kept = {g.id for g in wanted}
        changed = False
        with self._editor.macro("Edit Breakout Groups"):
            for group_id in before.keys() - kept:
                changed |= run(
                    "Delete Breakout Group", partial(store.delete, group_id), store.restore
                )
            for group in wanted:
                old = before.get(group.id)
                if old is None:
                    changed |= run(
                        "Add Breakout Group",
                        partial(store.add, group),
                        partial(_delete, store, group.id),
                    )
                    continue
                fields = {
                    k: getattr(group, k) for k in EDITABLE if getattr(group, k) != getattr(old, k)
                }
                if fields:
                    changed |= run(
                        "Change Breakout Group",
                        partial(store.update, group.id, **fields),
                        partial(_update_back, store, group.id),
                    )
                if group.member_ids != old.member_ids:
                    changed |= run(
                        "Change Group Members",
                        partial(store.set_members, group.id, group.member_ids),
                        partial(store.set_members, group.id),
                    )
        return changed


def set_question_group(
    editor: Editor, store: GroupStore, question_id: str, group_id: str | None
) -> bool:
    """A guiding question made one group's own (or shared again), one undo step."""
    return editor.run(
        "Change Question Group",
        partial(store.set_question_group, question_id, group_id),
        partial(store.set_question_group, question_id),
    )


def _delete(store: GroupStore, group_id: str, _result: object) -> object:
    return store.delete(group_id)


def _update_back(store: GroupStore, group_id: str, previous: dict[str, Any]) -> object:
    return store.update(group_id, **previous)
