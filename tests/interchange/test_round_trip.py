"""Round trips: record -> JSON -> record -> workshop file -> record -> JSON gives the same JSON.

Also a fuzzer: whatever one value of a valid file is changed to, the importer either refuses
the file in words or returns a record the store can hold.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.interchange.helpers import DELETE, fixture_document, set_at
from workshop_app.domain.days import with_days
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
    WorkshopRecord,
)
from workshop_app.interchange import (
    ExportRefused,
    InterchangeError,
    dumps,
    loads,
)
from workshop_app.store import Document

# Any character but surrogates (not text), NUL included, plus a
# helping of right-to-left, CJK, combining, bidi-control and C0/C1 control characters.
_SPECIAL = (
    "\x00中文漢字한글العربيةעברית\u200f\u202e\u2066\u0301\ufeff\u2028\x01\x07\x1b\x7f\x85\r\n\t"
)
CHARS = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(_SPECIAL),
)


def text(min_size: int = 0, max_size: int = 20) -> st.SearchStrategy[str]:
    return st.text(CHARS, min_size=min_size, max_size=max_size)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


OFFSETS = st.sampled_from(
    [UTC, timezone(timedelta(hours=2)), timezone(timedelta(hours=-9, minutes=-30))]
)


def _rfc3339(moment: datetime, style: int) -> str:
    written = moment.isoformat()
    if style == 1:
        written = written.replace("+00:00", "Z")
    elif style == 2:
        written = written.replace("T", "t").replace("+00:00", "z")
    return written


TIMESTAMPS = st.builds(
    _rfc3339,
    st.datetimes(datetime(1900, 1, 1), datetime(2100, 1, 1), timezones=OFFSETS),
    st.integers(0, 2),
)
DATES = st.dates().map(lambda d: d.isoformat())
TIMES = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))
ZONES = st.sampled_from(["Europe/Brussels", "UTC", "Asia/Tokyo", "America/Argentina/Salta"])


def unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    return draw(st.lists(text(1, 12), min_size=count, max_size=count, unique=True))


@st.composite
def records(draw: st.DrawFn) -> WorkshopRecord:
    """A valid workshop: random values, every reference resolving."""
    workshop = Workshop(
        title=draw(text(1)),
        subtitle=draw(optional(text())),
        date=draw(optional(DATES)),
        start_time=draw(optional(TIMES)),
        timezone=draw(optional(ZONES)),
        venue=draw(optional(text())),
        organiser=draw(optional(text())),
        purpose=draw(optional(text(max_size=60))),
        language=draw(optional(st.sampled_from(["en", "fr", "ar", "zh-Hant"]))),
        stakeholder_groups=tuple(draw(st.lists(text(), max_size=3))),
    )
    participants = tuple(
        Participant(
            id=pid,
            name=draw(text(1)),
            title=draw(optional(text(max_size=5))),
            organisation=draw(optional(text())),
            stakeholder_group=draw(optional(st.sampled_from(workshop.stakeholder_groups or ("",)))),
            country=draw(optional(text(max_size=3))),
            email=draw(optional(text())),
            role=draw(st.sampled_from(Role)),
            present=draw(st.booleans()),
            job_title=draw(optional(text())),
        )
        for pid in unique_ids(draw, draw(st.integers(0, 4)))
    )
    # No days (a file from before them: one day, the workshop's), or up to three; the items
    # of each day after those of the day before, and the workshop's date the first day's.
    days = tuple(
        Day(did, draw(optional(DATES)), draw(optional(TIMES)), draw(optional(TIMES)))
        for did in unique_ids(draw, draw(st.integers(0, 3)))
    )
    if days:
        workshop = dataclasses.replace(workshop, date=days[0].date, start_time=days[0].start_time)
    item_ids = unique_ids(draw, draw(st.integers(0, 4)))
    on_day = sorted(draw(st.integers(0, len(days) - 1)) if days else -1 for _ in item_ids)
    day_of = {iid: days[n].id if days else None for iid, n in zip(item_ids, on_day, strict=True)}
    question_counts = [draw(st.integers(0, 3)) for _ in item_ids]
    question_ids = iter(unique_ids(draw, sum(question_counts)))
    # Up to two breakout groups per item; what is said or agreed may name one of its item's.
    group_counts = [draw(st.integers(0, 2)) for _ in item_ids]
    group_ids = iter(unique_ids(draw, sum(group_counts)))
    groups_of = {
        iid: [next(group_ids) for _ in range(n)]
        for iid, n in zip(item_ids, group_counts, strict=True)
    }

    def group_of(item_id: str) -> str | None:
        choices = groups_of[item_id]
        return draw(optional(st.sampled_from(choices))) if choices else None

    agenda = tuple(
        AgendaItem(
            id=iid,
            title=draw(text(1)),
            kind=draw(st.sampled_from(ItemKind)),
            description=draw(optional(text())),
            planned_minutes=draw(optional(st.integers(0, 1440))),
            status=draw(st.sampled_from(ItemStatus)),
            started_at=draw(optional(TIMESTAMPS)),
            ended_at=draw(optional(TIMESTAMPS)),
            summary=draw(optional(text())),
            day_id=day_of[iid],
            reports_on=draw(optional(st.sampled_from([i for i in item_ids if i != iid])))
            if len(item_ids) > 1
            else None,
            questions=tuple(
                GuidingQuestion(next(question_ids), iid, draw(text(1)), group_of(iid))
                for _ in range(count)
            ),
        )
        for iid, count in zip(item_ids, question_counts, strict=True)
    )
    if not agenda:
        return WorkshopRecord(workshop=workshop, participants=participants, days=days)
    items = st.sampled_from(agenda)
    people = st.sampled_from([p.id for p in participants]) if participants else st.nothing()
    person_ids = [p.id for p in participants]
    groups = tuple(
        BreakoutGroup(
            id=gid,
            agenda_item_id=item.id,
            name=draw(text(1)),
            room=draw(optional(text())),
            facilitator_id=draw(optional(people)) if participants else None,
            rapporteur_id=draw(optional(people)) if participants else None,
            summary=draw(optional(text())),
            member_ids=tuple(
                draw(st.lists(st.sampled_from(person_ids), unique=True, max_size=3))
                if participants
                else []
            ),
        )
        for item in agenda
        for gid in groups_of[item.id]
    )

    speeches = tuple(
        Speech(
            id=sid,
            participant_id=draw(people),
            agenda_item_id=draw(items).id,
            requested_at=draw(optional(TIMESTAMPS)),
            started_at=draw(optional(TIMESTAMPS)),
            ended_at=draw(optional(TIMESTAMPS)),
            status=draw(st.sampled_from(SpeechStatus)),
            group_id=None,
        )
        for sid in unique_ids(draw, draw(st.integers(0, 4)) if participants else 0)
    )

    def question_of(item: AgendaItem) -> str | None:
        choices = [q.id for q in item.questions]
        return draw(optional(st.sampled_from(choices))) if choices else None

    contributions = []
    for cid in unique_ids(draw, draw(st.integers(0, 5))):
        item = draw(items)
        on_item = [s.id for s in speeches if s.agenda_item_id == item.id]
        contributions.append(
            Contribution(
                id=cid,
                agenda_item_id=item.id,
                text=draw(text(1, 60)),
                question_id=question_of(item),
                participant_id=draw(optional(people)) if participants else None,
                speech_id=draw(optional(st.sampled_from(on_item))) if on_item else None,
                kind=draw(st.sampled_from(ContributionKind)),
                recorded_at=draw(optional(TIMESTAMPS)),
                highlight=draw(st.booleans()),
                group_id=group_of(item.id),
            )
        )
    contribution_ids = [c.id for c in contributions]
    consensus = []
    for kid in unique_ids(draw, draw(st.integers(0, 3))):
        item = draw(items)
        supporting = (
            draw(st.lists(st.sampled_from(contribution_ids), unique=True, max_size=3))
            if contribution_ids
            else []
        )
        consensus.append(
            ConsensusPoint(
                id=kid,
                agenda_item_id=item.id,
                text=draw(text(1)),
                question_id=question_of(item),
                status=draw(st.sampled_from(ConsensusStatus)),
                reservations=draw(optional(text())),
                supporting_contribution_ids=tuple(supporting),
                recorded_at=draw(optional(TIMESTAMPS)),
                group_id=group_of(item.id),
                from_point_id=draw(optional(st.sampled_from([p.id for p in consensus])))
                if consensus
                else None,
            )
        )

    def next_step(xid: str) -> NextStep:
        item_id = draw(optional(items.map(lambda i: i.id)))
        return NextStep(
            id=xid,
            text=draw(text(1)),
            agenda_item_id=item_id,
            owner=draw(optional(text())),
            owner_participant_id=draw(optional(people)) if participants else None,
            due=draw(optional(DATES)),
            status=draw(st.sampled_from(NextStepStatus)),
            group_id=group_of(item_id) if item_id else None,
        )

    actions = tuple(next_step(xid) for xid in unique_ids(draw, draw(st.integers(0, 3))))
    return WorkshopRecord(
        workshop=workshop,
        participants=participants,
        days=days,
        agenda=agenda,
        groups=groups,
        speeches=speeches,
        contributions=tuple(contributions),
        consensus=tuple(consensus),
        next_steps=actions,
    )


def through_the_store(record: WorkshopRecord) -> WorkshopRecord:
    """``record`` written into a new workshop file, closed, reopened and read back."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "round-trip.workshop"
        Document.create_from_record(path, record).close()
        document = Document.open(path)
        try:
            return document.record()
        finally:
            document.close()


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records())
def test_json_and_store_round_trip(record: WorkshopRecord) -> None:
    text = dumps(record)
    imported = loads(text)
    assert imported == record
    stored = through_the_store(imported)
    # A file holds at least one day: a record without days comes back with the workshop's.
    assert stored == with_days(record)
    assert dumps(stored) == dumps(with_days(record))
    if record.days:
        assert dumps(stored) == text


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=records())
def test_version_1_round_trips_or_refuses_what_it_cannot_hold(record: WorkshopRecord) -> None:
    titled = [p.name for p in record.participants if p.job_title is not None]
    if record.groups:
        event("refused: breakout groups")
        with pytest.raises(ExportRefused, match="cannot hold breakout groups"):
            dumps(record, 1)
        return
    if any(i.reports_on for i in record.agenda) or any(p.from_point_id for p in record.consensus):
        event("refused: a report-back")
        with pytest.raises(ExportRefused, match=r"Format version 1 (cannot hold|holds a one-day)"):
            dumps(record, 1)
        return
    if len(record.days) > 1:
        event("refused: several days")
        with pytest.raises(ExportRefused, match="holds a one-day workshop"):
            dumps(record, 1)
        return
    if titled:
        event("refused: someone has a job title")
        with pytest.raises(ExportRefused, match="cannot hold a participant's job title"):
            dumps(record, 1)
        return
    text = dumps(record, 1)
    assert json.loads(text)["version"] == 1
    imported = loads(text)
    # Everything but the day's own id (a version 1 file has no days: one, the workshop's).
    one_day = with_days(record)
    assert imported == dataclasses.replace(
        one_day,
        days=(),
        agenda=tuple(dataclasses.replace(i, day_id=None) for i in one_day.agenda),
    )
    stored = through_the_store(imported)
    assert stored == with_days(imported)
    assert dumps(stored, 1) == text


def test_rich_fixture_round_trips_through_the_store() -> None:
    record = loads(json.dumps(fixture_document("rich.json")))
    stored = through_the_store(record)
    assert stored == with_days(record)
    assert dumps(stored) == dumps(with_days(record))


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            found += _paths(child, (*path, i))
    return found


RICH = fixture_document("rich.json")
RICH_PATHS = _paths(RICH)
# Values that are valid somewhere, so that many mutations are accepted and reach the store.
LIKELY = st.sampled_from(
    [
        *("p1", "p3", "a1", "a4", "q2", "q3", "s1", "s3", "c2", "k1", "x2"),
        *("done", "break", "agreed", "2017-09-21", "2017-09-21T09:30:00Z", "09:30", "UTC"),
        *(0, 1440, True, False, None, (), ""),  # () is written as [], and cannot be mutated
    ]
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10) | LIKELY,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(
        st.tuples(st.sampled_from(RICH_PATHS), st.just(DELETE) | JSON_VALUES),
        min_size=1,
        max_size=3,
    )
)
def test_any_change_is_refused_in_words_or_stored(changes: list[tuple[Any, Any]]) -> None:
    document = fixture_document("rich.json")
    for path, value in changes:
        try:
            set_at(document, path, value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this place
    text = json.dumps(document, allow_nan=True)  # NaN and Infinity, which JSON forbids, too
    try:
        record = loads(text)
    except InterchangeError as error:
        event("refused")
        assert "\n" not in str(error)
        assert str(error).startswith(f"{error.json_path}: " if error.json_path else "")
        return
    event("accepted")
    stored = through_the_store(record)
    assert dumps(stored) == dumps(with_days(record))
