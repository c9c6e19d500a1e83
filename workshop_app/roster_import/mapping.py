"""Which column of a registration list holds which participant field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from workshop_app.roster_import.columns import column_label
from workshop_app.roster_import.errors import RosterImportError
from workshop_app.roster_import.vocabulary import EITHER_NAME, SYNONYMS, WEAK_NAME


class Target(StrEnum):
    """A participant field a column can be imported into."""

    NAME = "name"
    FIRST_NAME = "first_name"
    MIDDLE_NAME = "middle_name"
    LAST_NAME = "last_name"
    TITLE = "title"
    ORGANISATION = "organisation"
    JOB_TITLE = "job_title"
    EMAIL = "email"
    COUNTRY = "country"
    STAKEHOLDER_GROUP = "stakeholder_group"
    ROLE = "role"
    PRESENT = "present"


#: How each target is named to the user (messages, the preview's column chooser).
TARGET_LABELS: dict[Target, str] = {
    Target.NAME: "full name",
    Target.FIRST_NAME: "first name",
    Target.MIDDLE_NAME: "middle name or particle (van, de)",
    Target.LAST_NAME: "last name",
    Target.TITLE: "title (Ms., Dr.)",
    Target.ORGANISATION: "organisation",
    Target.JOB_TITLE: "job title",
    Target.EMAIL: "email",
    Target.COUNTRY: "country",
    Target.STAKEHOLDER_GROUP: "stakeholder group",
    Target.ROLE: "role",
    Target.PRESENT: "present",
}

_PARENTHESES = re.compile(r"\([^)]*\)")


def normalise_header(header: str) -> str:
    """``header`` reduced for comparison: no case, accents, spacing, punctuation or (remarks)."""
    # "E-mail (work)" and "Name *" are still the email and the name.
    text = _PARENTHESES.sub("", header)
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(char for char in decomposed if char.isalnum())


_BY_KEY: dict[str, Target] = {
    normalise_header(word): Target(target) for target, words in SYNONYMS.items() for word in words
}
_EITHER_NAME = frozenset(normalise_header(word) for word in EITHER_NAME)
_WEAK_NAME = frozenset(normalise_header(word) for word in WEAK_NAME)
NAME_TARGETS = (Target.NAME, Target.FIRST_NAME, Target.LAST_NAME)
# Rows looked at to tell whether a column holds names; a list shows its kind early.
_SAMPLE_ROWS = 200


def recognise(header: str) -> Target | None:
    """The target a header name stands for, or None when it is not one we know."""
    return _BY_KEY.get(normalise_header(header))


@dataclass
class Mapping:
    """One target (or None: not imported) per column; the preview dialog edits ``targets``."""

    headers: list[str]
    targets: list[Target | None]
    #: Columns whose header names a name but which hold numbers, ids or dates (not taken).
    not_names: list[int] = field(default_factory=list)

    def columns_for(self, target: Target) -> list[int]:
        """Indexes of the columns mapped to ``target``."""
        return [index for index, mapped in enumerate(self.targets) if mapped is target]

    def column_for(self, target: Target) -> int | None:
        """The one column mapped to ``target``, or None; call only on an unambiguous mapping."""
        columns = self.columns_for(target)
        return columns[0] if columns else None

    def ambiguous(self) -> dict[Target, list[int]]:
        """Targets that more than one column is mapped to, with those columns."""
        found: dict[Target, list[int]] = {}
        for target in Target:
            columns = self.columns_for(target)
            if len(columns) > 1:
                found[target] = columns
        return found

    def unrecognised(self) -> list[int]:
        """Columns that are not imported (ignored by the CLI; shown in the preview)."""
        return [index for index, mapped in enumerate(self.targets) if mapped is None]

    def label(self, index: int) -> str:
        """Column ``index`` as messages name it."""
        return column_label(self.headers, index)

    def has_name(self) -> bool:
        """True when some column gives a name: the full name, or a first or last name."""
        return any(
            self.columns_for(target)
            for target in (Target.NAME, Target.FIRST_NAME, Target.LAST_NAME)
        )

    def require_usable(self, *, hint: str = "") -> None:
        """Raise RosterImportError when no column gives names or columns compete for a field."""
        ambiguous = self.ambiguous()
        if ambiguous:
            clauses = [
                f"{' and '.join(self.label(i) for i in columns)} could each be the "
                f"{TARGET_LABELS[target]}"
                for target, columns in ambiguous.items()
            ]
            raise RosterImportError(
                f"Cannot tell which column to use: {'; '.join(clauses)}.",
                hint=hint or "Keep one of them, or choose in the import preview.",
            )
        if not self.has_name():
            why = ""
            if self.not_names:
                columns = " and ".join(self.label(i) for i in self.not_names)
                why = f" ({columns}: numbers, ids or dates, not names)"
            raise RosterImportError(
                f"No column holds the participants' names{why}.",
                hint="Name a column 'Name' (or 'First name' and 'Last name'), "
                "or choose it in the import preview.",
            )


def guess_mapping(headers: Sequence[str], rows: Sequence[Sequence[str]] = ()) -> Mapping:
    """Map each column to the target its header stands for (unknown and blank ones to None).

    With the ``rows``, a column of numbers, ids or dates is never taken for names. A header
    that is a name alone or one part of it ("Nom", "Nome", "Name") takes the part the other
    columns leave, and a first and last name pair is preferred to a display name.
    """
    keys = [normalise_header(header) for header in headers]
    targets = [recognise(header) for header in headers]
    not_names = []
    for column, target in enumerate(targets):
        if target in NAME_TARGETS and (
            _numbered(headers[column]) or not _holds_names(rows, column)
        ):
            targets[column] = None
            not_names.append(column)
    parts = {
        target: any(
            mapped is target and key not in _EITHER_NAME
            for mapped, key in zip(targets, keys, strict=True)
        )
        for target in (Target.FIRST_NAME, Target.LAST_NAME)
    }
    has_first, has_last = parts[Target.FIRST_NAME], parts[Target.LAST_NAME]
    for column, key in enumerate(keys):
        if targets[column] is None or key not in _EITHER_NAME:
            continue
        if has_first and not has_last:
            targets[column] = Target.LAST_NAME
        elif has_last and not has_first:
            targets[column] = Target.FIRST_NAME
        elif has_first and has_last:
            targets[column] = Target.NAME
    if Target.FIRST_NAME in targets and Target.LAST_NAME in targets:
        for column, key in enumerate(keys):
            if targets[column] is Target.NAME and key in _WEAK_NAME:
                targets[column] = None
    return Mapping(list(headers), targets, not_names)


def header_score(cells: Sequence[str]) -> int:
    """How much ``cells`` look like the header of a list of people: the number of fields
    they name, or 0 when none of them names the people."""
    targets = {recognise(cell) for cell in cells if cell} - {None}
    return len(targets) if targets & set(NAME_TARGETS) else 0


def _numbered(header: str) -> bool:
    """True for a header of numbers: "Attendee #", "Order #"."""
    return "#" in header or "№" in header


def _holds_names(rows: Sequence[Sequence[str]], column: int) -> bool:
    """False when most filled cells of ``column`` are numbers, ids or dates, not names."""
    cells = [
        cell.strip() for row in rows[:_SAMPLE_ROWS] if column < len(row) and (cell := row[column])
    ]
    cells = [cell for cell in cells if cell]
    not_names = sum(1 for cell in cells if not _looks_like_a_name(cell))
    return not_names * 2 <= len(cells)


def _looks_like_a_name(cell: str) -> bool:
    """A name has letters and no digits ("5001", "2026-11-12" and "A7F3-19" are not names)."""
    return any(char.isalpha() for char in cell) and not any(char.isdigit() for char in cell)
