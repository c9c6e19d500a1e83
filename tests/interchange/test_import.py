"""The importer on valid files, and on files that are not JSON or not text at all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.interchange.helpers import FIXTURES, fixture_document, refusal
from workshop_app.domain.model import (
    AgendaItem,
    ConsensusStatus,
    ContributionKind,
    GuidingQuestion,
    ItemKind,
    ItemStatus,
    Role,
    SpeechStatus,
    Workshop,
    WorkshopRecord,
)
from workshop_app.errors import KnownError
from workshop_app.interchange import InterchangeError, load_path, loads


def test_minimal_file() -> None:
    record = load_path(FIXTURES / "minimal.json")
    assert record == WorkshopRecord(workshop=Workshop(title="Open data roundtable"))


def test_rich_file_values() -> None:
    record = load_path(FIXTURES / "rich.json")
    assert record.workshop.timezone == "Europe/Brussels"
    assert record.workshop.stakeholder_groups == (
        "Academia",
        "Civil society",
        "Industry",
        "Public authorities",
    )
    assert [p.id for p in record.participants] == ["p1", "p2", "p3", "p4", "p5"]
    assert record.participants[0].role is Role.CHAIR
    assert record.participants[2].name == "张伟"
    assert record.participants[2].present is True  # absent: the schema default
    assert record.participants[3].present is False
    assert record.agenda[1] == AgendaItem(
        id="a2",
        title="Access conditions",
        description="Who may use the data, and how.",
        planned_minutes=60,
        status=ItemStatus.DONE,
        started_at="2017-09-21T09:47:12+02:00",
        ended_at="2017-09-21T10:50:00Z",  # kept verbatim, not normalised
        summary="Broad support for open by default, with exceptions for personal data.",
        questions=(
            GuidingQuestion("q1", "a2", "Should access be open by default?"),
            GuidingQuestion("q2", "a2", "Which exceptions are justified?"),
        ),
    )
    assert record.agenda[2].kind is ItemKind.BREAK
    assert record.speeches[1].status is SpeechStatus.WITHDRAWN
    c2 = record.contributions[1]
    assert (c2.participant_id, c2.speech_id, c2.question_id) == (None, None, "q2")
    assert c2.kind is ContributionKind.CONCERN
    assert c2.text == "Personal data must stay protected.\tTabs\tand\nnewlines survive."
    assert record.contributions[2].highlight is False
    assert record.consensus[0].supporting_contribution_ids == ("c1", "c3")
    assert record.consensus[0].status is ConsensusStatus.AGREED_WITH_RESERVATIONS
    assert record.consensus[1].question_id is None
    assert record.next_steps[0].due == "2017-10-15"
    assert record.next_steps[1].owner_participant_id is None


def test_whole_number_written_as_float_becomes_int() -> None:
    document = fixture_document("rich.json")
    document["agenda"][0]["planned_minutes"] = 15.0
    minutes = loads(json.dumps(document)).agenda[0].planned_minutes
    assert minutes == 15
    assert type(minutes) is int


def test_lower_case_t_and_z_are_rfc_3339() -> None:
    document = fixture_document("rich.json")
    document["agenda"][0]["started_at"] = "2017-09-21t09:30:00z"
    assert loads(json.dumps(document)).agenda[0].started_at == "2017-09-21t09:30:00z"


def test_error_is_a_known_error_with_a_path() -> None:
    document = fixture_document("rich.json")
    document["contributions"][3]["question"] = "q9"
    error = refusal(document)
    assert isinstance(error, KnownError)
    assert error.json_path == "contributions[3].question"
    assert str(error) == (
        "contributions[3].question: 'q9' is not a guiding question of agenda item 'a4': "
        "no guiding question has that id"
    )
    assert str(error) == error.message


def test_root_error_has_empty_path_and_no_prefix() -> None:
    error = refusal([1, 2])
    assert error.json_path == ""
    assert str(error).startswith("the file must hold a JSON object, not a list")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{\n  "format": "workshop-app",\n  "version": 1\n  "workshop": {}\n}', "line 4, column 3"),
        ('{"format": "workshop-app",}', "line 1, column 27"),
        ("", "line 1, column 1"),
        ('{\n"workshop": {"title": "Caf\u00e9 \u2014 \u4e2d"x}}', "line 2, column 33"),
        ("{'format': 'workshop-app'}", "line 1, column 2"),
    ],
)
def test_invalid_json_names_line_and_column(text: str, expected: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        loads(text)
    assert str(caught.value).startswith("not valid JSON: ")
    assert str(caught.value).endswith(expected)
    assert caught.value.json_path == ""


@pytest.mark.parametrize(
    ("text", "path", "message"),
    [
        ('{"workshop": {"title": "A", "title": "B"}}', "workshop", "the key 'title' appears more"),
        (
            '{"agenda": [{"planned_minutes": NaN}]}',
            "agenda[0].planned_minutes",
            "NaN is not a JSON",
        ),
        ('{"agenda": [1, -Infinity]}', "agenda[1]", "-Infinity is not a JSON number"),
        ('{"workshop": {"title": "a\\ud800b"}}', "workshop.title", "unpaired surrogate (U+D800)"),
    ],
)
def test_what_json_or_a_workshop_cannot_hold(text: str, path: str, message: str) -> None:
    with pytest.raises(InterchangeError) as caught:
        loads(text)
    assert caught.value.json_path == path
    assert message in caught.value.detail


def test_deep_nesting_is_refused_in_words() -> None:
    with pytest.raises(InterchangeError, match="nested too deeply"):
        loads("[" * 100_000 + "]" * 100_000)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "minimal.json").read_bytes())
    assert load_path(path).workshop.title == "Open data roundtable"


def test_non_utf8_file_names_the_byte_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    text = '{\n  "format": "workshop-app",\n  "workshop": {"title": "Caf\u00e9 \u00e9t\u00e9"}\n}\n'
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(InterchangeError) as caught:
        load_path(path)
    message = str(caught.value)
    assert message == (
        f"{path} is not UTF-8 text: the byte 0xE9 at line 3, column 29 is not valid UTF-8"
    )
    assert "UTF-8" in caught.value.hint


def test_non_utf8_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.json"
    path.write_bytes('{"workshop": {"title": "中文'.encode() + b"\xff" + b'"}}')
    with pytest.raises(InterchangeError, match="line 1, column 27 "):
        load_path(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match=r"^There is no file at .*nothing\.json\.$"):
        load_path(tmp_path / "nothing.json")


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="is a folder"):
        load_path(tmp_path)


def test_refusal_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    document = fixture_document("rich.json")
    document["speeches"][0]["participant"] = "nobody"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = sorted(tmp_path.iterdir())
    with pytest.raises(InterchangeError):
        load_path(path)
    assert sorted(tmp_path.iterdir()) == before


def test_load_path_accepts_a_string() -> None:
    assert load_path(str(FIXTURES / "minimal.json")).workshop.title == "Open data roundtable"
