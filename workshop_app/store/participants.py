"""The participant roster."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.limits import MAX_HONORIFIC, MAX_LINE, MAX_NAME, required, too_long
from workshop_app.domain.model import Participant, Role
from workshop_app.errors import KnownError
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.errors import NotFound
from workshop_app.store.rows import from_row, to_row
from workshop_app.store.snapshots import Snapshot, restore

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle
    from workshop_app.store.workshop import WorkshopStore

EDITABLE = tuple(f.name for f in dataclasses.fields(Participant) if f.name != "id")


def read_participants(db: Database) -> list[Participant]:
    return [from_row(Participant, r) for r in db.query("SELECT * FROM participants ORDER BY seq")]


def insert_participants(db: Database, participants: Sequence[Participant]) -> None:
    db.table("participants").insert_all(to_row(p) for p in participants)


#: A participant's one-line fields, by their name in a refusal.
_LINES = {
    "organisation": "An organisation",
    "stakeholder_group": "A stakeholder group",
    "country": "A country",
    "email": "An e-mail address",
    "job_title": "A job title",
}


def _name(name: str | None) -> str:
    return required("name", "A name", name, MAX_NAME, "A participant needs a name.")


def _clean(fields: dict[str, Any]) -> dict[str, Any]:
    """Column values for an update: text trimmed (empty is absent), enums and flags checked."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not participant fields: {', '.join(sorted(unknown))}")
    values: dict[str, Any] = {}
    for name, value in fields.items():
        if name == "role":
            value = Role(value).value
        elif name == "present":
            value = int(bool(value))
        elif isinstance(value, str):
            value = value.strip() or None
        values[name] = value
    if "name" in values:
        values["name"] = _name(values["name"])
    for name in _LINES:
        if values.get(name) and len(values[name]) > MAX_LINE:
            raise too_long(name, _LINES[name], values[name], MAX_LINE)
    if values.get("title") and len(values["title"]) > MAX_HONORIFIC:
        raise too_long("title", "A title", values["title"], MAX_HONORIFIC)
    return values


class ParticipantStore:
    """Reads and edits the roster; every method is one transaction."""

    def __init__(self, document: Handle, workshop: WorkshopStore) -> None:
        self._doc = document
        self._workshop = workshop  # the stakeholder groups the roster adds to

    def list(self) -> list[Participant]:
        return read_participants(self._doc.db)

    def get(self, participant_id: str) -> Participant:
        rows = list(self._doc.db.query("SELECT * FROM participants WHERE id = ?", [participant_id]))
        if not rows:
            raise NotFound(f"No participant with id {participant_id}.")
        return from_row(Participant, rows[0])

    def add(self, participant: Participant) -> Participant:
        self.add_many([participant])
        return participant

    def add_many(
        self, participants: Sequence[Participant], *, new_groups: Sequence[str] = ()
    ) -> None:
        """Add several people (and groups they bring to the workshop's list): all, or none."""
        # Names are kept trimmed, as every edit keeps them (so that an undo gives back the same).
        participants = [dataclasses.replace(p, name=_name(p.name)) for p in participants]
        with self._doc.write() as tx:
            insert_participants(tx.db, participants)
            if new_groups:
                self._workshop.add_stakeholder_groups(new_groups)
            tx.changed(Entity.PARTICIPANT, ChangeKind.ADDED, *(p.id for p in participants))

    def delete_many(
        self, participant_ids: Sequence[str], *, groups: Sequence[str] | None = None
    ) -> None:
        """Remove people who have nothing on record, and set the group list back to ``groups``
        if given: the undo of an import, in one transaction."""
        with self._doc.write() as tx:
            for participant_id in participant_ids:
                self.delete(participant_id)
            if groups is not None:
                self._workshop.set_stakeholder_groups(groups)
            tx.changed(Entity.PARTICIPANT, ChangeKind.REMOVED, *participant_ids)

    def update(
        self, participant_id: str, *, groups: Sequence[str] | None = None, **fields: Any
    ) -> dict[str, Any]:
        """Change some fields (and, with ``groups``, the workshop's list of groups in the same
        transaction); returns the fields' previous values (what an undo sets back)."""
        return self.update_many({participant_id: fields}, groups=groups)[participant_id]

    def update_many(
        self,
        changes: Mapping[str, Mapping[str, Any]],
        *,
        groups: Sequence[str] | None = None,
    ) -> dict[str, dict[str, Any]]:
        """Change fields of several people (each their own) in one transaction, all or none,
        and with ``groups`` the workshop's list of groups; returns each one's previous values
        (what an undo sets back, with this same method)."""
        values = {pid: _clean(dict(fields)) for pid, fields in changes.items()}
        old: dict[str, dict[str, Any]] = {}
        with self._doc.write() as tx:
            if groups is not None:
                self._workshop.set_stakeholder_groups(groups)
            for participant_id, fields in values.items():
                before = self.get(participant_id)
                old[participant_id] = {k: getattr(before, k) for k in fields}
                tx.db.table("participants").update(self._seq(tx.db, participant_id), fields)
            tx.changed(Entity.PARTICIPANT, ChangeKind.UPDATED, *values)
        return old

    def set_present(self, participant_id: str, present: bool) -> None:
        self.update(participant_id, present=present)

    def spoken_record(self, participant_id: str) -> int:
        """How many speeches and contributions are recorded under this person."""
        row = self._doc.db.execute(
            "SELECT (SELECT count(*) FROM speeches WHERE participant_id = :p)"
            " + (SELECT count(*) FROM contributions WHERE participant_id = :p)",
            {"p": participant_id},
        ).fetchone()
        return int(row[0])

    def delete(self, participant_id: str) -> Snapshot:
        """Remove someone who has no recorded speech or contribution; returns what went."""
        person = self.get(participant_id)
        if self.spoken_record(participant_id):
            raise KnownError(
                f"{person.name} has speeches or contributions on record and cannot be removed.",
                hint="Mark them as not present instead.",
            )
        with self._doc.write() as tx:
            snapshot = Snapshot()
            snapshot.take(tx.db, "participants", "id = ?", [participant_id])
            snapshot.clear_reference(tx.db, "actions", "owner_participant_id", participant_id)
            snapshot.take(tx.db, "group_members", "participant_id = ?", [participant_id])
            for role in ("facilitator_id", "rapporteur_id"):
                snapshot.clear_reference(tx.db, "breakout_groups", role, participant_id)
            tx.db.execute("DELETE FROM participants WHERE id = ?", [participant_id])
            tx.changed(Entity.PARTICIPANT, ChangeKind.REMOVED, participant_id)
        return snapshot

    def restore(self, snapshot: Snapshot) -> None:
        """Undo a delete: the person comes back in the same place, with their actions."""
        with self._doc.write() as tx:
            restore(tx.db, snapshot)
            ids = [r["id"] for r in snapshot.rows.get("participants", [])]
            tx.changed(Entity.PARTICIPANT, ChangeKind.ADDED, *ids)

    @staticmethod
    def _seq(db: Database, participant_id: str) -> int:
        row = db.execute("SELECT seq FROM participants WHERE id = ?", [participant_id]).fetchone()
        if row is None:
            raise NotFound(f"No participant with id {participant_id}.")
        return int(row[0])
