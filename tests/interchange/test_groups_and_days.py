"""Version 3 files with days and breakout groups: what they hold imports; a reference that does
not fit is refused, naming its JSON path, and nothing is imported."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.interchange.helpers import fixture_document, refusal
from workshop_app.interchange import ExportRefused, dumps, loads


def with_groups() -> dict[str, Any]:
    """The rich fixture as a version 3 file: two days, item a2 in two groups, a report-back."""
    document = fixture_document("rich.json")
    document["version"] = 3
    document["days"] = [{"id": "d1", "date": "2017-10-04"}, {"id": "d2", "date": "2017-10-05"}]
    for item in document["agenda"]:
        item["day"] = "d1" if item["id"] in ("a1", "a2") else "d2"
    document["agenda"][2]["reports_on"] = "a2"
    document["groups"] = [
        {"id": "gA", "agenda_item": "a2", "name": "Group A", "members": ["p1", "p2"]},
        {"id": "gB", "agenda_item": "a2", "name": "Group B", "rapporteur": "p3"},
    ]
    document["contributions"][0]["group"] = "gA"
    return document


def test_days_groups_and_a_report_back_import() -> None:
    record = loads(json.dumps(with_groups()))
    assert [g.name for g in record.groups] == ["Group A", "Group B"]
    assert record.groups[0].member_ids == ("p1", "p2")
    assert record.contributions[0].group_id == "gA"
    assert record.agenda[2].reports_on == "a2"
    assert [i.day_id for i in record.agenda] == ["d1", "d1", "d2", "d2"]


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            lambda d: d["contributions"][0].update(group="gX"),
            "contributions[0].group",
            "not a breakout group",
        ),
        (
            lambda d: d["groups"][0].update(agenda_item="a3"),
            "contributions[0].group",
            "is a breakout group of agenda item 'a3', not of 'a2'",
        ),
        (lambda d: d["groups"][0]["members"].append("p1"), "groups[0].members[2]", "listed twice"),
        (
            lambda d: d["groups"][1].update(rapporteur="p99"),
            "groups[1].rapporteur",
            "not a participant",
        ),
        (
            lambda d: d["agenda"][2].update(reports_on="a3"),
            "agenda[2].reports_on",
            "not another agenda item",
        ),
        (lambda d: d["agenda"][0].update(day="d2"), "agenda[1].day", "earlier day"),
        (lambda d: d["agenda"][0].update(day="d9"), "agenda[0].day", "not a day"),
    ],
)
def test_a_reference_that_does_not_fit_is_refused_with_its_path(
    change: Any, path: str, words: str
) -> None:
    document = with_groups()
    change(document)
    error = refusal(document)
    assert error.json_path == path
    assert words in str(error)


def test_an_older_version_refuses_groups_and_several_days() -> None:
    record = loads(json.dumps(with_groups()))
    with pytest.raises(ExportRefused, match="cannot hold breakout groups, and this workshop has 2"):
        dumps(record, 2)
    document = with_groups()
    document["groups"] = []
    del document["contributions"][0]["group"]
    no_groups = loads(json.dumps(document))
    with pytest.raises(ExportRefused, match="holds a one-day workshop, and this one has 2 days"):
        dumps(no_groups, 1)
