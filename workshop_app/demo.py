"""The demo workshop: the seed event, built from its interchange file in resources/demo/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workshop_app.assets import asset
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import ItemStatus, Speech, SpeechStatus, WorkshopRecord
from workshop_app.interchange import load_path
from workshop_app.store import Document

DEMO_SOURCE = ("demo", "european-conversation.json")


def demo_record() -> WorkshopRecord:
    """The demo workshop as a value (validated like any import)."""
    return load_path(asset(*DEMO_SOURCE))


def write_demo(path: Path, *, overwrite: bool = False) -> None:
    """Write the demo workshop to a new file at ``path``."""
    Document.create_from_record(path, demo_record(), overwrite=overwrite).close()


def as_at(record: WorkshopRecord, moment: str) -> WorkshopRecord:
    """``record`` as it stood at ``moment``: items and turns not begun yet are planned, the
    ones under way are running, and only what had been recorded by then is kept."""
    now = parse_timestamp(moment)

    def before(stamp: str | None) -> bool:
        return stamp is not None and parse_timestamp(stamp) <= now

    agenda = []
    for item in record.agenda:
        if before(item.ended_at):
            agenda.append(item)
        elif before(item.started_at):
            agenda.append(replace(item, status=ItemStatus.RUNNING, ended_at=None, summary=None))
        else:
            agenda.append(
                replace(
                    item, status=ItemStatus.PLANNED, started_at=None, ended_at=None, summary=None
                )
            )
    speeches = []
    for speech in record.speeches:
        if before(speech.ended_at):
            speeches.append(speech)
        elif before(speech.started_at):
            speeches.append(replace(speech, status=SpeechStatus.SPEAKING, ended_at=None))
    contributions = tuple(c for c in record.contributions if before(c.recorded_at))
    kept = {c.id for c in contributions}
    consensus = tuple(
        replace(
            p,
            supporting_contribution_ids=tuple(
                i for i in p.supporting_contribution_ids if i in kept
            ),
        )
        for p in record.consensus
        if before(p.recorded_at)
    )
    finished = {item.id for item in agenda if item.status != ItemStatus.PLANNED and item.ended_at}
    groups = tuple(
        g if g.agenda_item_id in finished else replace(g, summary=None) for g in record.groups
    )
    return replace(
        record,
        agenda=tuple(agenda),
        groups=groups,
        speeches=tuple(speeches),
        contributions=contributions,
        consensus=consensus,
        next_steps=(),
    )


def demo_in_progress(moment: str = "2017-09-21T10:47:00+02:00") -> WorkshopRecord:
    """The demo as it stood at ``moment`` on the day: one item running, a speech under way,
    two people waiting, and only what had been recorded by then (for screenshots and tests)."""
    record = as_at(demo_record(), moment)
    running = next(item.id for item in record.agenda if item.status == ItemStatus.RUNNING)
    waiting = tuple(
        Speech(id=f"w{n}", participant_id=who, agenda_item_id=running,
               requested_at=moment, status=SpeechStatus.WAITING)
        for n, who in enumerate(("p14", "p04"), start=1)
    )  # fmt: skip
    return replace(record, speeches=(*record.speeches, *waiting))


#: The second demo: three days, two rounds of breakout groups and their report-backs.
THREE_DAYS_SOURCE = ("demo", "three-day-technical-workshop.json")


def three_days_record() -> WorkshopRecord:
    return load_path(asset(*THREE_DAYS_SOURCE))


def write_demo_in_progress(path: Path, moment: str = "2017-09-21T10:47:00+02:00") -> None:
    Document.create_from_record(path, demo_in_progress(moment)).close()
