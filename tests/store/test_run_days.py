"""Running a workshop of several days: "next" within a day, re-planning a day, read back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.limits import Refusal
from workshop_app.domain.model import AgendaItem, Day
from workshop_app.errors import KnownError
from workshop_app.store import Document


def at(text: str) -> dt.datetime:
    return parse_timestamp(f"2009-03-{text}+01:00")


@pytest.fixture
def days(document: Document) -> Document:
    """Three days, two items each (day 1 is "day-1", the workshop's own)."""
    document.workshop.update(date="2009-03-10", start_time="09:00")
    document.days.add(Day("d2", "2009-03-11", "09:30"))
    document.days.add(Day("d3", "2009-03-12", "09:00"))
    for item_id, minutes, day_id in (
        ("a1", 30, "day-1"),
        ("a2", 90, "day-1"),
        ("b1", 120, "d2"),
        ("b2", 60, "d2"),
        ("c1", 60, "d3"),
        ("c2", 30, "d3"),
    ):
        document.agenda.add_item(
            AgendaItem(item_id, item_id.upper(), planned_minutes=minutes, day_id=day_id)
        )
    return document


def ends(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT id, end_time FROM days ORDER BY position")


def minutes(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT id, planned_minutes FROM agenda_items ORDER BY position")


def test_next_within_a_day_ends_the_days_last_item_and_starts_nothing_of_the_next(
    days: Document,
) -> None:
    days.run.start_item("a2", at("10T09:30:00"))
    assert days.run.next_item(at("10T11:00:00"), "day-1") is None
    assert read_back(days.path, "SELECT id, status FROM agenda_items WHERE id IN ('a2', 'b1')") == [
        ("a2", "done"),
        ("b1", "planned"),
    ]
    started = days.run.next_item(at("11T09:31:00"), "d2")
    assert started is not None and started.id == "b1"
    assert days.run.next_planned(None, "d3") is not None
    assert days.run.next_planned("b1", "d2") == days.agenda.get("b2")


def test_replan_keeps_the_end_on_the_day_in_one_transaction(days: Document) -> None:
    days.run.replan({"b2": 50}, "d2", "12:30")
    path = days.path
    days.close()
    assert ends(path) == [("day-1", None), ("d2", "12:30"), ("d3", None)]
    assert read_back(path, "SELECT day_end FROM run_state") == [(None,)]
    assert minutes(path) == [
        ("a1", 30), ("a2", 90), ("b1", 120), ("b2", 50), ("c1", 60), ("c2", 30),
    ]  # fmt: skip
    reopened = Document.open(path)
    assert [d.end_time for d in reopened.run.days()] == [None, "12:30", None]
    reopened.close()


def test_a_refused_replan_leaves_the_file_as_it_was(days: Document) -> None:
    before = (ends(days.path), minutes(days.path))
    with pytest.raises(KnownError):
        days.run.replan({"b2": 50}, "gone", "12:30")
    with pytest.raises(Refusal):
        days.run.replan({"b2": 50}, "d2", "25:70")
    with pytest.raises(KnownError):
        days.run.replan({"b2": 5000}, "d2", "12:30")
    assert (ends(days.path), minutes(days.path)) == before


def test_undo_of_a_replan_puts_the_days_end_back(days: Document) -> None:
    before = days.run.capture()
    days.run.replan({"b2": 50}, "d2", "12:30")
    after = days.run.capture()
    days.run.put_back(before)
    assert ends(days.path)[1] == ("d2", None)
    assert minutes(days.path)[3] == ("b2", 60)
    days.run.put_back(after)
    assert ends(days.path)[1] == ("d2", "12:30")
    assert minutes(days.path)[3] == ("b2", 50)


def test_an_end_re_planned_before_days_is_the_first_days_until_it_has_its_own(
    days: Document,
) -> None:
    path = days.path
    days.close()
    # A file re-planned by a version from before days.
    with Document.open(path) as doc, doc.write() as tx:
        tx.db.execute("UPDATE run_state SET day_end = '16:00'")
    doc = Document.open(path)
    assert [d.end_time for d in doc.run.days()] == ["16:00", None, None]
    doc.run.replan({}, "day-1", "15:00")
    doc.close()
    assert ends(path)[0] == ("day-1", "15:00")
    assert read_back(path, "SELECT day_end FROM run_state") == [("16:00",)]  # migrated: nothing
    doc = Document.open(path)
    assert [d.end_time for d in doc.run.days()] == ["15:00", None, None]
    doc.close()
