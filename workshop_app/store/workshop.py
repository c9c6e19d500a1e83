"""The workshop's own details and its stakeholder groups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from workshop_app.domain.limits import MAX_LINE, MAX_TEXT, Refusal, too_long
from workshop_app.domain.model import ANONYMITY_K_RANGE, WORKSHOP_FIELDS, Workshop
from workshop_app.store.changes import ChangeKind, Entity
from workshop_app.store.days import set_fields
from workshop_app.store.rows import from_row

if TYPE_CHECKING:
    from workshop_app.store.handle import Handle

#: The longest value each text field takes, and its name in a refusal.
_FIELD_LIMITS = {
    "title": MAX_LINE,
    "subtitle": MAX_LINE,
    "venue": MAX_LINE,
    "organiser": MAX_LINE,
    "purpose": MAX_TEXT,
    "document_reference": MAX_LINE,
    "prepared_by": MAX_LINE,
}
_FIELD_NAMES = {
    "title": "A title",
    "subtitle": "A subtitle",
    "venue": "A venue",
    "document_reference": "A document reference",
    "prepared_by": "Prepared by",
}


def read_workshop(db: Database) -> Workshop:
    row = next(db.query("SELECT * FROM workshop WHERE singleton = 1"))
    groups = tuple(
        r["name"] for r in db.query("SELECT name FROM stakeholder_groups ORDER BY position, seq")
    )
    public = tuple(r["name"] for r in db.query("SELECT name FROM public_names ORDER BY position"))
    return from_row(Workshop, row, stakeholder_groups=groups, public_names=public)


def insert_workshop(db: Database, workshop: Workshop) -> None:
    row: dict[str, Any] = {name: getattr(workshop, name) for name in WORKSHOP_FIELDS}
    check_anonymity_k(workshop.anonymity_k)
    row["anonymity_k"] = workshop.anonymity_k
    row["public_names_confirmed"] = workshop.public_names_confirmed
    db.table("workshop").insert({"singleton": 1, **row})
    replace_groups(db, workshop.stakeholder_groups)
    replace_public_names(db, clean_public_names(workshop.public_names))


def replace_public_names(db: Database, names: Sequence[str]) -> None:
    db.execute("DELETE FROM public_names")
    db.table("public_names").insert_all({"position": i, "name": n} for i, n in enumerate(names))


def clean_public_names(names: Sequence[str]) -> list[str]:
    """The names as a list keeps them: trimmed, blank lines dropped, each once; a refusal
    when one is longer than a line."""
    cleaned = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    for name in cleaned:
        if len(name) > MAX_LINE:
            raise too_long("public_names", "A public name", name, MAX_LINE)
    return cleaned


def check_anonymity_k(k: int) -> None:
    low, high = ANONYMITY_K_RANGE
    if isinstance(k, bool) or not isinstance(k, int) or not low <= k <= high:
        raise Refusal(
            "anonymity_k",
            f"Anonymous minutes need a group of between {low} and {high} participants "
            f"before they name what its members share ({k!r} is outside).",
        )


def replace_groups(db: Database, groups: tuple[str, ...] | list[str]) -> None:
    db.execute("DELETE FROM stakeholder_groups")
    db.table("stakeholder_groups").insert_all(
        {"position": i, "name": name} for i, name in enumerate(groups)
    )


class WorkshopStore:
    """Reads and edits the details form's values."""

    def __init__(self, document: Handle) -> None:
        self._doc = document

    def get(self) -> Workshop:
        return read_workshop(self._doc.db)

    def update(self, **fields: str | None) -> Workshop:
        """Set some of the workshop's single-value fields; empty text is stored as absent."""
        unknown = set(fields) - set(WORKSHOP_FIELDS)
        if unknown:
            raise TypeError(f"not workshop fields: {', '.join(sorted(unknown))}")
        values = {k: (v if v not in ("",) else None) for k, v in fields.items()}
        for name, value in values.items():
            limit = _FIELD_LIMITS.get(name)
            if limit and value and len(value) > limit:
                raise too_long(name, _FIELD_NAMES.get(name, name.title()), value, limit)
        if "title" in values and not (values["title"] or "").strip():
            raise Refusal("title", "A workshop needs a title.")
        if values.get("date"):
            try:
                dt.date.fromisoformat(values["date"] or "")
            except ValueError:
                raise Refusal("date", f"{values['date']} is not a date (YYYY-MM-DD).") from None
        with self._doc.write() as tx:
            tx.db.table("workshop").update(1, values)
            first = {k: v for k, v in values.items() if k in ("date", "start_time")}
            if first:  # the workshop's date and start are its first day's
                set_fields(tx.db, None, first)
                tx.changed(Entity.DAY, ChangeKind.UPDATED)
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)
        return self.get()

    def set_anonymity_k(self, k: int) -> None:
        """How many participants must share a country, organisation or group before anonymous
        minutes may name it."""
        check_anonymity_k(k)
        with self._doc.write() as tx:
            tx.db.table("workshop").update(1, {"anonymity_k": k})
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)

    def set_public_names(self, names: Sequence[str]) -> None:
        """Replace the list of public names, which the organiser thereby confirms."""
        cleaned = clean_public_names(names)
        with self._doc.write() as tx:
            replace_public_names(tx.db, cleaned)
            tx.db.table("workshop").update(1, {"public_names_confirmed": 1})
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)

    def set_stakeholder_groups(self, groups: Sequence[str]) -> None:
        """Replace the list of groups (in display order)."""
        cleaned = [g.strip() for g in groups]
        if any(not g for g in cleaned):
            raise Refusal("stakeholder_groups", "A stakeholder group needs a name.")
        with self._doc.write() as tx:
            replace_groups(tx.db, cleaned)
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)

    def add_stakeholder_groups(self, names: Sequence[str]) -> None:
        """Append groups the workshop does not list yet (in the order given)."""
        with self._doc.write() as tx:
            current = list(read_workshop(tx.db).stakeholder_groups)
            added = [n.strip() for n in names if n.strip() and n.strip() not in current]
            if added:
                replace_groups(tx.db, list(dict.fromkeys([*current, *added])))
                tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)

    def rename_stakeholder_group(self, old: str, new: str) -> None:
        """Rename a group, and the participants who belong to it with it."""
        new = new.strip()
        if not new:
            raise Refusal("stakeholder_groups", "A stakeholder group needs a name.")
        with self._doc.write() as tx:
            tx.db.execute("UPDATE stakeholder_groups SET name = ? WHERE name = ?", [new, old])
            cursor = tx.db.execute(
                "UPDATE participants SET stakeholder_group = ? WHERE stakeholder_group = ?",
                [new, old],
            )
            tx.changed(Entity.WORKSHOP, ChangeKind.UPDATED)
            if cursor.rowcount:
                tx.changed(Entity.PARTICIPANT, ChangeKind.UPDATED)
