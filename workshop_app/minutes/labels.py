"""The fixed words of the minutes (headings, captions), in one place so they can be translated."""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import ContributionKind, Role

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Labels:
    """Headings and captions; templates reach them as ``labels.<name>``."""

    minutes: str = "Minutes"
    agenda_handout: str = "Agenda"
    date: str = "Date"
    #: Written before a day's number: "Day 2 · 11 March 2009".
    day: str = "Day"
    venue: str = "Venue"
    organiser: str = "Organiser"
    chair: str = "Chair"
    purpose: str = "Why the event was convened"
    who_took_part: str = "Who took part"
    stakeholder_group: str = "Stakeholder group"
    present: str = "Present"
    total: str = "Total"
    attendance_list: str = "Attendance list"
    organisations_represented: str = "Organisations represented"
    name: str = "Name"
    organisation: str = "Organisation"
    job_title: str = "Job title"
    job_titles: str = "Job titles"
    agenda: str = "Agenda"
    planned: str = "Planned"
    actual: str = "Actual"
    item: str = "Item"
    duration: str = "Duration"
    guiding_questions: str = "Guiding questions"
    other_contributions: str = "Other contributions"
    #: Over consensus points about no guiding question, when nothing else is in that section.
    beyond_questions: str = "Beyond the guiding questions"
    examples_named: str = "Examples named"
    consensus: str = "Consensus"
    reservations: str = "Reservations"
    nothing_recorded: str = "Nothing was recorded on this question."
    not_shown: str = "further contributions are in the full record."
    not_shown_one: str = "further contribution is in the full record."
    points_agreed: str = "Points agreed"
    no_points_agreed: str = "No points were agreed."
    next_steps: str = "Next steps"
    no_next_steps: str = "No next steps were recorded."
    action: str = "Action"
    owner: str = "Owner"
    due: str = "Due"
    status: str = "Status"
    annex: str = "Annex"
    participation_balance: str = "Participation balance"
    turns: str = "Turns"
    speaking_time: str = "Speaking time"
    share: str = "Share of time"
    speakers_log: str = "Speakers' log"
    room: str = "Room"
    facilitator: str = "Facilitator"
    rapporteur: str = "Rapporteur"
    group_reports: str = "Reports from the groups"
    proposed: str = "Put to plenary"
    #: Before a group's name beside a point: "(from Group A: Africa)".
    from_group: str = "from"
    time: str = "Time"
    speaker: str = "Speaker"
    page: str = "Page"
    of: str = "of"
    skipped: str = "skipped"
    #: In anonymous minutes, the groups fewer than k present participants share, as one row.
    other_groups: str = "Other groups"
    # Reported speech (minutes/speech.py puts these together; issue 18).
    #: Who said it, in anonymous mode: "One participant raised a concern: …".
    one_participant: str = "One participant"
    #: The next speakers of a run of one stakeholder group: "Another participant asked: …".
    another_participant: str = "Another participant"
    #: A contribution from the floor that has a verb: "A participant from the floor asked: …".
    floor_speaker: str = "A participant from the floor"
    #: Before a run of one group's speakers: "Three participants from civil society spoke in
    #: turn." ({count} is a COUNT_WORDS word or a number, {people} the singular or plural).
    spoke_in_turn: str = "{count} {people} from {group} spoke in turn."
    participant_one: str = "participant"
    participant_many: str = "participants"
    # A next step's owner in anonymous mode, when the owner may not be named.
    owner_secretariat: str = "the secretariat"
    owner_participant: str = "a participant"
    owner_participant_from: str = "a participant from {group}"
    #: An owner typed as the name of an organisation that is not on the public list.
    owner_organisation: str = "a participating organisation"
    owner_organisation_from: str = "an organisation from {group}"
    # The front page block, the summary at the top and the section at the end.
    document_reference: str = "Document reference"
    document_status: str = "Status"
    draft: str = "Draft"
    final: str = "Final"
    #: Marked on every page of a draft (a banner, the page header).
    draft_mark: str = "DRAFT"
    draft_reason: str = "items of the agenda are still to be held"
    issued: str = "Date of issue"
    prepared_by: str = "Prepared by"
    key_outcomes: str = "Key outcomes"
    what_comes_next: str = "What comes next"
    #: Before a next step's due date in the short summary: "(MIEUX, by 31 December 2018)".
    by: str = "by"


KIND_LABELS = {
    ContributionKind.STATEMENT: "statement",
    ContributionKind.QUESTION: "question",
    ContributionKind.PROPOSAL: "proposal",
    ContributionKind.EXAMPLE: "example",
    ContributionKind.CONCERN: "concern",
}
#: The verb of reported speech per kind: "One participant raised a concern: …". A statement
#: by a named speaker has none ("Ms. Rusu (Moldova): …"); anonymously it is "said".
KIND_VERBS = {
    ContributionKind.STATEMENT: "said",
    ContributionKind.QUESTION: "asked",
    ContributionKind.PROPOSAL: "made a proposal",
    ContributionKind.EXAMPLE: "gave an example",
    ContributionKind.CONCERN: "raised a concern",
}
#: Counts at the start of a sentence ("Three participants from …"); larger ones as digits.
COUNT_WORDS = (
    *("Zero", "One", "Two", "Three", "Four", "Five"),
    *("Six", "Seven", "Eight", "Nine", "Ten"),
)
#: A next step's owner by role, in anonymous mode; "" where the role says nothing (a
#: participant is then named by stakeholder group, when that is large enough).
OWNER_ROLES = {
    Role.CHAIR: "the chair",
    Role.FACILITATOR: "a facilitator",
    Role.RAPPORTEUR: "a rapporteur",
    Role.ORGANISER: "the organisers",
    Role.SPEAKER: "a speaker",
    Role.PARTICIPANT: "",
    Role.OBSERVER: "an observer",
}
ROLE_LABELS = {
    Role.CHAIR: "chair",
    Role.FACILITATOR: "facilitator",
    Role.RAPPORTEUR: "rapporteur",
    Role.ORGANISER: "organiser",
    Role.SPEAKER: "speaker",
    Role.PARTICIPANT: "",
    Role.OBSERVER: "observer",
}
ATTRIBUTION_NOTES = {
    Attribution.NAMED: "",
    Attribution.ORGANISATION: "Contributions are attributed to organisations.",
    Attribution.GROUP: "Contributions are attributed to stakeholder groups.",
    Attribution.ANONYMOUS: "Held under the Chatham House Rule: contributions are not attributed.",
}


def labels_for(language: str | None) -> Labels:
    """The labels for ``language``; English until translations exist."""
    del language  # one language so far; the argument keeps callers ready for more
    return Labels()


def duration_words(seconds: float) -> str:
    """A speaking time as minutes print it: "3 min 25 s", "56 min", "2 h 39 min", "40 s"
    (never a clock face such as "56:00", which reads as a time of day)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes:02d} min"
    if minutes:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    return f"{secs} s"


def date_range(first: str | None, last: str | None) -> str:
    """``2009-03-10``, ``2009-03-12`` → ``10–12 March 2009``; across months or years the
    shared part is written once; one date (or the same twice) as ``long_date``."""
    if not first or not last or first == last:
        return long_date(first or last)
    try:
        y1, m1, d1 = (int(part) for part in first.split("-"))
        y2, m2, d2 = (int(part) for part in last.split("-"))
        month1, month2 = MONTHS[m1 - 1], MONTHS[m2 - 1]
    except (ValueError, IndexError):
        return f"{first} – {last}"
    if (y1, m1) == (y2, m2):
        return f"{d1}–{d2} {month2} {y2}"
    if y1 == y2:
        return f"{d1} {month1} – {d2} {month2} {y2}"
    return f"{long_date(first)} – {long_date(last)}"


def long_date(iso: str | None) -> str:
    """``2017-09-21`` → ``21 September 2017``; text that is not a date is shown as typed."""
    if not iso:
        return ""
    try:
        year, month, day = (int(part) for part in iso.split("-"))
        return f"{day} {MONTHS[month - 1]} {year}"
    except (ValueError, IndexError):
        return iso
