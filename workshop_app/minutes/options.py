"""What the person exporting chooses: attribution, how much of the record, annex, paper."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from workshop_app.domain.attribution import Attribution


class RecordMode(StrEnum):
    """Every contribution, or only those marked as highlights."""

    FULL = "full"
    HIGHLIGHTS = "highlights"


class Status(StrEnum):
    """Draft or final minutes (a draft is marked "DRAFT" on every page)."""

    DRAFT = "draft"
    FINAL = "final"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


class Owners(StrEnum):
    """Anonymous minutes: who a next step's owner becomes when they may not be named."""

    ROLE = "role"  # "the chair", "a rapporteur", "a participant from civil society"
    SECRETARIAT = "secretariat"  # "the secretariat"


@dataclass(frozen=True)
class MinutesOptions:
    """The choices of the export dialog (and of the CLI's export options)."""

    attribution: Attribution = Attribution.NAMED
    # The full record loses nothing, and a workshop where nobody marked highlights would
    # otherwise give empty minutes; highlights are a deliberate choice.
    record: RecordMode = RecordMode.FULL
    annex: bool = True
    paper: Paper = Paper.A4
    # BCP 47 tag of the document (HTML lang, DOCX language); None means the workshop's own.
    language: str | None = None
    status: Status = Status.FINAL  # a draft anyway while items are still to be held
    issued: str | None = None  # the date of issue, YYYY-MM-DD; None: today
    numbered: bool = False  # number the body's paragraphs 1., 2., … (UN style)
    actual_times: bool = False  # the agenda's "Actual" column (when each item really ran)
    # Anonymous mode: owners not on the public list by their role, or all as the secretariat.
    owners: Owners = Owners.ROLE
