"""How each JSON object of the interchange file maps onto a domain dataclass, per version.

One table per object, in the newest schema's property order, serves both directions: the
exporter writes keys in this order and the importer reads them through it. An older version
is the newest without the keys added since (``ADDED_IN``). Tests hold the tables to the
schemas, so a field added to one without the other is caught.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from workshop_app.domain.model import (
    AgendaItem,
    BreakoutGroup,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    ContributionKind,
    Day,
    GuidingQuestion,
    ItemKind,
    ItemStatus,
    NextStep,
    NextStepStatus,
    Participant,
    Role,
    Speech,
    SpeechStatus,
    Workshop,
)

FORMAT = "workshop-app"
#: The newest format version: what export writes unless asked for an older one.
VERSION = 4
#: Every version import reads, oldest first.
VERSIONS = (1, 2, 3, 4)
#: The schema of each version, in resources/ (version 1's is the public contract's copy).
SCHEMAS = {
    1: "workshop.schema.json",
    2: "workshop.schema.v2.json",
    3: "workshop.schema.v3.json",
    4: "workshop.schema.v4.json",
}
#: What each version added: (schema definition, key) pairs that older versions cannot hold.
ADDED_IN: dict[int, tuple[tuple[str, str], ...]] = {
    2: (("participant", "job_title"),),
    3: (
        ("agenda_item", "day"),
        ("agenda_item", "reports_on"),
        ("question", "group"),
        ("speech", "group"),
        ("contribution", "group"),
        ("consensus_point", "group"),
        ("consensus_point", "from_point"),
        ("action", "group"),
    ),
    4: (
        ("workshop", "document_reference"),
        ("workshop", "prepared_by"),
        ("workshop", "anonymity_k"),
        ("workshop", "public_names"),
        ("workshop", "public_names_confirmed"),
    ),
}
#: Top-level lists each version added (an older version's file has no such key).
LISTS_ADDED_IN: dict[int, tuple[str, ...]] = {3: ("days", "groups")}
#: The first version with days (and groups): older ones hold a one-day workshop.
DAYS_VERSION = next(v for v, keys in LISTS_ADDED_IN.items() if "days" in keys)

#: The top-level lists, in the schema's order, with the dataclass of their items.
LISTS: tuple[tuple[str, type], ...] = (
    ("participants", Participant),
    ("days", Day),
    ("agenda", AgendaItem),
    ("groups", BreakoutGroup),
    ("speeches", Speech),
    ("contributions", Contribution),
    ("consensus", ConsensusPoint),
    ("actions", NextStep),
)

#: The WorkshopRecord attribute of each top-level list whose name differs from its JSON key
#: (the key "actions" is a public contract; in the code a next step is a NextStep).
RECORD_ATTRS = {"actions": "next_steps"}


def record_attr(key: str) -> str:
    """The WorkshopRecord attribute holding the top-level list ``key``."""
    return RECORD_ATTRS.get(key, key)


class Field(NamedTuple):
    """One JSON key, the dataclass attribute it fills, and how a JSON value becomes one."""

    key: str
    attr: str
    load: Callable[[Any], Any] | None = None


Layout = tuple[Field, ...]


def _fields(*spec: str | tuple[str, str] | tuple[str, str, Callable[[Any], Any]]) -> Layout:
    """A layout from keys named like their attribute, or (key, attr[, load]) tuples."""
    return tuple(Field(s, s) if isinstance(s, str) else Field(*s) for s in spec)


WORKSHOP = _fields(
    "title",
    "subtitle",
    "date",
    "start_time",
    "timezone",
    "venue",
    "organiser",
    "purpose",
    "language",
    ("stakeholder_groups", "stakeholder_groups", tuple),
    "document_reference",
    "prepared_by",
    ("anonymity_k", "anonymity_k", int),
    ("public_names", "public_names", tuple),
    "public_names_confirmed",
)
#: Workshop keys written only when they differ from the default (a file that never set them,
#: and every older version's, reads the same).
OMITTED_WHEN_DEFAULT = frozenset({"anonymity_k", "public_names", "public_names_confirmed"})

PARTICIPANT = _fields(
    "id",
    "name",
    "title",
    "job_title",
    "organisation",
    "stakeholder_group",
    "country",
    "email",
    ("role", "role", Role),
    "present",
)

QUESTION = _fields("id", "text", ("group", "group_id"))

AGENDA_ITEM = _fields(
    "id",
    "title",
    ("kind", "kind", ItemKind),
    "description",
    # JSON Schema counts 30.0 as an integer; the document keeps a real int.
    ("planned_minutes", "planned_minutes", int),
    ("status", "status", ItemStatus),
    "started_at",
    "ended_at",
    "summary",
    ("day", "day_id"),
    "reports_on",
    "questions",  # built by the importer, which knows the item's id
)

GROUP = _fields(
    "id",
    ("agenda_item", "agenda_item_id"),
    "name",
    "room",
    ("facilitator", "facilitator_id"),
    ("rapporteur", "rapporteur_id"),
    "summary",
    ("members", "member_ids", tuple),
)

DAY = _fields("id", "date", "start_time", "end_time")

SPEECH = _fields(
    "id",
    ("participant", "participant_id"),
    ("agenda_item", "agenda_item_id"),
    "requested_at",
    "started_at",
    "ended_at",
    ("status", "status", SpeechStatus),
    ("group", "group_id"),
)

CONTRIBUTION = _fields(
    "id",
    ("agenda_item", "agenda_item_id"),
    ("question", "question_id"),
    ("participant", "participant_id"),
    ("speech", "speech_id"),
    ("kind", "kind", ContributionKind),
    "text",
    "recorded_at",
    "highlight",
    ("group", "group_id"),
)

CONSENSUS_POINT = _fields(
    "id",
    ("agenda_item", "agenda_item_id"),
    ("question", "question_id"),
    "text",
    ("status", "status", ConsensusStatus),
    "reservations",
    ("supporting_contributions", "supporting_contribution_ids", tuple),
    "recorded_at",
    ("group", "group_id"),
    ("from_point", "from_point_id"),
)

NEXT_STEP = _fields(
    "id",
    "text",
    ("agenda_item", "agenda_item_id"),
    "owner",
    ("owner_participant", "owner_participant_id"),
    "due",
    ("status", "status", NextStepStatus),
    ("group", "group_id"),
)

#: The table for each dataclass, and the schema definition it follows.
LAYOUTS: dict[type, tuple[str, Layout]] = {
    Workshop: ("workshop", WORKSHOP),
    Participant: ("participant", PARTICIPANT),
    GuidingQuestion: ("question", QUESTION),
    Day: ("day", DAY),
    AgendaItem: ("agenda_item", AGENDA_ITEM),
    BreakoutGroup: ("group", GROUP),
    Speech: ("speech", SPEECH),
    Contribution: ("contribution", CONTRIBUTION),
    ConsensusPoint: ("consensus_point", CONSENSUS_POINT),
    NextStep: ("action", NEXT_STEP),
}
