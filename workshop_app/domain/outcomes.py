"""Rules about consensus points and next steps that need neither Qt nor SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workshop_app.domain.model import Action, ActionStatus, ConsensusStatus, Participant

STATUS_LABELS = {
    ConsensusStatus.PROPOSED: "Proposed",
    ConsensusStatus.AGREED: "Agreed",
    ConsensusStatus.AGREED_WITH_RESERVATIONS: "Agreed with reservations",
    ConsensusStatus.NO_CONSENSUS: "No consensus",
    ConsensusStatus.WITHDRAWN: "Withdrawn",
}
#: Statuses under which dissenting or minority views are recorded beside the point.
WITH_DISSENT = {ConsensusStatus.AGREED_WITH_RESERVATIONS, ConsensusStatus.NO_CONSENSUS}
AGREED = {ConsensusStatus.AGREED, ConsensusStatus.AGREED_WITH_RESERVATIONS}

ACTION_LABELS = {
    ActionStatus.OPEN: "Open",
    ActionStatus.DONE: "Done",
    ActionStatus.DROPPED: "Dropped",
}


def is_overdue(action: Action, today: dt.date) -> bool:
    """An open next step whose due date has passed."""
    if action.status != ActionStatus.OPEN or not action.due:
        return False
    return dt.date.fromisoformat(action.due) < today


def owner_name(action: Action, people: Sequence[Participant]) -> str:
    """Who owns a next step, in words: the participant's name, else the free text."""
    if action.owner_participant_id:
        for person in people:
            if person.id == action.owner_participant_id:
                return person.name
    return action.owner or ""
