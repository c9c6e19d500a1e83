"""Several days: each with its date and start; every item on one, a day's items together."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import read_back
from workshop_app.domain.limits import Refusal
from workshop_app.domain.model import AgendaItem, Day
from workshop_app.store import Document
from workshop_app.store.check import check_document

DAY_2 = Day("d2", "2009-03-11", "09:00")
DAY_3 = Day("d3", "2009-03-12", "09:30", "13:00")


def three_days(doc: Document) -> None:
    doc.workshop.update(date="2009-03-10", start_time="14:00")
    doc.days.add(DAY_2)
    doc.days.add(DAY_3)
    for number, day in ((1, None), (2, None), (3, "d2"), (4, "d2"), (5, "d3")):
        doc.agenda.add_item(AgendaItem(f"a{number}", f"Item {number}", day_id=day))


def items_by_day(doc: Document) -> list[tuple[str, str | None]]:
    return [(item.id, item.day_id) for item in doc.agenda.items()]


def test_items_go_to_the_day_they_are_added_to(document: Document) -> None:
    three_days(document)
    assert items_by_day(document) == [
        ("a1", "day-1"),
        ("a2", "day-1"),
        ("a3", "d2"),
        ("a4", "d2"),
        ("a5", "d3"),
    ]
    # Added to the first day later: it goes at that day's end, before the second day's.
    document.agenda.add_item(AgendaItem("a6", "Item 6", day_id="day-1"))
    path = document.path
    assert read_back(path, "SELECT id, day_id FROM agenda_items ORDER BY position") == [
        ("a1", "day-1"),
        ("a2", "day-1"),
        ("a6", "day-1"),
        ("a3", "d2"),
        ("a4", "d2"),
        ("a5", "d3"),
    ]


def test_the_first_days_date_is_the_workshops(document: Document) -> None:
    three_days(document)
    assert document.workshop.get().date == "2009-03-10"
    document.days.update("day-1", date="2009-03-09", start_time="10:00")
    workshop = document.workshop.get()
    assert (workshop.date, workshop.start_time) == ("2009-03-09", "10:00")
    assert read_back(document.path, "SELECT date, start_time FROM workshop") == [
        ("2009-03-09", "10:00")
    ]
    document.workshop.update(date="2009-03-08")
    assert read_back(document.path, "SELECT date FROM days WHERE id = 'day-1'") == [("2009-03-08",)]


def test_an_item_moved_across_days_takes_the_day_of_its_place(document: Document) -> None:
    three_days(document)
    # a5 moved to just after a2: it follows the first day's last item, so it is on day 1.
    assert document.agenda.move_item("a5", 2) == 4
    assert items_by_day(document)[2] == ("a5", "day-1")
    # ... unless a day is named: the same place, at the start of the second day.
    document.agenda.move_item("a5", 2, "d2")
    assert items_by_day(document)[2] == ("a5", "d2")


def test_a_day_with_items_is_not_deleted_and_an_empty_one_comes_back(
    document: Document,
) -> None:
    three_days(document)
    with pytest.raises(Refusal, match="still has agenda items"):
        document.days.delete("d3")
    document.agenda.delete_item("a5")
    snapshot = document.days.delete("d3")
    assert [d.id for d in document.days.list()] == ["day-1", "d2"]
    document.days.restore(snapshot)
    assert document.days.list()[2] == DAY_3
    with pytest.raises(Refusal, match="at least one day"):
        only = Document.create(document.path.with_name("one.workshop"), document.workshop.get())
        with only:
            only.days.delete("day-1")


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"date": "10/03/2009"}, "is not a date"),
        ({"start_time": "25:00"}, "is not a time of day"),
        ({"end_time": "noon"}, "is not a time of day"),
    ],
)
def test_a_day_refuses_what_is_not_a_date_or_time(
    document: Document, fields: dict[str, str], words: str
) -> None:
    with pytest.raises(Refusal, match=words):
        document.days.update("day-1", **fields)
    assert read_back(document.path, "SELECT date, start_time, end_time FROM days") == [
        (None, None, None)
    ]


def test_the_record_holds_the_days_and_comes_back_the_same(document: Document) -> None:
    three_days(document)
    record = document.record()
    assert [d.id for d in record.days] == ["day-1", "d2", "d3"]
    copy = document.path.with_name("copy.workshop")
    Document.create_from_record(copy, record).close()
    with Document.open(copy) as again:
        assert again.record() == record


def test_check_names_what_breaks_the_rules_of_days(document: Document) -> None:
    three_days(document)
    path = document.path
    document.close()
    assert check_document(path) == []
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE agenda_items SET day_id = 'day-1' WHERE id = 'a4'")  # after a3's d2
        conn.execute("UPDATE agenda_items SET day_id = NULL WHERE id = 'a5'")
        conn.execute("UPDATE workshop SET date = '2009-03-01'")
        conn.execute(
            "UPDATE agenda_items SET started_at = '2009-03-10T14:00:00+01:00',"
            " ended_at = '2009-03-10T15:00:00+01:00' WHERE id IN ('a1', 'a2')"
        )
    conn.close()
    assert sorted(finding.text for finding in check_document(path)) == [
        "agenda item a4 is on day day-1, which comes before the day of the item before it (a3)",
        "agenda item a5 is on no day",
        "agenda items a1 and a2 of day day-1 overlap in time",
        "the workshop's date (2009-03-01) and start differ from those of its first day day-1 "
        "(2009-03-10)",
    ]
