"""The workshop's values as plain dataclasses.

Timestamps are kept as the RFC 3339 text they were recorded or imported with, so that a
file round-trips exactly; ``domain.clock`` parses them where arithmetic is needed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum


def new_id() -> str:
    """A fresh id for a row created in the app (UUIDs merge across laptops)."""
    return str(uuid.uuid4())


class Role(StrEnum):
    CHAIR = "chair"
    FACILITATOR = "facilitator"
    RAPPORTEUR = "rapporteur"
    ORGANISER = "organiser"
    SPEAKER = "speaker"
    PARTICIPANT = "participant"
    OBSERVER = "observer"


class ItemKind(StrEnum):
    SESSION = "session"
    BREAK = "break"


class ItemStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    SKIPPED = "skipped"


class SpeechStatus(StrEnum):
    WAITING = "waiting"
    SPEAKING = "speaking"
    DONE = "done"
    WITHDRAWN = "withdrawn"


class ContributionKind(StrEnum):
    STATEMENT = "statement"
    QUESTION = "question"
    PROPOSAL = "proposal"
    EXAMPLE = "example"
    CONCERN = "concern"


class ConsensusStatus(StrEnum):
    PROPOSED = "proposed"
    AGREED = "agreed"
    AGREED_WITH_RESERVATIONS = "agreed_with_reservations"
    NO_CONSENSUS = "no_consensus"
    WITHDRAWN = "withdrawn"


class NextStepStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


#: Fewest participants who may share a country, organisation or group named in anonymous minutes.
DEFAULT_ANONYMITY_K = 3
#: The range of the workshop's anonymity threshold.
ANONYMITY_K_RANGE = (2, 20)


@dataclass(frozen=True)
class Workshop:
    """The event itself: what the details form edits."""

    title: str
    subtitle: str | None = None
    date: str | None = None  # YYYY-MM-DD
    start_time: str | None = None  # HH:MM, local
    timezone: str | None = None  # IANA name
    venue: str | None = None
    organiser: str | None = None
    purpose: str | None = None
    language: str | None = None  # BCP 47
    stakeholder_groups: tuple[str, ...] = ()
    #: The minutes' front page: the secretariat's reference and who prepared them.
    document_reference: str | None = None
    prepared_by: str | None = None
    #: Anonymous minutes name no country, organisation or group shared by fewer participants.
    anonymity_k: int = DEFAULT_ANONYMITY_K
    #: Names that are public, not participants' identities (the organiser, the convening and
    #: mandating bodies): the anonymity check never reports them. Confirmed once by the organiser.
    public_names: tuple[str, ...] = ()
    public_names_confirmed: bool = False


# Fields of Workshop that are single values (not the group list), in form order.
WORKSHOP_FIELDS = (
    "title",
    "subtitle",
    "date",
    "start_time",
    "timezone",
    "venue",
    "organiser",
    "purpose",
    "language",
    "document_reference",
    "prepared_by",
)


@dataclass(frozen=True)
class Participant:
    id: str
    name: str
    title: str | None = None
    organisation: str | None = None
    stakeholder_group: str | None = None
    country: str | None = None
    email: str | None = None
    role: Role = Role.PARTICIPANT
    present: bool = True
    #: The position held at their organisation ("Head of Unit"); not the honorific ``title``.
    job_title: str | None = None


@dataclass(frozen=True)
class GuidingQuestion:
    id: str
    agenda_item_id: str
    text: str
    #: A breakout group's own question; None: the item's, shared by all its groups.
    group_id: str | None = None


@dataclass(frozen=True)
class Day:
    """A day of the event: its date, when it starts and, once re-planned or set, when it ends.

    The agenda's items follow each other across the days in order; the items of a day are
    consecutive (the first day's come first), and each day's times are computed from its start.
    """

    id: str
    date: str | None = None  # YYYY-MM-DD
    start_time: str | None = None  # HH:MM, local
    end_time: str | None = None  # HH:MM, local: the planned end, when one is set


#: The id given to the one day of a workshop made before days existed (or imported without).
FIRST_DAY_ID = "day-1"


@dataclass(frozen=True)
class AgendaItem:
    id: str
    title: str
    kind: ItemKind = ItemKind.SESSION
    description: str | None = None
    planned_minutes: int | None = None
    status: ItemStatus = ItemStatus.PLANNED
    started_at: str | None = None
    ended_at: str | None = None
    summary: str | None = None
    #: The day the item is held on; None only in a record not yet written (the first day).
    day_id: str | None = None
    #: For a report-back in plenary: the item whose breakout groups report here.
    reports_on: str | None = None
    questions: tuple[GuidingQuestion, ...] = field(default=())


@dataclass(frozen=True)
class BreakoutGroup:
    """One of the parallel groups a session item runs as ("Group A: Africa"): its room, who
    facilitates and who reports, its members; what is said in it names it (``group_id``)."""

    id: str
    agenda_item_id: str
    name: str
    room: str | None = None
    facilitator_id: str | None = None  # a participant
    rapporteur_id: str | None = None  # a participant
    #: The rapporteur's summary of the group's discussion, for the report-back.
    summary: str | None = None
    member_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speech:
    id: str
    participant_id: str
    agenda_item_id: str
    requested_at: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    status: SpeechStatus = SpeechStatus.DONE
    group_id: str | None = None  # given in that breakout group


@dataclass(frozen=True)
class Contribution:
    id: str
    agenda_item_id: str
    text: str
    question_id: str | None = None
    participant_id: str | None = None
    speech_id: str | None = None
    kind: ContributionKind = ContributionKind.STATEMENT
    recorded_at: str | None = None
    highlight: bool = False
    group_id: str | None = None  # said in that breakout group


@dataclass(frozen=True)
class ConsensusPoint:
    id: str
    agenda_item_id: str
    text: str
    question_id: str | None = None
    status: ConsensusStatus = ConsensusStatus.PROPOSED
    reservations: str | None = None
    supporting_contribution_ids: tuple[str, ...] = ()
    recorded_at: str | None = None
    group_id: str | None = None  # proposed in that breakout group
    #: In a report-back: the group's point that plenary took up (the link to its discussion).
    from_point_id: str | None = None


@dataclass(frozen=True)
class NextStep:
    id: str
    text: str
    agenda_item_id: str | None = None
    owner: str | None = None
    owner_participant_id: str | None = None
    due: str | None = None  # YYYY-MM-DD
    status: NextStepStatus = NextStepStatus.OPEN
    group_id: str | None = None  # agreed in that breakout group


@dataclass(frozen=True)
class WorkshopRecord:
    """A whole workshop at once: what interchange reads and writes."""

    workshop: Workshop
    participants: tuple[Participant, ...] = ()
    #: The days, in order; none in a record from before days (one day is made on writing).
    days: tuple[Day, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    groups: tuple[BreakoutGroup, ...] = ()
    speeches: tuple[Speech, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    consensus: tuple[ConsensusPoint, ...] = ()
    next_steps: tuple[NextStep, ...] = ()
