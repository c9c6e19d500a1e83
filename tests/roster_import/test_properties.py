"""Whatever the file holds, the import adds valid people or refuses in words and adds nobody."""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from workshop_app.assets import asset
from workshop_app.domain.model import Participant, Workshop
from workshop_app.interchange.layout import SCHEMAS, VERSION
from workshop_app.roster_import import (
    ImportPlan,
    RawTable,
    RosterImportError,
    build_participants,
    guess_mapping,
    import_file,
)
from workshop_app.roster_import.building import clean
from workshop_app.roster_import.reading import parse_bytes
from workshop_app.store import Document

# The newest interchange schema: the one that holds every field an import can fill.
_SCHEMA = json.loads(asset(SCHEMAS[VERSION]).read_text(encoding="utf-8"))
PARTICIPANT_SCHEMA = Draft202012Validator(
    {"$defs": _SCHEMA["$defs"], "$ref": "#/$defs/participant"}
)

ROSTER = [
    Participant(id="r1", name="Kerstin Håkansson", organisation="DG DEVCO", email="c@ec.eu"),
    Participant(id="r2", name="Rainer Gottwald", organisation="ICMPD"),
]
HEADERS = [
    "Name",
    "First name",
    "Surname",
    "Title",
    "Organisation",
    "E-mail",
    "Country",
    "Job title",
    "Stakeholder group",
    "Role",
    "Present",
    "Notes",
]
# Header lines put in front of random bytes, so that some of them reach the rows.
PREFIXES = [
    b"",
    b"Name,Email,Role,Present\r\n",
    "Prénom;Nom;Title;Group\n".encode("cp1252"),
    codecs.BOM_UTF16_LE + "Name\tRole\r\n".encode("utf-16-le"),
    codecs.BOM_UTF8 + b"Full name;Present\n",
    b"PK\x03\x04",
]
FILE_NAMES = ["people.csv", "people.xlsx", "people.txt"]
SPECIAL = 'éüñß中文العربية\u200f\u202e\u0301\ufeff\u200b\u2028\x01\x0b\x1b\x7f\x85\xa0\r\n\t",;'
CHARS = st.one_of(st.characters(codec="utf-8", exclude_characters="\x00"), st.sampled_from(SPECIAL))


def outcome(data: bytes, file_name: str) -> tuple[RawTable | None, ImportPlan | RosterImportError]:
    """What reading and planning ``data`` gives: a plan, or the error (never anything else)."""
    table = None
    try:
        table = parse_bytes(data, file_name)
        plan = build_participants(table, guess_mapping(table.headers), ROSTER, known_groups=["NGO"])
    except RosterImportError as error:
        return table, error
    return table, plan


def assert_refused_in_words(error: RosterImportError, table: RawTable | None) -> None:
    """The message names a row of the file, or says the file or its columns cannot be used."""
    if error.row is not None:
        assert error.message.startswith(f"row {error.row}")
        if table is not None:
            assert error.row in table.source_rows
        event("refused: a row")
    else:
        assert error.message.startswith(
            ("Cannot read ", "No column holds the participants' names", "Cannot tell which column")
        ), error.message
        event(f"refused: {error.message.split(':')[0][:30]}")


def assert_valid_plan(plan: ImportPlan, table: RawTable | None) -> None:
    """Every participant meets the schema, holds one-line text, and no one is added twice."""
    assert table is not None
    assert len(plan.to_add) + len(plan.skipped) == len(table.rows) == len(plan.rows)
    emails = set()
    for participant in plan.to_add:
        fields = {k: v for k, v in dataclasses.asdict(participant).items() if v is not None}
        fields["role"] = participant.role.value
        assert not list(PARTICIPANT_SCHEMA.iter_errors(fields)), fields
        for value in fields.values():
            if isinstance(value, str):
                assert value == clean(value)
        if participant.email:
            assert participant.email.casefold() not in emails
            emails.add(participant.email.casefold())
    assert "c@ec.eu" not in emails
    event(f"planned: {'someone' if plan.to_add else 'nobody'} to add")


def check(data: bytes, file_name: str) -> None:
    table, result = outcome(data, file_name)
    if isinstance(result, RosterImportError):
        assert_refused_in_words(result, table)
    else:
        assert_valid_plan(result, table)


@settings(max_examples=200, deadline=None)
@given(
    prefix=st.sampled_from(PREFIXES), body=st.binary(max_size=400), name=st.sampled_from(FILE_NAMES)
)
def test_random_bytes_give_a_valid_plan_or_a_known_error(
    prefix: bytes, body: bytes, name: str
) -> None:
    check(prefix + body, name)


ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "cp1252",
    "latin-1",
    "utf-32",
]


@settings(max_examples=150, deadline=None)
@given(
    headers=st.lists(st.sampled_from(HEADERS), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    body=st.text(CHARS, max_size=300),
    encoding=st.sampled_from(ENCODINGS),
)
def test_random_text_in_random_encodings_gives_a_valid_plan_or_a_known_error(
    headers: list[str], delimiter: str, body: str, encoding: str
) -> None:
    text = delimiter.join(headers) + "\n" + body
    check(text.encode(encoding, errors="replace"), "people.csv")


def cell_text(encoding: str) -> st.SearchStrategy[str]:
    strategy = st.text(CHARS, max_size=12)
    if encoding == "cp1252":
        return strategy.map(lambda s: s.encode("cp1252", "replace").decode("cp1252"))
    return strategy


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-le-bom":
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(encoding)


@st.composite
def registration_lists(draw: st.DrawFn) -> tuple[list[str], list[list[str]], str, str]:
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=2, max_size=6, unique=True))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16-le-bom", "cp1252"]))
    row = st.lists(cell_text(encoding), min_size=len(headers), max_size=len(headers))
    rows = draw(st.lists(row, max_size=6))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    return headers, rows, delimiter, encoding


@settings(max_examples=150, deadline=None)
@given(registration_lists())
def test_csv_written_by_a_spreadsheet_reads_back_cell_for_cell(
    case: tuple[list[str], list[list[str]], str, str],
) -> None:
    headers, rows, delimiter, encoding = case
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows([headers, *rows])
    data = encode(buffer.getvalue(), encoding)
    if encoding == "cp1252":
        # Windows-1252 bytes that happen to be valid UTF-8 are read as UTF-8, as they must be.
        try:
            data.decode("utf-8")
            event("cp1252 text that is also UTF-8")
            return
        except UnicodeDecodeError:
            pass
    table = parse_bytes(data, "people.csv")
    expected = [[cell.strip() for cell in row] for row in rows]
    assert table.headers == headers
    assert table.rows == [row for row in expected if any(row)]
    check(data, "people.csv")


def _roster(document: Document) -> list[Participant]:
    return document.participants.list()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    prefix=st.sampled_from(PREFIXES[1:5]),
    body=st.one_of(st.binary(max_size=200), st.text(CHARS, max_size=200).map(str.encode)),
)
def test_import_file_adds_valid_rows_or_leaves_the_roster_unchanged(
    prefix: bytes, body: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        people = Path(folder) / "people.csv"
        people.write_bytes(prefix + body)
        with Document.create(Path(folder) / "w.workshop", Workshop(title="W")) as document:
            document.participants.add_many(ROSTER)
            before = _roster(document)
            try:
                report = import_file(document, people)
            except RosterImportError as error:
                assert_refused_in_words(error, None)
                assert _roster(document) == before
                return
            after = _roster(document)
            assert after[: len(before)] == before
            assert len(after) == len(before) + report.added
            event(f"imported: {'someone' if report.added else 'nobody'}")
