"""Build a workshop far bigger than any real day, through the store, deterministically.

``python benchmarks/make_large.py OUT.workshop [--scale 1.0] [--seed 2017]``: 200 agenda items
with 3 guiding questions each, 1,000 participants in 6 stakeholder groups, 5,000 speeches,
50,000 contributions of 10 to 200 words (some highlighted), 500 consensus points and 500 next
steps at scale 1. A smaller ``--scale`` makes the same shape smaller (the smoke test uses it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
from pathlib import Path

from workshop_app.domain.clock import format_timestamp
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusPoint,
    ConsensusStatus,
    Contribution,
    ContributionKind,
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
    WorkshopRecord,
)
from workshop_app.store import Document

GROUPS = (
    "EU development agencies",
    "European institutions",
    "Partner countries",
    "Civil society",
    "International organisations",
    "Academia",
)
WORDS = [
    "partnership",
    "capacity",
    "development",
    "migration",
    "management",
    "responsibility",
    "goals",
    "approaches",
    "sharing",
    "dialogue",
    "cooperation",
    "regional",
    "process",
    "mobility",
    "programme",
    "experts",
    "peer",
    "exchange",
    "administration",
    "trust",
    "ownership",
    "demand",
    "priorities",
    "public",
    "opinion",
    "misconceptions",
    "funding",
    "governance",
    "policy",
    "institutions",
    "practitioners",
    "lessons",
    "future",
    "evaluation",
    "sustainability",
    "Rabat",
    "Moldova",
    "Cabo",
    "Verde",
    "Africa",
    "Asia",
    "neighbourhood",
    "Latin",
    "America",
    "Caribbean",
    "return",
    "readmission",
    "diaspora",
    "integration",
    "labour",
    "skills",
    "protection",
    "rights",
    "data",
    "evidence",
]
TZ = dt.timezone(dt.timedelta(hours=2))


def counts(scale: float) -> dict[str, int]:
    base = {
        "items": 200,
        "participants": 1000,
        "speeches": 5000,
        "contributions": 50_000,
        "consensus": 500,
        "actions": 500,
    }
    return {k: max(2, round(v * scale)) for k, v in base.items()}


def build(scale: float = 1.0, seed: int = 2017) -> WorkshopRecord:
    rng = random.Random(seed)
    n = counts(scale)
    people = [
        Participant(
            id=f"p{i}",
            name=f"{rng.choice(['A.', 'B.', 'C.', 'D.', 'E.'])} Person{i}",
            title=rng.choice(["Ms.", "Mr.", "Dr.", None]),
            organisation=f"Organisation {i % 300}",
            stakeholder_group=GROUPS[i % len(GROUPS)],
            country=f"Country {i % 80}",
            email=f"person{i}@example.org",
            role=Role.PARTICIPANT,
            present=rng.random() < 0.9,
        )
        for i in range(n["participants"])
    ]
    start = dt.datetime(2017, 9, 21, 8, 0, tzinfo=TZ)
    items = []
    for i in range(n["items"]):
        items.append(
            AgendaItem(
                id=f"a{i}",
                title=f"Session {i}: {' '.join(rng.sample(WORDS, 4))}",
                kind=ItemKind.BREAK if i % 10 == 9 else ItemKind.SESSION,
                planned_minutes=rng.choice([15, 30, 45, 60, 90]),
                status=ItemStatus.DONE if i < n["items"] - 1 else ItemStatus.RUNNING,
                started_at=format_timestamp(start + dt.timedelta(minutes=30 * i)),
                ended_at=None
                if i == n["items"] - 1
                else format_timestamp(start + dt.timedelta(minutes=30 * i + 29)),
                questions=tuple(
                    GuidingQuestion(
                        id=f"q{i}_{j}",
                        agenda_item_id=f"a{i}",
                        text=f"Question {j + 1}: {' '.join(rng.sample(WORDS, 8))}?",
                    )
                    for j in range(3)
                ),
            )
        )
    speeches = []
    for i in range(n["speeches"]):
        item = i * n["items"] // n["speeches"]
        begin = start + dt.timedelta(minutes=30 * item, seconds=20 * (i % 80))
        speeches.append(
            Speech(
                id=f"s{i}",
                participant_id=f"p{rng.randrange(n['participants'])}",
                agenda_item_id=f"a{item}",
                requested_at=format_timestamp(begin),
                started_at=format_timestamp(begin),
                ended_at=format_timestamp(begin + dt.timedelta(seconds=15)),
                status=SpeechStatus.DONE,
            )
        )
    contributions = []
    kinds = list(ContributionKind)
    for i in range(n["contributions"]):
        speech = speeches[i * n["speeches"] // n["contributions"]]
        item = int(speech.agenda_item_id[1:])
        contributions.append(
            Contribution(
                id=f"c{i}",
                agenda_item_id=speech.agenda_item_id,
                text=" ".join(rng.choices(WORDS, k=rng.randint(10, 200))),
                question_id=f"q{item}_{rng.randrange(3)}",
                participant_id=speech.participant_id,
                speech_id=speech.id,
                kind=rng.choice(kinds),
                recorded_at=speech.started_at,
                highlight=rng.random() < 0.05,
            )
        )
    consensus = []
    for i in range(n["consensus"]):
        item = i * n["items"] // n["consensus"]
        mine = [c.id for c in contributions if c.agenda_item_id == f"a{item}"][:3]
        consensus.append(
            ConsensusPoint(
                id=f"k{i}",
                agenda_item_id=f"a{item}",
                text=" ".join(rng.choices(WORDS, k=20)),
                status=rng.choice(list(ConsensusStatus)),
                reservations=" ".join(rng.choices(WORDS, k=12)) if i % 4 == 0 else None,
                supporting_contribution_ids=tuple(mine),
            )
        )
    actions = [
        NextStep(
            id=f"x{i}",
            text=" ".join(rng.choices(WORDS, k=15)),
            agenda_item_id=f"a{i * n['items'] // n['actions']}",
            owner=f"Organisation {i % 300}",
            owner_participant_id=f"p{i}" if i % 2 else None,
            due=f"2018-{1 + i % 12:02d}-15",
            status=rng.choice(list(NextStepStatus)),
        )
        for i in range(n["actions"])
    ]
    workshop = Workshop(
        title="A very large workshop",
        date="2017-09-21",
        start_time="08:00",
        timezone="Europe/Brussels",
        stakeholder_groups=GROUPS,
        purpose="Measuring what users feel.",
    )
    return WorkshopRecord(
        workshop,
        participants=tuple(people),
        agenda=tuple(items),
        speeches=tuple(speeches),
        contributions=tuple(contributions),
        consensus=tuple(consensus),
        next_steps=tuple(actions),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2017)
    args = parser.parse_args(argv)
    record = build(args.scale, args.seed)
    Document.create_from_record(args.out, record, overwrite=True).close()
    print(f"{args.out}: {len(record.contributions)} contributions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
