"""Rules about consensus points and next steps that need neither Qt nor SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from workshop_app.domain.model import ConsensusStatus, NextStep, NextStepStatus, Participant

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

NEXT_STEP_LABELS = {
    NextStepStatus.OPEN: "Open",
    NextStepStatus.DONE: "Done",
    NextStepStatus.DROPPED: "Dropped",
}


def is_overdue(step: NextStep, today: dt.date) -> bool:
    """An open next step whose due date has passed."""
    if step.status != NextStepStatus.OPEN or not step.due:
        return False
    return dt.date.fromisoformat(step.due) < today


def owner_name(step: NextStep, people: Sequence[Participant]) -> str:
    """Who owns a next step, in words: the participant's name, else the free text."""
    if step.owner_participant_id:
        for person in people:
            if person.id == step.owner_participant_id:
                return person.name
    return step.owner or ""
