"""The whole import in one call, as the command line runs it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from workshop_app.domain.model import Participant, Workshop
from workshop_app.roster_import.building import Skipped, build_participants
from workshop_app.roster_import.mapping import guess_mapping
from workshop_app.roster_import.reading import read_table
from workshop_app.words import plural


class _Participants(Protocol):
    def list(self) -> list[Participant]: ...

    def add_many(
        self, participants: Sequence[Participant], *, new_groups: Sequence[str] = ()
    ) -> None: ...


class _WorkshopDetails(Protocol):
    def get(self) -> Workshop: ...


class RosterDocument(Protocol):
    """What the import needs of a workshop document (``store.Document`` has it)."""

    @property
    def participants(self) -> _Participants: ...

    @property
    def workshop(self) -> _WorkshopDetails: ...


@dataclass(frozen=True)
class ImportReport:
    """What an import did."""

    added: int
    skipped: list[Skipped] = field(default_factory=list)
    #: Groups the added people belong to that the workshop did not list yet (now added to it).
    new_groups: list[str] = field(default_factory=list)
    #: Headers of columns that were not imported.
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line: "Added 12 participants; skipped 2 already on the roster."."""
        text = f"Added {plural(self.added, 'participant', 'participants')}"
        on_roster = sum(1 for skip in self.skipped if skip.on_roster)
        repeated = len(self.skipped) - on_roster
        parts = []
        if on_roster:
            parts.append(f"{on_roster} already on the roster")
        if repeated:
            parts.append(f"{repeated} listed twice in the file")
        if parts:
            text += f"; skipped {' and '.join(parts)}"
        return text + "."


def import_file(document: RosterDocument, path: Path) -> ImportReport:
    """Add the people listed in ``path`` to the roster, all or none; raises RosterImportError."""
    table = read_table(path)
    mapping = guess_mapping(table.headers, table.rows)
    # Without the preview there is nobody to choose between two candidate columns.
    mapping.require_usable(hint="Rename or delete one of them, or import in the app to choose.")
    plan = build_participants(
        table,
        mapping,
        document.participants.list(),
        known_groups=document.workshop.get().stakeholder_groups,
    )
    if plan.to_add:
        document.participants.add_many(plan.to_add, new_groups=plan.new_groups)
    return ImportReport(
        added=len(plan.to_add),
        skipped=plan.skipped,
        new_groups=plan.new_groups,
        ignored_columns=[mapping.label(i) for i in mapping.unrecognised() if table.headers[i]],
    )
