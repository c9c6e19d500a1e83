"""Participation balance for a known set of speeches: exact seconds per group."""

from __future__ import annotations

import datetime as dt

from workshop_app.domain.balance import Share, participation_balance
from workshop_app.domain.clock import format_seconds, parse_timestamp
from workshop_app.domain.model import Participant, Speech, SpeechStatus

PEOPLE = [
    Participant(id="a", name="A. Example", stakeholder_group="Civil society"),
    Participant(id="b", name="B. Sample", stakeholder_group="EU institutions"),
    Participant(id="c", name="C. Demo", stakeholder_group="Civil society"),
    Participant(id="d", name="D. Nogroup"),
]
GROUPS = ["EU institutions", "Partner countries", "Civil society"]


def speech(
    sid: str, who: str, item: str, start: str, end: str | None, status: str = "done"
) -> Speech:
    return Speech(
        id=sid,
        participant_id=who,
        agenda_item_id=item,
        started_at=f"2017-09-21T{start}+02:00" if start else None,
        ended_at=f"2017-09-21T{end}+02:00" if end else None,
        status=SpeechStatus(status),
    )


SPEECHES = [
    speech("1", "a", "x", "10:00:00", "10:02:30"),  # 150 s
    speech("2", "b", "x", "10:02:30", "10:03:15"),  # 45 s
    speech("3", "c", "x", "10:03:15", "10:04:00"),  # 45 s
    speech("4", "a", "y", "11:00:00", "11:01:00"),  # 60 s, other item
    speech("5", "b", "x", "", None, "waiting"),
    speech("6", "c", "x", "10:05:00", None, "withdrawn"),
    speech("7", "d", "y", "11:01:00", None, "speaking"),  # still going
]
NOW = parse_timestamp("2017-09-21T11:01:20+02:00")


def test_balance_for_one_item_counts_only_turns_taken() -> None:
    balance = participation_balance(SPEECHES, PEOPLE, GROUPS, agenda_item_id="x", now=NOW)
    assert balance.groups == (
        Share("EU institutions", 1, 45.0),
        Share("Partner countries", 0, 0.0),
        Share("Civil society", 2, 195.0),
    )
    assert balance.people == (
        Share("A. Example", 1, 150.0),
        Share("B. Sample", 1, 45.0),
        Share("C. Demo", 1, 45.0),
    )


def test_balance_for_the_day_includes_a_speech_in_progress() -> None:
    balance = participation_balance(SPEECHES, PEOPLE, GROUPS, now=NOW)
    assert balance.groups == (
        Share("EU institutions", 1, 45.0),
        Share("Partner countries", 0, 0.0),
        Share("Civil society", 3, 255.0),
        Share("No group", 1, 20.0),
    )
    assert balance.total_seconds == 320.0
    assert balance.total_turns == 5


def test_clock_helpers() -> None:
    assert parse_timestamp("2017-09-21t10:00:00z") == dt.datetime(2017, 9, 21, 10, tzinfo=dt.UTC)
    assert format_seconds(75) == "1:15"
    assert format_seconds(3725) == "1:02:05"
