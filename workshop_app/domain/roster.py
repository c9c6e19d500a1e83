"""Rules about the roster that need neither Qt nor SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workshop_app.domain.model import Participant

NO_GROUP = "No group"


@dataclass(frozen=True)
class GroupCount:
    group: str
    present: int
    registered: int


def checkin_counts(people: Sequence[Participant], groups: Sequence[str]) -> list[GroupCount]:
    """Registered and present per stakeholder group, in the workshop's group order.

    Groups people belong to that the workshop does not list come after, then those with none.
    """
    order = list(groups)
    for person in people:
        group = person.stakeholder_group or NO_GROUP
        if group not in order and group != NO_GROUP:
            order.append(group)
    if any(not p.stakeholder_group for p in people):
        order.append(NO_GROUP)
    counts = []
    for group in order:
        members = [p for p in people if (p.stakeholder_group or NO_GROUP) == group]
        counts.append(GroupCount(group, sum(p.present for p in members), len(members)))
    return counts
