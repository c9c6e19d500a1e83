"""Which column of a registration list holds which participant field."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from workshop_app.roster_import.errors import RosterImportError
from workshop_app.roster_import.reading import column_label


class Target(StrEnum):
    """A participant field a column can be imported into."""

    NAME = "name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    TITLE = "title"
    ORGANISATION = "organisation"
    EMAIL = "email"
    COUNTRY = "country"
    STAKEHOLDER_GROUP = "stakeholder_group"
    ROLE = "role"
    PRESENT = "present"


#: How each target is named to the user (messages, the preview's column chooser).
TARGET_LABELS: dict[Target, str] = {
    Target.NAME: "full name",
    Target.FIRST_NAME: "first name",
    Target.LAST_NAME: "last name",
    Target.TITLE: "title (Ms., Dr.)",
    Target.ORGANISATION: "organisation",
    Target.EMAIL: "email",
    Target.COUNTRY: "country",
    Target.STAKEHOLDER_GROUP: "stakeholder group",
    Target.ROLE: "role",
    Target.PRESENT: "present",
}

# Header names as registration tools and spreadsheets write them; compared after normalise_header.
_SYNONYMS: dict[Target, tuple[str, ...]] = {
    Target.NAME: (
        "name",
        "full name",
        "participant",
        "participant name",
        "participant's name",
        "attendee",
        "attendee name",
        "delegate",
        "delegate name",
    ),
    Target.FIRST_NAME: ("first name", "given name", "forename", "prénom", "first"),
    Target.LAST_NAME: ("last name", "surname", "family name", "nom", "last"),
    Target.TITLE: ("title", "salutation", "honorific", "mr/ms", "mr/mrs/ms", "prefix"),
    Target.ORGANISATION: (
        "organisation",
        "organization",
        "organisation name",
        "organization name",
        "company",
        "company name",
        "affiliation",
        "institution",
        "org",
    ),
    Target.EMAIL: ("email", "e-mail", "mail", "email address", "e-mail address", "mail address"),
    Target.COUNTRY: ("country", "country name"),
    Target.STAKEHOLDER_GROUP: (
        "stakeholder group",
        "stakeholder",
        "stakeholder type",
        "group",
        "sector",
        "category",
        "constituency",
    ),
    Target.ROLE: ("role", "function at event", "role at event", "event role"),
    Target.PRESENT: ("present", "attended", "checked in", "check-in", "attendance"),
}

_PARENTHESES = re.compile(r"\([^)]*\)")


def normalise_header(header: str) -> str:
    """``header`` reduced for comparison: no case, accents, spacing, punctuation or (remarks)."""
    # "E-mail (work)" and "Name *" are still the email and the name.
    text = _PARENTHESES.sub("", header)
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(char for char in decomposed if char.isalnum())


_BY_KEY: dict[str, Target] = {
    normalise_header(word): target for target, words in _SYNONYMS.items() for word in words
}


def recognise(header: str) -> Target | None:
    """The target a header name stands for, or None when it is not one we know."""
    return _BY_KEY.get(normalise_header(header))


@dataclass
class Mapping:
    """One target (or None: not imported) per column; the preview dialog edits ``targets``."""

    headers: list[str]
    targets: list[Target | None]

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
            raise RosterImportError(
                "No column holds the participants' names.",
                hint="Name a column 'Name' (or 'First name' and 'Last name'), "
                "or choose it in the import preview.",
            )


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """Map each header to the target its name stands for; unknown and blank headers to None."""
    return Mapping(list(headers), [recognise(header) for header in headers])
