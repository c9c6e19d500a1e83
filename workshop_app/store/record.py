"""Reading and writing a whole workshop at once (interchange, demo, export)."""

from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database

from workshop_app.domain.days import with_days
from workshop_app.domain.model import (
    ConsensusPoint,
    Contribution,
    NextStep,
    Speech,
    WorkshopRecord,
)
from workshop_app.store import search
from workshop_app.store.agenda import insert_agenda, read_agenda
from workshop_app.store.days import insert_days, read_days
from workshop_app.store.groups import insert_groups, read_groups
from workshop_app.store.participants import insert_participants, read_participants
from workshop_app.store.rows import from_row, from_rows, to_row
from workshop_app.store.workshop import insert_workshop, read_workshop


def read_record(db: Database) -> WorkshopRecord:
    """Everything in the document, lists in recorded order."""
    support: dict[str, list[str]] = defaultdict(list)
    for row in db.query("SELECT * FROM consensus_support ORDER BY consensus_id, position"):
        support[row["consensus_id"]].append(row["contribution_id"])
    return WorkshopRecord(
        workshop=read_workshop(db),
        participants=tuple(read_participants(db)),
        days=tuple(read_days(db)),
        agenda=tuple(read_agenda(db)),
        groups=tuple(read_groups(db)),
        speeches=tuple(from_rows(Speech, db.execute("SELECT * FROM speeches ORDER BY seq"))),
        contributions=tuple(
            from_rows(Contribution, db.execute("SELECT * FROM contributions ORDER BY seq"))
        ),
        consensus=tuple(
            from_row(ConsensusPoint, r, supporting_contribution_ids=tuple(support[r["id"]]))
            for r in db.query("SELECT * FROM consensus_points ORDER BY seq")
        ),
        next_steps=tuple(
            from_row(NextStep, r) for r in db.query("SELECT * FROM actions ORDER BY seq")
        ),
    )


def write_record(db: Database, record: WorkshopRecord) -> None:
    """Insert a whole workshop into an empty document (inside the caller's transaction).
    A record without days (version 1 and 2 files) gets one, with the workshop's date."""
    record = with_days(record)
    # Questions may belong to groups, and groups to items: the references hold at commit.
    db.execute("PRAGMA defer_foreign_keys = ON")
    insert_workshop(db, record.workshop)
    insert_participants(db, record.participants)
    insert_days(db, record.days)
    insert_agenda(db, record.agenda)
    insert_groups(db, record.groups)
    db.table("speeches").insert_all(to_row(s) for s in record.speeches)
    db.table("contributions").insert_all(to_row(c) for c in record.contributions)
    search.rebuild(db)
    db.table("consensus_points").insert_all(
        to_row(p, exclude=("supporting_contribution_ids",)) for p in record.consensus
    )
    db.table("consensus_support").insert_all(
        {"consensus_id": p.id, "contribution_id": cid, "position": i}
        for p in record.consensus
        for i, cid in enumerate(p.supporting_contribution_ids)
    )
    db.table("actions").insert_all(to_row(a) for a in record.next_steps)
