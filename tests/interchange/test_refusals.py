"""Every way a file is refused names the JSON path of the first problem, in plain words.

Each case changes one thing in the rich fixture (which imports cleanly) and expects the
error at that path, with a message that says what is wrong.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.interchange.helpers import DELETE, fixture_document, refusal, set_at
from workshop_app.interchange import loads

Case = tuple[tuple[str | int, ...], Any, str, str]

SCHEMA_CASES: dict[str, Case] = {
    "missing title": (("workshop", "title"), DELETE, "workshop", "missing required field 'title'"),
    "empty title": (("workshop", "title"), "", "workshop.title", "must not be empty"),
    "title too long": (
        ("workshop", "title"),
        "x" * 501,
        "workshop.title",
        "501 characters, at most 500",
    ),
    "unknown key": (
        ("participants", 3, "emial"),
        "a@example.org",
        "participants[3]",
        "unknown field 'emial' (did you mean 'email'?)",
    ),
    "unknown top-level key": (("contributors",), [], "", "unknown field 'contributors'"),
    "missing workshop": (("workshop",), DELETE, "", "missing required field 'workshop'"),
    "missing format": (("format",), DELETE, "", "missing required field 'format'"),
    "missing version": (("version",), DELETE, "", "missing required field 'version'"),
    "wrong format": (("format",), "other-app", "format", "'other-app' is not 'workshop-app'"),
    "wrong version": (("version",), 5, "version", "version 5 is not supported"),
    "version as text": (("version",), "1", "version", "version '1' is not supported"),
    "version true": (("version",), True, "version", "version true is not supported"),
    "wrong role": (
        ("participants", 0, "role"),
        "chairman",
        "participants[0].role",
        "'chairman' is not allowed here; use one of: chair, facilitator, rapporteur,",
    ),
    "wrong kind": (("agenda", 2, "kind"), "lunch", "agenda[2].kind", "use one of: session, break"),
    "wrong status": (
        ("actions", 1, "status"),
        "closed",
        "actions[1].status",
        "open, done, dropped",
    ),
    "impossible date": (("workshop", "date"), "2017-02-30", "workshop.date", "not a real date"),
    "date in another form": (
        ("workshop", "date"),
        "21.09.2017",
        "workshop.date",
        "'21.09.2017' is not a date written YYYY-MM-DD",
    ),
    "compact date": (("actions", 0, "due"), "20171015", "actions[0].due", "written YYYY-MM-DD"),
    "date with non-ASCII digits": (
        ("workshop", "date"),
        "٢٠١٧-09-21",
        "workshop.date",
        "YYYY-MM-DD",
    ),
    "timestamp without offset": (
        ("agenda", 0, "started_at"),
        "2017-09-21T09:30:00",
        "agenda[0].started_at",
        "has no UTC offset: add Z or ±hh:mm",
    ),
    "timestamp with a space": (
        ("speeches", 0, "requested_at"),
        "2017-09-21 09:50:00+02:00",
        "speeches[0].requested_at",
        "is not an RFC 3339 timestamp",
    ),
    "impossible time": (
        ("contributions", 0, "recorded_at"),
        "2017-09-21T25:00:00Z",
        "contributions[0].recorded_at",
        "is not a real date and time",
    ),
    "date as timestamp": (
        ("consensus", 0, "recorded_at"),
        "2017-09-21",
        "consensus[0].recorded_at",
        "is not an RFC 3339 timestamp",
    ),
    "minutes above range": (
        ("agenda", 0, "planned_minutes"),
        1441,
        "agenda[0].planned_minutes",
        "1441 is too large: the most allowed is 1440",
    ),
    "minutes below range": (
        ("agenda", 0, "planned_minutes"),
        -1,
        "agenda[0].planned_minutes",
        "-1 is too small: the least allowed is 0",
    ),
    "minutes fractional": (
        ("agenda", 0, "planned_minutes"),
        12.5,
        "agenda[0].planned_minutes",
        "must be a whole number, not the number 12.5",
    ),
    "minutes as text": (
        ("agenda", 0, "planned_minutes"),
        "15",
        "agenda[0].planned_minutes",
        "must be a whole number, not text '15'",
    ),
    "present as text": (
        ("participants", 0, "present"),
        "yes",
        "participants[0].present",
        "must be true or false, not text 'yes'",
    ),
    "list expected": (("participants",), {}, "participants", "must be a list, not an object"),
    "object expected": (("agenda", 1), "a2", "agenda[1]", "must be an object, not text 'a2'"),
    "reference of wrong type": (
        ("contributions", 0, "question"),
        5,
        "contributions[0].question",
        "must be an id (text) or null, not the number 5",
    ),
    "empty reference": (
        ("contributions", 0, "speech"),
        "",
        "contributions[0].speech",
        "must not be empty",
    ),
    "id too long": (
        ("participants", 0, "id"),
        "p" * 65,
        "participants[0].id",
        "65 characters, at most 64",
    ),
    "question without text": (
        ("agenda", 1, "questions", 0, "text"),
        DELETE,
        "agenda[1].questions[0]",
        "missing required field 'text'",
    ),
    "start time form": (
        ("workshop", "start_time"),
        "9:30",
        "workshop.start_time",
        "'9:30' is not a time of day written HH:MM",
    ),
    "timezone unknown": (
        ("workshop", "timezone"),
        "Mars/Olympus_Mons",
        "workshop.timezone",
        "'Mars/Olympus_Mons' is not a known IANA time zone",
    ),
    "timezone wrong case": (
        ("workshop", "timezone"),
        "europe/brussels",
        "workshop.timezone",
        "IANA",
    ),
    "timezone path": (("workshop", "timezone"), "../etc/passwd", "workshop.timezone", "IANA"),
    "start time past midnight": (
        ("workshop", "start_time"),
        "25:00",
        "workshop.start_time",
        "'25:00' is not a time of day",
    ),
}

REFERENCE_CASES: dict[str, Case] = {
    "duplicate participant id": (
        ("participants", 1, "id"),
        "p1",
        "participants[1].id",
        "the id 'p1' is already used by participants[0].id",
    ),
    "duplicate agenda item id": (("agenda", 3, "id"), "a1", "agenda[3].id", "used by agenda[0].id"),
    "duplicate speech id": (
        ("speeches", 2, "id"),
        "s2",
        "speeches[2].id",
        "used by speeches[1].id",
    ),
    "duplicate contribution id": (
        ("contributions", 1, "id"),
        "c1",
        "contributions[1].id",
        "used by contributions[0].id",
    ),
    "duplicate consensus id": (
        ("consensus", 1, "id"),
        "k1",
        "consensus[1].id",
        "used by consensus[0].id",
    ),
    "duplicate action id": (("actions", 1, "id"), "x1", "actions[1].id", "used by actions[0].id"),
    "question id reused in another item": (
        ("agenda", 3, "questions", 0, "id"),
        "q1",
        "agenda[3].questions[0].id",
        "the id 'q1' is already used by agenda[1].questions[0].id",
    ),
    "question id reused in the same item": (
        ("agenda", 1, "questions", 1, "id"),
        "q1",
        "agenda[1].questions[1].id",
        "already used by agenda[1].questions[0].id",
    ),
    "contribution.agenda_item": (
        ("contributions", 0, "agenda_item"),
        "a9",
        "contributions[0].agenda_item",
        "'a9' is not an agenda item of this workshop",
    ),
    "contribution.question unknown": (
        ("contributions", 0, "question"),
        "q9",
        "contributions[0].question",
        "'q9' is not a guiding question of agenda item 'a2'",
    ),
    "contribution.question of another item": (
        ("contributions", 0, "question"),
        "q3",
        "contributions[0].question",
        "'q3' is not a guiding question of agenda item 'a2' (it belongs to 'a4')",
    ),
    "contribution.participant": (
        ("contributions", 2, "participant"),
        "p9",
        "contributions[2].participant",
        "'p9' is not a participant of this workshop",
    ),
    "contribution.speech": (
        ("contributions", 0, "speech"),
        "s9",
        "contributions[0].speech",
        "'s9' is not a speech of this workshop",
    ),
    "contribution.speech on another item": (
        ("contributions", 3, "speech"),
        "s1",
        "contributions[3].speech",
        "speech 's1' is on agenda item 'a2', not on 'a4' like this contribution",
    ),
    "speech.participant": (
        ("speeches", 0, "participant"),
        "p9",
        "speeches[0].participant",
        "'p9' is not a participant of this workshop",
    ),
    "speech.agenda_item": (
        ("speeches", 2, "agenda_item"),
        "a9",
        "speeches[2].agenda_item",
        "'a9' is not an agenda item of this workshop",
    ),
    "consensus.agenda_item": (
        ("consensus", 1, "agenda_item"),
        "a9",
        "consensus[1].agenda_item",
        "'a9' is not an agenda item of this workshop",
    ),
    "consensus.question unknown": (
        ("consensus", 1, "question"),
        "q9",
        "consensus[1].question",
        "'q9' is not a guiding question of agenda item 'a2'",
    ),
    "consensus.question of another item": (
        ("consensus", 0, "question"),
        "q3",
        "consensus[0].question",
        "(it belongs to 'a4')",
    ),
    "consensus.supporting_contributions unknown": (
        ("consensus", 0, "supporting_contributions", 1),
        "c9",
        "consensus[0].supporting_contributions[1]",
        "'c9' is not a contribution of this workshop",
    ),
    "consensus.supporting_contributions duplicate": (
        ("consensus", 0, "supporting_contributions", 1),
        "c1",
        "consensus[0].supporting_contributions[1]",
        "contribution 'c1' is listed twice (also supporting_contributions[0])",
    ),
    "action.agenda_item": (
        ("actions", 0, "agenda_item"),
        "a9",
        "actions[0].agenda_item",
        "'a9' is not an agenda item of this workshop",
    ),
    "action.owner_participant": (
        ("actions", 0, "owner_participant"),
        "p9",
        "actions[0].owner_participant",
        "'p9' is not a participant of this workshop",
    ),
}


def _check(case: Case) -> None:
    path, value, expected_path, expected_message = case
    error = refusal(set_at(fixture_document("rich.json"), path, value))
    assert error.json_path == expected_path
    assert expected_message in error.detail
    line = str(error)
    assert "\n" not in line
    assert line == (f"{expected_path}: {error.detail}" if expected_path else error.detail)


def test_the_fixture_itself_is_valid() -> None:
    assert loads(json.dumps(fixture_document("rich.json"))).workshop.title


@pytest.mark.parametrize("case", SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_schema_violation(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", REFERENCE_CASES.values(), ids=REFERENCE_CASES.keys())
def test_broken_rule(case: Case) -> None:
    _check(case)


def test_every_reference_of_the_spec_has_a_case() -> None:
    spec = [
        "contribution.agenda_item",
        "contribution.question",
        "contribution.participant",
        "contribution.speech",
        "speech.participant",
        "speech.agenda_item",
        "consensus.agenda_item",
        "consensus.question",
        "consensus.supporting_contributions",
        "action.agenda_item",
        "action.owner_participant",
    ]
    for reference in spec:
        assert any(name.startswith(reference) for name in REFERENCE_CASES), reference


def test_values_in_messages_stay_on_one_line_and_short() -> None:
    document = fixture_document("rich.json")
    document["speeches"][0]["participant"] = "line one\nline two"
    error = refusal(document)
    assert str(error) == (
        "speeches[0].participant: 'line one\\nline two' is not a participant of this workshop"
    )
    document = fixture_document("rich.json")
    document["participants"][0]["role"] = "x" * 5000
    error = refusal(document)
    assert error.detail.startswith("'" + "x" * 59 + "…' is not allowed here")
    assert len(str(error)) < 200


def test_several_unknown_fields_are_all_named() -> None:
    document = fixture_document("minimal.json")
    document["workshop"].update({"venu": "x", "organizer": "y"})
    assert refusal(document).detail == "unknown fields 'venu', 'organizer'"


class TestFirstProblemInDocumentOrder:
    """With several problems, the one reported is the first a reader of the file meets."""

    def test_earlier_list_item_wins(self) -> None:
        document = fixture_document("rich.json")
        document["agenda"][3]["kind"] = "lunch"
        document["agenda"][0]["status"] = "finished"
        assert refusal(document).json_path == "agenda[0].status"

    def test_order_of_keys_in_the_file_decides(self) -> None:
        document = fixture_document("rich.json")
        document["workshop"]["date"] = "yesterday"
        document["participants"][0]["role"] = "boss"
        assert refusal(document).json_path == "workshop.date"
        reordered = {"participants": document.pop("participants"), **document}
        assert refusal(reordered).json_path == "participants[0].role"

    def test_order_of_keys_inside_an_object_decides(self) -> None:
        document = fixture_document("rich.json")
        document["participants"][1] = {"role": "boss", "id": "p2", "name": "B", "present": "no"}
        assert refusal(document).json_path == "participants[1].role"
        document["participants"][1] = {"present": "no", "id": "p2", "name": "B", "role": "boss"}
        assert refusal(document).json_path == "participants[1].present"

    def test_rule_problems_too(self) -> None:
        document = fixture_document("rich.json")
        document["contributions"][3]["participant"] = "p9"
        document["speeches"][2]["participant"] = "p9"
        assert refusal(document).json_path == "speeches[2].participant"
        reordered = {"contributions": document.pop("contributions"), **document}
        assert refusal(reordered).json_path == "contributions[3].participant"

    def test_same_input_same_report(self) -> None:
        document = fixture_document("rich.json")
        for participant in document["participants"]:
            participant.update(role="boss", present="no", extra=1)
        del document["workshop"]["title"]
        reports = {str(refusal(document)) for _ in range(5)}
        assert reports == {"workshop: missing required field 'title'"}

    def test_object_level_problem_before_its_fields(self) -> None:
        document = fixture_document("rich.json")
        document["participants"][2]["role"] = "boss"
        document["participants"][2]["emial"] = "x"
        assert refusal(document).json_path == "participants[2]"

    def test_question_of_an_unknown_item_reports_the_item(self) -> None:
        document = fixture_document("rich.json")
        document["contributions"][0]["agenda_item"] = "a9"
        error = refusal(document)
        assert error.json_path == "contributions[0].agenda_item"

    def test_wrong_format_wins_over_other_problems(self) -> None:
        document = {"format": "something-else", "version": 7, "stuff": []}
        error = refusal(document)
        assert str(error) == (
            "format: 'something-else' is not 'workshop-app': "
            "this is not a Workshop App interchange file"
        )
