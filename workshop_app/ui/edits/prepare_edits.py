"""The named, undoable edits of the Prepare views ("Undo Move Item"), one store call each."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from workshop_app.domain.model import AgendaItem, Day, Participant, new_id
from workshop_app.store.agenda import AgendaStore
from workshop_app.store.days import DayStore
from workshop_app.store.participants import ParticipantStore
from workshop_app.store.workshop import WorkshopStore
from workshop_app.ui.edits.commands import Editor

ITEM_FIELD_NAMES = {
    "title": "Title",
    "kind": "Kind",
    "planned_minutes": "Planned Minutes",
    "description": "Description",
    "summary": "Summary",
    "reports_on": "Report-Back",
}

#: The fields set for several participants at once, by their name in Edit > Undo.
BULK_FIELD_NAMES = {
    "stakeholder_group": "Group",
    "role": "Role",
    "organisation": "Organisation",
    "country": "Country",
    "present": "Present",
}


class AgendaEdits:
    """Undoable edits of the agenda and its guiding questions."""

    def __init__(self, editor: Editor, agenda: AgendaStore) -> None:
        self._editor = editor
        self._agenda = agenda

    def add_item(self, item: AgendaItem, index: int | None = None) -> bool:
        return self._editor.run(
            "Add Item",
            lambda: self._agenda.add_item(item, index),
            lambda _r: self._agenda.delete_item(item.id),
        )

    def update_item(self, item_id: str, **fields: Any) -> bool:
        if len(fields) == 1:
            text = f"Change Item {ITEM_FIELD_NAMES.get(next(iter(fields)), 'Details')}"
        else:
            text = "Change Item"
        return self._editor.run(
            text,
            lambda: self._agenda.update_item(item_id, **fields),
            lambda old: self._agenda.update_item(item_id, **old),
        )

    def delete_item(self, item_id: str) -> bool:
        return self._editor.run(
            "Delete Item", lambda: self._agenda.delete_item(item_id), self._agenda.restore_item
        )

    def move_item(self, item_id: str, index: int, day_id: str | None = None) -> bool:
        """Move an item (onto ``day_id``, or the day of the item it follows); Undo puts it
        back on its own day."""
        day = self._agenda.get(item_id).day_id
        return self._editor.run(
            "Move Item",
            lambda: self._agenda.move_item(item_id, index, day_id),
            lambda old: self._agenda.move_item(item_id, old, day),
        )

    def add_question(self, item_id: str, text: str, index: int | None = None) -> str | None:
        question_id = new_id()
        ok = self._editor.run(
            "Add Question",
            lambda: self._agenda.add_question(item_id, text, index, question_id),
            lambda _r: self._agenda.delete_question(question_id),
        )
        return question_id if ok else None

    def update_question(self, question_id: str, text: str) -> bool:
        return self._editor.run(
            "Change Question",
            lambda: self._agenda.update_question(question_id, text),
            lambda old: self._agenda.update_question(question_id, old),
        )

    def delete_question(self, question_id: str) -> bool:
        return self._editor.run(
            "Delete Question",
            lambda: self._agenda.delete_question(question_id),
            self._agenda.restore_question,
        )

    def move_question(self, question_id: str, item_id: str, index: int) -> bool:
        return self._editor.run(
            "Move Question",
            lambda: self._agenda.move_question(question_id, item_id, index),
            lambda old: self._agenda.move_question(question_id, old[0], old[1]),
        )


DAY_FIELD_NAMES = {"date": "Date", "start_time": "Start", "end_time": "End"}


class DayEdits:
    """Undoable edits of the workshop's days: each one step in Edit > Undo."""

    def __init__(self, editor: Editor, days: DayStore) -> None:
        self._editor = editor
        self._days = days

    def add(self, day: Day) -> bool:
        """Append ``day``; Undo takes it out again."""
        return self._editor.run(
            "Add Day", lambda: self._days.add(day), lambda _r: self._days.delete(day.id)
        )

    def update(self, day_id: str, **fields: str | None) -> bool:
        name = DAY_FIELD_NAMES.get(next(iter(fields)), "") if len(fields) == 1 else ""
        return self._editor.run(
            f"Change Day {name}".rstrip(),
            lambda: self._days.update(day_id, **fields),
            lambda old: self._days.update(day_id, **old),
        )

    def delete(self, day_id: str) -> bool:
        """Remove an empty day (the store refuses one with items, or the only one)."""
        return self._editor.run("Delete Day", lambda: self._days.delete(day_id), self._days.restore)


class RosterEdits:
    """Undoable edits of the participant roster."""

    def __init__(
        self, editor: Editor, participants: ParticipantStore, workshop: WorkshopStore
    ) -> None:
        self._editor = editor
        self._participants = participants
        self._workshop = workshop

    def add(self, participant: Participant) -> bool:
        return self._editor.run(
            "Add Participant",
            lambda: self._participants.add(participant),
            lambda _r: self._participants.delete(participant.id),
        )

    def add_many(self, people: list[Participant], new_groups: Sequence[str] = ()) -> bool:
        """Add a whole list (an import) as one step; undo takes them and their new groups out."""

        def do() -> tuple[str, ...]:
            groups_before = self._workshop.get().stakeholder_groups
            self._participants.add_many(people, new_groups=new_groups)
            return groups_before

        def undo(groups_before: tuple[str, ...]) -> None:
            ids = [person.id for person in people]
            self._participants.delete_many(ids, groups=groups_before)

        return self._editor.run("Import Participants", do, undo)

    def update(self, participant_id: str, **fields: Any) -> bool:
        text = "Change Participant"
        if set(fields) == {"present"}:
            text = "Check In" if fields["present"] else "Mark Not Present"
        return self._editor.run(
            text,
            lambda: self._participants.update(participant_id, **fields),
            lambda old: self._participants.update(participant_id, **old),
        )

    def update_with_new_group(self, participant_id: str, group: str, **fields: Any) -> bool:
        """Move someone to a group the workshop does not list yet: the group joins the list
        and the person moves, in one transaction and one undoable step."""
        groups_before = self._workshop.get().stakeholder_groups

        def do() -> dict[str, Any]:
            return self._participants.update(
                participant_id, groups=[*groups_before, group], **fields
            )

        def undo(old: dict[str, Any]) -> None:
            self._participants.update(participant_id, groups=groups_before, **old)

        return self._editor.run("Change Participant", do, undo)

    def update_many(self, participant_ids: Sequence[str], field: str, value: Any) -> bool:
        """Give several people the same value of one field, in one transaction and one
        undoable step; a stakeholder group the workshop does not list yet joins its list."""
        groups_before = self._workshop.get().stakeholder_groups
        groups = None
        if field == "stakeholder_group" and isinstance(value, str):
            group = value.strip()
            if group and group not in groups_before:
                groups = [*groups_before, group]
        changes = {pid: {field: value} for pid in participant_ids}

        def undo(old: dict[str, dict[str, Any]]) -> None:
            self._participants.update_many(old, groups=None if groups is None else groups_before)

        if field == "present":
            text = f"Check In {len(changes)} Participants"
            if not value:
                text = f"Mark {len(changes)} Participants Not Present"
        else:
            text = f"Set {BULK_FIELD_NAMES[field]} for {len(changes)} Participants"
        return self._editor.run(
            text,
            lambda: self._participants.update_many(changes, groups=groups),
            undo,
        )

    def delete(self, participant_id: str) -> bool:
        return self._editor.run(
            "Delete Participant",
            lambda: self._participants.delete(participant_id),
            self._participants.restore,
        )

    @staticmethod
    def blank(name: str, group: str | None = None) -> Participant:
        return Participant(id=new_id(), name=name, stakeholder_group=group)


class DetailsEdits:
    """Undoable edits of the workshop's details and its stakeholder groups."""

    def __init__(self, editor: Editor, workshop: WorkshopStore) -> None:
        self._editor = editor
        self._workshop = workshop

    def update(self, label: str, **fields: str | None) -> bool:
        def do() -> dict[str, str | None]:
            before = self._workshop.get()
            self._workshop.update(**fields)
            return {name: getattr(before, name) for name in fields}

        return self._editor.run(f"Change {label}", do, lambda old: self._workshop.update(**old))

    def set_groups(self, groups: list[str], label: str = "Change Stakeholder Groups") -> bool:
        def do() -> tuple[str, ...]:
            before = self._workshop.get().stakeholder_groups
            self._workshop.set_stakeholder_groups(groups)
            return before

        return self._editor.run(label, do, lambda old: self._workshop.set_stakeholder_groups(old))

    def set_public_names(self, names: list[str], anonymity_k: int | None = None) -> bool:
        """The public names, confirmed, and the anonymity threshold; Undo puts back both as
        they were (the names still confirmed)."""

        def do() -> tuple[tuple[str, ...], int]:
            before = self._workshop.get()
            self._workshop.set_public_names(names, anonymity_k)
            return before.public_names, before.anonymity_k

        return self._editor.run(
            "Change Anonymity Settings",
            do,
            lambda old: self._workshop.set_public_names(*old),
        )

    def rename_group(self, old: str, new: str) -> bool:
        return self._editor.run(
            "Rename Group",
            lambda: self._workshop.rename_stakeholder_group(old, new),
            lambda _r: self._workshop.rename_stakeholder_group(new, old),
        )
