"""Participation balance: turns and speaking time per stakeholder group (and per person).

A chair uses it live to see when a group has not been heard; the minutes print it in the annex.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshop_app.domain.clock import seconds_between
from workshop_app.domain.model import Participant, Speech, SpeechStatus
from workshop_app.domain.roster import NO_GROUP


@dataclass(frozen=True)
class Share:
    """One group's (or one person's) part of the floor."""

    name: str
    turns: int
    seconds: float


@dataclass(frozen=True)
class Balance:
    groups: tuple[Share, ...]
    people: tuple[Share, ...]

    @property
    def total_seconds(self) -> float:
        return sum(share.seconds for share in self.groups)

    @property
    def total_turns(self) -> int:
        return sum(share.turns for share in self.groups)


def speech_seconds(speech: Speech, now: dt.datetime | None = None) -> float:
    """How long a speech lasted; one still going counts until ``now``."""
    if speech.status == SpeechStatus.SPEAKING and speech.ended_at is None:
        return seconds_between(speech.started_at, now)
    return seconds_between(speech.started_at, speech.ended_at)


def counted(speech: Speech) -> bool:
    """A turn that was (or is being) taken: not one still waiting or withdrawn."""
    return speech.status in (SpeechStatus.DONE, SpeechStatus.SPEAKING)


def participation_balance(
    speeches: Iterable[Speech],
    participants: Sequence[Participant],
    groups: Sequence[str],
    *,
    agenda_item_id: str | None = None,
    now: dt.datetime | None = None,
) -> Balance:
    """Turns and seconds per group (all of the workshop's groups, heard or not, in order)
    and per person (those who spoke, most time first), for one item or the whole day."""
    people = {p.id: p for p in participants}
    by_group: dict[str, list[float]] = {g: [] for g in groups}
    by_person: dict[str, list[float]] = {}
    for speech in speeches:
        if not counted(speech) or (agenda_item_id and speech.agenda_item_id != agenda_item_id):
            continue
        person = people.get(speech.participant_id)
        group = (person.stakeholder_group if person else None) or NO_GROUP
        seconds = speech_seconds(speech, now)
        by_group.setdefault(group, []).append(seconds)
        by_person.setdefault(speech.participant_id, []).append(seconds)
    group_shares = tuple(Share(g, len(v), sum(v)) for g, v in by_group.items())
    person_shares = sorted(
        (
            Share(people[pid].name if pid in people else pid, len(v), sum(v))
            for pid, v in by_person.items()
        ),
        key=lambda share: (-share.seconds, share.name),
    )
    return Balance(group_shares, tuple(person_shares))
